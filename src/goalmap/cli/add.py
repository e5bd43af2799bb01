"""``goalmap add arxiv|doi``: add papers by identifier, with metadata from arXiv or Crossref."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import List

import typer

from goalmap.cli.output import TaxonomyOption, emit_json, error, options, user_errors
from goalmap.errors import EXIT_OK, EXIT_PROBLEMS

add_app = typer.Typer(help="Add a paper by its identifier: metadata from arXiv or Crossref, "
                      "written as taxonomy/works/ID.yaml with an empty summary.",
                      no_args_is_help=True)

EXITS = ("Exit codes: 0 every paper written; 1 a duplicate refused, an unknown id, or lint "
         "errors (nothing written); 2 a malformed identifier or no taxonomy folder; "
         "3 a file cannot be written; 4 the service cannot be reached or failed.")

DRY_RUN = typer.Option(False, "--dry-run", "-n", help="Show the files, write nothing.")
AS_JSON = typer.Option(False, "--json", help="Print what happened as JSON.")


@add_app.command("arxiv")
def add_arxiv(
    ctx: typer.Context,
    ids: List[str] = typer.Argument(..., metavar="ID|URL...",
                                    help="arXiv ids (2308.12014, arXiv:2308.12014v2) or "
                                    "arxiv.org links."),
    dry_run: bool = DRY_RUN,
    as_json: bool = AS_JSON,
    taxonomy: TaxonomyOption = None,
) -> None:
    """Add papers from the arXiv API (one request, at arXiv's pace of one per 3 s).

    Exit codes: 0 every paper written; 1 a duplicate refused, an unknown id, or lint errors
    (nothing written); 2 a malformed identifier or no taxonomy folder; 3 a file cannot be
    written; 4 the service cannot be reached or failed.
    """
    with user_errors():
        from goalmap.metadata import arxiv_id, arxiv_papers, make_client

        wanted = list(dict.fromkeys(arxiv_id(i) for i in ids))
        _run(options(ctx, taxonomy), wanted, "arxiv",
             arxiv_papers, make_client, dry_run, as_json)


@add_app.command("doi")
def add_doi(
    ctx: typer.Context,
    dois: List[str] = typer.Argument(..., metavar="DOI|URL...",
                                     help="DOIs (10.3115/1073083.1073135) or doi.org links."),
    dry_run: bool = DRY_RUN,
    as_json: bool = AS_JSON,
    taxonomy: TaxonomyOption = None,
) -> None:
    """Add papers from Crossref.

    Exit codes: 0 every paper written; 1 a duplicate refused, an unknown DOI, or lint errors
    (nothing written); 2 a malformed identifier or no taxonomy folder; 3 a file cannot be
    written; 4 the service cannot be reached or failed.
    """
    with user_errors():
        from goalmap.metadata import crossref_paper, doi_of, make_client

        wanted = list(dict.fromkeys(doi_of(d) for d in dois))
        _run(options(ctx, taxonomy), wanted, "doi",
             lambda client, todo: [crossref_paper(client, d) for d in todo], make_client,
             dry_run, as_json)


def _run(opts, wanted: list[str], key: str, fetch, make_client, dry_run: bool,
         as_json: bool) -> None:
    """Refuse known identifiers before any request; fetch the rest; plan; write."""
    from goalmap.ingest import Outcome, plan

    root, index, taken = knowledge_base(opts)
    known = [Outcome(ident, None, "skipped", work_id=index[f"{key}:{ident.lower()}"],
                     reason=f"same {'arXiv id' if key == 'arxiv' else 'DOI'} as "
                     f"{index[f'{key}:{ident.lower()}']} (in the knowledge base)")
             for ident in wanted if f"{key}:{ident.lower()}" in index]
    todo = [i for i in wanted if f"{key}:{i.lower()}" not in index]
    papers = []
    if todo:
        with make_client() as client:
            papers = fetch(client, todo)
    outcomes = known + plan(index, taken, [(p.source, p, "") for p in papers])
    code = apply(root, outcomes, dry_run, as_json)
    raise typer.Exit(code)


def knowledge_base(opts) -> tuple[Path, dict[str, str], dict[str, str]]:
    """(root to write into, identifying key -> work id, every id -> its file)."""
    from goalmap.cli.new import _target_folder
    from goalmap.loader import load
    from goalmap.query import work_key_index
    from goalmap.scaffold import existing_ids

    root = _target_folder(opts)
    kb = load(root, check=False, use_cache=opts.use_cache)
    return root, work_key_index(kb), existing_ids(root)


def apply(root: Path, outcomes: list, dry_run: bool, as_json: bool,
          table: bool = False, skip_ok: bool = False) -> int:
    """Lint the new files together (in memory), then write them, or show them (dry run).

    Returns the exit code: 1 when lint found errors (nothing written), or anything was
    skipped (with ``skip_ok``: only an entry that could not be read counts)."""
    from goalmap.cli.new import lint_new, report
    from goalmap.scaffold import prepare, write_entry

    added = [o for o in outcomes if o.action == "added"]
    staged = [(o, *prepare(root, "work", o.data, ids={})) for o in added]
    overlay = {target.relative_to(root).as_posix(): text for _, target, text in staged}
    found = lint_new(root, overlay) if overlay else []
    errors = [p for p in found if p.level == "error"]
    if errors:
        for o, target, _ in staged:
            report(target, [p for p in errors
                            if p.file == target.relative_to(root).as_posix()])
        error("nothing written: the new entries would not lint clean")
        return EXIT_PROBLEMS
    targets = {id(o): target for o, target, _ in staged}
    for o, target, text in staged:
        if not dry_run:
            write_entry(root, "work", target, text)
        if not as_json and not table:
            sys.stdout.write(text)
            print(("would write " if dry_run else "wrote ") + str(target), file=sys.stderr)
            if o.paper.category:
                print(f"  arXiv primary category: {o.paper.category}", file=sys.stderr)
            report(target, [p for p in found
                            if p.file == target.relative_to(root).as_posix()])
    skipped = [o for o in outcomes if o.action != "added"]
    if not as_json and not table:
        for o in skipped:
            error(f"{o.source}: not added: {o.reason}",
                  f"the existing entry is {o.work_id}" if o.work_id else None)
    rows = [_row(o, targets.get(id(o))) for o in outcomes]
    if as_json:
        emit_json({"dry_run": dry_run, "results": rows})
    elif table:
        _print_table(rows, dry_run)
    if skip_ok:
        return EXIT_PROBLEMS if any(o.paper is None for o in skipped) else EXIT_OK
    return EXIT_PROBLEMS if skipped else EXIT_OK


def _row(o, target) -> dict:
    paper = o.paper
    return {"source": o.source, "action": o.action, "id": o.work_id,
            "file": str(target) if target else None, "reason": o.reason,
            "title": paper.title if paper else None,
            "arxiv_category": paper.category if paper else None}


def _print_table(rows: list[dict], dry_run: bool) -> None:
    from goalmap.cli.output import fancy, plain_table

    verb = "would add" if dry_run else "added"
    table = {"columns": ["source", "result", "id", "why"],
             "rows": [[r["source"], verb if r["action"] == "added" else "skipped",
                       r["id"] or "", r["reason"]] for r in rows]}
    counts = (f"{sum(r['action'] == 'added' for r in rows)} {verb}, "
              f"{sum(r['action'] != 'added' for r in rows)} skipped")
    if fancy():
        from rich.console import Console
        from rich.table import Table

        t = Table(*table["columns"], title=counts)
        for row in table["rows"]:
            t.add_row(*row, style=None if row[1] != "skipped" else "yellow")
        Console().print(t)
        return
    sys.stdout.write("\n".join(plain_table(table)) + "\n" + counts + "\n")


def register(app: typer.Typer) -> None:
    """Add this group's commands to the app."""
    app.add_typer(add_app, name="add")
