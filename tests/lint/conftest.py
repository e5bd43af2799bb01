"""Helpers for the lint tests: lint a copy of the mini fixture with a few files added."""

from __future__ import annotations

import itertools
import shutil
import textwrap
from pathlib import Path

import pytest

from goalmap.lint import LintConfig, lint

MINI = Path(__file__).resolve().parent.parent / "fixtures" / "mini"


def write_tree(root: Path, files: dict[str, str], base: bool = True) -> Path:
    if base:
        shutil.copytree(MINI, root)
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture
def run_rule(tmp_path):
    """run_rule(rule, {rel: yaml}) -> [(file, line, column)] of that rule's problems."""
    counter = itertools.count()

    def run(rule: str, files: dict[str, str], base: bool = True, full: bool = False):
        root = write_tree(tmp_path / f"t{next(counter)}", files, base)
        problems = lint(root, LintConfig(select=[rule]))
        assert all(p.rule == rule for p in problems)
        return problems if full else [(p.file, p.line, p.column) for p in problems]

    return run
