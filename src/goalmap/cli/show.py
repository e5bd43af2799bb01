"""``goalmap show``: a goal level, category, work, resource, table, algorithm or challenge."""

from __future__ import annotations

from typing import Optional

import typer

from goalmap.cli.output import emit_json, load_kb, print_view, user_errors


def show(
    target: str = typer.Argument(..., help="A goal level (instructions, preferences, values), "
                                 "'goals' (Figure 5), or the id, name or alias of any entry."),
    scheme: Optional[str] = typer.Option(None, "--scheme", help="Taxonomy edition to draw "
                                         "levels from (default: Figure 2)."),
    as_json: bool = typer.Option(False, "--json", help="Print the view as JSON "
                                 "(a tree of objects with label and children)."),
) -> None:
    """Show one entry of the knowledge base, with everything linked to it."""
    from goalmap.errors import UnknownTarget
    from goalmap.views import view

    with user_errors():
        kb = load_kb()
        if scheme is not None and scheme not in kb.schemes:
            raise UnknownTarget(scheme, [s for s in kb.schemes], what="scheme")
        result = view(kb, target, scheme)
        if as_json:
            emit_json(result)
        else:
            print_view(result)


def register(app: typer.Typer) -> None:
    app.command("show")(show)
