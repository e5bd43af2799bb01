"""Everything that talks to the terminal: errors, JSON, and views as trees or tables.

Plain output (stdout not a terminal, or NO_COLOR set) never imports rich.  Every
value from the taxonomy or the command line goes out through ``goalmap.textsafe``
(``terminal`` for people, ``json_dumps`` for --json): no raw control character
reaches a screen, whether the view is printed plain or by rich.
"""

from __future__ import annotations

import functools
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Annotated, Any, Iterator, NoReturn, Optional

import typer


from goalmap.cli.marks import also_lines, erratum_suffix, id_suffix
from goalmap.errors import EXIT_OK, GoalmapError, LoadError, Problem
from goalmap.textsafe import json_dumps, paragraph, terminal


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


@functools.lru_cache(maxsize=None)
def scheme_names() -> tuple[str, ...]:
    """The schemes of the packaged knowledge base, for help texts (read from file names, so
    ``--help`` loads nothing)."""
    from goalmap.workspace import packaged_taxonomy

    try:
        return tuple(sorted(p.rsplit(".", 1)[0]
                            for p in os.listdir(packaged_taxonomy() / "schemes")
                            if p.endswith((".yaml", ".yml"))))
    except OSError:
        return ()


def complete_scheme(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: the scheme ids of the knowledge base in use (from the cache)."""
    kb = _completion_kb(ctx)
    return [s for s in (kb.schemes if kb else ()) if s.startswith(incomplete)]


def complete_entry(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion: entry ids starting with what is typed (from the cache)."""
    kb = _completion_kb(ctx)
    if kb is None:
        return []
    return sorted(i for i in kb.all_ids() if i.startswith(incomplete))[:500]


def _completion_kb(ctx: typer.Context):
    try:
        taxonomy = ctx.params.get("taxonomy") or ctx.find_root().params.get("taxonomy")
        return load_kb(options(ctx, taxonomy, False))
    except Exception:  # completion must never print a traceback into the shell
        return None


SchemeOption = Annotated[Optional[str], typer.Option(
    "--scheme", metavar="NAME", autocompletion=complete_scheme, show_default=False,
    help="Taxonomy edition, case-insensitive: " + ", ".join(scheme_names())
    + " (default: the one marked default, Figure 2; 'goalmap list schemes').")]


def kind_names() -> list[str]:
    """Every name ``--kind`` takes: the entry kinds, then the resource kinds."""
    from goalmap.kinds import KINDS
    from goalmap.vocab import RESOURCE_KINDS

    return [k.name for k in KINDS] + list(RESOURCE_KINDS)


def complete_kind(incomplete: str) -> list[str]:
    return [k for k in kind_names() if k.startswith(incomplete)]


KindOption = Annotated[Optional[str], typer.Option(
    "--kind", metavar="KIND", autocompletion=complete_kind, show_default=False,
    help="Only entries of this kind: " + ", ".join(kind_names()) + ".")]


def fancy(stream: Any = None) -> bool:
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)()) and not os.environ.get("NO_COLOR")


def error(message: str, hint: Optional[str] = None) -> None:
    print(f"goalmap: error: {terminal(message)}", file=sys.stderr)
    if hint:
        print(f"  hint: {terminal(hint)}", file=sys.stderr)


def problem_line(p: Problem) -> str:
    return terminal(f"{p.where}: [{p.level}] {p.message} ({p.rule})")


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
    sys.stdout.write(json_dumps(data, separators=(",", ":")) + "\n")


# ------------------------------------------------------------- view printing
def _head(view: dict, indent: str = "", width: Optional[int] = None) -> list[str]:
    """The paragraph and the fields of a view, each line starting with ``indent``; with a
    ``width``, wrapped so that continuation lines hang under the value (URLs never split)."""
    items = [("", view["text"])] if view.get("text") else []
    items += [(f"{name}: ", str(value)) for name, value in view.get("fields", [])]
    if width is None:
        return [f"{indent}{name}{value}" for name, value in items]
    import textwrap

    lines: list[str] = []
    for name, value in items:
        lines += textwrap.wrap(value, width=max(width, len(indent) + len(name) + 20),
                               initial_indent=indent + name,
                               subsequent_indent=indent + " " * len(name),
                               break_long_words=False, break_on_hyphens=False) or [indent + name]
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


def plain_lines(view: dict, width: Optional[int] = None) -> list[str]:
    """A view as text: the head, then the children as a box-drawn tree; ``width`` (a
    terminal's) wraps paragraphs and fields with a hanging indent, else nothing is wrapped."""
    lines = [view["label"] + id_suffix(view)] + _head(view, "  ", width)
    if view.get("table"):
        lines += ["  " + ln for ln in plain_table(view["table"])]

    def walk(kids: list, prefix: str) -> None:
        for i, kid in enumerate(kids):
            last = i == len(kids) - 1
            lines.append(prefix + ("└── " if last else "├── ") + kid["label"] + id_suffix(kid)
                         + erratum_suffix(kid))
            inner = prefix + ("    " if last else "│   ")
            lines.extend(_head(kid, inner, width))
            if kid.get("table"):
                lines.extend(inner + ln for ln in plain_table(kid["table"]))
            walk(kid["children"], inner)

    walk(view["children"], "")
    return lines + also_lines(view)


def terminal_view(view: Any, key: str = "") -> Any:
    """A copy of a view whose every string is escaped for a terminal (``textsafe``); a
    paragraph (``text``) reads its line breaks as spaces."""
    if isinstance(view, dict):
        return {k: terminal_view(v, k) for k, v in view.items()}
    if isinstance(view, list):
        return [terminal_view(v, key) for v in view]
    if isinstance(view, str):
        return paragraph(view) if key == "text" else terminal(view)
    return view


def print_view(view: dict, no_pager: bool = False) -> None:
    view = terminal_view(view)
    if not fancy():
        import shutil

        width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        page("\n".join(plain_lines(view, width)) + "\n", no_pager)
        return
    from goalmap.cli.richview import render_rich

    page(render_rich(view), no_pager)


# --------------------------------------------------------------------- pager
NoPagerOption = Annotated[bool, typer.Option(
    "--no-pager", help="Print straight to the terminal, even when the output is taller "
    "than the screen.")]


def pager_command() -> Optional[list[str]]:
    """``$GOALMAP_PAGER``, else ``$PAGER``, else ``less -FRX`` (as git does); None for "cat"/""."""
    import shlex

    cmd = os.environ.get("GOALMAP_PAGER", os.environ.get("PAGER", "less -FRX"))
    args = shlex.split(cmd) if cmd.strip() else []
    return args if args and args != ["cat"] else None


def page(text: str, no_pager: bool = False) -> None:
    """Write ``text`` to stdout, through a pager when stdout is a terminal and the text is
    taller than the screen (never when piped, never with --no-pager)."""
    import shutil

    if no_pager or not sys.stdout.isatty():
        sys.stdout.write(text)
        return
    rows = shutil.get_terminal_size().lines
    cmd = pager_command()
    if cmd is None or text.count("\n") < rows:
        sys.stdout.write(text)
        return
    import subprocess

    env = dict(os.environ)
    env.setdefault("LESS", "FRX")
    sys.stdout.flush()
    try:
        subprocess.run(cmd, input=text.encode("utf-8"), env=env, check=False)
    except OSError:  # no such pager: print as if there were none
        sys.stdout.write(text)


# ---------------------------------------------------------------- row output
ROW_FORMATS = ("table", "csv", "json", "ids")


def print_rows(rows: list[dict], columns: list[str], fmt: str = "table",
               no_pager: bool = False) -> None:
    """Rows of plain values as an aligned table, CSV, JSON (a list of objects) or ids."""
    if fmt == "json":
        emit_json([{c: r.get(c) for c in columns} for r in rows])
    elif fmt == "ids":
        sys.stdout.write("".join(f"{terminal(r['id'])}\n" for r in rows))
    elif fmt == "csv":
        import csv
        import io

        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([["" if r.get(c) is None else terminal(r.get(c)) for c in columns]
                          for r in rows])
        sys.stdout.write(out.getvalue())
    elif fmt == "table":
        cells = [["" if r.get(c) is None else terminal(r.get(c)) for c in columns] for r in rows]
        page("\n".join(plain_table({"columns": columns, "rows": cells})) + "\n", no_pager)
    else:
        raise typer.BadParameter(f"choose one of: {', '.join(ROW_FORMATS)}")
