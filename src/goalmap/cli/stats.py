"""``goalmap stats`` and ``goalmap table``: counts, and the survey's tables for papers."""

from __future__ import annotations

import sys

import typer

from goalmap.cli.output import (NoCacheOption, SchemeOption, TaxonomyOption, emit_json, load_kb,
                                options, plain_table, user_errors)


def stats(
    ctx: typer.Context,
    scheme: SchemeOption = None,
    as_json: bool = typer.Option(False, "--json", help="Print the counts as JSON."),
    taxonomy: TaxonomyOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Count entries: a coverage matrix of goal level x perspective (definition, evaluation)
    x resource kind in one scheme, totals per kind, and the works' arXiv, DOI, code and data
    links.

    Exit codes: 0 counted, 2 unknown scheme.
    """
    from goalmap.stats import stats as count

    with user_errors():
        data = count(load_kb(options(ctx, taxonomy, no_cache)), scheme)
    if as_json:
        emit_json(data)
        return
    t = data["totals"]
    print("Entries: " + ", ".join(f"{v} {k}" for k, v in t.items() if k != "resource_kinds"))
    print("Resources by kind: " + ", ".join(f"{v} {k}" for k, v in t["resource_kinds"].items()
                                            if v))
    print(f"\nCited in {data['scheme']} (distinct works and resources per cell):")
    cols = data["columns"]
    rows = [[str(r[c]) for c in cols] for r in data["matrix"]]
    print("\n".join(plain_table({"columns": cols, "rows": rows})))
    print("\nLinks of the works:")
    for name, s in data["links"].items():
        print(f"  {name}: {s['count']}/{s['of']} ({s['percent']}%)")


def table(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="A table by id or name: table1 ('Table 1'), figure5."),
    fmt: str = typer.Option("md", "--format", help="md, csv, json, or latex (a booktabs "
                            "tabular; needs \\usepackage{booktabs,amssymb})."),
    as_json: bool = typer.Option(False, "--json", help="Same as --format json."),
    taxonomy: TaxonomyOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Print one of the survey's tables (Table 1, the Figure 5 matrix) for a paper or a page.

    Exit codes: 0 printed, 1 no such table, 2 unknown format.
    """
    from goalmap.lookup import resolve_one
    from goalmap.stats import TABLE_FORMATS, render_table
    from goalmap.errors import UsageError

    with user_errors():
        fmt = "json" if as_json else fmt
        if fmt not in TABLE_FORMATS:
            raise UsageError(f"unknown --format '{fmt}'", hint="choose one of: "
                             + ", ".join(TABLE_FORMATS))
        kb = load_kb(options(ctx, taxonomy, no_cache))
        best, _ = resolve_one(kb, name, kind="table")
        sys.stdout.write(render_table(kb.tables[best.id], fmt))


def register(app: typer.Typer) -> None:
    app.command("stats")(stats)
    app.command("table")(table)
