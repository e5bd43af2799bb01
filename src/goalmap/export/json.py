"""The knowledge-base graph as networkx node-link JSON (see docs/export-json.md).

``{"directed": true, "multigraph": false, "graph": {...}, "nodes": [...], "edges": [...]}``;
each node has ``id``, ``kind``, ``label`` and its attributes, each edge ``source``,
``target`` and ``relation``.  Nodes are sorted by id and edges by (source,
target), keys within objects alphabetically, so the output is stable.
``loads`` reads it back into a ``networkx.DiGraph``.

The text is what ``json.dumps(nx.node_link_data(g), indent=1, sort_keys=True)``
writes, but written one node and one edge at a time: a second copy of the whole
graph as dicts is never built (at 100k works that copy was most of the memory).
"""

from __future__ import annotations

import json as _json
from typing import Optional

import networkx as nx

from goalmap.export.graphsel import selected_graph
from goalmap.kb import KnowledgeBase
from goalmap.query import ALL_SCHEMES, select

FORMAT_VERSION = 1


def _item(obj: dict) -> str:
    """One list item, indented as json.dumps(indent=1) indents it at depth 2."""
    text = _json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True)
    return "  " + text.replace("\n", "\n  ")


def _list(name: str, items, last: bool = False) -> list[str]:
    out = [f' "{name}": [']
    first = True
    for obj in items:
        if not first:
            out[-1] += ","
        out.append(_item(obj))
        first = False
    if first:
        out[0] = f' "{name}": []'
    else:
        out.append(" ]")
    out[-1] += "" if last else ","
    return out


def dumps(kb: KnowledgeBase, *, scheme: Optional[str] = None, root: Optional[str] = None,
          **_: object) -> str:
    """The graph of the default scheme (or ``scheme``, ``"all"`` for every one, or ``root``)."""
    g = selected_graph(kb, scheme, root)
    chosen = ALL_SCHEMES if scheme == ALL_SCHEMES and root is None else select(kb, scheme,
                                                                               root).scheme
    meta = {"format": "goalmap-graph", "version": FORMAT_VERSION, "scheme": chosen,
            **({"root": root} if root else {})}
    nodes = ({"id": n, **g.nodes[n]} for n in sorted(g))
    edges = ({"source": u, "target": v, **g.edges[u, v]} for u, v in sorted(g.edges))
    lines = ["{", ' "directed": true,']
    lines += _list("edges", edges)
    lines.append(' "graph": ' + _json.dumps(meta, ensure_ascii=False, indent=1,
                                             sort_keys=True).replace("\n", "\n ") + ",")
    lines.append(' "multigraph": false,')
    lines += _list("nodes", nodes, last=True)
    lines.append("}")
    return "\n".join(lines) + "\n"


def loads(text: str) -> nx.DiGraph:
    """The graph a ``dumps`` text describes (nodes, edges and every attribute)."""
    return nx.node_link_graph(_json.loads(text), edges="edges")
