"""``goalmap export``: Figure 2 and the whole graph in the formats other tools read."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from goalmap.cli.output import (NoCacheOption, TaxonomyOption, complete_scheme, error, load_kb,
                                options, scheme_names, user_errors)
from goalmap.errors import EXIT_PROBLEMS
from goalmap.export import FORMATS  # the registry only: no exporter is imported here

FORMAT_NAMES = ", ".join(FORMATS)
FORMAT_ALIASES = ", ".join(a for f in FORMATS.values() for a in f.aliases)
WHOLE = ", ".join(f.name for f in FORMATS.values() if f.whole)
RANKDIRS = ("LR", "TB", "RL", "BT")
ExportSchemeOption = Annotated[Optional[str], typer.Option(
    "--scheme", metavar="NAME", autocompletion=complete_scheme, show_default=False,
    help="Taxonomy edition to export, case-insensitive: " + ", ".join(scheme_names())
    + f", or 'all' for every scheme ({WHOLE}). The default, for every format, is the default "
    "scheme (Figure 2); html, the explorer, opens on it and carries every edition.")]

# CLI option name -> the exporter keyword it sets.
OPTION_FLAGS = {
    "one_node_per_work": "--one-node-per-work", "tables": "--no-tables", "fenced": "--fenced",
    "heading_level": "--heading-level", "dpi": "--dpi", "size": "--size",
    "rankdir": "--rankdir", "base_iri": "--base-iri",
}


def export(
    ctx: typer.Context,
    fmt: Optional[str] = typer.Argument(
        None, metavar="FORMAT",
        help=f"One of: {FORMAT_NAMES} (aliases: {FORMAT_ALIASES}). "
        "When left out, it is inferred from the name given to -o or --check (.md, .svg, .png, "
        ".ttl, .jsonld, .csl.json, .bib, ...)."),
    scheme: ExportSchemeOption = None,
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
    heading_level: Optional[int] = typer.Option(
        None, "--heading-level", metavar="N", min=1, max=6,
        help="markdown: the title's heading level (default 1); every heading moves down by "
        "N-1, so the document fits under a section of another one. Levels past 6 stay at 6."),
    fenced: bool = typer.Option(False, "--fenced",
                                help="mermaid: wrap the chart in a ```mermaid code block."),
    rankdir: Optional[str] = typer.Option(
        None, "--rankdir", metavar="DIR",
        help="dot/svg/png: direction of the tree: LR (default, as Figure 2), TB, RL or BT."),
    size: Optional[str] = typer.Option(
        None, "--size", metavar="W,H",
        help="dot/svg/png: largest drawing size in inches (e.g. 7,9.5 for a page); the "
        "figure is scaled down to fit, keeping its proportions."),
    dpi: Optional[int] = typer.Option(
        None, "--dpi", metavar="N", min=36, max=1200,
        help="png: resolution in dots per inch (Graphviz's default is 96; 300 for print)."),
    base_iri: Optional[str] = typer.Option(
        None, "--base-iri", metavar="IRI",
        help="turtle/jsonld: the base of every IRI minted for schemes, categories, works and "
        "resources (default https://goalmap.invalid/)."),
    taxonomy: TaxonomyOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Export the taxonomy (or a level or category of it) in one of the FORMATS.

    Every format exports the same scheme by default: the default scheme, Figure 2.
    """
    from goalmap.errors import UsageError
    from goalmap.export import chunks, find_format, format_for_path

    with user_errors():
        if output is not None and check is not None:
            raise UsageError("give either -o or --check, not both")
        target = output or check
        if fmt is not None:
            chosen = find_format(fmt)
        elif target is not None:
            chosen = format_for_path(target)
            if chosen is None:
                raise UsageError(f"cannot tell the format from the name '{target.name}'",
                                 hint=f"name it: goalmap export FORMAT -o {target}; "
                                 f"the formats are {FORMAT_NAMES}")
        else:
            raise UsageError("give a FORMAT, or -o FILE with a known ending (.md, .svg, ...)",
                             hint=f"the formats are {FORMAT_NAMES}")
        opts: dict = {}
        if one_node_per_work:
            opts["one_node_per_work"] = True
        if no_tables:
            opts["tables"] = False
        if fenced:
            opts["fenced"] = True
        if heading_level is not None:
            opts["heading_level"] = heading_level
        if dpi is not None:
            opts["dpi"] = dpi
        if size is not None:
            opts["size"] = _size(size)
        if rankdir is not None:
            if rankdir.upper() not in RANKDIRS:
                raise UsageError(f"--rankdir must be one of {', '.join(RANKDIRS)}, not '{rankdir}'")
            opts["rankdir"] = rankdir.upper()
        if base_iri is not None:
            opts["base_iri"] = base_iri
        for key in opts:
            if key not in chosen.options:
                raise UsageError(f"{OPTION_FLAGS[key]} does not apply to {chosen.name}",
                                 hint=_applies_to(key))
        if (chosen.binary and (output is None or str(output) == "-") and check is None
                and sys.stdout.isatty()):
            raise UsageError(f"{chosen.name} is binary; not writing it to a terminal",
                             hint="use -o FILE, or redirect stdout")
        # Pieces as the exporter makes them (the large formats stream), written as they come.
        pieces = chunks(load_kb(options(ctx, taxonomy, no_cache)), chosen.name, scheme=scheme,
                        root=root, **opts)
        if check is not None:
            data = b"".join(p.encode("utf-8") if isinstance(p, str) else p for p in pieces)
            _check(check, data, chosen.binary)
        elif output is not None and str(output) != "-":
            from goalmap.fsutil import write_atomic

            write_atomic(output, pieces)
        else:
            for piece in pieces:
                sys.stdout.buffer.write(piece.encode("utf-8") if isinstance(piece, str)
                                        else piece)
            sys.stdout.flush()


def _applies_to(key: str) -> str:
    names = [f.name for f in FORMATS.values() if key in f.options]
    return f"{OPTION_FLAGS[key]} is for " + ", ".join(names)


def _size(text: str) -> tuple[float, float]:
    """``W,H`` in inches, both positive and at most 1000."""
    from goalmap.errors import UsageError

    try:
        w, h = (float(x) for x in text.split(","))
    except ValueError:
        raise UsageError(f"--size takes W,H in inches (e.g. 7,9.5), not '{text}'") from None
    if not (0 < w <= 1000 and 0 < h <= 1000):
        raise UsageError(f"--size {text}: width and height must be between 0 and 1000 inches")
    return (w, h)


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
