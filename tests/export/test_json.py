"""The JSON export is networkx node-link data that reads back to the same graph."""

from __future__ import annotations

import json

import networkx as nx

from goalmap.export import json as json_export
from goalmap.graph import build_graph


def test_round_trip_same_nodes_edges_attributes(any_kb):
    text = json_export.dumps(any_kb)
    g = json_export.loads(text)
    original = build_graph(any_kb, check=False)
    assert sorted(g.nodes) == sorted(original.nodes)
    assert sorted(g.edges) == sorted(original.edges)
    for n in original:
        assert g.nodes[n] == original.nodes[n]
    for u, v in original.edges:
        assert g.edges[u, v] == original.edges[u, v]
    again = nx.node_link_graph(json.loads(text), edges="edges")
    assert sorted(again.edges) == sorted(g.edges)


def test_nodes_and_edges_have_the_documented_keys(mini_kb):
    data = json.loads(json_export.dumps(mini_kb))
    assert data["directed"] is True and data["graph"]["format"] == "goalmap-graph"
    for node in data["nodes"]:
        assert {"id", "kind", "label"} <= node.keys()
    for edge in data["edges"]:
        assert {"source", "target", "relation"} <= edge.keys()
    cites = [e for e in data["edges"] if e["relation"] == "cites"]
    assert {"source": "mini-def-preferences", "target": "ouyang2022training", "relation": "cites",
            "label": "InstructGPT; Aplaca", "order": 0} in cites


def test_root_keeps_the_subtree_and_what_it_cites(mini_kb):
    g = json_export.loads(json_export.dumps(mini_kb, root="preferences"))
    assert "mini-def-preferences" in g and "ouyang2022training" in g
    assert "mini-def-values" not in g and "bai2022constitutional" not in g


def test_node_kind_is_the_entry_kind(mini_kb):
    g = json_export.loads(json_export.dumps(mini_kb))
    assert g.nodes["constitutional-ai"]["kind"] == "resource"
    assert g.nodes["constitutional-ai"]["resource_kind"] == "method"


def test_real_knowledge_base_round_trips(real_kb):
    g = json_export.loads(json_export.dumps(real_kb))
    original = build_graph(real_kb, check=False)
    assert sorted(g.nodes) == sorted(original.nodes)
    assert sorted(g.edges) == sorted(original.edges)
