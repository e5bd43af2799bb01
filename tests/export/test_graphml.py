"""GraphML reads back into networkx with the same nodes and edges, scalar attributes only."""

from __future__ import annotations

import io

import networkx as nx

from goalmap.export import graphml
from goalmap.graph import build_graph


def test_round_trip(any_kb):
    g = nx.read_graphml(io.BytesIO(graphml.dumps(any_kb).encode("utf-8")))
    original = build_graph(any_kb, check=False)
    assert sorted(g.nodes) == sorted(original.nodes)
    assert sorted(g.edges) == sorted(original.edges)
    for n in g:
        assert g.nodes[n]["kind"] == original.nodes[n]["kind"]
        assert g.nodes[n]["label"] == original.nodes[n]["label"]
        assert all(isinstance(v, (str, int, float, bool)) for v in g.nodes[n].values())


def test_lists_become_strings(hostile_kb):
    g = nx.read_graphml(io.BytesIO(graphml.dumps(hostile_kb).encode("utf-8")))
    work = g.nodes["kopf2023open"]
    assert work["authors"] == "Andreas Köpf; Yannic Kilcher; Dimitri von Rütte; Zoë O'Brien-Núñez"
    assert work["title"].startswith('OpenAssistant "Conversations" -- <b>')
    assert '"value":12' in g.nodes["evil-bench"]["facts"]


def test_real_knowledge_base_round_trips(real_kb):
    g = nx.read_graphml(io.BytesIO(graphml.dumps(real_kb, scheme="all").encode("utf-8")))
    assert sorted(g.edges) == sorted(build_graph(real_kb, check=False).edges)


def test_disputed_fact_keeps_both_values(real_kb):
    import json
    g = nx.read_graphml(io.BytesIO(graphml.dumps(real_kb).encode("utf-8")))
    facts = json.loads(g.nodes["super-natinst"]["facts"])
    [tasks] = [f for f in facts if f["key"] == "tasks"]
    assert [(r["value"], r["source"]) for r in tasks["readings"]] == [(1616, "Sec. 2.1"), (76, "Table 1")]


def test_reads_back_as_networkx_own_writer_would_write_it(any_kb):
    """The export is streamed (memory at scale); networkx reads it back to the graph its
    own write_graphml gives for the same scalar attributes."""
    from goalmap.export.graphsel import selected_graph

    g = selected_graph(any_kb, "all")
    flat = nx.DiGraph()
    for n in sorted(g):
        flat.add_node(n, **{k: graphml.flatten(v) for k, v in g.nodes[n].items()})
    for u, v in sorted(g.edges):
        flat.add_edge(u, v, **{k: graphml.flatten(x) for k, x in g.edges[u, v].items()})
    buf = io.BytesIO()
    nx.write_graphml(flat, buf)
    theirs = nx.read_graphml(io.BytesIO(buf.getvalue()))
    ours = nx.read_graphml(io.BytesIO(graphml.dumps(any_kb, scheme="all").encode("utf-8")))
    assert sorted(ours.nodes) == sorted(theirs.nodes)
    assert {n: ours.nodes[n] for n in ours} == {n: theirs.nodes[n] for n in theirs}
    assert {e: ours.edges[e] for e in ours.edges} == {e: theirs.edges[e] for e in theirs.edges}
