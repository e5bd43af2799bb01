"""The SKOS/RDF exports (turtle, jsonld), checked by independent consumers: rdflib parses
them back to the same graph, pyshacl validates them against the shipped shapes, and
pyoxigraph (an embedded triple store) answers SPARQL about Figure 2 from them."""

from __future__ import annotations

import pytest

rdflib = pytest.importorskip("rdflib")
from rdflib import Graph, URIRef  # noqa: E402
from rdflib.compare import isomorphic  # noqa: E402

from goalmap.export import dumps  # noqa: E402
from goalmap.export import rdf  # noqa: E402

SKOS = "http://www.w3.org/2004/02/skos/core#"
BASE = rdf.DEFAULT_BASE
PREFIXES = f"""
PREFIX skos: <{SKOS}>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX gm: <https://goalmap.invalid/ns#>
"""

# Figure 2 of arXiv 2308.12014v2 (page 3), typed by hand from the figure: each leaf
# category (id without its "fig2-" prefix) -> (labels printed in it, of which are
# parenthetical sub-citations).  "Summarization (Stiennon et al., 2020; Wu et al., 2021)"
# is one label citing two works; GlobalOpinionQA's "(World Values Survey (WVS) & Pew
# ... (GAS))" are two sub-citations, Cultural Values' "(Hofstede's ... & WVS)" two more.
FIGURE2_LEAVES = {
    "def-instructions": (16, 0),
    "def-preferences-human-demonstrations": (5, 0),
    "def-preferences-human-feedback": (4, 0),
    "def-preferences-model-synthetic-feedback": (5, 0),
    "def-values-hhh": (6, 0),
    "def-values-social-norms-ethics": (7, 0),
    "def-values-basic-value-system": (3, 0),
    "def-values-desirable-behaviors": (5, 0),
    "def-values-intrinsic-values": (8, 0),
    "eval-instructions-benchmarks": (8, 0),
    "eval-instructions-advanced-llms-evaluation": (4, 0),
    "eval-preferences-benchmarks": (11, 0),
    "eval-preferences-human-evaluation": (5, 0),
    "eval-preferences-reward-model": (6, 0),
    "eval-values-safety-and-risk": (4, 0),
    "eval-values-social-norms": (8, 0),
    "eval-values-human-value-surveys": (6, 4),
    "eval-values-reward-model": (5, 0),
}


@pytest.fixture(scope="module")
def real():
    from goalmap.loader import load
    from tests.export.conftest import TAXONOMY

    return load(TAXONOMY, use_cache=False)


def parse(text: str, fmt: str) -> Graph:
    return Graph().parse(data=text, format="turtle" if fmt == "turtle" else "json-ld")


@pytest.mark.parametrize("fmt", ["turtle", "jsonld"])
@pytest.mark.parametrize("scheme", [None, "all"])
def test_round_trip_through_rdflib_gives_the_same_graph(any_kb, fmt, scheme):
    text = dumps(any_kb, fmt, scheme=scheme)
    back = parse(text, fmt)
    assert len(back) > 0
    assert isomorphic(back, rdf.graph(any_kb, scheme=scheme))


@pytest.mark.parametrize("scheme", [None, "all", "survey-text", "revised-2024"])
def test_turtle_and_jsonld_say_the_same_of_the_real_knowledge_base(real, scheme):
    ttl = parse(dumps(real, "turtle", scheme=scheme), "turtle")
    assert isomorphic(ttl, parse(dumps(real, "jsonld", scheme=scheme), "jsonld"))
    assert isomorphic(ttl, rdf.graph(real, scheme=scheme))


@pytest.mark.parametrize("scheme", [None, "all"])
def test_the_shipped_shacl_shapes_pass(real, scheme):
    pyshacl = pytest.importorskip("pyshacl")
    shapes = Graph().parse(rdf.shapes_path(), format="turtle")
    conforms, _, report = pyshacl.validate(parse(dumps(real, "turtle", scheme=scheme), "turtle"),
                                           shacl_graph=shapes)
    assert conforms, report


def test_the_shapes_catch_a_broken_export(real):
    """A shape that cannot fail proves nothing: a concept without a prefLabel and a work
    with a malformed DOI are reported."""
    pyshacl = pytest.importorskip("pyshacl")
    g = parse(dumps(real, "turtle"), "turtle")
    concept = URIRef(BASE + "category/fig2-def-values-hhh")
    g.remove((concept, URIRef(SKOS + "prefLabel"), None))
    g.add((URIRef(BASE + "work/ouyang2022training"), URIRef("http://purl.org/ontology/bibo/doi"),
           rdflib.Literal("not a doi")))
    shapes = Graph().parse(rdf.shapes_path(), format="turtle")
    conforms, _, report = pyshacl.validate(g, shacl_graph=shapes)
    assert not conforms
    assert "fig2-def-values-hhh" in report and "not a doi" in report


@pytest.fixture(scope="module")
def store(real):
    ox = pytest.importorskip("pyoxigraph")
    s = ox.Store()
    s.load(dumps(real, "turtle").encode("utf-8"), format=ox.RdfFormat.TURTLE)
    return s


def test_sparql_counts_figure2_citations_per_leaf(store):
    rows = store.query(PREFIXES + """
        SELECT ?leaf (COUNT(?cit) AS ?n) (COUNT(?sub) AS ?nested) WHERE {
          ?leaf a skos:Concept ; skos:inScheme ?s .
          FILTER NOT EXISTS { ?leaf skos:narrower ?kid }
          ?cit gm:category ?leaf .
          OPTIONAL { ?cit gm:includedIn ?parent . BIND(?cit AS ?sub) }
        } GROUP BY ?leaf""")
    got = {str(r["leaf"].value).rsplit("/fig2-", 1)[1]: (int(r["n"].value), int(r["nested"].value))
           for r in rows}
    assert got == FIGURE2_LEAVES


def test_sparql_finds_the_categories_citing_a_work(store):
    rows = store.query(PREFIXES + """
        SELECT ?label WHERE {
          <https://goalmap.invalid/work/wvs2021world> dcterms:subject ?cat .
          ?cat skos:prefLabel ?label .
        } ORDER BY ?label""")
    assert [r["label"].value for r in rows] == ["Human Value Surveys"]
    rows = store.query(PREFIXES + """
        SELECT DISTINCT ?cat WHERE {
          ?cit gm:work <https://goalmap.invalid/work/ouyang2022training> ; gm:category ?cat .
        } ORDER BY ?cat""")
    assert [str(r["cat"].value).rsplit("/", 1)[1] for r in rows] == [
        "fig2-def-preferences-human-demonstrations", "fig2-def-preferences-human-feedback",
        "fig2-eval-preferences-human-evaluation"]


@pytest.mark.parametrize("scheme", [None, "all"])
def test_qskos_quality_checks(real, scheme):
    """No orphan concepts, one prefLabel per language and unique within its scheme,
    no cycle in skos:broader (qSKOS's orphan, ambiguous-label and cycle checks)."""
    g = parse(dumps(real, "turtle", scheme=scheme), "turtle")
    S = rdflib.Namespace(SKOS)
    concepts = set(g.subjects(rdflib.RDF.type, S.Concept))
    assert concepts
    for c in concepts:
        linked = (set(g.objects(c, S.broader)) | set(g.objects(c, S.narrower))
                  | set(g.subjects(S.broader, c)) | set(g.objects(c, S.topConceptOf)))
        assert linked, f"orphan concept {c}"
    seen: dict = {}
    for c in concepts:
        labels = list(g.objects(c, S.prefLabel))
        assert len({lab.language for lab in labels}) == len(labels) == 1, c
        key = (g.value(c, S.inScheme), str(labels[0]).casefold())
        assert key not in seen, f"{c} and {seen.get(key)} share the prefLabel {labels[0]}"
        seen[key] = c
    for c in concepts:
        chain, node = [c], g.value(c, S.broader)
        while node is not None:
            assert node not in chain, f"cycle in skos:broader through {c}"
            chain.append(node)
            node = g.value(node, S.broader)


def test_works_carry_arxiv_and_doi_identifiers(real):
    g = parse(dumps(real, "turtle", scheme="all"), "turtle")
    work = URIRef(BASE + "work/ouyang2022training")
    ids = {str(o) for o in g.objects(work, URIRef("http://purl.org/dc/terms/identifier"))}
    assert ids == {"arXiv:2203.02155"}
    assert (work, rdflib.RDFS.seeAlso, URIRef("https://arxiv.org/abs/2203.02155")) in g
    hoover = URIRef(BASE + "work/hoover2020moral")
    assert str(g.value(hoover, URIRef("http://purl.org/ontology/bibo/doi"))) == \
        "10.1177/1948550619876629"


def test_base_iri_moves_every_minted_iri(mini_kb):
    g = parse(dumps(mini_kb, "turtle", base_iri="https://example.org/kb#"), "turtle")
    minted = {str(s) for s in g.subjects()}
    assert minted and all(s.startswith("https://example.org/kb#") for s in minted)
    from goalmap.errors import UsageError

    for bad in ("example.org/", "https://example.org/x", "https://exa mple.org/"):
        with pytest.raises(UsageError):
            dumps(mini_kb, "turtle", base_iri=bad)


def test_root_exports_a_branch_whose_top_concepts_are_its_branches(real):
    g = parse(dumps(real, "turtle", root="values"), "turtle")
    S = rdflib.Namespace(SKOS)
    tops = {str(t).rsplit("/", 1)[1]
            for t in g.objects(URIRef(BASE + "scheme/figure2"), S.hasTopConcept)}
    assert tops == {"fig2-def-values", "fig2-eval-values"}
