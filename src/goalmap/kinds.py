"""The one registry of entry kinds: everything else derives from it.

A kind names its folder in ``taxonomy/`` (categories have none: they live
inside schemes), the ``KnowledgeBase`` attribute that holds its entries, the
pydantic model that validates it (by name, so this module imports nothing
heavy), its display name, and the rule its ids follow.  The loader, the cache,
lint, scaffolding, ``list`` and the exporters read this table; nothing else
lists kinds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

# A work id is a BibTeX-style key: surname, year, first title word (ouyang2022training).
WORK_ID = re.compile(r"^[a-z]+(\d{4})[a-z0-9]*$")
# Every other id is kebab case.
KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# What any id may hold at load time (the schema enforces it; lint's id-format is stricter).
SAFE_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,127}$")


@dataclass(frozen=True)
class Kind:
    name: str  # "work"
    plural: str  # "works": the KnowledgeBase attribute and, for files, the folder
    model: str  # "Work": the class in goalmap.models
    folder: Optional[str]  # None: entries nested in another kind's files (categories)
    id_rule: re.Pattern
    id_help: str
    display: str = ""  # how messages name it ("goal level"); defaults to the name

    @property
    def label(self) -> str:
        return self.display or self.name

    def model_class(self) -> type:
        """The pydantic model (imported on first use: a warm ``show`` needs none)."""
        from goalmap import models

        return getattr(models, self.model)


_KEBAB_HELP = "kebab case: lower-case letters, digits and single hyphens"
KINDS: tuple[Kind, ...] = (
    Kind("level", "levels", "Level", "levels", KEBAB, _KEBAB_HELP, "goal level"),
    Kind("scheme", "schemes", "Scheme", "schemes", KEBAB, _KEBAB_HELP),
    Kind("category", "categories", "Category", None, KEBAB, _KEBAB_HELP),
    Kind("work", "works", "Work", "works", WORK_ID,
         "a BibTeX-style key: surname, year, first title word (ouyang2022training)"),
    Kind("resource", "resources", "Resource", "resources", KEBAB, _KEBAB_HELP),
    Kind("table", "tables", "Table", "tables", KEBAB, _KEBAB_HELP),
    Kind("algorithm", "algorithms", "Algorithm", "algorithms", KEBAB, _KEBAB_HELP),
    Kind("challenge", "challenges", "Challenge", "challenges", KEBAB, _KEBAB_HELP),
)
BY_NAME: dict[str, Kind] = {k.name: k for k in KINDS}
BY_FOLDER: dict[str, Kind] = {k.folder: k for k in KINDS if k.folder}
BY_PLURAL: dict[str, Kind] = {k.plural: k for k in KINDS}
FILE_KINDS: tuple[Kind, ...] = tuple(k for k in KINDS if k.folder)
SUFFIXES = (".yaml", ".yml")


def kind_of_file(rel: str) -> Optional[Kind]:
    """The kind a file holds, from its top folder (``works/x.yaml`` -> work)."""
    folder, sep, _ = rel.partition("/")
    return BY_FOLDER.get(folder) if sep else None


def folders_text() -> str:
    return ", ".join(f"{k.folder}/" for k in FILE_KINDS)
