"""The knowledge-base graph as GraphML, for Gephi, yEd and Cytoscape.

GraphML holds scalar attributes only: a list of plain values becomes one
string joined by ``"; "``, anything more structured (links, facts, members)
becomes compact JSON text.  Characters XML 1.0 cannot hold (most C0 controls) and
other control characters become U+FFFD (``textsafe.document``), so the file
always parses.  An attribute whose values differ in type between
nodes is written as a string everywhere, so each key has one declared type.

Written element by element in two passes over the graph (the first finds each
attribute's type, the second writes), in the layout networkx's
``write_graphml`` gives, rather than through networkx, which builds a copy of
the graph and an XML tree of the whole document: at 100k works that took the
export over 1 GiB.  networkx's ``read_graphml`` reads it back (the tests do).
"""

from __future__ import annotations

import json
import re
from typing import Iterator, Optional
from xml.sax.saxutils import escape, quoteattr

from goalmap.export.graphsel import selected_graph
from goalmap.kb import KnowledgeBase
from goalmap.textsafe import document

HEAD = ("<?xml version='1.0' encoding='utf-8'?>\n"
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">')
GRAPHML_TYPE = {"bool": "boolean", "int": "long", "float": "double", "str": "string"}
# Characters XML 1.0 does not allow, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def flatten(value):
    if isinstance(value, str):
        return document(value)
    if isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, (bool, int, float, str))
                                                for v in value):
        return document("; ".join(str(v) for v in value))
    return document(json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")))


def _scalars(attrs: dict) -> Iterator[tuple[str, object]]:
    for k, v in attrs.items():
        if v is not None:
            yield k, flatten(v)


def _attr(value) -> str:
    """An XML attribute value, quoted and escaped (unsafe characters as U+FFFD first)."""
    return quoteattr(_NOT_XML.sub("", document(str(value))))


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return _NOT_XML.sub("", escape(str(value)))


def iter_dumps(kb: KnowledgeBase, *, scheme: Optional[str] = None, root: Optional[str] = None,
               **_: object) -> Iterator[str]:
    """The GraphML text, a node or an edge at a time."""
    g = selected_graph(kb, scheme, root)
    nodes = sorted(g)
    edges = sorted(g.edges)
    # pass 1: each attribute's type, per domain ("node", "edge"), in first-seen order
    types: dict[tuple[str, str], set] = {}
    for domain, items in (("node", (g.nodes[n] for n in nodes)),
                          ("edge", (g.edges[e] for e in edges))):
        for attrs in items:
            for k, v in _scalars(attrs):
                types.setdefault((domain, k), set()).add(type(v).__name__)
    keys: dict[tuple[str, str], tuple[str, str]] = {}
    for i, ((domain, name), seen) in enumerate(types.items()):
        keys[(domain, name)] = (f"d{i}", "str" if len(seen) > 1 else next(iter(seen)))
    out = [HEAD]
    for (domain, name), (kid, kind) in keys.items():
        out.append(f'  <key id="{kid}" for="{domain}" attr.name={_attr(name)} '
                   f'attr.type="{GRAPHML_TYPE[kind]}" />')
    out.append('  <graph edgedefault="directed">')
    yield "\n".join(out) + "\n"

    def data(domain: str, attrs: dict) -> Iterator[str]:
        for k, v in _scalars(attrs):
            kid, kind = keys[(domain, k)]
            yield f'      <data key="{kid}">{_text(str(v) if kind == "str" else v)}</data>'

    for n in nodes:
        yield "\n".join([f"    <node id={_attr(n)}>", *data("node", g.nodes[n]),
                         "    </node>"]) + "\n"
    for u, v in edges:
        yield "\n".join([f"    <edge source={_attr(u)} target={_attr(v)}>",
                         *data("edge", g.edges[u, v]), "    </edge>"]) + "\n"
    yield "  </graph>\n</graphml>\n"


def dumps(kb: KnowledgeBase, **kw: object) -> str:
    return "".join(iter_dumps(kb, **kw))
