"""One rule for which taxonomy folder every command reads (goalmap.workspace), and
`goalmap info` naming it.  Each case was a reproduced defect of the first version."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINI
from goalmap.workspace import packaged_taxonomy

COMMANDS = [["show", "values"], ["search", "constitutional"], ["export", "markdown"],
            ["lint"], ["info"], ["new", "work", "--id", "smith2024example", "--title", "T",
                                 "--author", "Jane Smith", "--year", "2024"]]


def goalmap(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "goalmap", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def checkout(tmp_path) -> Path:
    """A fork-like checkout: a repository root with taxonomy/ in it."""
    (tmp_path / ".git").mkdir()
    shutil.copytree(MINI, tmp_path / "taxonomy")
    return tmp_path


def test_new_then_show_read_the_same_folder(checkout):
    """`new work` then `show NEWID` in a checkout: show finds the new entry (it used to
    read the packaged copy and say 'no entry named ...')."""
    made = goalmap("new", "work", "--id", "smith2024example", "--title", "An Example",
                   "--author", "Jane Smith", "--year", "2024", "--no-lint", cwd=checkout)
    assert made.returncode == 0, made.stderr
    shown = goalmap("show", "smith2024example", cwd=checkout / "taxonomy" / "works")
    assert shown.returncode == 0, shown.stderr
    assert "An Example" in shown.stdout


def test_every_command_names_the_same_folder_in_info(checkout):
    info = json.loads(goalmap("info", "--json", cwd=checkout).stdout)
    assert info["taxonomy"] == str((checkout / "taxonomy").resolve())
    assert info["taxonomy_reason"].startswith("the nearest taxonomy/ upward from")


def test_broken_file_fails_show_and_export_as_lint(checkout):
    """A broken ./taxonomy file: lint exited 1 while show and export printed the old data."""
    (checkout / "taxonomy" / "works" / "ouyang2022training.yaml").write_text("id: [oops\n")
    for args in (["lint"], ["show", "values"], ["export", "markdown"]):
        done = goalmap(*args, cwd=checkout)
        assert done.returncode == 1, (args, done.stdout, done.stderr)
        assert "works/ouyang2022training.yaml" in done.stderr + done.stdout


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_every_command_refuses_an_empty_folder(tmp_path, args):
    empty = tmp_path / "empty"
    empty.mkdir()
    done = goalmap("--taxonomy", str(empty), *args, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "holds no goalmap knowledge base" in done.stderr
    assert "levels/, schemes/, works/" in done.stderr
    assert "Traceback" not in done.stderr


def test_repository_root_suggests_its_taxonomy_folder(checkout):
    done = goalmap("--taxonomy", str(checkout), "lint", cwd=checkout)
    assert done.returncode == 2
    assert f"use --taxonomy {checkout / 'taxonomy'}" in done.stderr


def test_taxonomy_option_before_or_after_the_command(tmp_path):
    for args in (["--taxonomy", str(MINI), "lint"], ["lint", "--taxonomy", str(MINI)],
                 ["show", "values", "--taxonomy", str(MINI)]):
        done = goalmap(*args, cwd=tmp_path)
        assert done.returncode == 0, (args, done.stderr)
    info = json.loads(goalmap("info", "--json", "--taxonomy", str(MINI), cwd=tmp_path).stdout)
    assert (info["taxonomy"], info["taxonomy_reason"]) == (str(MINI), "--taxonomy")


def test_environment_then_packaged(tmp_path):
    env = {**__import__("os").environ, "GOALMAP_TAXONOMY": str(MINI)}
    info = json.loads(goalmap("info", "--json", cwd=tmp_path, env=env).stdout)
    assert (info["taxonomy"], info["taxonomy_reason"]) == (str(MINI), "$GOALMAP_TAXONOMY")
    info = json.loads(goalmap("info", "--json", cwd=tmp_path).stdout)
    assert info["taxonomy_reason"] == "the knowledge base packaged with goalmap"
    assert info["taxonomy"] == str(packaged_taxonomy().resolve())


def test_bad_lint_option_type_is_a_usage_error(tmp_path):
    shutil.copytree(MINI, tmp_path / "taxonomy")
    (tmp_path / ".goalmap.yaml").write_text("lint:\n  options:\n    year-range: {min: nineteen}\n")
    done = goalmap("lint", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert ".goalmap.yaml" in done.stderr and "options.year-range.min" in done.stderr
    assert "Traceback" not in done.stderr
