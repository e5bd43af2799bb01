"""``goalmap show``: a goal level, category, work, resource, table, algorithm or challenge."""

from __future__ import annotations


import typer

from goalmap.cli.output import (KindOption, NoCacheOption, NoPagerOption, SchemeOption,
                                TaxonomyOption, complete_entry, emit_json, load_kb, options,
                                print_view, user_errors)


def show(
    ctx: typer.Context,
    target: str = typer.Argument(..., help="A goal level (instructions, preferences, values), "
                                 "'goals' (Figure 5), or any entry by id, name, alias, title, "
                                 "arXiv id or URL, DOI or citation key ('Bai et al., 2022b').",
                                 autocompletion=complete_entry),
    kind: KindOption = None,
    scheme: SchemeOption = None,
    as_json: bool = typer.Option(False, "--json", help="Print the view as JSON "
                                 "(a tree of objects with label and children)."),
    no_pager: NoPagerOption = False,
    taxonomy: TaxonomyOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Show one entry of the knowledge base, with everything linked to it.

    When the name fits several entries, the best is shown and the others are listed
    (kind and id). Exit codes: 0 shown, 1 no such entry, 2 bad option or --kind.
    """
    from goalmap.views import view

    with user_errors():
        kb = load_kb(options(ctx, taxonomy, no_cache))
        result = view(kb, target, scheme, kind)
        if as_json:
            emit_json(result)
        else:
            print_view(result, no_pager)


def register(app: typer.Typer) -> None:
    app.command("show")(show)
