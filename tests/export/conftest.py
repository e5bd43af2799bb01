"""Helpers for the export tests: fixture taxonomies loaded once per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from goalmap.loader import load

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
TAXONOMY = ROOT / "taxonomy"
GOLDEN = HERE / "golden"


def load_fixture(path: Path):
    return load(path, use_cache=False)


@pytest.fixture
def mini_kb():
    return load_fixture(MINI)


@pytest.fixture
def hostile_kb():
    return load_fixture(HOSTILE)


@pytest.fixture(params=["mini", "hostile"])
def any_kb(request):
    return load_fixture(MINI if request.param == "mini" else HOSTILE)


@pytest.fixture
def real_kb():
    """The real taxonomy (it must load: a broken one fails these tests, never skips them)."""
    return load(TAXONOMY, use_cache=False)
