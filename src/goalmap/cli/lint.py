"""`goalmap lint` and `goalmap rules`: review taxonomy entries in CI, pre-commit or by hand."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from goalmap.cli.output import TaxonomyOption, emit_json, error, locate, options, user_errors
from goalmap.errors import EXIT_USAGE

FORMAT_NAMES = ("text", "parsable", "json", "github", "sarif")


def _ids(values: Optional[List[str]]) -> list[str]:
    """Rule ids from repeatable, comma-separated options."""
    return [v.strip() for value in values or [] for v in value.split(",") if v.strip()]


def _default_format() -> str:
    if os.environ.get("GITHUB_ACTIONS") == "true":
        return "github"
    return "text" if sys.stdout.isatty() else "parsable"


def _root_for(opts, paths: list[str]) -> Path:
    """The folder by the one rule (``goalmap.workspace``); with paths, the upward search
    starts at the first path, so a fork's files are linted against their own taxonomy."""
    start = Path(paths[0]).resolve().parent if paths else None
    return locate(opts, start).path


def _relative(root: Path, paths: list[str]) -> list[str]:
    from goalmap.errors import UsageError
    from goalmap.loader import discover

    base = root.resolve()
    out: list[str] = []
    for given in paths:
        path = Path(given).resolve()
        if not path.exists():
            raise UsageError(f"no such file: {given}")
        try:
            path.relative_to(base)
        except ValueError:
            raise UsageError(f"{given} is not inside the taxonomy folder {root}",
                             hint="pass --taxonomy DIR for the folder the file belongs to")
        files = discover(path) if path.is_dir() else [path]
        out.extend(f.resolve().relative_to(base).as_posix() for f in files)
    return out


def _shown(root: Path) -> str:
    """How to print the taxonomy folder in file names: relative to the working folder."""
    try:
        return Path(root).resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return Path(root).resolve().as_posix()


def _explain(rule_id: str) -> None:
    from goalmap.lint.docs import explain
    from goalmap.lint.rules import BY_ID

    if rule_id not in BY_ID:
        import difflib

        close = difflib.get_close_matches(rule_id, list(BY_ID), n=3)
        error(f"no lint rule named '{rule_id}'",
              ("did you mean: " + ", ".join(close) + "?") if close
              else "run 'goalmap rules' to list the rules")
        raise typer.Exit(EXIT_USAGE)
    sys.stdout.write(explain(BY_ID[rule_id]))


def lint_command(
    ctx: typer.Context,
    paths: Optional[List[str]] = typer.Argument(
        None, metavar="[PATHS]...",
        help="Report only problems in these files (references still resolve against the "
        "whole knowledge base)."),
    fmt: Optional[str] = typer.Option(
        None, "--format", "-f", metavar="FORMAT",
        help="text, parsable, json, github or sarif (default: text on a terminal, github on "
        "GitHub Actions, else parsable)."),
    strict: bool = typer.Option(False, "--strict", help="Exit 1 on warnings too."),
    explain: Optional[str] = typer.Option(None, "--explain", metavar="RULE",
                                          help="Print a rule's documentation and exit."),
    select: Optional[List[str]] = typer.Option(None, "--select", metavar="RULES",
                                               help="Run only these rules (comma-separated)."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", metavar="RULES",
                                               help="Skip these rules (comma-separated)."),
    config: Optional[Path] = typer.Option(
        None, "--config", metavar="FILE",
        help="Read settings from FILE (default: .goalmap.yaml or pyproject.toml "
        "[tool.goalmap.lint], looked for from the taxonomy folder upwards)."),
    taxonomy: TaxonomyOption = None,
    online: bool = typer.Option(False, "--online", help="Also check that every URL still "
                                "resolves (dead-link, moved-link, unverified-link); uses the "
                                "network."),
    cache_days: float = typer.Option(7.0, "--cache-days", metavar="DAYS",
                                     help="With --online: reuse a URL's result for this many "
                                     "days (0: check every URL again)."),
    timeout: float = typer.Option(10.0, "--timeout", metavar="SECONDS",
                                  help="With --online: give up on a request after this long."),
) -> None:
    """Check the knowledge base: syntax, schema, references, duplicates, ids, links, text.

    Exit codes: 0 clean, 1 errors (warnings too with --strict), 2 usage or configuration error.
    """
    if explain:
        _explain(explain)
        return
    fmt = fmt or _default_format()
    if fmt not in FORMAT_NAMES:
        error(f"unknown format '{fmt}'", f"choose one of: {', '.join(FORMAT_NAMES)}")
        raise typer.Exit(EXIT_USAGE)
    with user_errors():
        from goalmap import __version__
        from goalmap.lint import exit_code, lint, load_config
        from goalmap.lint.formats import render
        from goalmap.lint.rules import ALL

        root = _root_for(options(ctx, taxonomy), paths or [])
        only = _relative(root, paths) if paths else None
        settings = load_config(root, config).merged(_ids(select), _ids(ignore))
        if settings.source:
            from goalmap.textsafe import terminal

            print(f"goalmap: lint settings from {terminal(settings.source)}", file=sys.stderr)
        from goalmap.webclient import env_number

        online_settings = ({"cache_days": cache_days, "timeout": timeout,
                            "retries": int(env_number("GOALMAP_HTTP_RETRIES", 2)),
                            "backoff": env_number("GOALMAP_HTTP_BACKOFF", 1.0)}
                           if online else None)
        problems = lint(root, settings, only, online=online_settings)
        shown = _shown(root)
        if shown != ".":
            for p in problems:
                p.file = f"{shown}/{p.file}"
        sys.stdout.write(render(fmt, problems, rules=ALL, version=__version__))
    raise typer.Exit(exit_code(problems, strict))


def rules_command(
    as_json: bool = typer.Option(False, "--json", help="Print the list as JSON."),
) -> None:
    """List the lint rules with their default level."""
    from goalmap.lint.docs import summary
    from goalmap.lint.rules import ALL

    rows = [{"id": r.ID, "level": r.LEVEL, "summary": summary(r), "options": {k: v.default for k, v in r.OPTIONS.items()}}
            for r in ALL]
    if as_json:
        emit_json(rows)
        return
    width = max(len(r["id"]) for r in rows)
    for r in rows:
        print(f"{r['id']:<{width}}  {r['level']:<7}  {r['summary']}")


def register(app: typer.Typer) -> None:
    """Add this group's commands to the app."""
    app.command("lint")(lint_command)
    app.command("rules")(rules_command)
