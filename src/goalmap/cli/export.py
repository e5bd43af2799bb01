"""``goalmap export``: Figure 2 and the whole graph in the formats other tools read."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer

from goalmap.cli.output import (NoCacheOption, SchemeOption, TaxonomyOption, error, load_kb,
                                options, user_errors)
from goalmap.errors import EXIT_PROBLEMS
from goalmap.export import FORMATS  # the registry only: no exporter is imported here

FORMAT_NAMES = ", ".join(FORMATS)


def export(
    ctx: typer.Context,
    fmt: str = typer.Argument(..., metavar="FORMAT", help=f"One of: {FORMAT_NAMES}. html holds every edition "
                             "unless --scheme names one."),
    scheme: SchemeOption = None,
    root: Optional[str] = typer.Option(None, "--root", metavar="ID",
                                       help="Export only a goal level (instructions, preferences, "
                                       "values: its branches in both perspectives) or a category."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FILE",
                                          help="Write to FILE (atomically) instead of stdout."),
    check: Optional[Path] = typer.Option(None, "--check", metavar="FILE",
                                         help="Write nothing; exit 1 with a diff when FILE is not "
                                         "what the export would write."),
    one_node_per_work: bool = typer.Option(False, "--one-node-per-work",
                                           help="dot/svg/png: one node per citation instead of "
                                           "one box of citations per category."),
    no_tables: bool = typer.Option(False, "--no-tables",
                                   help="markdown: leave out Table 1 and the Figure 5 matrix."),
    fenced: bool = typer.Option(False, "--fenced",
                                help="mermaid: wrap the chart in a ```mermaid code block."),
    taxonomy: TaxonomyOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Export the taxonomy (or a level or category of it) in one of the FORMATS."""
    from goalmap.errors import UsageError
    from goalmap.export import dumps

    with user_errors():
        name = fmt.lower()
        if name not in FORMATS:
            raise UsageError(f"unknown export format '{fmt}'", hint=f"choose one of: {FORMAT_NAMES}")
        if output is not None and check is not None:
            raise UsageError("give either -o or --check, not both")
        opts: dict = {}
        if one_node_per_work:
            opts["one_node_per_work"] = True
        if no_tables:
            opts["tables"] = False
        if fenced:
            opts["fenced"] = True
        result = dumps(load_kb(options(ctx, taxonomy, no_cache)), name, scheme=scheme, root=root, **opts)
        data = result.encode("utf-8") if isinstance(result, str) else result
        if check is not None:
            _check(check, data, FORMATS[name].binary)
        elif output is not None:
            from goalmap.fsutil import write_atomic

            write_atomic(output, data)
        else:
            if FORMATS[name].binary and sys.stdout.isatty():
                raise UsageError(f"{name} is binary; not writing it to a terminal",
                                 hint="use -o FILE, or redirect stdout")
            sys.stdout.buffer.write(data)
            sys.stdout.flush()


def _check(path: Path, data: bytes, binary: bool, max_lines: int = 40) -> None:
    """Exit 1 with a short unified diff when ``path`` differs from ``data``."""
    try:
        old = path.read_bytes()
    except OSError as exc:
        error(f"{path}: cannot read it ({exc.strerror or exc})",
              "run the same command with -o instead of --check to create it")
        raise typer.Exit(EXIT_PROBLEMS)
    if old == data:
        return
    if binary:
        error(f"{path} is out of date ({len(old)} bytes, the export gives {len(data)})",
              "run the same command with -o instead of --check to update it")
        raise typer.Exit(EXIT_PROBLEMS)
    import difflib

    diff = list(difflib.unified_diff(
        old.decode("utf-8", "replace").splitlines(), data.decode("utf-8").splitlines(),
        fromfile=str(path), tofile="export", lineterm="", n=1))
    shown = diff[:max_lines]
    if len(diff) > max_lines:
        shown.append(f"... ({len(diff) - max_lines} more diff lines)")
    sys.stderr.write("\n".join(shown) + "\n")
    error(f"{path} is out of date", "run the same command with -o instead of --check to update it")
    raise typer.Exit(EXIT_PROBLEMS)


def register(app: typer.Typer) -> None:
    app.command("export")(export)
