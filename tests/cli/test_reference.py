"""docs/cli.md is generated from the app's help; it must match what the app says now."""

from __future__ import annotations

from conftest import ROOT
from goalmap.cli.reference import render


def test_cli_reference_is_current():
    current = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert current == render(), (
        "docs/cli.md is stale: run 'python -m goalmap.cli.reference > docs/cli.md'")


def test_reference_covers_every_command():
    text = render()
    for command in ("show", "search", "export", "lint", "rules", "new"):
        assert f"## `goalmap {command}" in text
    assert "## Exit codes" in text


def test_readme_exit_codes_are_the_table_every_command_uses():
    from pathlib import Path

    from goalmap.errors import EXIT_CODES

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    rows = "".join(f"| {code} | {text} |\n" for code, text in EXIT_CODES)
    assert "| code | meaning |\n|---|---|\n" + rows in readme + "\n"
