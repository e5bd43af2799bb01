"""The networkx graph holds every entry and typed edge, and refuses a broken base."""

from __future__ import annotations

import pytest

from goalmap import graph
from goalmap.errors import LoadError
from goalmap.loader import load


def test_nodes_and_typed_edges(mini):
    g = graph.build_graph(load(mini, use_cache=False))
    assert g.nodes["ouyang2022training"]["kind"] == "work"
    assert g.nodes["values"]["kind"] == "level"
    assert g.nodes["mini-def-values"]["scheme"] == "mini"
    assert g.edges["mini-def-values", "mini-definition"]["relation"] == "parent"
    assert g.edges["mini-definition", "mini"]["relation"] == "parent"
    assert g.edges["mini-def-values", "values"]["relation"] == "level"
    cite = g.edges["mini-def-values", "bai2022constitutional"]
    assert (cite["relation"], cite["label"]) == ("cites", "Constitutional AI")
    assert g.edges["constitutional-ai", "bai2022constitutional"]["relation"] == "introduced_by"
    assert g.edges["ppo", "rlhf"]["relation"] == "parent"


def test_two_labels_citing_one_work_keep_both(mini):
    g = graph.build_graph(load(mini, use_cache=False))
    assert g.edges["mini-def-preferences", "ouyang2022training"]["label"] == "InstructGPT; Aplaca"


def test_build_refuses_dangling_references(mini):
    scheme = mini / "schemes" / "mini.yaml"
    scheme.write_text(scheme.read_text().replace("works: [jiang2021delphi]",
                                                 "works: [nobody2020]", 1))
    kb = load(mini, use_cache=False, check=False)
    with pytest.raises(LoadError) as info:
        graph.build_graph(kb)
    assert [p.rule for p in info.value.problems] == ["dangling-reference"]


def test_node_attributes_are_json_safe(mini):
    import json

    g = graph.build_graph(load(mini, use_cache=False))
    for _, data in g.nodes(data=True):
        json.dumps(data)
    for _, _, data in g.edges(data=True):
        json.dumps(data)
