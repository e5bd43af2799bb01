"""The graph the json and graphml exports write: the whole knowledge base, or
the part a ``--scheme`` or ``--root`` selects."""

from __future__ import annotations

from typing import Optional

import networkx as nx

from goalmap.graph import build_graph
from goalmap.kb import KnowledgeBase
from goalmap.query import select, selected_categories


def selected_graph(kb: KnowledgeBase, scheme: Optional[str] = None,
                   root: Optional[str] = None) -> nx.DiGraph:
    """Everything; with --scheme, only that scheme's categories; with --root, the
    root's categories and what they point at (works, resources, levels)."""
    g = build_graph(kb, check=False)
    if scheme is None and root is None:
        return g
    tree = select(kb, scheme, root)
    keep = set(selected_categories(kb, tree))
    if root is None:
        other = {c for c, s in kb.category_scheme.items() if s != tree.scheme}
        others = set(kb.schemes) - {tree.scheme}
        return g.subgraph([n for n in g if n not in other and n not in others]).copy()
    nodes = set(keep)
    for cat in keep:
        nodes.update(v for _, v in g.out_edges(cat))
    if tree.root in g:
        nodes.add(tree.root)
    return g.subgraph(nodes).copy()
