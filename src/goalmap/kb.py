"""The loaded knowledge base: validated entries, where each came from, and lookups.

Plain Python only (no networkx), so that ``goalmap show`` stays fast; the
graph module builds the networkx view from this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Optional

if TYPE_CHECKING:  # the models are not needed to read a cached knowledge base
    from goalmap.models import (
        Algorithm,
        Category,
        Challenge,
        Citation,
        Level,
        Resource,
        Scheme,
        Table,
        Work,
    )



@dataclass
class Origin:
    """Where an entry is written: its file (relative to the taxonomy root) and
    the path of the entry inside that file (``()`` or ``(3,)`` for list files)."""

    file: str
    prefix: tuple = ()


@dataclass
class Reference:
    """One id that an entry refers to, and the kinds it may name."""

    source: str  # the id of the entry that holds the reference
    path: tuple  # the field path inside that entry
    target: str
    kinds: tuple  # the kinds the target may be (("work",), ("work", "resource"), ...)
    relation: str  # the edge relation in the graph (cites, parent, introduced_by, ...)
    attrs: Optional[dict] = None  # extra edge attributes (a citation's label and order)


def norm(text: str) -> str:
    """Fold a name for lookup: lower case, letters and digits only."""
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


@dataclass
class KnowledgeBase:
    root: Path
    levels: dict[str, Level] = field(default_factory=dict)
    schemes: dict[str, Scheme] = field(default_factory=dict)
    works: dict[str, Work] = field(default_factory=dict)
    resources: dict[str, Resource] = field(default_factory=dict)
    tables: dict[str, Table] = field(default_factory=dict)
    algorithms: dict[str, Algorithm] = field(default_factory=dict)
    challenges: dict[str, Challenge] = field(default_factory=dict)
    categories: dict[str, Category] = field(default_factory=dict)
    category_scheme: dict[str, str] = field(default_factory=dict)
    origins: dict[str, Origin] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    broken_ids: set[str] = field(default_factory=set)  # ids of files that failed to load
    _names: Optional[dict[str, list[str]]] = None
    # Indexes built on first use (the loader fills the tables before any query).
    _kids: dict = field(default_factory=dict, repr=False)
    _introduced: Optional[tuple] = field(default=None, repr=False)

    # ----------------------------------------------------------------- lookups
    def kind_of(self, entry_id: str) -> Optional[str]:
        for kind, table in self.tables_by_kind():
            if entry_id in table:
                return kind
        return None

    def tables_by_kind(self) -> list[tuple[str, dict]]:
        return [
            ("level", self.levels),
            ("scheme", self.schemes),
            ("category", self.categories),
            ("work", self.works),
            ("resource", self.resources),
            ("table", self.tables),
            ("algorithm", self.algorithms),
            ("challenge", self.challenges),
        ]

    def get(self, entry_id: str):
        for _, table in self.tables_by_kind():
            if entry_id in table:
                return table[entry_id]
        return None

    def all_ids(self) -> Iterator[str]:
        for _, table in self.tables_by_kind():
            yield from table

    def names(self) -> dict[str, list[str]]:
        """Folded name or alias -> the ids it names (ids, names, aliases, labels)."""
        if self._names is None:
            index: dict[str, list[str]] = {}

            def add(text: Optional[str], entry_id: str) -> None:
                key = norm(text or "")
                if key and entry_id not in index.setdefault(key, []):
                    index[key].append(entry_id)

            for kind, table in self.tables_by_kind():
                for entry_id, entry in table.items():
                    add(entry_id, entry_id)
                    add(getattr(entry, "name", None) or getattr(entry, "label", None), entry_id)
                    for alias in getattr(entry, "aliases", ()):
                        add(alias, entry_id)
            self._names = index
        return self._names

    def resolve(self, target: str) -> list[str]:
        """The ids ``target`` may mean: an exact id first, then names and aliases."""
        if self.get(target) is not None:
            return [target]
        return list(self.names().get(norm(target), []))

    def suggest(self, target: str, n: int = 5) -> list[str]:
        """Ids and names close to ``target``, for "did you mean"."""
        import difflib  # only for "did you mean"

        key = norm(target)
        names = self.names()
        close = difflib.get_close_matches(key, list(names), n=n, cutoff=0.6)
        out: list[str] = []
        for name in close:
            for entry_id in names[name]:
                if entry_id not in out:
                    out.append(entry_id)
        if len(out) < n and key:
            for name, ids in names.items():
                if key in name:
                    out.extend(i for i in ids if i not in out)
                if len(out) >= n:
                    break
        return out[:n]

    def search(self, text: str) -> list[tuple[str, str, str]]:
        """(id, kind, label) of entries whose id, name, alias, title or authors contain ``text``."""
        words = [norm(w) for w in text.split() if norm(w)]
        out = []
        for kind, table in self.tables_by_kind():
            for entry_id, entry in table.items():
                label = (getattr(entry, "name", None) or getattr(entry, "label", None)
                         or getattr(entry, "title", None) or entry_id)
                hay = " ".join([entry_id, label, *getattr(entry, "aliases", ()),
                                *getattr(entry, "authors", ()), str(getattr(entry, "year", ""))])
                folded = norm(hay)
                if words and all(w in folded for w in words):
                    out.append((entry_id, kind, label))
        return out

    def closest_ids(self, target: str, kinds: tuple, n: int = 3) -> list[str]:
        import difflib

        pool = [i for kind, table in self.tables_by_kind() if kind in kinds for i in table]
        return difflib.get_close_matches(target, pool, n=n, cutoff=0.5)

    # -------------------------------------------------------------- structure
    def children(self, category_id: Optional[str], scheme_id: str) -> list[Category]:
        """The sub-categories of ``category_id`` (None: the top ones), by ``order``.

        Answered from an index built once per scheme, so that walking a tree of
        C categories costs C, not C squared.
        """
        categories = self.schemes[scheme_id].categories
        built = self._kids.get(scheme_id)
        if built is None or built[0] is not categories or built[1] != len(categories):
            index: dict[Optional[str], list[Category]] = {}
            for c in categories:
                index.setdefault(c.parent, []).append(c)
            for kids in index.values():
                kids.sort(key=lambda c: c.order)
            built = self._kids[scheme_id] = (categories, len(categories), index)
        return list(built[2].get(category_id, ()))

    def level_branches(self, level_id: str, scheme_id: str) -> list[tuple[Category, str]]:
        """The top categories of a goal level (and of its sub-levels) in one scheme.

        Depth first in the scheme's order, each with a label naming where it hangs
        ("Definition (Sec. 2) › Human Values"). ``show`` and ``export --root`` use it.
        """
        under = {level_id} | {lid for lid, lv in self.levels.items() if lv.parent == level_id}
        out: list[tuple[Category, str]] = []

        def down(parent_id: Optional[str]) -> None:
            for cat in self.children(parent_id, scheme_id):
                parent = self.categories.get(cat.parent) if cat.parent else None
                if cat.level in under and (parent is None or parent.level not in under):
                    out.append((cat, f"{parent.label} › {cat.label}" if parent else cat.label))
                else:
                    down(cat.id)

        down(None)
        return out

    def default_scheme(self) -> Optional[str]:
        for scheme_id, scheme in self.schemes.items():
            if scheme.default:
                return scheme_id
        return next(iter(self.schemes), None)

    def citations_of(self, entry_id: str) -> list[tuple[str, Citation]]:
        """(category id, citation) for every citation that names ``entry_id``."""
        out = []
        for cat_id, cat in self.categories.items():
            for cit in iter_citations(cat.citations):
                if entry_id in cit.works or entry_id in cit.resources:
                    out.append((cat_id, cit))
        return out

    def resources_of(self, work_id: str) -> list[str]:
        """Ids of the resources ``work_id`` introduced (index built once, not a scan per call)."""
        if self._introduced is None or self._introduced[0] != len(self.resources):
            index: dict[str, list[str]] = {}
            for rid, r in self.resources.items():
                for w in dict.fromkeys(r.introduced_by):
                    index.setdefault(w, []).append(rid)
            self._introduced = (len(self.resources), index)
        return list(self._introduced[1].get(work_id, ()))

    # ------------------------------------------------------------- references
    def references(self) -> Iterator[Reference]:
        """Every id one entry names in another, with the kinds it may be."""
        W, R, L = ("work",), ("resource",), ("level",)
        for cat in self.categories.values():
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
        for lid, level in self.levels.items():
            if level.parent:
                yield Reference(lid, ("parent",), level.parent, L, "parent")
        for rid, res in self.resources.items():
            for j, w in enumerate(res.introduced_by):
                yield Reference(rid, ("introduced_by", j), w, W, "introduced_by")
            for j, lv in enumerate(res.levels):
                yield Reference(rid, ("levels", j), lv, L, "level")
            for j, b in enumerate(res.based_on):
                yield Reference(rid, ("based_on", j), b, ("resource", "work"), "based_on")
        for tid, table in self.tables.items():
            for j, row in enumerate(table.rows):
                if row.ref:
                    yield Reference(tid, ("rows", j, "ref"), row.ref,
                                    ("resource", "work", "level"), "row")
        for aid, alg in self.algorithms.items():
            if alg.parent:
                yield Reference(aid, ("parent",), alg.parent, ("algorithm",), "parent")
            for j, w in enumerate(alg.works):
                yield Reference(aid, ("works", j), w, W + R, "example")
        for cid, ch in self.challenges.items():
            for j, w in enumerate(ch.works):
                yield Reference(cid, ("works", j), w, W + R, "example")
            for j, r in enumerate(ch.related):
                yield Reference(cid, ("related", j), r,
                                ("challenge", "level", "algorithm", "resource"), "related")


def walk_citations(citations: list[Citation], path: tuple) -> Iterator[tuple[tuple, Citation]]:
    for i, cit in enumerate(citations):
        yield path + (i,), cit
        yield from walk_citations(cit.includes, path + (i, "includes"))


def iter_citations(citations: list[Citation]) -> Iterator[Citation]:
    for _, cit in walk_citations(citations, ()):
        yield cit


def cite_text(work: Work) -> str:
    """``Surname et al., Year`` as the survey prints a citation."""
    if work.authors:
        surnames = [surname(a) for a in work.authors]
        if len(surnames) == 1 and not work.et_al:
            who = surnames[0]
        elif len(surnames) == 2 and not work.et_al:
            who = f"{surnames[0]} and {surnames[1]}"
        else:
            who = f"{surnames[0]} et al."
    else:
        who = work.organization or work.title.split(":")[0]
    return f"{who}, {work.year}"


def citation_label(kb: KnowledgeBase, cit: Citation) -> str:
    """``Label (Surname et al., Year; ...)``, as Figure 2 prints a citation."""
    works = [kb.works[w] for w in cit.works if w in kb.works]
    if not works:
        return cit.label
    return f"{cit.label} (" + "; ".join(cite_text(w) for w in works) + ")"


_PARTICLES = {"van", "von", "de", "der", "den", "del", "da", "di", "le", "la", "du"}


def surname(name: str) -> str:
    """The family name of ``name`` (``"Stephen H Bach"`` -> ``"Bach"``; keeps "van" etc.)."""
    if "," in name:
        return name.split(",")[0].strip()
    parts = name.split()
    if not parts:
        return name
    i = len(parts) - 1
    while i > 0 and parts[i - 1].lower() in _PARTICLES:
        i -= 1
    return " ".join(parts[i:])
