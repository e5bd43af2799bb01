"""`goalmap lint` and `goalmap rules` on the command line: formats, exit codes, modes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from typer.testing import CliRunner

from goalmap.cli import app
from tests.lint.conftest import write_tree

runner = CliRunner()
BAD = {"works/smith2020example.yaml": "id: smith2020example\ntitle: T\nyear: 2020\n"
       "url: http://example.org/\n"}
WARN_ONLY = {"works/smith2020example.yaml": "id: smith2020example\ntitle: T\nyear: 2020\n"
             'arxiv: "2001.01234"\nurl: https://example.org/\nsummary: An example.\n'}


def run(*args, env=None):
    return runner.invoke(app, list(args), env={"GITHUB_ACTIONS": "", **(env or {})})


def test_clean_taxonomy_exits_0(mini):
    result = run("--taxonomy", str(mini), "lint")
    assert result.exit_code == 0, result.output
    assert result.output == ""  # parsable (not a terminal): nothing to say


def test_errors_exit_1_with_parsable_lines(tmp_path):
    root = write_tree(tmp_path / "taxonomy", BAD)
    result = run("--taxonomy", str(root), "lint", "--select", "url-format")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{root.as_posix()}/works/smith2020example.yaml:4:6: [error] bad URL "
        "'http://example.org/': use https (url-format)"]


def test_warnings_exit_0_and_1_with_strict(tmp_path):
    root = write_tree(tmp_path / "taxonomy", WARN_ONLY)
    assert run("--taxonomy", str(root), "lint").exit_code == 0
    assert run("--taxonomy", str(root), "lint", "--strict").exit_code == 1
    assert run("--taxonomy", str(root), "lint", "--strict", "--ignore",
               "orphan-work").exit_code == 0


def test_usage_errors_exit_2(mini, tmp_path):
    assert run("--taxonomy", str(mini), "lint", "--select", "url-fromat").exit_code == 2
    assert run("--taxonomy", str(mini), "lint", "--format", "xml").exit_code == 2
    assert run("--taxonomy", str(mini), "lint", "--explain", "nope").exit_code == 2
    assert run("--taxonomy", str(mini), "lint", str(tmp_path / "nowhere.yaml")).exit_code == 2
    (mini.parent / ".goalmap.yaml").write_text("lint:\n  levels: {orphan-work: loud}\n")
    result = run("--taxonomy", str(mini), "lint")
    assert result.exit_code == 2 and "loud" in result.output


def test_json_and_sarif_outputs_parse(tmp_path):
    root = write_tree(tmp_path / "taxonomy", BAD)
    data = json.loads(run("--taxonomy", str(root), "lint", "--format", "json").output)
    assert any(p["rule"] == "url-format" and p["line"] == 4 for p in data)
    log = json.loads(run("--taxonomy", str(root), "lint", "-f", "sarif").output)
    assert log["version"] == "2.1.0"


def test_github_is_the_default_on_github_actions(tmp_path):
    root = write_tree(tmp_path / "taxonomy", BAD)
    result = run("--taxonomy", str(root), "lint", "--select", "url-format",
                 env={"GITHUB_ACTIONS": "true"})
    assert result.output.startswith("::error file=")
    assert ",line=4,col=6,title=url-format::" in result.output


def test_paths_mode_from_the_repository_root(tmp_path):
    """pre-commit runs `goalmap lint taxonomy/works/x.yaml` in the repository: the taxonomy
    folder is found from the path, names are printed relative to the working folder."""
    files = dict(BAD)
    files["works/other2020x.yaml"] = "id: other2020x\ntitle: T\nyear: 2020\nurl: http://x.org/\n"
    write_tree(tmp_path / "taxonomy", files)
    env = {k: v for k, v in os.environ.items() if k not in ("GOALMAP_TAXONOMY", "GITHUB_ACTIONS")}
    proc = subprocess.run([sys.executable, "-m", "goalmap", "lint", "--select", "url-format",
                           "taxonomy/works/smith2020example.yaml"],
                          capture_output=True, text=True, cwd=tmp_path, env=env)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.splitlines() == [
        "taxonomy/works/smith2020example.yaml:4:6: [error] bad URL 'http://example.org/': "
        "use https (url-format)"]


def test_explain_prints_the_rule_documentation():
    result = run("lint", "--explain", "arxiv-year")
    assert result.exit_code == 0
    assert result.output.startswith("## arxiv-year")
    assert "Failing example" in result.output and "2210.11416" in result.output


def test_rules_lists_every_rule():
    from goalmap.lint.rules import ALL

    result = run("rules")
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.output.splitlines()] == [r.ID for r in ALL]
    data = json.loads(run("rules", "--json").output)
    by_id = {d["id"]: d for d in data}
    assert {"id": "missing-arxiv", "level": "info"}.items() <= by_id["missing-arxiv"].items()
