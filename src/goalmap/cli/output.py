"""Everything that talks to the terminal: errors, JSON, and views as trees or tables.

Plain output (stdout not a terminal, or NO_COLOR set) never imports rich.
"""

from __future__ import annotations

import json
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, Any, Iterator, NoReturn, Optional

import typer


from goalmap.errors import EXIT_OK, GoalmapError, LoadError, Problem


# ------------------------------------------------------------ global options
@dataclass(frozen=True)
class Options:
    """The options every command shares, carried in typer's context (``ctx.obj``)."""

    taxonomy: Optional[str] = None
    use_cache: bool = True


_TAXONOMY_HELP = ("Taxonomy folder to read (default: $GOALMAP_TAXONOMY, else the nearest "
                  "taxonomy/ upward from here, else the packaged one; see 'goalmap info').")
_NO_CACHE_HELP = "Read every file afresh; do not read or write the cache."
TaxonomyOption = Annotated[Optional[str], typer.Option(
    "--taxonomy", metavar="DIR", help=_TAXONOMY_HELP, show_default=False)]
NoCacheOption = Annotated[bool, typer.Option("--no-cache", help=_NO_CACHE_HELP)]


def options(ctx: typer.Context, taxonomy: Optional[str] = None,
            no_cache: bool = False) -> Options:
    """The global options, with a command's own ``--taxonomy``/``--no-cache`` on top
    (they may be given before or after the command name)."""
    base = ctx.find_root().obj
    if not isinstance(base, Options):
        base = Options(use_cache=not os.environ.get("GOALMAP_NO_CACHE"))
    return Options(taxonomy or base.taxonomy, base.use_cache and not no_cache)


def fancy(stream: Any = None) -> bool:
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)()) and not os.environ.get("NO_COLOR")


def error(message: str, hint: Optional[str] = None) -> None:
    print(f"goalmap: error: {message}", file=sys.stderr)
    if hint:
        print(f"  hint: {hint}", file=sys.stderr)


def problem_line(p: Problem) -> str:
    return f"{p.where}: [{p.level}] {p.message} ({p.rule})"


def fail(exc: GoalmapError) -> NoReturn:
    """Print a user error (one line, plus a hint) and exit with its code."""
    if isinstance(exc, LoadError):
        for p in exc.problems:
            print(problem_line(p), file=sys.stderr)
        error(exc.message, "fix the lines above; 'goalmap lint --explain RULE' tells more")
    else:
        error(exc.message, exc.hint)
    raise typer.Exit(exc.exit_code)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn goalmap's own errors into a message and an exit code, never a traceback."""
    try:
        yield
    except GoalmapError as exc:
        fail(exc)
    except BrokenPipeError:
        # The reader went away (``goalmap show values | head``): not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        raise typer.Exit(EXIT_OK)


def locate(opts: Options, start: Any = None):
    """The taxonomy folder the options name, by the one rule of ``goalmap.workspace``."""
    from goalmap.workspace import locate as find

    return find(opts.taxonomy, start)


def load_kb(opts: Options, check: bool = True):
    """The knowledge base the options point at."""
    from goalmap.loader import load

    return load(locate(opts).path, check=check, use_cache=opts.use_cache)


def emit_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")


# ------------------------------------------------------------- view printing
def _head(view: dict) -> list[str]:
    lines = [view["text"]] if view.get("text") else []
    for name, value in view.get("fields", []):
        lines.append(f"{name}: {value}")
    return lines


def plain_table(table: dict) -> list[str]:
    rows = [table["columns"]] + table["rows"]
    widths = [max(len(str(r[i])) for r in rows) for i in range(len(table["columns"]))]
    out = []
    for n, row in enumerate(rows):
        out.append("  ".join(str(c).ljust(w) for c, w in zip(row, widths)).rstrip())
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return out


def plain_lines(view: dict) -> list[str]:
    """A view as text: the head, then the children as a box-drawn tree."""
    title = view["label"] + (f"  [{view['id']}]" if view.get("id") and view.get("kind") in (
        "level", "work", "resource", "table", "algorithm", "challenge") else "")
    lines = [title] + ["  " + ln for ln in _head(view)]
    if view.get("table"):
        lines += ["  " + ln for ln in plain_table(view["table"])]

    def walk(kids: list, prefix: str) -> None:
        for i, kid in enumerate(kids):
            last = i == len(kids) - 1
            lines.append(prefix + ("└── " if last else "├── ") + kid["label"])
            inner = prefix + ("    " if last else "│   ")
            for ln in _head(kid):
                lines.append(inner + ln)
            if kid.get("table"):
                lines.extend(inner + ln for ln in plain_table(kid["table"]))
            walk(kid["children"], inner)

    walk(view["children"], "")
    return lines + also_lines(view)


def also_lines(view: dict) -> list[str]:
    """The other entries a name matched: kind, id and label, one per line."""
    also = view.get("also") or []
    if not also:
        return []
    width = max(len(m["kind"]) for m in also)
    return ["", f"Also matching ({len(also)}; show one by its id, or narrow with --kind):"] + [
        f"  {m['kind'].ljust(width)}  {m['id']}  {m['label']}" for m in also]


def print_view(view: dict) -> None:
    if not fancy():
        sys.stdout.write("\n".join(plain_lines(view)) + "\n")
        return
    from goalmap.cli.richview import print_rich

    print_rich(view)
