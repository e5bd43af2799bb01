"""The loaded knowledge base: its entries, where each came from, and lookups by id or name.

Data and lookups only.  Walks over the structure (a level's branches, a
category's children, where a work is cited) live in ``goalmap.query``.  Plain
Python (no networkx, no pydantic), so that ``goalmap show`` stays fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Optional

from goalmap.kinds import KINDS


@dataclass
class Origin:
    """Where an entry is written: its file (relative to the taxonomy root) and
    the path of the entry inside that file (``()`` or ``(3,)`` for list files)."""

    file: str
    prefix: tuple = ()


_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def norm(text: str) -> str:
    """Fold a name for lookup: lower case, letters and digits only."""
    return _NOT_ALNUM.sub("", text.casefold())


def entry_label(entry: Any) -> str:
    """How an entry is named to people: its name, label or title, else its id."""
    return (getattr(entry, "name", None) or getattr(entry, "label", None)
            or getattr(entry, "title", None) or entry.id)


@dataclass
class KnowledgeBase:
    """Every entry by kind (``kb.works["ouyang2022training"]``), one table per kind of
    ``goalmap.kinds``; ``categories`` holds the categories of every scheme."""

    root: Path
    levels: dict[str, Any] = field(default_factory=dict)
    schemes: dict[str, Any] = field(default_factory=dict)
    categories: dict[str, Any] = field(default_factory=dict)
    works: dict[str, Any] = field(default_factory=dict)
    resources: dict[str, Any] = field(default_factory=dict)
    tables: dict[str, Any] = field(default_factory=dict)
    algorithms: dict[str, Any] = field(default_factory=dict)
    challenges: dict[str, Any] = field(default_factory=dict)
    category_scheme: dict[str, str] = field(default_factory=dict)
    origins: dict[str, Origin] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    broken_ids: set[str] = field(default_factory=set)  # ids of files that failed to load
    unread_kinds: set[str] = field(default_factory=set)  # kinds whose folder was unreadable
    _names: Optional[dict[str, list[str]]] = field(default=None, repr=False)
    _index: dict = field(default_factory=dict, repr=False)  # query's indexes, built on first use

    # ----------------------------------------------------------------- tables
    def tables_by_kind(self) -> list[tuple[str, dict]]:
        """(kind name, its entries) for every kind, in the registry's order."""
        return [(k.name, getattr(self, k.plural)) for k in KINDS]

    def kind_of(self, entry_id: str) -> Optional[str]:
        for kind, table in self.tables_by_kind():
            if entry_id in table:
                return kind
        return None

    def get(self, entry_id: str) -> Any:
        for _, table in self.tables_by_kind():
            if entry_id in table:
                return table[entry_id]
        return None

    def all_ids(self) -> Iterator[str]:
        for _, table in self.tables_by_kind():
            yield from table

    def default_scheme(self) -> Optional[str]:
        """The scheme marked ``default`` (Figure 2), else the first; None without schemes."""
        for scheme_id, scheme in self.schemes.items():
            if scheme.default:
                return scheme_id
        return next(iter(self.schemes), None)

    # ---------------------------------------------------------------- by name
    def names(self) -> dict[str, list[str]]:
        """Folded name or alias -> the ids it names (ids, names, aliases, labels)."""
        if self._names is None:
            index: dict[str, list[str]] = {}

            def add(text: Optional[str], entry_id: str) -> None:
                key = norm(text or "")
                if key and entry_id not in index.setdefault(key, []):
                    index[key].append(entry_id)

            for _, table in self.tables_by_kind():
                for entry_id, entry in table.items():
                    add(entry_id, entry_id)
                    add(getattr(entry, "name", None) or getattr(entry, "label", None), entry_id)
                    for alias in getattr(entry, "aliases", ()):
                        add(alias, entry_id)
            self._names = index
        return self._names

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

    def closest_ids(self, target: str, kinds: tuple, n: int = 3) -> list[str]:
        import difflib

        pool = [i for kind, table in self.tables_by_kind() if kind in kinds for i in table]
        return difflib.get_close_matches(target, pool, n=n, cutoff=0.5)
