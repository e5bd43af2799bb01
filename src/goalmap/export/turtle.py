"""The SKOS concept schemes, works, resources and citations as RDF Turtle.

What is said is built once in ``goalmap.export.rdf``; this module only writes it:
prefixes first, then one block per subject (``a`` first, then its predicates in
the order rdf.py gives them), streamed subject by subject so that a large
knowledge base is never held as an rdflib Graph.  A name becomes a prefixed name
only when its local part is plainly safe; anything else is written as a full
``<IRI>``.  See docs/export-rdf.md.
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from rdflib import Literal, URIRef
from rdflib.namespace import RDF

from goalmap.export.rdf import DEFAULT_BASE, descriptions, prefixes
from goalmap.kb import KnowledgeBase

_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


class Names:
    """IRIs as prefixed names where it is safe, else ``<...>``."""

    def __init__(self, spaces: dict[str, str]):
        # longest namespace first, so "category/" wins over a shorter base
        self.spaces = sorted(spaces.items(), key=lambda kv: -len(kv[1]))

    def iri(self, node: URIRef) -> str:
        text = str(node)
        for prefix, ns in self.spaces:
            if text.startswith(ns) and _LOCAL.match(text[len(ns):]):
                return f"{prefix}:{text[len(ns):]}"
        return f"<{text}>"

    def literal(self, lit: Literal) -> str:
        body = '"' + "".join(_ESCAPES.get(ch, ch) for ch in str(lit)) + '"'
        if lit.language:
            return f"{body}@{lit.language}"
        if lit.datatype is not None:
            return f"{body}^^{self.iri(lit.datatype)}"
        return body

    def term(self, node) -> str:
        return self.literal(node) if isinstance(node, Literal) else self.iri(node)


def iter_dumps(kb: KnowledgeBase, *, scheme: Optional[str] = None, root: Optional[str] = None,
               base_iri: str = DEFAULT_BASE, **_: object) -> Iterator[str]:
    """The Turtle text, one subject's block at a time."""
    spaces = prefixes(base_iri)
    names = Names(spaces)
    subjects = descriptions(kb, scheme=scheme, root=root, base_iri=base_iri)
    yield "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in spaces.items())
    for subject, po in subjects:
        lines = []
        for p, o in po:
            verb = "a" if p == RDF.type else names.iri(p)
            lines.append(f"    {verb} {names.term(o)}")
        yield "\n" + names.iri(subject) + "\n" + " ;\n".join(lines) + " .\n"


def dumps(kb: KnowledgeBase, **kw: object) -> str:
    return "".join(iter_dumps(kb, **kw))
