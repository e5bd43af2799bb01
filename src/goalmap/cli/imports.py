"""``goalmap import bibtex``: add the works of a BibTeX file, skipping what is already known."""

from __future__ import annotations

from pathlib import Path

import typer

from goalmap.cli.output import TaxonomyOption, options, user_errors

MAX_BIB_BYTES = 16 << 20  # a 16 MiB bibliography holds tens of thousands of entries

import_app = typer.Typer(help="Add works in bulk from a bibliography file.",
                         no_args_is_help=True)


@import_app.command("bibtex")
def import_bibtex(
    ctx: typer.Context,
    file: Path = typer.Argument(..., metavar="FILE", help="A .bib file (BibTeX or BibLaTeX)."),
    dry_run: bool = typer.Option(False, "--dry-run", "-n", help="Show the table, write nothing."),
    as_json: bool = typer.Option(False, "--json", help="Print what happened as JSON."),
    taxonomy: TaxonomyOption = None,
) -> None:
    """Add each entry as a work (arXiv ids from eprint or url, DOIs, authors as 'First Last').

    Duplicates, within the file or of works already in the knowledge base (same arXiv id,
    DOI or normalised title), and entries that cannot be read are skipped; a table says what
    was added, skipped and why. Exit codes: 0 done (duplicates skipped); 1 an entry could not
    be read, or lint errors in the new entries (then nothing is written); 2 no such file or no
    taxonomy folder; 3 a file cannot be written.
    """
    with user_errors():
        from goalmap.cli.add import apply, knowledge_base
        from goalmap.errors import UsageError
        from goalmap.ingest import papers_from_bibtex, plan

        if not file.exists():
            raise UsageError(f"no such file: {file}")
        if not file.is_file():
            raise UsageError(f"{file} is not a regular file")
        if file.stat().st_size > MAX_BIB_BYTES:
            raise UsageError(f"{file} is larger than {MAX_BIB_BYTES:,} bytes",
                             hint="split it into several files")
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(f"cannot read {file}: {getattr(exc, 'strerror', None) or exc}")
        root, index, taken = knowledge_base(options(ctx, taxonomy))
        outcomes = plan(index, taken, papers_from_bibtex(text, file.name))
        raise typer.Exit(apply(root, outcomes, dry_run, as_json, table=True, skip_ok=True))


def register(app: typer.Typer) -> None:
    """Add this group's commands to the app."""
    app.add_typer(import_app, name="import")
