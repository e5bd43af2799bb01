"""`goalmap new`: scaffold a taxonomy entry that passes lint."""

from __future__ import annotations

import sys
from typing import List, Optional

import typer

from pathlib import Path

from goalmap.cli.output import TaxonomyOption, error, locate, options, user_errors
from goalmap.errors import EXIT_PROBLEMS

new_app = typer.Typer(help="Create a new entry in the taxonomy folder.", no_args_is_help=True)


@new_app.command("work")
def new_work_command(
    ctx: typer.Context,
    work_id: str = typer.Option(..., "--id", help="BibTeX-style key: surname, year, first "
                                "title word (ouyang2022training)."),
    title: str = typer.Option(..., "--title", help="The title as published."),
    authors: List[str] = typer.Option(..., "--author", help="An author as 'First Last' "
                                      "(repeat, in order)."),
    year: int = typer.Option(..., "--year"),
    arxiv: Optional[str] = typer.Option(None, "--arxiv", help="arXiv id (2203.02155)."),
    url: Optional[str] = typer.Option(None, "--url", help="https link (default: the arXiv "
                                      "page)."),
    et_al: bool = typer.Option(False, "--et-al", help="The author list is incomplete."),
    summary: str = typer.Option("", "--summary", help="What the work does and why it matters "
                                "here, in your own words (default: empty, to fill in; lint "
                                "warns until it is written)."),
    no_lint: bool = typer.Option(False, "--no-lint", help="Write even if lint finds errors."),
    taxonomy: TaxonomyOption = None,
) -> None:
    """Write taxonomy/works/ID.yaml and print where it went.

    Exit codes: 0 written; 1 an id that breaks the id rule, or lint errors in the new entry
    (nothing written); 2 a taken id or no taxonomy folder (nothing written); 3 the file
    cannot be written.
    """
    with user_errors():
        from goalmap.kinds import BY_NAME
        from goalmap.scaffold import prepare, work_data, write_entry

        root = _target_folder(options(ctx, taxonomy))
        data = work_data(work_id, title, authors, year, arxiv=arxiv, url=url, et_al=et_al,
                         summary=summary)
        if not BY_NAME["work"].id_rule.fullmatch(work_id):  # before any path is built from it
            _refuse_bad_id(root, data)
        target, text = prepare(root, "work", data)
        rel = target.relative_to(root).as_posix()
        found = [] if no_lint else lint_new(root, {rel: text})
        if any(p.level == "error" for p in found):
            report(target, found)
            error("nothing written", "fix the options above, or pass --no-lint")
            raise typer.Exit(EXIT_PROBLEMS)
        path = write_entry(root, "work", target, text)
        print(f"wrote {path}")
        report(path, found)


def _refuse_bad_id(root, data: dict) -> None:
    """An id that breaks the id rule never names a file (it could climb out of works/):
    say why, with the entry's other problems (linted in memory under a name of our own),
    and exit 1 having written nothing, --no-lint or not."""
    from goalmap.errors import GoalmapError
    from goalmap.kinds import BY_NAME
    from goalmap.scaffold import entry_text

    kind = BY_NAME["work"]
    try:
        found = lint_new(root, {"works/new-entry.yaml": entry_text("work", data)})
    except GoalmapError:
        found = []  # the id is not even loadable; the message below says enough
    for p in found:
        if p.level == "error":
            error(f"{p.message} ({p.rule})")
    shown = data["id"] if len(data["id"]) <= 80 else data["id"][:77] + "..."
    error(f"the id {shown!r} is not a valid work id: nothing written",
          f"a work id is {kind.id_help}")
    raise typer.Exit(EXIT_PROBLEMS)


def lint_new(root, overlay: dict[str, str]) -> list:
    """Lint the knowledge base as it would be with ``overlay`` written; the problems
    of the new files that a new entry should not have (orphan-work is expected:
    ``goalmap place`` cites it)."""
    from goalmap.lint import lint, load_config

    return [p for p in lint(root, load_config(root), paths=list(overlay), overlay=overlay)
            if p.level != "info" and p.rule != "orphan-work"]


def report(path, problems: list) -> None:
    for p in problems:
        print(f"{path}:{p.line}:{p.column}: [{p.level}] {p.message} ({p.rule})",
              file=sys.stderr)


def _target_folder(opts) -> Path:
    """Where a new entry goes: the folder of the one rule (``goalmap info``), but never the
    knowledge base inside the installed package: an entry written there would vanish with
    the next install and be in no one's review."""
    from goalmap.errors import UsageError

    found = locate(opts)
    if found.packaged:
        raise UsageError("no taxonomy folder to write into (no taxonomy/ here or above, and "
                         "the packaged knowledge base is read-only)",
                         hint="run this in a checkout of the knowledge base, or pass "
                         "--taxonomy DIR")
    return found.path


def register(app: typer.Typer) -> None:
    """Add this group's commands to the app."""
    app.add_typer(new_app, name="new")
