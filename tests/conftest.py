"""Shared test helpers: the repository root, the fixture taxonomy, an isolated cache."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
TAXONOMY = ROOT / "taxonomy"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """Every test gets its own cache folder, so no test sees another's cache."""
    monkeypatch.setenv("GOALMAP_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("GOALMAP_TAXONOMY", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def mini(tmp_path) -> Path:
    """A writable copy of the small fixture taxonomy."""
    dest = tmp_path / "taxonomy"
    shutil.copytree(MINI, dest)
    return dest
