"""The ``goalmap`` command line: a thin layer over the library.

Commands live one group per module; each imports what it needs inside its
body, so ``goalmap --help`` and small commands start fast.
"""

from __future__ import annotations

import os
import sys
import typer

from goalmap import __version__
from goalmap.cli.output import NoCacheOption, Options, TaxonomyOption

_fancy = sys.stdout.isatty() and not os.environ.get("NO_COLOR")

app = typer.Typer(
    name="goalmap",
    help="Query, export and lint a knowledge base of LLM alignment goals "
    "(Yao et al., arXiv 2308.12014).",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich" if _fancy else None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        print(f"goalmap {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    ctx: typer.Context,
    taxonomy: TaxonomyOption = None,
    no_cache: NoCacheOption = False,
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    ctx.obj = Options(taxonomy, not no_cache and not os.environ.get("GOALMAP_NO_CACHE"))


# The command groups, one module each (light modules: heavy imports live in the commands).
from goalmap.cli import (  # noqa: E402
    add, compare, export, find, imports, info, lint, new, place, relate, schema, show, stats)

COMMAND_GROUPS = (show, find, relate, compare, stats, export, lint, new, info, add, imports,
                  place, schema)
for _module in COMMAND_GROUPS:
    _module.register(app)


def main() -> None:
    """The console entry point: never a traceback for the user (``GOALMAP_DEBUG=1`` shows it)."""
    try:
        # One program name however it is started (``goalmap`` or ``python -m goalmap``), so
        # the completion scripts and their _GOALMAP_COMPLETE variable are the same.
        app(prog_name="goalmap")
    except Exception as exc:  # noqa: BLE001 - the last resort; GoalmapError is handled earlier
        if os.environ.get("GOALMAP_DEBUG"):
            raise
        from goalmap.errors import EXIT_BUG

        from goalmap.textsafe import terminal

        sys.stderr.write(f"goalmap: internal error: {type(exc).__name__}: {terminal(exc)}\n"
                         "  hint: this is a bug in goalmap; please report it (GOALMAP_DEBUG=1 "
                         "shows the traceback)\n")
        raise SystemExit(EXIT_BUG) from None
