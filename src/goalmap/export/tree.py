"""What an export draws: one scheme's tree, or the part of it under ``--root``.

Every tree exporter (markdown, dot, mermaid) starts from ``select``; the graph
exporters (json, graphml) and bibtex use ``subtree_ids`` and ``cited_works``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional

from goalmap.errors import UnknownTarget, UsageError
from goalmap.kb import KnowledgeBase, iter_citations
from goalmap.kb import citation_label as kb_citation_label
from goalmap.models import Category, Citation


@dataclass
class Branch:
    """A top category of the export and the heading it gets."""

    category: Category
    label: str


@dataclass
class Tree:
    scheme_id: str
    title: str
    root: Optional[str]  # the --root id (a level or category), None for the whole scheme
    branches: list[Branch]


def pick_scheme(kb: KnowledgeBase, scheme: Optional[str], root: Optional[str]) -> str:
    if scheme is not None:
        if scheme not in kb.schemes:
            raise UnknownTarget(scheme, sorted(kb.schemes), what="scheme")
        return scheme
    if root is not None and root in kb.categories:
        return kb.category_scheme[root]
    chosen = kb.default_scheme()
    if chosen is None:
        raise UsageError("the taxonomy has no scheme to export",
                         hint="add a file to schemes/ (see docs/taxonomy-format.md)")
    return chosen


def select(kb: KnowledgeBase, scheme: Optional[str] = None, root: Optional[str] = None) -> Tree:
    """The tree to export: a whole scheme, a level's branches (its sub-levels' too, as
    ``goalmap show`` does), or one category."""
    scheme_id = pick_scheme(kb, scheme, root)
    if root is None:
        branches = [Branch(c, c.label) for c in kb.children(None, scheme_id)]
        return Tree(scheme_id, kb.schemes[scheme_id].name, None, branches)
    if root in kb.levels:
        branches = [Branch(cat, label) for cat, label in kb.level_branches(root, scheme_id)]
        return Tree(scheme_id, kb.levels[root].name, root, branches)
    if root in kb.categories:
        if kb.category_scheme[root] != scheme_id:
            raise UsageError(f"the category '{root}' belongs to the scheme "
                             f"'{kb.category_scheme[root]}', not '{scheme_id}'",
                             hint="drop --scheme, or pick a category of that scheme")
        cat = kb.categories[root]
        return Tree(scheme_id, cat.label, root, [Branch(cat, cat.label)])
    pool = sorted(kb.levels) + sorted(c.id for c in kb.schemes[scheme_id].categories)
    import difflib

    raise UnknownTarget(root, difflib.get_close_matches(root, pool, n=5, cutoff=0.5),
                        what="level or category")


def walk(kb: KnowledgeBase, tree: Tree) -> Iterator[tuple[int, Category, str]]:
    """(depth, category, label) depth first in the scheme's order; branches are depth 0."""

    def down(cat: Category, depth: int, label: str) -> Iterator[tuple[int, Category, str]]:
        yield depth, cat, label
        for kid in kb.children(cat.id, tree.scheme_id):
            yield from down(kid, depth + 1, kid.label)

    for branch in tree.branches:
        yield from down(branch.category, 0, branch.label)


def subtree_ids(kb: KnowledgeBase, tree: Tree) -> list[str]:
    """The category ids of the tree, in walk order."""
    return [cat.id for _, cat, _ in walk(kb, tree)]


def cited_works(kb: KnowledgeBase, tree: Tree) -> list[str]:
    """Every work the tree cites (sub-citations included), first citation first."""
    out: dict[str, None] = {}
    for _, cat, _ in walk(kb, tree):
        for cit in iter_citations(cat.citations):
            for w in cit.works:
                if w in kb.works:
                    out.setdefault(w)
    return list(out)


def one_line(text: str) -> str:
    """Collapse newlines and runs of white space: labels are drawn on one line."""
    return " ".join(str(text).split())


def citation_label(kb: KnowledgeBase, cit: Citation) -> str:
    """``Label (Surname et al., Year; ...)``, as Figure 2 prints a citation, on one line."""
    return one_line(kb_citation_label(kb, cit))


def citation_rows(kb: KnowledgeBase, citations: list[Citation],
                  depth: int = 0) -> Iterator[tuple[int, Citation]]:
    """(depth, citation) for the citations and their sub-citations, in order."""
    for cit in citations:
        yield depth, cit
        yield from citation_rows(kb, cit.includes, depth + 1)
