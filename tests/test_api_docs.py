"""docs/api.md runs: its examples are doctests against the real knowledge base."""

from __future__ import annotations

import doctest

from conftest import ROOT, TAXONOMY


def test_api_examples_run(monkeypatch):
    monkeypatch.setenv("GOALMAP_TAXONOMY", str(TAXONOMY))
    result = doctest.testfile(str(ROOT / "docs" / "api.md"), module_relative=False,
                              optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 30 and result.failed == 0
