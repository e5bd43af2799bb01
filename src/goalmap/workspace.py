"""Which taxonomy folder a command reads: one rule, used by every command.

The order, first match wins:
1. ``--taxonomy DIR`` (before or after the command name);
2. ``$GOALMAP_TAXONOMY``;
3. the nearest ``taxonomy/`` that is a goalmap knowledge base, looked for in the
   starting folder (the current one) and then in each parent, as git finds ``.git``;
4. the knowledge base packaged with goalmap.

A folder that holds no knowledge base is a ``TaxonomyNotFound`` (exit 2) whose
message says what was expected.  Nothing here prints.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from goalmap.errors import TaxonomyNotFound
from goalmap.kinds import FILE_KINDS, folders_text

ENV = "GOALMAP_TAXONOMY"


@dataclass(frozen=True)
class Located:
    """A folder and why it was chosen (``goalmap info`` prints both)."""

    path: Path
    reason: str
    packaged: bool = False  # nothing else matched: the read-only copy inside goalmap


def packaged_taxonomy() -> Path:
    """The knowledge base shipped with goalmap (inside the wheel, or the checkout's)."""
    here = Path(__file__).resolve().parent
    inside = here / "taxonomy"
    if inside.is_dir():
        return inside
    return here.parent.parent / "taxonomy"


def is_knowledge_base(path: Path) -> bool:
    """True when ``path`` has at least one of the entry folders (levels/, works/, ...)."""
    try:
        return path.is_dir() and any((path / k.folder).is_dir() for k in FILE_KINDS)
    except OSError:
        return False


def nearest(start: Path) -> Optional[Path]:
    """The nearest ``taxonomy/`` knowledge base in ``start`` or a parent of it."""
    try:
        here = start.resolve()
    except OSError:
        return None
    for folder in (here, *here.parents):
        candidate = folder / "taxonomy"
        if is_knowledge_base(candidate):
            return candidate
    return None


def locate(option: Optional[str] = None, start: Optional[Path] = None) -> Located:
    """The taxonomy folder to read, and why; TaxonomyNotFound when it holds no knowledge base."""
    if option:
        chosen = Located(Path(option).expanduser(), "--taxonomy")
    elif os.environ.get(ENV):
        chosen = Located(Path(os.environ[ENV]).expanduser(), f"${ENV}")
    else:
        base = start if start is not None else Path.cwd()
        found = nearest(base)
        if found is not None:
            shown = _relative(base)
            chosen = Located(found, f"the nearest taxonomy/ upward from {shown}")
        else:
            return Located(packaged_taxonomy(), "the knowledge base packaged with goalmap", True)
    check(chosen)
    return chosen


def _relative(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return str(path)


def check(chosen: Located) -> None:
    path = chosen.path
    if not path.is_dir():
        raise TaxonomyNotFound(
            f"taxonomy folder not found: {path} (from {chosen.reason})",
            hint=f"point --taxonomy or ${ENV} at a folder with {folders_text()} in it")
    if is_knowledge_base(path):
        return
    if is_knowledge_base(path / "taxonomy"):
        raise TaxonomyNotFound(
            f"{path} (from {chosen.reason}) is not a taxonomy folder, but it holds one",
            hint=f"use --taxonomy {path / 'taxonomy'}")
    raise TaxonomyNotFound(
        f"{path} (from {chosen.reason}) holds no goalmap knowledge base",
        hint=f"a taxonomy folder has the folders {folders_text()}; "
        "see docs/taxonomy-format.md")
