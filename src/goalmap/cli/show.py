"""``goalmap show``: a goal level, category, work, resource, table, algorithm or challenge."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from goalmap.cli.output import (NoCacheOption, TaxonomyOption, emit_json, load_kb, options,
                                print_view, user_errors)
from goalmap.errors import EXIT_PROBLEMS


def show(
    ctx: typer.Context,
    target: str = typer.Argument(..., help="A goal level (instructions, preferences, values), "
                                 "'goals' (Figure 5), or any entry by id, name, alias, title, "
                                 "arXiv id or URL, DOI or citation key ('Bai et al., 2022b')."),
    kind: Optional[str] = typer.Option(None, "--kind", help="Only entries of this kind "
                                       "(work, resource, category, ... or dataset, benchmark, "
                                       "model, ...)."),
    scheme: Optional[str] = typer.Option(None, "--scheme", help="Taxonomy edition to draw "
                                         "levels from (default: Figure 2)."),
    as_json: bool = typer.Option(False, "--json", help="Print the view as JSON "
                                 "(a tree of objects with label and children)."),
    taxonomy: TaxonomyOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Show one entry of the knowledge base, with everything linked to it."""
    from goalmap.views import view

    with user_errors():
        kb = load_kb(options(ctx, taxonomy, no_cache))
        result = view(kb, target, scheme, kind)
        if as_json:
            emit_json(result)
        else:
            print_view(result)


def search(
    ctx: typer.Context,
    text: str = typer.Argument(..., help="Words to look for in ids, names, aliases, titles "
                               "and authors (all must match)."),
    as_json: bool = typer.Option(False, "--json", help="Print the matches as JSON."),
    taxonomy: TaxonomyOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Find entries by words; prints one id, kind and label per line."""
    with user_errors():
        from goalmap.query import search as find

        hits = find(load_kb(options(ctx, taxonomy, no_cache)), text)
        if as_json:
            emit_json([{"id": i, "kind": k, "label": label} for i, k, label in hits])
            return
        for entry_id, kind, label in hits:
            print(f"{entry_id}\t{kind}\t{label}")
        if not hits:
            print(f"goalmap: nothing matches '{text}'", file=sys.stderr)
            raise typer.Exit(EXIT_PROBLEMS)


def register(app: typer.Typer) -> None:
    app.command("show")(show)
    app.command("search")(search)
