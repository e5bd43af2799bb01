"""What an entry is related to, and how two entries connect: plain data for ``related`` and ``path``."""

from __future__ import annotations

from typing import Any, Optional

from goalmap.errors import UnknownTarget
from goalmap.kb import KnowledgeBase, entry_label
from goalmap.query import category_path, citations_of, iter_citations, resources_of


def _ref(kb: KnowledgeBase, entry_id: str) -> dict:
    return {"id": entry_id, "kind": kb.kind_of(entry_id), "label": entry_label(kb.get(entry_id))}


def related(kb: KnowledgeBase, entry_id: str) -> dict:
    """The categories citing ``entry_id`` in each scheme, the works cited beside it in those
    categories (most shared first), and the resources it introduced, is based on or is the
    basis of."""
    cited: dict[str, list[dict]] = {}
    beside: dict[str, list[str]] = {}
    for cat_id, cit in citations_of(kb, entry_id):
        scheme = kb.category_scheme[cat_id]
        cited.setdefault(scheme, []).append({"id": cat_id, "path": category_path(kb, cat_id),
                                             "label": cit.label})
        for other in iter_citations(kb.categories[cat_id].citations):
            for w in other.works:
                if w != entry_id and w in kb.works and cat_id not in beside.get(w, ()):
                    beside.setdefault(w, []).append(cat_id)
    entry = kb.get(entry_id)
    introduced = resources_of(kb, entry_id) if entry_id in kb.works else []
    based_on = [b for b in getattr(entry, "based_on", ()) if kb.get(b) is not None]
    basis_of = [r for r, res in kb.resources.items() if entry_id in res.based_on]
    introduced_by = [w for w in getattr(entry, "introduced_by", ()) if w in kb.works]
    order = {s: n for n, s in enumerate(kb.schemes)}
    return {
        **_ref(kb, entry_id),
        "cited_in": [{"scheme": s, "categories": cited[s]}
                     for s in sorted(cited, key=lambda s: order.get(s, 0))],
        "beside": [dict(_ref(kb, w), shared=len(cats), categories=cats)
                   for w, cats in sorted(beside.items(), key=lambda kv: (-len(kv[1]), kv[0]))],
        "introduced": [_ref(kb, r) for r in introduced],
        "introduced_by": [_ref(kb, w) for w in introduced_by],
        "based_on": [_ref(kb, b) for b in based_on],
        "basis_of": [_ref(kb, r) for r in basis_of],
    }


def path(kb: KnowledgeBase, a: str, b: str, graph: Optional[Any] = None) -> list[dict]:
    """The shortest chain of typed edges from ``a`` to ``b`` (either direction), as steps
    ``{from, relation, to, forward}``; UnknownTarget (exit 1) when they do not connect."""
    import networkx as nx

    from goalmap.graph import build_graph

    g = graph if graph is not None else build_graph(kb, check=False)
    try:
        nodes = nx.shortest_path(g.to_undirected(as_view=True), a, b)
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        raise UnknownTarget(f"{a} → {b}", [], what="path") from None
    steps = []
    for x, y in zip(nodes, nodes[1:]):
        forward = g.has_edge(x, y)
        edge = g.edges[x, y] if forward else g.edges[y, x]
        steps.append({"from": _node(g, x), "relation": edge.get("relation", ""),
                      "to": _node(g, y), "forward": forward})
    return steps


def _node(g: Any, node_id: str) -> dict:
    data = g.nodes[node_id]
    return {"id": node_id, "kind": data.get("kind"), "label": data.get("label", node_id)}
