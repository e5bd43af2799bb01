"""``goalmap place`` and ``goalmap unplace``: cite a work in a category, or stop citing it."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from goalmap.cli.output import TaxonomyOption, emit_json, error, options, user_errors
from goalmap.errors import EXIT_PROBLEMS

IN = typer.Option(..., "--in", metavar="SCHEME/CATEGORY",
                  help="The scheme and category ids (figure2/fig2-def-values).")
AS_JSON = typer.Option(False, "--json", help="Print what changed as JSON.")
DRY_RUN = typer.Option(False, "--dry-run", "-n", help="Show the change, write nothing.")


def place_command(
    ctx: typer.Context,
    work: str = typer.Argument(..., metavar="WORK", help="The id of the work to cite."),
    target: str = IN,
    label: Optional[str] = typer.Option(None, "--label", metavar="TEXT",
                                        help="The citation's label (default: the work's "
                                        "first alias, else its title)."),
    position: Optional[int] = typer.Option(None, "--position", metavar="N",
                                           help="Its place among the category's citations, "
                                           "from 1 (default: last)."),
    dry_run: bool = DRY_RUN,
    as_json: bool = AS_JSON,
    taxonomy: TaxonomyOption = None,
) -> None:
    """Cite WORK in a category of a scheme file; every other line of the file stays as it is.

    Exit codes: 0 placed; 1 the result would not lint clean, or the work is already cited
    there (nothing written); 2 an unknown work, scheme or category, or a bad option.
    """
    with user_errors():
        from goalmap.placement import default_label, place_text

        job = _context(options(ctx, taxonomy), work, target)
        cat = job["kb"].categories[job["category"]]
        if any(work in c.works for c in cat.citations):
            from goalmap.placement import PlacementError

            raise PlacementError(f"'{job['category']}' cites '{work}' already")
        chosen = label or default_label(job["kb"].works[work])
        new_text = place_text(job["text"], job["category"], work, chosen, position)
        expect = _citations(cat)
        at = len(expect) if position is None else position - 1
        expect.insert(at, _citation(chosen, work))
        _finish(job, new_text, expect, "placed", chosen, dry_run, as_json)


def unplace_command(
    ctx: typer.Context,
    work: str = typer.Argument(..., metavar="WORK", help="The id of the cited work."),
    target: str = IN,
    label: Optional[str] = typer.Option(None, "--label", metavar="TEXT",
                                        help="Which citation, when the work is cited more "
                                        "than once there."),
    dry_run: bool = DRY_RUN,
    as_json: bool = AS_JSON,
    taxonomy: TaxonomyOption = None,
) -> None:
    """Remove WORK's citation from a category; every other line of the file stays as it is.

    Exit codes: 0 removed; 1 no such citation, or the result would not lint clean (nothing
    written); 2 an unknown scheme or category, or a bad option.
    """
    with user_errors():
        from goalmap.placement import unplace_text

        job = _context(options(ctx, taxonomy), work, target, need_work=False)
        cat = job["kb"].categories[job["category"]]
        new_text = unplace_text(job["text"], job["category"], work, label)
        expect = [c for c, orig in zip(_citations(cat), cat.citations)
                  if not (list(orig.works) == [work] and (label is None or orig.label == label))]
        _finish(job, new_text, expect, "unplaced", label, dry_run, as_json)


def _context(opts, work: str, target: str, need_work: bool = True) -> dict:
    from goalmap.cli.new import _target_folder
    from goalmap.errors import UnknownTarget
    from goalmap.loader import load
    from goalmap.placement import split_target
    from goalmap.query import scheme_id

    scheme_name, category = split_target(target)
    root = _target_folder(opts)
    kb = load(root, use_cache=opts.use_cache)
    scheme = scheme_id(kb, scheme_name)
    if category not in kb.categories or kb.category_scheme[category] != scheme:
        import difflib

        ids = [c for c, s in kb.category_scheme.items() if s == scheme]
        raise UnknownTarget(category, difflib.get_close_matches(category, ids, n=3),
                            what=f"category in the scheme '{scheme}'")
    if need_work and work not in kb.works:
        import difflib

        raise UnknownTarget(work, difflib.get_close_matches(work, list(kb.works), n=3),
                            what="work")
    rel = kb.origins[scheme].file
    path = root / rel
    text = path.read_text(encoding="utf-8")
    return {"root": root, "kb": kb, "scheme": scheme, "category": category, "rel": rel,
            "path": path, "text": text}


def _citation(label: str, work: str) -> dict:
    from goalmap.models import Citation

    return Citation(label=label, works=[work]).model_dump(mode="json")


def _citations(cat) -> list[dict]:
    from goalmap.records import as_dict

    return [as_dict(c) for c in cat.citations]


def _finish(job: dict, new_text: str, expect: list, verb: str, label: Optional[str],
            dry_run: bool, as_json: bool) -> None:
    """Check the edit, lint the result in memory, then write (or show) it."""
    import difflib

    from goalmap.fsutil import write_atomic
    from goalmap.lint import lint, load_config
    from goalmap.placement import check_edit
    from goalmap.records import as_dict

    check_edit(as_dict(job["kb"].schemes[job["scheme"]]), new_text, job["rel"],
               job["category"], expect)
    config = load_config(job["root"])  # the project's own levels (orphan-work: error, ...)
    errors = [p for p in lint(job["root"], config, overlay={job["rel"]: new_text})
              if p.level == "error"]
    if errors:
        for p in errors:
            print(f"{p.where}: [{p.level}] {p.message} ({p.rule})", file=sys.stderr)
        error("nothing written: the result would not lint clean")
        raise typer.Exit(EXIT_PROBLEMS)
    diff = "".join(difflib.unified_diff(job["text"].splitlines(True),
                                        new_text.splitlines(True),
                                        f"a/{job['rel']}", f"b/{job['rel']}"))
    if not dry_run:
        write_atomic(job["path"], new_text)
    if as_json:
        emit_json({"action": verb, "dry_run": dry_run, "file": str(job["path"]),
                   "category": job["category"], "label": label, "diff": diff})
        return
    sys.stdout.write(diff)
    print(("would be " if dry_run else "") + f"{verb} in {job['path']}", file=sys.stderr)


def register(app: typer.Typer) -> None:
    """Add this group's commands to the app."""
    app.command("place")(place_command)
    app.command("unplace")(unplace_command)
