"""The CLI reference (docs/cli.md), generated from the app's own help.

Regenerate with ``python -m goalmap.cli.reference > docs/cli.md``; a test
fails when the file is stale.
"""

from __future__ import annotations

EXIT_CODES = """## Exit codes

| code | meaning |
|---|---|
| 0 | success (for `lint`: no errors; with `--strict`, no warnings either) |
| 1 | the knowledge base has errors, a target was not found, or `--check` found a difference |
| 2 | usage error: a bad option, a missing taxonomy folder, a bad configuration, an existing id |
| 3 | an output file could not be written (the old file is left whole) |
| 4 | an external tool (Graphviz `dot`) is missing or failed |
"""


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
    return f"{head}\n\n{note}{rest.strip()}\n\n{EXIT_CODES}"


if __name__ == "__main__":
    import sys

    sys.stdout.write(render())
