"""The JSON export is networkx node-link data that reads back to the same graph."""

from __future__ import annotations

import json

import networkx as nx

from goalmap.export import json as json_export
from goalmap.graph import build_graph


# The fixture taxonomy's graph, read off tests/fixtures/mini by hand.
MINI_NODES = [
    "bai2022constitutional", "constitutional-ai", "figure5", "jiang2021delphi", "mini",
    "mini-def-preferences", "mini-def-values", "mini-definition", "mini-eval-values",
    "mini-evaluation", "ouyang2022training", "ppo", "preferences", "rlhf", "stability",
    "values"]
MINI_EDGES = [
    ("constitutional-ai", "bai2022constitutional", "introduced_by"),
    ("constitutional-ai", "values", "level"),
    ("figure5", "preferences", "row"), ("figure5", "values", "row"),
    ("mini-def-preferences", "mini-definition", "parent"),
    ("mini-def-preferences", "ouyang2022training", "cites"),
    ("mini-def-preferences", "preferences", "level"),
    ("mini-def-values", "bai2022constitutional", "cites"),
    ("mini-def-values", "constitutional-ai", "cites"),
    ("mini-def-values", "jiang2021delphi", "cites"),
    ("mini-def-values", "mini-definition", "parent"),
    ("mini-def-values", "values", "level"),
    ("mini-definition", "mini", "parent"),
    ("mini-eval-values", "jiang2021delphi", "cites"),
    ("mini-eval-values", "mini-evaluation", "parent"),
    ("mini-eval-values", "values", "level"),
    ("mini-evaluation", "mini", "parent"),
    ("ppo", "rlhf", "parent"), ("rlhf", "ouyang2022training", "example")]


def test_round_trip_same_nodes_edges_attributes(mini_kb):
    text = json_export.dumps(mini_kb)
    g = json_export.loads(text)
    assert sorted(g.nodes) == MINI_NODES
    assert sorted((u, v, d["relation"]) for u, v, d in g.edges(data=True)) == MINI_EDGES
    work = g.nodes["jiang2021delphi"]
    assert (work["kind"], work["label"], work["year"]) == (
        "work", "Can Machines Learn Morality? The Delphi Experiment", 2021)
    assert work["authors"] == ["Liwei Jiang", "Jena D Hwang"] and work["et_al"] is True
    assert g.edges["mini-def-values", "bai2022constitutional"]["label"] == "Constitutional AI"
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
    g = json_export.loads(json_export.dumps(real_kb, scheme="all"))
    original = build_graph(real_kb, check=False)
    assert sorted(g.nodes) == sorted(original.nodes)
    assert sorted(g.edges) == sorted(original.edges)


def test_written_as_json_dumps_would_write_the_node_link_data(any_kb):
    """The export writes node by node (to save memory at scale), and the text is still
    exactly json.dumps of networkx's node_link_data, sorted."""
    import json as _json

    import networkx as nx

    from goalmap.export.graphsel import selected_graph

    text = json_export.dumps(any_kb, scheme="all")
    data = nx.node_link_data(selected_graph(any_kb, "all"), edges="edges")
    data["graph"] = {"format": "goalmap-graph", "version": 1, "scheme": "all"}
    data["nodes"] = sorted(data["nodes"], key=lambda n: n["id"])
    data["edges"] = sorted(data["edges"], key=lambda e: (e["source"], e["target"]))
    assert text == _json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def test_disputed_fact_keeps_both_values_in_the_json_graph(real_kb):
    g = json_export.loads(json_export.dumps(real_kb))
    [fact] = [f for f in g.nodes["p3"]["facts"] if f["key"] == "datasets"]
    assert "value" not in fact
    assert fact["readings"] == [
        {"value": 177, "text": "177 existing NLP datasets", "source": "Sec. 2.1"},
        {"value": 270, "text": "#Tasks 270", "source": "Table 1"}]
