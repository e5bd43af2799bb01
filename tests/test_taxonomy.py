"""The real knowledge base loads clean: one test case per taxonomy file, so a failure names it."""

from __future__ import annotations

from goalmap import query

import pytest

from conftest import TAXONOMY
from goalmap.integrity import check_integrity
from goalmap.lint import LintConfig, exit_code, lint
from goalmap.loader import discover, load
from goalmap.source import read_entries

FILES = [p.relative_to(TAXONOMY).as_posix() for p in discover(TAXONOMY)]


@pytest.fixture(scope="module")
def integrity_by_file():
    kb = load(TAXONOMY, check=False, use_cache=False)
    found: dict[str, list[str]] = {}
    for p in check_integrity(kb):
        found.setdefault(p.file, []).append(f"{p.message} ({p.rule})")
    return found


@pytest.mark.parametrize("rel", FILES)
def test_file_is_valid_and_its_references_resolve(rel, integrity_by_file):
    entries, problems = read_entries((TAXONOMY / rel).read_text(encoding="utf-8"), rel)
    assert [f"{p.where}: {p.message}" for p in problems] == []
    assert entries, "the file holds no entry"
    assert integrity_by_file.get(rel, []) == []


@pytest.fixture(scope="module")
def lint_by_file():
    problems = lint(TAXONOMY, LintConfig())
    found: dict[str, list[str]] = {}
    for p in problems:
        if p.level in ("error", "warning"):  # what --strict fails on; infos are listings
            found.setdefault(p.file, []).append(f"{p.line}:{p.column}: [{p.level}] {p.message} ({p.rule})")
    return problems, found


@pytest.mark.parametrize("rel", FILES)
def test_file_passes_lint_strict(rel, lint_by_file):
    """``goalmap lint --strict`` on the shipped taxonomy: no error and no warning in this file."""
    assert lint_by_file[1].get(rel, []) == [], rel


def test_lint_strict_passes_and_every_problem_is_in_a_known_file(lint_by_file):
    problems, found = lint_by_file
    assert set(found) <= set(FILES), sorted(set(found) - set(FILES))
    assert exit_code(problems, strict=True) == 0


def test_the_knowledge_base_is_complete():
    kb = load(TAXONOMY, use_cache=False)
    assert set(kb.levels) >= {"instructions", "preferences", "values"}
    assert {"figure2", "revised-2024", "resource-list"} <= set(kb.schemes)
    assert query.default_scheme(kb) == "figure2"
    assert len(kb.works) > 130
    assert {"table1", "figure5"} <= set(kb.tables)
