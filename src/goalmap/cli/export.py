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
                                          help="Write to FILE instead of stdout ('-': stdout). "
                                          "A regular file is replaced atomically; a device or "
                                          "FIFO is written in place."),
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
        elif output is not None and str(output) != "-":
            from goalmap.fsutil import write_atomic

            write_atomic(output, data)
        else:
            if FORMATS[name].binary and sys.stdout.isatty():
                raise UsageError(f"{name} is binary; not writing it to a terminal",
                                 hint="use -o FILE, or redirect stdout")
            sys.stdout.buffer.write(data)
            sys.stdout.flush()


# --check reads at most this much more than the export holds: a larger file differs anyway.
CHECK_SLACK = 1 << 20
# Above this many lines a side, difflib could take long: report the first differing line.
DIFF_MAX_LINES = 5000


def _check(path: Path, data: bytes, binary: bool, max_lines: int = 40) -> None:
    """Exit 1 with a short unified diff when ``path`` differs from ``data``.

    Only a regular file is read, and at most CHECK_SLACK bytes more than ``data``.
    """
    from goalmap.fsutil import read_regular

    try:
        old, size = read_regular(path, len(data) + CHECK_SLACK)
    except OSError as exc:
        error(f"{path}: cannot read it ({exc.strerror or exc})",
              "run the same command with -o instead of --check to create it")
        raise typer.Exit(EXIT_PROBLEMS)
    if size == len(data) and old == data:
        return
    if size > len(old):
        error(f"{path} is out of date: it is larger than the export ({size} bytes, the export "
              f"gives {len(data)})", "run the same command with -o instead of --check to update it")
        raise typer.Exit(EXIT_PROBLEMS)
    if binary:
        error(f"{path} is out of date ({len(old)} bytes, the export gives {len(data)})",
              "run the same command with -o instead of --check to update it")
        raise typer.Exit(EXIT_PROBLEMS)
    import difflib

    from goalmap.textsafe import terminal

    before = old.decode("utf-8", "replace").splitlines()
    after = data.decode("utf-8", "replace").splitlines()
    if max(len(before), len(after)) > DIFF_MAX_LINES:
        first = next((i for i, (a, b) in enumerate(zip(before, after)) if a != b),
                     min(len(before), len(after)))
        error(f"{path} is out of date from line {first + 1} on",
              "run the same command with -o instead of --check to update it")
        raise typer.Exit(EXIT_PROBLEMS)
    diff = [terminal(line) for line in difflib.unified_diff(
        before, after, fromfile=str(path), tofile="export", lineterm="", n=1)]
    shown = diff[:max_lines]
    if len(diff) > max_lines:
        shown.append(f"... ({len(diff) - max_lines} more diff lines)")
    sys.stderr.write("\n".join(shown) + "\n")
    error(f"{path} is out of date", "run the same command with -o instead of --check to update it")
    raise typer.Exit(EXIT_PROBLEMS)


def register(app: typer.Typer) -> None:
    app.command("export")(export)
