"""The knowledge base as RDF, built once here and written two ways (``turtle``, ``jsonld``).

- Each scheme is a ``skos:ConceptScheme`` and each of its categories a
  ``skos:Concept`` with ``skos:prefLabel`` (unique in its scheme: a label the
  figure repeats, such as "Benchmarks", is qualified by its parents), the
  figure's own label as ``rdfs:label``, ``skos:notation`` (the category id),
  ``skos:broader``/``skos:narrower``, ``skos:topConceptOf``/``skos:hasTopConcept``.
- The goal levels are a second ``skos:ConceptScheme`` (``level/``), their aliases
  ``skos:altLabel``; a category names its level with ``dcterms:subject``.
- Works are ``bibo`` documents described with ``dcterms`` (title, creators,
  year, publisher), ``bibo:doi``, ``dcterms:identifier`` ("arXiv:2203.02155",
  "doi:..."), the arXiv and DOI pages and typed links as ``rdfs:seeAlso`` (code
  as ``schema:codeRepository``), the venue as ``schema:isPartOf``; resources are
  ``schema:Dataset``/``SoftwareApplication``/``CreativeWork`` with
  ``schema:subjectOf`` the works that introduced them.
- A category citing a work: ``<work> dcterms:subject <category>`` (SKOS's way to
  index a document by a concept), plus one ``goalmap:Citation`` per printed
  label (``rdfs:label``, ``goalmap:category``, ``goalmap:work``,
  ``goalmap:resource``, ``goalmap:position``, ``goalmap:printed``,
  ``goalmap:includedIn`` for a parenthetical sub-citation).

Every IRI is ``BASE + kind/ + id`` (``--base-iri``).  ``descriptions`` yields one
subject at a time with its (predicate, object) pairs, in a fixed order, so the
writers stream and never hold an rdflib ``Graph`` (which costs about 1.7 KB a
triple: too much at 100k works).  ``graph`` builds that Graph for tests and
small uses.  rdflib is imported here, so only when an RDF format is asked for.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any, Iterator, Optional
from urllib.parse import quote

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, RDF, RDFS, SKOS, XSD

from goalmap.citations import cite_key
from goalmap.errors import UsageError
from goalmap.kb import KnowledgeBase
from goalmap.query import (ALL_SCHEMES, ancestors, children, iter_citations,
                           scope_categories, scope_schemes, scope_works, select)

DEFAULT_BASE = "https://goalmap.invalid/"
VOCAB = Namespace("https://goalmap.invalid/ns#")  # goalmap's own terms, whatever the base
SHAPES = "data/goalmap-shapes.ttl"  # the SHACL shapes, beside this module
BIBO = Namespace("http://purl.org/ontology/bibo/")
SCHEMA = Namespace("https://schema.org/")

WORK_CLASS = {
    "article": BIBO.AcademicArticle, "inproceedings": BIBO.AcademicArticle,
    "preprint": BIBO.AcademicArticle, "book": BIBO.Book, "report": BIBO.Report,
    "misc": BIBO.Document, "web": BIBO.Webpage,
}
RESOURCE_CLASS = {"dataset": SCHEMA.Dataset, "benchmark": SCHEMA.Dataset,
                  "corpus": SCHEMA.Dataset, "model": SCHEMA.SoftwareApplication,
                  "classifier": SCHEMA.SoftwareApplication}
_IRI_OK = re.compile(r"^https?://[^\s<>\"{}|\\^`\x00-\x1f\x7f]+$")
Pairs = list[tuple[URIRef, Any]]


def check_base(base: str) -> str:
    """``base`` when it is an absolute http(s) IRI ending in ``/`` or ``#``; UsageError else."""
    if not _IRI_OK.match(base) or not base.endswith(("/", "#")):
        raise UsageError(f"--base-iri must be an http(s) IRI ending in '/' or '#', not '{base}'",
                         hint=f"for example {DEFAULT_BASE}")
    return base


def prefixes(base: str) -> dict[str, str]:
    """Prefix -> namespace, in the order the writers declare them."""
    return {
        "skos": str(SKOS), "dcterms": str(DCTERMS), "bibo": str(BIBO), "schema": str(SCHEMA),
        "foaf": str(FOAF), "rdfs": str(RDFS), "xsd": str(XSD),
        "goalmap": str(VOCAB), "scheme": base + "scheme/", "category": base + "category/",
        "level": base + "level/", "work": base + "work/", "resource": base + "resource/",
        "citation": base + "citation/",
    }


class Minter:
    """The IRIs of one export."""

    def __init__(self, base: str):
        self.base = check_base(base)
        self.ns = VOCAB

    def __call__(self, kind: str, entry_id: str) -> URIRef:
        return URIRef(f"{self.base}{kind}/{quote(entry_id, safe='-._~')}")


def web(url: Optional[str]) -> Optional[URIRef]:
    """An external page as an IRI, when it is a well-formed http(s) one."""
    return URIRef(url) if url and _IRI_OK.match(url) else None


def text(value: str, lang: Optional[str] = None) -> Literal:
    """A literal on one line (labels and titles are shown on one line)."""
    return Literal(" ".join(str(value).split()), lang=lang)


# ------------------------------------------------------------------ labels
def _one(label: str) -> str:
    return " ".join(str(label).split())


def pref_labels(kb: KnowledgeBase, cat_ids: list[str]) -> dict[str, str]:
    """Category id -> a prefLabel unique among ``cat_ids`` (one scheme's): the label, or,
    when the scheme repeats it, the label qualified by its parents ("Benchmarks
    (Evaluation (Sec. 3) › Human Values)"); the id is added if even that repeats."""
    plain = {c: _one(kb.categories[c].label) for c in cat_ids}
    counts = Counter(plain.values())
    out = {}
    for c, label in plain.items():
        chain = [_one(a.label) for a in reversed(ancestors(kb, c))]
        out[c] = f"{label} ({' › '.join(chain)})" if counts[label] > 1 and chain else label
    counts = Counter(out.values())
    return {c: f"{label} [{c}]" if counts[label] > 1 else label for c, label in out.items()}


# ------------------------------------------------------------ descriptions
def descriptions(kb: KnowledgeBase, scheme: Optional[str] = None, root: Optional[str] = None,
                 base_iri: str = DEFAULT_BASE) -> Iterator[tuple[URIRef, Pairs]]:
    """(subject, [(predicate, object), ...]) for every subject of the export, in order:
    schemes and their concepts, the level scheme, citations, works, resources.

    The arguments are checked now (UsageError, UnknownTarget), before the first subject.
    """
    iri = Minter(base_iri)
    scheme_ids = scope_schemes(kb, scheme, root)
    cat_ids = scope_categories(kb, scheme, root)
    sel = None if scheme == ALL_SCHEMES and root is None else select(kb, scheme, root)
    return _describe(kb, iri, scheme, root, scheme_ids, cat_ids, sel)


def _describe(kb: KnowledgeBase, iri: Minter, scheme: Optional[str], root: Optional[str],
              scheme_ids: list[str], cat_ids: list[str],
              sel: Any) -> Iterator[tuple[URIRef, Pairs]]:
    ns = iri.ns
    in_scope = set(cat_ids)
    tops = ([c.id for c, _ in sel.branches] if sel is not None else
            [c.id for s in scheme_ids for c in children(kb, None, s)])

    for sid in scheme_ids:
        sch = kb.schemes[sid]
        po: Pairs = [(RDF.type, SKOS.ConceptScheme), (SKOS.prefLabel, text(sch.name, "en")),
                     (SKOS.notation, Literal(sid))]
        if sch.description:
            po.append((DCTERMS.description, text(sch.description, "en")))
        if sch.source:
            po.append((DCTERMS.source, text(sch.source)))
        po += [(SKOS.hasTopConcept, iri("category", c)) for c in tops
               if kb.category_scheme[c] == sid]
        yield iri("scheme", sid), po

    labels: dict[str, str] = {}
    for sid in scheme_ids:
        labels.update(pref_labels(kb, [c for c in cat_ids if kb.category_scheme[c] == sid]))
    top_set = set(tops)
    for cid in cat_ids:
        cat = kb.categories[cid]
        sid = kb.category_scheme[cid]
        po = [(RDF.type, SKOS.Concept), (SKOS.inScheme, iri("scheme", sid)),
              (SKOS.prefLabel, text(labels[cid], "en")), (RDFS.label, text(cat.label, "en")),
              (SKOS.notation, Literal(cid))]
        if cid in top_set:
            po.append((SKOS.topConceptOf, iri("scheme", sid)))
        elif cat.parent in in_scope:
            po.append((SKOS.broader, iri("category", cat.parent)))
        po += [(SKOS.narrower, iri("category", k.id)) for k in children(kb, cid, sid)
               if k.id in in_scope]
        if cat.description:
            po.append((SKOS.definition, text(cat.description, "en")))
        if cat.level and cat.level in kb.levels:
            po.append((DCTERMS.subject, iri("level", cat.level)))
        if cat.perspective:
            po.append((ns.perspective, Literal(cat.perspective)))
        if cat.section:
            po.append((ns.section, Literal(cat.section)))
        yield iri("category", cid), po

    yield from _levels(kb, iri)

    work_cats: dict[str, list[str]] = {}
    for cid in cat_ids:
        yield from _citations(kb, iri, cid, kb.categories[cid].citations, None, "")
        for cit in iter_citations(kb.categories[cid].citations):
            for w in cit.works:
                if w in kb.works and cid not in work_cats.setdefault(w, []):
                    work_cats[w].append(cid)
    works = scope_works(kb, scheme, root)
    for wid in works:
        yield iri("work", wid), _work(kb, iri, wid, work_cats.get(wid, []), sel)
    cited_res = {r for cid in cat_ids for cit in iter_citations(kb.categories[cid].citations)
                 for r in cit.resources}
    keep = set(kb.resources) if scheme == ALL_SCHEMES and root is None else \
        cited_res | {r for r, res in kb.resources.items()
                     if any(w in work_cats for w in res.introduced_by)}
    for rid in sorted(keep & set(kb.resources)):
        yield iri("resource", rid), _resource(kb, iri, rid, set(works))


def _levels(kb: KnowledgeBase, iri: Minter) -> Iterator[tuple[URIRef, Pairs]]:
    levels = sorted(kb.levels.values(), key=lambda lv: (lv.order, lv.id))
    scheme = iri("scheme", "goal-levels")
    tops = [lv.id for lv in levels if not lv.parent or lv.parent not in kb.levels]
    yield scheme, [(RDF.type, SKOS.ConceptScheme),
                   (SKOS.prefLabel, text("Goal levels of alignment", "en")),
                   *((SKOS.hasTopConcept, iri("level", t)) for t in tops)]
    for lv in levels:
        po: Pairs = [(RDF.type, SKOS.Concept), (SKOS.inScheme, scheme),
                     (SKOS.prefLabel, text(lv.name, "en")), (SKOS.notation, Literal(lv.id))]
        po += [(SKOS.altLabel, text(a, "en")) for a in dict.fromkeys(lv.aliases)
               if " ".join(a.split()) != " ".join(lv.name.split())]
        if lv.id in tops:
            po.append((SKOS.topConceptOf, scheme))
        else:
            po.append((SKOS.broader, iri("level", lv.parent)))
        po += [(SKOS.narrower, iri("level", k.id)) for k in levels if k.parent == lv.id]
        po.append((SKOS.definition, text(lv.definition, "en")))
        yield iri("level", lv.id), po


def _citations(kb: KnowledgeBase, iri: Minter, cid: str, citations: Any,
               parent: Optional[URIRef], path: str) -> Iterator[tuple[URIRef, Pairs]]:
    ns = iri.ns
    for i, cit in enumerate(citations, 1):
        key = f"{path}.{i}" if path else f"{cid}.{i}"
        node = iri("citation", key)
        po: Pairs = [(RDF.type, ns.Citation), (RDFS.label, text(cit.label, "en")),
                     (ns.category, iri("category", cid)), (ns.position, Literal(i))]
        po += [(ns.work, iri("work", w)) for w in dict.fromkeys(cit.works) if w in kb.works]
        po += [(ns.resource, iri("resource", r)) for r in dict.fromkeys(cit.resources)
               if r in kb.resources]
        if cit.printed:
            po.append((ns.printed, text(cit.printed)))
        if cit.erratum:
            po.append((RDFS.comment, text(cit.erratum, "en")))
        if parent is not None:
            po.append((ns.includedIn, parent))
        yield node, po
        yield from _citations(kb, iri, cid, cit.includes, node, key)


def _work(kb: KnowledgeBase, iri: Minter, wid: str, cats: list[str], sel: Any) -> Pairs:
    w = kb.works[wid]
    kind = WORK_CLASS.get(w.type, BIBO.Document)
    po: Pairs = [(RDF.type, BIBO.Document)] + ([(RDF.type, kind)] if kind != BIBO.Document else [])
    po += [(DCTERMS.title, text(w.title)), (SKOS.notation, Literal(wid))]
    po += [(DCTERMS.creator, text(a)) for a in w.authors]
    if w.organization:
        po.append((DCTERMS.publisher, text(w.organization)))
    po.append((DCTERMS.issued, Literal(str(w.year), datatype=XSD.gYear)))
    po.append((DCTERMS.bibliographicCitation,
               text(cite_key(kb, wid, sel.scheme if sel is not None else None))))
    if w.venue:
        po.append((SCHEMA.isPartOf, text(w.venue)))  # schema.org takes a venue's name as text
    if w.arxiv:
        po.append((DCTERMS.identifier, Literal(f"arXiv:{w.arxiv}")))
        page = web(f"https://arxiv.org/abs/{w.arxiv}")
        if page is not None:
            po.append((RDFS.seeAlso, page))
    if w.doi:
        po += [(BIBO.doi, Literal(w.doi)), (DCTERMS.identifier, Literal(f"doi:{w.doi}"))]
        page = web(f"https://doi.org/{quote(w.doi, safe='/:;()._-')}")
        if page is not None:
            po.append((RDFS.seeAlso, page))
    url = web(w.url)
    if url is not None:
        po.append((FOAF.page, url))
    for ln in w.links:
        link = web(ln.url)
        if link is not None:
            po.append((SCHEMA.codeRepository if ln.type == "code" else RDFS.seeAlso, link))
    po += [(DCTERMS.subject, iri("category", c)) for c in cats]
    return po


def _resource(kb: KnowledgeBase, iri: Minter, rid: str, works: set[str]) -> Pairs:
    r = kb.resources[rid]
    po: Pairs = [(RDF.type, RESOURCE_CLASS.get(r.kind, SCHEMA.CreativeWork)),
                 (SCHEMA.name, text(r.name)), (SKOS.notation, Literal(rid)),
                 (SCHEMA.additionalType, Literal(r.kind))]
    po += [(SCHEMA.alternateName, text(a)) for a in dict.fromkeys(r.aliases)]
    if r.description:
        po.append((SCHEMA.description, text(r.description, "en")))
    url = web(r.url)
    if url is not None:
        po.append((SCHEMA.url, url))
    po += [(SCHEMA.subjectOf, iri("work", w)) for w in dict.fromkeys(r.introduced_by)
           if w in works]
    po += [(DCTERMS.subject, iri("level", lv)) for lv in dict.fromkeys(r.levels)
           if lv in kb.levels]
    return po


# ------------------------------------------------------------------ graph
def triples(kb: KnowledgeBase, **kw: Any) -> Iterator[tuple[URIRef, URIRef, Any]]:
    for s, po in descriptions(kb, **kw):
        for p, o in po:
            yield s, p, o


def shapes_path() -> "Path":
    """The SHACL shapes file shipped with goalmap."""
    from pathlib import Path

    return Path(__file__).resolve().parent / SHAPES


def graph(kb: KnowledgeBase, **kw: Any) -> Graph:
    """The export as an rdflib Graph (for tests and small knowledge bases)."""
    g = Graph()
    for name, ns in prefixes(kw.get("base_iri", DEFAULT_BASE)).items():
        g.bind(name, ns)
    for t in triples(kb, **kw):
        g.add(t)
    return g
