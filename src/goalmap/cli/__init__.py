"""The ``goalmap`` command line: a thin layer over the library.

Commands live one group per module; each imports what it needs inside its
body, so ``goalmap --help`` and small commands start fast.
"""

from __future__ import annotations

import os
import sys
from typing import Optional

import typer

from goalmap import __version__
from goalmap.cli import state

_fancy = sys.stdout.isatty() and not os.environ.get("NO_COLOR")

app = typer.Typer(
    name="goalmap",
    help="Query, export and lint a knowledge base of LLM alignment goals "
    "(Yao et al., arXiv 2308.12014).",
    no_args_is_help=True,
    add_completion=False,
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
    taxonomy: Optional[str] = typer.Option(
        None, "--taxonomy", metavar="DIR",
        help="Taxonomy folder to read (default: $GOALMAP_TAXONOMY, else the packaged one).",
    ),
    no_cache: bool = typer.Option(False, "--no-cache", help="Read every file afresh; "
                                  "do not read or write the cache."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    state.taxonomy = taxonomy
    state.use_cache = not no_cache and not os.environ.get("GOALMAP_NO_CACHE")


from goalmap.cli import export, lint, new, show  # noqa: E402  (light modules)

for _module in (show, export, lint, new):
    _module.register(app)


def main() -> None:
    app()
