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
    no_lint: bool = typer.Option(False, "--no-lint", help="Write even if lint finds errors."),
    taxonomy: TaxonomyOption = None,
) -> None:
    """Write taxonomy/works/ID.yaml and print where it went."""
    with user_errors():
        from goalmap.lint.linter import lint
        from goalmap.scaffold import new_work, work_yaml

        root = _target_folder(options(ctx, taxonomy))
        if not no_lint:
            _precheck(work_id, work_yaml(work_id, title, authors, year, arxiv=arxiv, url=url,
                                         et_al=et_al))
        path = new_work(root, work_id, title, authors, year, arxiv=arxiv, url=url,
                        et_al=et_al)
        print(f"wrote {path}")
        found = [p for p in lint(root, paths=[f"works/{work_id}.yaml"])
                 if p.level != "info" and p.rule != "orphan-work"]
        for p in found:
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


def _precheck(work_id: str, text: str) -> None:
    """Lint the entry alone (format rules) before writing it."""
    import tempfile
    from pathlib import Path

    from goalmap.lint.config import LintConfig
    from goalmap.lint.linter import lint

    own = ["schema", "id-format", "arxiv-format", "arxiv-year", "year-range", "url-format",
           "author-format"]
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "works").mkdir()
        (Path(tmp) / "works" / f"{work_id}.yaml").write_text(text, encoding="utf-8")
        found = [p for p in lint(tmp, LintConfig(select=own)) if p.level == "error"]
    if found:
        for p in found:
            error(f"{p.message} ({p.rule})")
        error("nothing written", "fix the options above, or pass --no-lint")
        raise typer.Exit(EXIT_PROBLEMS)


def register(app: typer.Typer) -> None:
    """Add this group's commands to the app."""
    app.add_typer(new_app, name="new")
