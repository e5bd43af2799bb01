"""The CLI reference (docs/cli.md), generated from the app's own help.

Regenerate with ``python -m goalmap.cli.reference > docs/cli.md``; a test
fails when the file is stale.
"""

from __future__ import annotations

def exit_codes() -> str:
    """The exit-code table, from ``goalmap.errors.EXIT_CODES``."""
    from goalmap.errors import EXIT_CODES

    rows = "".join(f"| {code} | {text} |\n" for code, text in EXIT_CODES)
    return "## Exit codes\n\n| code | meaning |\n|---|---|\n" + rows


def render() -> str:
    """Markdown for every command, from typer's own docs generator."""
    import typer
    from typer.cli import get_docs_for_click

    from goalmap.cli import app

    command = typer.main.get_command(app)
    ctx = typer.Context(command, info_name="goalmap")
    body = get_docs_for_click(obj=command, ctx=ctx, name="goalmap", title="goalmap CLI reference")
    note = ("This file is generated from the commands' own help by "
            "`python -m goalmap.cli.reference > docs/cli.md`; do not edit it by hand.\n\n")
    head, _, rest = body.partition("\n\n")
    return f"{head}\n\n{note}{rest.strip()}\n\n{exit_codes()}"


if __name__ == "__main__":
    import sys

    sys.stdout.write(render())
