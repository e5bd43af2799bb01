"""The ``goalmap`` command line: a thin layer over the library.

Commands live one group per module; each imports what it needs inside its
body, so ``goalmap --help`` and small commands start fast.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import Optional

import typer

from goalmap import __version__
from goalmap.startup import resume as resume_gc
from goalmap.cli.output import NoCacheOption, Options, TaxonomyOption


def _version(value: bool) -> None:
    if value:
        print(f"goalmap {__version__}")
        raise typer.Exit(0)


def _main(
    ctx: typer.Context,
    taxonomy: TaxonomyOption = None,
    no_cache: NoCacheOption = False,
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    ctx.obj = Options(taxonomy, not no_cache and not os.environ.get("GOALMAP_NO_CACHE"))
    resume_gc()  # start-up is over: the command runs with the collector on


# The command groups: the module under goalmap.cli, and the commands its register(app) adds
# (tests/cli/test_registry.py checks the two agree).  The one list of commands.
COMMAND_GROUPS: dict[str, tuple[str, ...]] = {
    "show": ("show",),
    "find": ("search", "list"),
    "relate": ("related", "path"),
    "compare": ("diff",),
    "stats": ("stats", "table"),
    "export": ("export",),
    "lint": ("lint", "rules"),
    "new": ("new",),
    "info": ("info",),
    "add": ("add",),
    "imports": ("import",),
    "place": ("place", "unplace"),
    "schema": ("schema",),
}
_GLOBAL_WITH_VALUE = ("--taxonomy",)


def build_app(groups: Optional[list[str]] = None) -> typer.Typer:
    """The app with the given command groups (all by default)."""
    fancy = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    built = typer.Typer(
        name="goalmap",
        help="Query, export and lint a knowledge base of LLM alignment goals "
        "(Yao et al., arXiv 2308.12014).",
        no_args_is_help=True,
        add_completion=True,
        pretty_exceptions_enable=False,
        rich_markup_mode="rich" if fancy else None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    built.callback()(_main)
    for name in groups or COMMAND_GROUPS:
        importlib.import_module(f"goalmap.cli.{name}").register(built)
    return built


def group_of(argv: list[str]) -> Optional[str]:
    """The command group ``argv`` runs, when it names one; None otherwise (help, completion).

    A run builds only that group's commands: typer builds every registered command's
    parameters before it runs one, which is most of a small command's start-up."""
    if os.environ.get("_GOALMAP_COMPLETE"):
        argv = _completed_words()  # a completion request: the words before the cursor
    args = iter(argv)
    for arg in args:
        if arg in _GLOBAL_WITH_VALUE:
            next(args, None)
        elif not arg.startswith("-"):
            return next((g for g, names in COMMAND_GROUPS.items() if arg in names), None)
    return None


def _completed_words() -> list[str]:
    """The words a shell completion request has finished (the program name dropped): bash
    passes COMP_WORDS and the cursor's index COMP_CWORD, zsh and fish the line so far in
    _TYPER_COMPLETE_ARGS (the last word is the one being completed unless a space ends it)."""
    words = os.environ.get("COMP_WORDS")
    if words is not None:
        try:
            return words.split()[1:int(os.environ.get("COMP_CWORD", "0"))]
        except ValueError:
            return []
    line = os.environ.get("_TYPER_COMPLETE_ARGS", "")
    parts = line.split()
    return parts[1:] if line[-1:].isspace() else parts[1:-1]


def __getattr__(name: str) -> typer.Typer:
    """``goalmap.cli.app``: the whole app (for tests, the CLI reference and scripts)."""
    if name == "app":
        globals()["app"] = built = build_app()
        return built
    raise AttributeError(name)


def main() -> None:
    """The console entry point: never a traceback for the user (``GOALMAP_DEBUG=1`` shows it)."""
    try:
        # One program name however it is started (``goalmap`` or ``python -m goalmap``), so
        # the completion scripts and their _GOALMAP_COMPLETE variable are the same.
        group = group_of(sys.argv[1:])
        build_app([group] if group else None)(prog_name="goalmap")
    except Exception as exc:  # noqa: BLE001 - the last resort; GoalmapError is handled earlier
        if os.environ.get("GOALMAP_DEBUG"):
            raise
        from goalmap.errors import EXIT_BUG

        from goalmap.textsafe import terminal

        sys.stderr.write(f"goalmap: internal error: {type(exc).__name__}: {terminal(exc)}\n"
                         "  hint: this is a bug in goalmap; please report it (GOALMAP_DEBUG=1 "
                         "shows the traceback)\n")
        raise SystemExit(EXIT_BUG) from None
