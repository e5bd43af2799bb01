"""``goalmap diff``: how two editions (schemes) of the taxonomy differ."""

from __future__ import annotations

import typer

from goalmap.cli.output import (NoCacheOption, NoPagerOption, TaxonomyOption, complete_scheme,
                                emit_json, load_kb, options, page, scheme_names, user_errors)
from goalmap.textsafe import document, terminal

_SCHEMES = ", ".join(scheme_names())


def diff(
    ctx: typer.Context,
    scheme_a: str = typer.Argument(..., metavar="SCHEME_A", autocompletion=complete_scheme,
                                   help=f"The older edition ({_SCHEMES})."),
    scheme_b: str = typer.Argument(..., metavar="SCHEME_B", autocompletion=complete_scheme,
                                   help="The newer edition."),
    fmt: str = typer.Option("text", "--format", help="text, or markdown for a changelog."),
    as_json: bool = typer.Option(False, "--json", help="Print the changes as JSON."),
    no_pager: NoPagerOption = False,
    taxonomy: TaxonomyOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Compare two editions of the taxonomy: categories added, removed, renamed or moved,
    works added, removed or moved. Categories are matched by the works they cite.

    Exit codes: 0 compared (differences are not an error), 2 unknown scheme or format.
    """
    from goalmap.diff import diff_schemes, render
    from goalmap.errors import UsageError

    with user_errors():
        if fmt not in ("text", "markdown"):
            raise UsageError(f"unknown --format '{fmt}'", hint="choose text or markdown")
        kb = load_kb(options(ctx, taxonomy, no_cache))
        result = diff_schemes(kb, scheme_a, scheme_b)
        if as_json:
            emit_json(result)
            return
        text = render(kb, result, fmt)
    if fmt == "markdown":
        import sys

        sys.stdout.write(document(text))
    else:
        page(terminal(text).replace("\\x0a", "\n"), no_pager)


def register(app: typer.Typer) -> None:
    app.command("diff")(diff)
