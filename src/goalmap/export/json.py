"""The knowledge-base graph as networkx node-link JSON (see docs/export-json.md).

``{"directed": true, "multigraph": false, "graph": {...}, "nodes": [...], "edges": [...]}``;
each node has ``id``, ``kind``, ``label`` and its attributes, each edge ``source``,
``target`` and ``relation``.  Nodes are sorted by id and edges by (source,
target), keys within objects alphabetically, so the output is stable.
``loads`` reads it back into a ``networkx.DiGraph``.
"""

from __future__ import annotations

import json as _json
from typing import Optional

import networkx as nx

from goalmap.export.graphsel import selected_graph
from goalmap.kb import KnowledgeBase
from goalmap.textsafe import json_dumps

FORMAT_VERSION = 1


def dumps(kb: KnowledgeBase, *, scheme: Optional[str] = None, root: Optional[str] = None,
          **_: object) -> str:
    g = selected_graph(kb, scheme, root)
    data = nx.node_link_data(g, edges="edges")
    data["graph"] = {"format": "goalmap-graph", "version": FORMAT_VERSION,
                     **({"scheme": scheme} if scheme else {}), **({"root": root} if root else {})}
    data["nodes"] = sorted(data["nodes"], key=lambda n: n["id"])
    data["edges"] = sorted(data["edges"], key=lambda e: (e["source"], e["target"]))
    return json_dumps(data, indent=1, sort_keys=True) + "\n"


def loads(text: str) -> nx.DiGraph:
    """The graph a ``dumps`` text describes (nodes, edges and every attribute)."""
    return nx.node_link_graph(_json.loads(text), edges="edges")
