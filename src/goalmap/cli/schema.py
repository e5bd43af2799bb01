"""``goalmap schema``: the JSON Schema of each taxonomy file kind, from the models."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from goalmap.cli.output import user_errors


def schema_command(
    kind: Optional[str] = typer.Argument(None, metavar="[KIND]",
                                         help="level, scheme, work, resource, table, "
                                         "algorithm or challenge (default: all)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", metavar="DIR",
                                       help="Write KIND.json files into DIR (as docs/schema/ "
                                       "holds them) instead of printing."),
) -> None:
    """Print the JSON Schema of a file kind (all kinds: one JSON object by kind name).

    Editors use these through the '# yaml-language-server: $schema=...' line that add and
    new write. Exit codes: 0 done, 2 unknown kind, 3 cannot write.
    """
    with user_errors():
        import json

        from goalmap.fsutil import write_atomic
        from goalmap.kinds import FILE_KINDS
        from goalmap.schemas import dumps, file_kind, schema_of

        kinds = [file_kind(kind)] if kind else list(FILE_KINDS)
        if out is not None:
            if not out.is_dir():
                from goalmap.errors import OutputError

                raise OutputError(f"no such folder: {out}")
            for k in kinds:
                path = write_atomic(out / f"{k.name}.json", dumps(k))
                print(f"wrote {path}", file=sys.stderr)
            return
        if kind:
            sys.stdout.write(dumps(kinds[0]))
        else:
            sys.stdout.write(json.dumps({k.name: schema_of(k) for k in kinds}, indent=2,
                                        ensure_ascii=False) + "\n")


def register(app: typer.Typer) -> None:
    """Add this group's commands to the app."""
    app.command("schema")(schema_command)
