"""The pre-commit hook, run by the real `pre-commit try-repo` against a fork-like repository.

pre-commit builds the hook's environment by pip-installing this project (from a
temporary clone of a copy of the working tree), so pip must be able to reach an
index (PyPI, or a local one configured through pip's own settings).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini"
PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not Path(PRE_COMMIT).exists(), reason="pre-commit not installed")]


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=test@example.org", "-c", "user.name=test",
                    "-c", "commit.gpgsign=false", *args], cwd=cwd, check=True,
                   capture_output=True)


def hook_repo(tmp: Path) -> Path:
    """A committed copy of the project as it is in the working tree."""
    repo = tmp / "goalmap"
    repo.mkdir()
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(ROOT / name, repo / name)
    shutil.copytree(ROOT / "src", repo / "src",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "taxonomy"))
    shutil.copytree(MINI, repo / "taxonomy")  # the wheel ships a taxonomy folder
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "hook")
    return repo


def try_repo(fork: Path, hook: Path, files: list[str], home: Path):
    env = {**os.environ, "PRE_COMMIT_HOME": str(home)}
    env.pop("GOALMAP_TAXONOMY", None)
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([PRE_COMMIT, "try-repo", str(hook), "goalmap-lint", "--files", *files],
                          cwd=fork, env=env, capture_output=True, text=True, timeout=900)


def test_try_repo_fails_on_a_bad_entry_and_passes_on_a_good_one(tmp_path):
    hook = hook_repo(tmp_path)
    fork = tmp_path / "fork"
    fork.mkdir()
    shutil.copytree(MINI, fork / "taxonomy")
    git(fork, "init", "-q")
    entry = fork / "taxonomy" / "works" / "smith2020example.yaml"
    entry.write_text("id: smith2020example\ntitle: An example\nyear: 2020\n"
                     "url: http://example.org/?utm_source=x\n")
    git(fork, "add", ".")
    rel = "taxonomy/works/smith2020example.yaml"
    home = tmp_path / "pre-commit-home"

    bad = try_repo(fork, hook, [rel], home)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "goalmap lint" in bad.stdout and "Failed" in bad.stdout
    assert f"{rel}:4:6: [error] bad URL" in bad.stdout
    assert "Traceback" not in bad.stdout + bad.stderr

    entry.write_text("id: smith2020example\ntitle: An example\nyear: 2020\n"
                     "url: https://example.org/\n")
    git(fork, "add", ".")
    good = try_repo(fork, hook, [rel], home)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout
