"""Helpers for the lint tests: lint a copy of the mini fixture with a few files added."""

from __future__ import annotations

import itertools

import pytest

from fixturetree import MINI, write_tree  # noqa: F401 - tests import them from here
from goalmap.lint import LintConfig, lint


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
