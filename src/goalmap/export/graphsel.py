"""The graph the json and graphml exports write: the default scheme's part of the
knowledge base, every scheme (``"all"``), or the part a ``--root`` selects."""

from __future__ import annotations

from typing import Optional

import networkx as nx

from goalmap.graph import build_graph
from goalmap.kb import KnowledgeBase
from goalmap.query import ALL_SCHEMES, select, selected_categories


def selected_graph(kb: KnowledgeBase, scheme: Optional[str] = None,
                   root: Optional[str] = None) -> nx.DiGraph:
    """Everything for ``"all"``; for a scheme (the default one for None), everything
    but the other schemes and their categories; with --root, the root's categories
    and what they point at (works, resources, levels).

    The graph is cut down in place rather than copied, so a large knowledge base is
    held once.
    """
    g = build_graph(kb, check=False)
    if scheme == ALL_SCHEMES and root is None:
        return g
    tree = select(kb, scheme, root)
    if root is None:
        drop = [c for c, s in kb.category_scheme.items() if s != tree.scheme]
        drop += [s for s in kb.schemes if s != tree.scheme]
        g.remove_nodes_from(drop)
        return g
    keep = set(selected_categories(kb, tree))
    nodes = set(keep)
    for cat in keep:
        nodes.update(v for _, v in g.out_edges(cat))
    if tree.root in g:
        nodes.add(tree.root)
    g.remove_nodes_from([n for n in g if n not in nodes])
    return g
