"""Every walk over the knowledge base that commands use, as small functions of ``kb``.

One structure answers them all: the ``KnowledgeBase`` tables plus indexes that
are built on first use and kept on the ``kb`` (children per scheme, the
resources a work introduced, where each entry is cited).  The networkx graph
(``goalmap.graph``) is built from these for the graph exports; no query walks it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Optional

from goalmap.errors import UnknownTarget, UsageError
from goalmap.kb import KnowledgeBase


# ----------------------------------------------------------------- citations
def walk_citations(citations: Any, path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    """(field path, citation) for citations and their nested ``includes``, in order."""
    for i, cit in enumerate(citations):
        yield path + (i,), cit
        yield from walk_citations(cit.includes, path + (i, "includes"))


def citation_rows(citations: Any, depth: int = 0) -> Iterator[tuple[int, Any]]:
    """(depth, citation) for citations and their nested ``includes``, in order."""
    for cit in citations:
        yield depth, cit
        yield from citation_rows(cit.includes, depth + 1)


def iter_citations(citations: Any) -> Iterator[Any]:
    for _, cit in walk_citations(citations):
        yield cit


# ------------------------------------------------------------------ schemes
def default_scheme(kb: KnowledgeBase) -> Optional[str]:
    return kb.default_scheme()


def scheme_id(kb: KnowledgeBase, name: Optional[str]) -> Optional[str]:
    """The scheme ``name`` means (case-insensitive); the default for None.

    UnknownTarget (exit 2) listing the schemes when there is no such scheme.
    """
    if name is None:
        return default_scheme(kb)
    if name in kb.schemes:
        return name
    folded = {s.casefold(): s for s in kb.schemes}
    if name.casefold() in folded:
        return folded[name.casefold()]
    raise UnknownScheme(name, sorted(kb.schemes))


class UnknownScheme(UnknownTarget):
    exit_code = 2

    def __init__(self, name: str, schemes: list[str]):
        super().__init__(name, schemes, what="scheme")
        self.hint = "the schemes are: " + ", ".join(schemes)


# ------------------------------------------------------------------- trees
def children(kb: KnowledgeBase, category_id: Optional[str], scheme: str) -> list[Any]:
    """The sub-categories of ``category_id`` (None: the top ones) in ``scheme``, by order.

    Answered from an index built once per scheme: walking C categories costs C.
    """
    categories = kb.schemes[scheme].categories
    key = ("kids", scheme)
    built = kb._index.get(key)
    if built is None or built[0] is not categories:
        index: dict[Optional[str], list[Any]] = {}
        for c in categories:
            index.setdefault(c.parent, []).append(c)
        for kids in index.values():
            kids.sort(key=lambda c: c.order)
        built = kb._index[key] = (categories, index)
    return list(built[1].get(category_id, ()))


def descendants(kb: KnowledgeBase, category_id: str) -> list[Any]:
    """Every category below ``category_id``, depth first in order."""
    scheme = kb.category_scheme[category_id]
    out: list[Any] = []
    for kid in children(kb, category_id, scheme):
        out.append(kid)
        out.extend(descendants(kb, kid.id))
    return out


def ancestors(kb: KnowledgeBase, category_id: str) -> list[Any]:
    """The chain of parent categories, nearest first (the scheme is not included)."""
    out = []
    parent = kb.categories[category_id].parent
    while parent is not None and parent in kb.categories and len(out) < len(kb.categories):
        out.append(kb.categories[parent])
        parent = kb.categories[parent].parent
    return out


def category_path(kb: KnowledgeBase, category_id: str) -> str:
    """``Scheme › Top › ... › Category``."""
    labels = [c.label for c in reversed(ancestors(kb, category_id))]
    scheme = kb.schemes[kb.category_scheme[category_id]]
    return " › ".join([scheme.name, *labels, kb.categories[category_id].label])


def level_branches(kb: KnowledgeBase, level_id: str, scheme: str) -> list[tuple[Any, str]]:
    """The top categories of a goal level (and of its sub-levels) in one scheme.

    Depth first in the scheme's order, each with a label naming where it hangs
    ("Definition (Sec. 2) › Human Values").  ``show`` and ``export --root`` use it.
    """
    under = {level_id} | {lid for lid, lv in kb.levels.items() if lv.parent == level_id}
    out: list[tuple[Any, str]] = []

    def down(parent_id: Optional[str]) -> None:
        for cat in children(kb, parent_id, scheme):
            parent = kb.categories.get(cat.parent) if cat.parent else None
            if cat.level in under and (parent is None or parent.level not in under):
                out.append((cat, f"{parent.label} › {cat.label}" if parent else cat.label))
            else:
                down(cat.id)

    down(None)
    return out


def walk(kb: KnowledgeBase, branches: list[tuple[Any, str]],
         scheme: str) -> Iterator[tuple[int, Any, str]]:
    """(depth, category, label) depth first in order; the branches are depth 0."""

    def down(cat: Any, depth: int, label: str) -> Iterator[tuple[int, Any, str]]:
        yield depth, cat, label
        for kid in children(kb, cat.id, scheme):
            yield from down(kid, depth + 1, kid.label)

    for cat, label in branches:
        yield from down(cat, 0, label)


# --------------------------------------------------------------- citations
def _cited_index(kb: KnowledgeBase) -> dict[str, list[tuple[str, Any]]]:
    built = kb._index.get("cited")
    if built is None:
        built = {}
        for cat_id, cat in kb.categories.items():
            for cit in iter_citations(cat.citations):
                for target in dict.fromkeys((*cit.works, *cit.resources)):
                    built.setdefault(target, []).append((cat_id, cit))
        kb._index["cited"] = built
    return built


def citations_of(kb: KnowledgeBase, entry_id: str) -> list[tuple[str, Any]]:
    """(category id, citation) for every citation that names ``entry_id``, all schemes."""
    return list(_cited_index(kb).get(entry_id, ()))


def cited_works(kb: KnowledgeBase, category_ids: list[str]) -> list[str]:
    """Every work these categories cite (sub-citations included), first citation first."""
    out: dict[str, None] = {}
    for cat_id in category_ids:
        for cit in iter_citations(kb.categories[cat_id].citations):
            for w in cit.works:
                if w in kb.works:
                    out.setdefault(w)
    return list(out)


def resources_of(kb: KnowledgeBase, work_id: str) -> list[str]:
    """Ids of the resources ``work_id`` introduced."""
    built = kb._index.get("introduced")
    if built is None:
        built = {}
        for rid, r in kb.resources.items():
            for w in dict.fromkeys(r.introduced_by):
                built.setdefault(w, []).append(rid)
        kb._index["introduced"] = built
    return list(built.get(work_id, ()))


def citation_resources(kb: KnowledgeBase, cit: Any) -> list[str]:
    """The resources a citation stands for: those it names, then those its works introduced."""
    out: dict[str, None] = {r: None for r in cit.resources if r in kb.resources}
    for w in cit.works:
        for r in resources_of(kb, w):
            out.setdefault(r)
    return list(out)


def coverage(kb: KnowledgeBase, scheme: str) -> dict[tuple[str, str, str], list[str]]:
    """(level, perspective, resource kind) -> the resources cited there in ``scheme``.

    A resource counts in a cell when a citation of a category with that level and
    perspective stands for it (``citation_resources``); each resource once per cell,
    first citation first.  Categories without a level or perspective count nowhere.
    """
    cells: dict[tuple[str, str, str], dict[str, None]] = {}
    for cat in kb.schemes[scheme].categories:
        if cat.level is None or cat.perspective is None:
            continue
        for cit in iter_citations(cat.citations):
            for r in citation_resources(kb, cit):
                cells.setdefault((cat.level, cat.perspective, kb.resources[r].kind), {})[r] = None
    return {key: list(found) for key, found in cells.items()}


def orphans(kb: KnowledgeBase) -> list[str]:
    """Works nothing refers to: no category cites them, no entry names them."""
    named = {ref.target for ref in references(kb)}
    return sorted(w for w in kb.works if w not in named)


# -------------------------------------------------------------- references
@dataclass
class Reference:
    """One id that an entry refers to, and the kinds it may name."""

    source: str  # the id of the entry that holds the reference
    path: tuple  # the field path inside that entry
    target: str
    kinds: tuple  # the kinds the target may be (("work",), ("work", "resource"), ...)
    relation: str  # the edge relation in the graph (cites, parent, introduced_by, ...)
    attrs: Optional[dict] = None  # extra edge attributes (a citation's label and order)


def references(kb: KnowledgeBase) -> Iterator[Reference]:
    """Every id one entry names in another, with the kinds it may be."""
    W, R, L = ("work",), ("resource",), ("level",)
    for cat in kb.categories.values():
        if cat.parent is not None:
            yield Reference(cat.id, ("parent",), cat.parent, ("category",), "parent")
        if cat.level is not None:
            yield Reference(cat.id, ("level",), cat.level, L, "level")
        for order, (path, cit) in enumerate(walk_citations(cat.citations, ("citations",))):
            attrs = {"label": cit.label, "order": order}
            if cit.printed:
                attrs["printed"] = cit.printed
            for j, w in enumerate(cit.works):
                yield Reference(cat.id, path + ("works", j), w, W, "cites", attrs)
            for j, r in enumerate(cit.resources):
                yield Reference(cat.id, path + ("resources", j), r, R + ("algorithm",),
                                "cites", attrs)
    for lid, level in kb.levels.items():
        if level.parent:
            yield Reference(lid, ("parent",), level.parent, L, "parent")
    for rid, res in kb.resources.items():
        for j, w in enumerate(res.introduced_by):
            yield Reference(rid, ("introduced_by", j), w, W, "introduced_by")
        for j, lv in enumerate(res.levels):
            yield Reference(rid, ("levels", j), lv, L, "level")
        for j, b in enumerate(res.based_on):
            yield Reference(rid, ("based_on", j), b, ("resource", "work"), "based_on")
    for tid, table in kb.tables.items():
        for j, row in enumerate(table.rows):
            if row.ref:
                yield Reference(tid, ("rows", j, "ref"), row.ref,
                                ("resource", "work", "level"), "row")
    for aid, alg in kb.algorithms.items():
        if alg.parent:
            yield Reference(aid, ("parent",), alg.parent, ("algorithm",), "parent")
        for j, w in enumerate(alg.works):
            yield Reference(aid, ("works", j), w, W + R, "example")
    for cid, ch in kb.challenges.items():
        for j, w in enumerate(ch.works):
            yield Reference(cid, ("works", j), w, W + R, "example")
        for j, r in enumerate(ch.related):
            yield Reference(cid, ("related", j), r,
                            ("challenge", "level", "algorithm", "resource"), "related")


# --------------------------------------------------------------- selection
@dataclass
class Selection:
    """What an export or a view draws: one scheme's tree, or the part under a root."""

    scheme: str
    title: str
    root: Optional[str]  # a level or category id; None for the whole scheme
    branches: list[tuple[Any, str]]  # (top category, the heading it gets)


def select(kb: KnowledgeBase, scheme: Optional[str] = None,
           root: Optional[str] = None) -> Selection:
    """A whole scheme, a level's branches (its sub-levels' too), or one category."""
    if scheme is None and root is not None and root in kb.categories:
        chosen = kb.category_scheme[root]
    else:
        chosen = scheme_id(kb, scheme)
    if chosen is None:
        raise UsageError("the taxonomy has no scheme",
                         hint="add a file to schemes/ (see docs/taxonomy-format.md)")
    if root is None:
        branches = [(c, c.label) for c in children(kb, None, chosen)]
        return Selection(chosen, kb.schemes[chosen].name, None, branches)
    if root in kb.levels:
        return Selection(chosen, kb.levels[root].name, root, level_branches(kb, root, chosen))
    if root in kb.categories:
        if kb.category_scheme[root] != chosen:
            raise UsageError(f"the category '{root}' belongs to the scheme "
                             f"'{kb.category_scheme[root]}', not '{chosen}'",
                             hint="drop --scheme, or pick a category of that scheme")
        cat = kb.categories[root]
        return Selection(chosen, cat.label, root, [(cat, cat.label)])
    import difflib

    pool = sorted(kb.levels) + sorted(c.id for c in kb.schemes[chosen].categories)
    raise UnknownTarget(root, difflib.get_close_matches(root, pool, n=5, cutoff=0.5),
                        what="level or category")


def selected_categories(kb: KnowledgeBase, sel: Selection) -> list[str]:
    """The category ids of a selection, in walk order."""
    return [cat.id for _, cat, _ in walk(kb, sel.branches, sel.scheme)]



# -------------------------------------------------------------- duplicates
def work_keys(work: Any) -> list[tuple[str, tuple, str]]:
    """(key, field path, what) that identify a work: its arXiv id (without version), its
    DOI (case folded) and its normalised title (letters and digits, 8 or more).

    Anything with ``arxiv``, ``doi`` and ``title`` attributes will do (a loaded work, or a
    ``metadata.Paper`` about to be added)."""
    import re

    from goalmap.kb import norm

    out = []
    arxiv, doi, title = (getattr(work, "arxiv", None), getattr(work, "doi", None),
                         getattr(work, "title", None))
    if arxiv:
        out.append(("arxiv:" + re.sub(r"v\d+$", "", arxiv.strip().lower()), ("arxiv",),
                    "arXiv id"))
    if doi:
        out.append(("doi:" + doi.strip().lower(), ("doi",), "DOI"))
    if title and len(norm(title)) >= 8:
        out.append(("title:" + norm(title), ("title",), "title"))
    return out


def work_key_index(kb: KnowledgeBase) -> dict[str, str]:
    """Every identifying key of every work -> the (first, by id) work that has it."""
    index: dict[str, str] = {}
    for work_id in sorted(kb.works):
        for key, _, _ in work_keys(kb.works[work_id]):
            index.setdefault(key, work_id)
    return index


def duplicate_of(index: dict[str, str], work: Any) -> Optional[tuple[str, str]]:
    """(existing id, what they share) when ``work`` is already in ``index``."""
    for key, _, what in work_keys(work):
        if key in index:
            return index[key], what
    return None


ALL_SCHEMES = "all"  # the scheme name that means every scheme (export --scheme all)


def scope_schemes(kb: KnowledgeBase, scheme: Optional[str],
                  root: Optional[str] = None) -> list[str]:
    """The scheme ids an export covers: every scheme for ``ALL_SCHEMES``, else the one
    ``select`` picks (the default scheme for None)."""
    if scheme == ALL_SCHEMES and root is None:
        return list(kb.schemes)
    return [select(kb, scheme, root).scheme]


def scope_categories(kb: KnowledgeBase, scheme: Optional[str],
                     root: Optional[str] = None) -> list[str]:
    """The category ids an export covers, in walk order scheme by scheme: all of them
    for ``ALL_SCHEMES``, else those of ``select(kb, scheme, root)``."""
    if scheme == ALL_SCHEMES and root is None:
        out: list[str] = []
        for sid in kb.schemes:
            out += selected_categories(kb, select(kb, sid))
        return out
    return selected_categories(kb, select(kb, scheme, root))


def scope_works(kb: KnowledgeBase, scheme: Optional[str],
                root: Optional[str] = None) -> list[str]:
    """The work ids an export lists, sorted: every work for ``ALL_SCHEMES``, else the
    works the scope's categories cite."""
    if scheme == ALL_SCHEMES and root is None:
        return sorted(kb.works)
    return sorted(cited_works(kb, scope_categories(kb, scheme, root)))
