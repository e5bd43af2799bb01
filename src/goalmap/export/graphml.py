"""The knowledge-base graph as GraphML, for Gephi, yEd and Cytoscape.

GraphML holds scalar attributes only: a list of plain values becomes one
string joined by ``"; "``, anything more structured (links, facts, members)
becomes compact JSON text.  Characters XML 1.0 cannot hold (most C0 controls) and
other control characters become U+FFFD (``textsafe.document``), so the file
always parses.  An attribute whose values differ in type between
nodes is written as a string everywhere, so each key has one declared type.
"""

from __future__ import annotations

import io
import json
from typing import Optional

import networkx as nx

from goalmap.export.graphsel import selected_graph
from goalmap.kb import KnowledgeBase
from goalmap.textsafe import document


def flatten(value):
    if isinstance(value, str):
        return document(value)
    if isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, list) and all(isinstance(v, (bool, int, float, str)) for v in value):
        return document("; ".join(str(v) for v in value))
    return document(json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")))


def _scalar_items(items) -> dict:
    """id -> flattened attributes, with one type per attribute name."""
    flat = {key: {k: flatten(v) for k, v in attrs.items() if v is not None}
            for key, attrs in items}
    types: dict[str, set] = {}
    for attrs in flat.values():
        for k, v in attrs.items():
            types.setdefault(k, set()).add(type(v).__name__)
    mixed = {k for k, t in types.items() if len(t) > 1}
    for attrs in flat.values():
        for k in mixed & attrs.keys():
            attrs[k] = str(attrs[k])
    return flat


def scalar_graph(g: nx.DiGraph) -> nx.DiGraph:
    """A copy of ``g`` in sorted order with scalar attributes only."""
    out = nx.DiGraph()
    nodes = _scalar_items((n, g.nodes[n]) for n in sorted(g))
    for n in sorted(g):
        out.add_node(document(n), **nodes[n])
    edges = _scalar_items(((u, v), g.edges[u, v]) for u, v in sorted(g.edges))
    for (u, v) in sorted(g.edges):
        out.add_edge(document(u), document(v), **edges[(u, v)])
    return out


def dumps(kb: KnowledgeBase, *, scheme: Optional[str] = None, root: Optional[str] = None,
          **_: object) -> str:
    g = scalar_graph(selected_graph(kb, scheme, root))
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8", prettyprint=True)
    return buf.getvalue().decode("utf-8")
