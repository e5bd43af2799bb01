"""``goalmap search`` and ``goalmap list``: find entries by a fuzzy name, or list one kind."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from goalmap.cli.output import (KindOption, NoCacheOption, NoPagerOption, SchemeOption,
                                TaxonomyOption, emit_json, load_kb, options, print_rows,
                                user_errors)
from goalmap.errors import EXIT_PROBLEMS
from goalmap.textsafe import terminal


def search(
    ctx: typer.Context,
    text: str = typer.Argument(..., help="What to look for, typos and all: an id, name, alias, "
                               "title, author, 'Surname Year' or arXiv id. Empty: everything."),
    kind: KindOption = None,
    limit: int = typer.Option(20, "--limit", min=1, help="Show at most this many hits."),
    as_json: bool = typer.Option(False, "--json", help="Print the hits as JSON (kind, id, "
                                 "label, year, first_author, field, matched, score)."),
    taxonomy: TaxonomyOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Find entries by name, best match first, tolerant of typos.

    Each hit shows its kind, id, year, first author and the field that matched.
    Exit codes: 0 found, 1 nothing matched, 2 bad option.
    """
    with user_errors():
        from goalmap.find import search as find

        hits = find(load_kb(options(ctx, taxonomy, no_cache)), text, kind, limit)
    if as_json:
        emit_json(hits)
    else:
        for h in hits:
            who = ", ".join(str(x) for x in (h["first_author"], h["year"]) if x)
            print(f"{h['kind']}\t{terminal(h['id'])}\t{terminal(h['label'])}"
                  + (f" ({terminal(who)})" if who else "")
                  + f"\t[{terminal(h['field'])}: {terminal(h['matched'])}]")
    if not hits:
        print(f"goalmap: nothing matches '{terminal(text)}'", file=sys.stderr)
        raise typer.Exit(EXIT_PROBLEMS)


def list_entries(
    ctx: typer.Context,
    kind: str = typer.Argument(..., metavar="KIND", help="works, resources, a resource kind "
                               "(datasets, benchmarks, models, ...), categories, levels, "
                               "schemes, tables, algorithms or challenges."),
    year: Optional[int] = typer.Option(None, "--year", help="Only entries of this year."),
    since: Optional[int] = typer.Option(None, "--since", help="Only entries of this year or "
                                        "later."),
    level: Optional[str] = typer.Option(None, "--level", help="Only entries under this goal "
                                        "level (its sub-levels included)."),
    scheme: SchemeOption = None,
    category: Optional[str] = typer.Option(None, "--category", help="Only entries cited in "
                                           "this category or below it (categories: inside it)."),
    has: Optional[str] = typer.Option(None, "--has", metavar="code|data|arxiv|doi",
                                      help="Only entries with this kind of link."),
    sort: str = typer.Option("id", "--sort", help="Column to sort by (id, year, label, "
                             "first_author, kind, cited, ...)."),
    columns: Optional[str] = typer.Option(None, "--columns", help="Comma-separated columns: "
                                          "id, kind, label, year, first_author, arxiv, doi, "
                                          "code, data, levels, scheme, cited, has."),
    fmt: str = typer.Option("table", "--format", help="table, csv, json or ids."),
    as_json: bool = typer.Option(False, "--json", help="Same as --format json."),
    no_pager: NoPagerOption = False,
    taxonomy: TaxonomyOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """List every entry of one kind, filtered and sorted.

    Exit codes: 0 listed, 1 nothing passed the filters, 2 bad kind, option or column.
    """
    from goalmap.errors import UsageError
    from goalmap.find import COLUMNS, DEFAULT_COLUMNS, listing
    from goalmap.lookup import kinds_for

    with user_errors():
        fmt = "json" if as_json else fmt
        if fmt not in ("table", "csv", "json", "ids"):
            raise UsageError(f"unknown --format '{fmt}'", hint="choose one of: table, csv, "
                             "json, ids")
        cols = [c.strip() for c in columns.split(",")] if columns else list(
            DEFAULT_COLUMNS.get(kinds_for(kind)[0], ("id", "label")))
        bad = [c for c in cols if c not in COLUMNS]
        if bad:
            raise UsageError(f"unknown column '{bad[0]}'", hint="columns: " + ", ".join(COLUMNS))
        kb = load_kb(options(ctx, taxonomy, no_cache))
        rows = listing(kb, kind, year=year, since=since, level=level, scheme=scheme,
                       category=category, has=has, sort=sort, columns=tuple(cols))
    print_rows(rows, cols, fmt, no_pager)
    if not rows:
        print(f"goalmap: no {kind} pass these filters", file=sys.stderr)
        raise typer.Exit(EXIT_PROBLEMS)


def register(app: typer.Typer) -> None:
    app.command("search")(search)
    app.command("list")(list_entries)
