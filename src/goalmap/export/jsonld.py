"""The same RDF as the Turtle export, as JSON-LD (a flat ``@graph``).

Built once in ``goalmap.export.rdf``; written here one node object at a time:
``{"@context": {prefixes}, "@graph": [{"@id": ..., "@type": [...], "skos:prefLabel":
[{"@value": ..., "@language": "en"}], ...}, ...]}``.  Compact IRIs use the same
prefixes as the Turtle, and only where the local part is plainly safe.
"""

from __future__ import annotations

import json
from typing import Iterator, Optional

from rdflib import Literal
from rdflib.namespace import RDF, XSD

from goalmap.export.rdf import DEFAULT_BASE, descriptions, prefixes
from goalmap.export.turtle import Names
from goalmap.kb import KnowledgeBase


def _compact(names: Names, node) -> str:
    text = names.iri(node)
    return text[1:-1] if text.startswith("<") else text


def _value(names: Names, node) -> object:
    if not isinstance(node, Literal):
        return {"@id": _compact(names, node)}
    if node.language:
        return {"@value": str(node), "@language": node.language}
    if node.datatype is not None and node.datatype != XSD.string:
        return {"@value": str(node), "@type": _compact(names, node.datatype)}
    return {"@value": str(node)}


def iter_dumps(kb: KnowledgeBase, *, scheme: Optional[str] = None, root: Optional[str] = None,
               base_iri: str = DEFAULT_BASE, **_: object) -> Iterator[str]:
    """The JSON-LD text, one node object at a time."""
    spaces = prefixes(base_iri)
    names = Names(spaces)
    subjects = descriptions(kb, scheme=scheme, root=root, base_iri=base_iri)
    context = json.dumps({"@context": spaces}, ensure_ascii=False, indent=1)[:-2]
    yield context + ',\n "@graph": ['
    sep = "\n  "
    for subject, po in subjects:
        obj: dict = {"@id": _compact(names, subject)}
        for p, o in po:
            if p == RDF.type:
                obj.setdefault("@type", []).append(_compact(names, o))
            else:
                obj.setdefault(_compact(names, p), []).append(_value(names, o))
        yield sep + json.dumps(obj, ensure_ascii=False)
        sep = ",\n  "
    yield "\n ]\n}\n"


def dumps(kb: KnowledgeBase, **kw: object) -> str:
    return "".join(iter_dumps(kb, **kw))
