"""The knowledge base as one networkx graph, built once, asked with small functions.

Nodes are entries (levels, schemes, categories, works, resources, tables,
algorithms, challenges), keyed by id, each with ``kind``, ``label`` and its
JSON-safe attributes.  Edges carry a ``relation``: ``parent`` (category to
parent category or scheme), ``level``, ``cites`` (category to work or
resource, with the printed ``label`` and its ``order``), ``introduced_by``,
``based_on``, ``row``, ``example``, ``related``.
"""

from __future__ import annotations

import networkx as nx

from goalmap.errors import LoadError
from goalmap.integrity import check_integrity
from goalmap.kb import KnowledgeBase, entry_label
from goalmap.query import references
from goalmap.records import as_dict

# Fields shown as edges (or too structured for a node attribute).
_SKIP = {"id", "categories", "citations"}


def _pruned(value):
    """Data without its empty values (None, "", [], {}), at every depth."""
    if isinstance(value, dict):
        return {k: _pruned(v) for k, v in value.items() if v not in (None, [], {}, "")}
    if isinstance(value, list):
        return [_pruned(v) for v in value]
    return value


def node_attrs(kind: str, entry) -> dict:
    data = {k: v for k, v in _pruned(as_dict(entry)).items() if k not in _SKIP}
    label = entry_label(entry)
    if "kind" in data:  # a resource's or challenge's own kind must not hide the node's kind
        data[f"{kind}_kind"] = data.pop("kind")
    return {"kind": kind, "label": label, **data}


def build_graph(kb: KnowledgeBase, check: bool = True) -> nx.DiGraph:
    """One directed graph of the whole knowledge base; LoadError if it does not hold together."""
    if check:
        problems = check_integrity(kb)
        if problems:
            raise LoadError(problems)
    g = nx.DiGraph()
    for kind, table in kb.tables_by_kind():
        for entry_id, entry in table.items():
            attrs = node_attrs(kind, entry)
            if kind == "category":
                attrs["scheme"] = kb.category_scheme[entry_id]
            g.add_node(entry_id, **attrs)
    for cat_id, cat in kb.categories.items():
        if cat.parent is None:
            g.add_edge(cat_id, kb.category_scheme[cat_id], relation="parent")
    for ref in references(kb):
        if ref.target not in g:
            continue
        if g.has_edge(ref.source, ref.target) and ref.attrs:
            edge = g.edges[ref.source, ref.target]
            if "label" in edge and ref.attrs["label"] not in edge["label"].split("; "):
                edge["label"] += "; " + ref.attrs["label"]
            continue
        g.add_edge(ref.source, ref.target, relation=ref.relation, **(ref.attrs or {}))
    return g
