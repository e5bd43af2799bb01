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
from typing import Iterator, Optional

import networkx as nx

from goalmap.export.graphsel import selected_graph
from goalmap.kb import KnowledgeBase
from goalmap.query import ALL_SCHEMES, select
from goalmap.textsafe import json_dumps

FORMAT_VERSION = 1


def _item(obj: dict) -> str:
    """One list item, indented as json.dumps(indent=1) indents it at depth 2."""
    text = json_dumps(obj, indent=1, sort_keys=True)
    return "  " + text.replace("\n", "\n  ")


def _list(name: str, items, last: bool = False) -> Iterator[str]:
    """A top-level list, as json.dumps(indent=1) writes it, an item at a time."""
    sep = "\n"
    for obj in items:
        if sep == "\n":
            yield f' "{name}": ['
        yield sep + _item(obj)
        sep = ",\n"
    yield (f' "{name}": []' if sep == "\n" else "\n ]") + ("\n" if last else ",\n")


def iter_dumps(kb: KnowledgeBase, *, scheme: Optional[str] = None, root: Optional[str] = None,
               **_: object) -> Iterator[str]:
    """The graph of the default scheme (or ``scheme``, ``"all"`` for every one, or ``root``),
    one node or edge at a time."""
    g = selected_graph(kb, scheme, root)
    chosen = ALL_SCHEMES if scheme == ALL_SCHEMES and root is None else select(kb, scheme,
                                                                               root).scheme
    meta = {"format": "goalmap-graph", "version": FORMAT_VERSION, "scheme": chosen,
            **({"root": root} if root else {})}
    nodes = ({"id": n, **g.nodes[n]} for n in sorted(g))
    edges = ({"source": u, "target": v, **g.edges[u, v]} for u, v in sorted(g.edges))
    yield '{\n "directed": true,\n'
    yield from _list("edges", edges)
    yield ' "graph": ' + json_dumps(meta, indent=1, sort_keys=True).replace("\n", "\n ") + ",\n"
    yield ' "multigraph": false,\n'
    yield from _list("nodes", nodes, last=True)
    yield "}\n"


def dumps(kb: KnowledgeBase, **kw: object) -> str:
    return "".join(iter_dumps(kb, **kw))


def loads(text: str) -> nx.DiGraph:
    """The graph a ``dumps`` text describes (nodes, edges and every attribute)."""
    return nx.node_link_graph(_json.loads(text), edges="edges")
