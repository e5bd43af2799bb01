"""The query layer: the walks every command uses, checked on the fixture taxonomy by hand."""

from __future__ import annotations

import pytest

from goalmap import query
from goalmap.errors import UnknownTarget
from goalmap.loader import load


@pytest.fixture
def kb(mini):
    return load(mini, use_cache=False)


def test_children_descendants_ancestors(kb):
    assert [c.id for c in query.children(kb, None, "mini")] == ["mini-definition",
                                                                 "mini-evaluation"]
    assert [c.id for c in query.children(kb, "mini-definition", "mini")] == [
        "mini-def-values", "mini-def-preferences"]
    assert [c.id for c in query.descendants(kb, "mini-definition")] == [
        "mini-def-values", "mini-def-preferences"]
    assert [c.id for c in query.ancestors(kb, "mini-def-values")] == ["mini-definition"]


def test_citations_resources_orphans(kb):
    assert [c for c, _ in query.citations_of(kb, "jiang2021delphi")] == [
        "mini-def-values", "mini-eval-values"]
    assert query.resources_of(kb, "bai2022constitutional") == ["constitutional-ai"]
    assert query.orphans(kb) == []


def test_orphan_work_is_found(mini):
    (mini / "works/lone2020x.yaml").write_text("id: lone2020x\ntitle: Alone\nyear: 2020\n")
    assert query.orphans(load(mini, use_cache=False)) == ["lone2020x"]


def test_scheme_names_are_case_insensitive_and_unknown_lists_them(kb):
    assert query.scheme_id(kb, "MINI") == "mini"
    assert query.scheme_id(kb, None) == "mini"
    with pytest.raises(UnknownTarget) as info:
        query.scheme_id(kb, "nope")
    assert info.value.exit_code == 2 and "mini" in info.value.hint


def test_citation_resources_and_coverage(kb):
    cits = {c.label: c for c in kb.categories["mini-def-values"].citations}
    # Named by the citation, or introduced by its work: Constitutional AI either way, once.
    assert query.citation_resources(kb, cits["Constitutional AI"]) == ["constitutional-ai"]
    assert query.citation_resources(kb, cits["Delphi"]) == []
    assert query.coverage(kb, "mini") == {("values", "definition", "method"): ["constitutional-ai"]}
