"""Turn the YAML files of a taxonomy folder into a validated KnowledgeBase.

Every problem (syntax, duplicate key, schema, duplicate id, dangling
reference, cycle) is collected with its file, line and column; one run reports
them all.  ``read_tree`` is the one load loop: ``load`` (every command) and the
linter both call it, and each file goes through ``source.read_source``.
``load`` raises ``LoadError`` when there is any problem.
"""

from __future__ import annotations

import gc
import os
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Optional

from goalmap.errors import LoadError, Problem
from goalmap.kb import KnowledgeBase, Origin
from goalmap.kinds import FILE_KINDS, SUFFIXES, kind_of_file
from goalmap.source import SourceFile, read_source, source_from_text

if TYPE_CHECKING:
    from goalmap.cache import Store

def discover(root: Path) -> list[Path]:
    """Every YAML file of the taxonomy, in a stable order."""
    return [Path(path) for path, _ in _walk(root)[0]]


def _walk(root: Path | str) -> tuple[list[tuple[str, str]], list[Problem]]:
    """(path, path relative to ``root`` with ``/``) of every YAML file, sorted by the latter,
    and the folders that could not be read or are links (which are never followed).

    Plain strings: at 100,000 files pathlib's per-path cost is a second of its own.
    """
    top = os.fspath(root)
    files = []
    problems: list[Problem] = []

    def rel_of(path: str) -> str:
        return os.path.relpath(path, top).replace(os.sep, "/")

    def unreadable(exc: OSError) -> None:
        problems.append(Problem(rel_of(exc.filename or top), 0, 0, "cannot read the folder: "
                                f"{exc.strerror or exc}", rule="yaml-syntax",
                                hint="check the folder's permissions"))

    for dirpath, dirnames, filenames in os.walk(top, onerror=unreadable):
        rel_dir = rel_of(dirpath)
        prefix = "" if rel_dir == "." else rel_dir + "/"
        kept = []
        for d in sorted(dirnames):
            if d.startswith("."):
                continue
            if os.path.islink(os.path.join(dirpath, d)):
                problems.append(Problem(prefix + d, 0, 0, "the folder is a link; links to "
                                        "folders are not followed", rule="yaml-syntax",
                                        hint="move the files into the taxonomy folder"))
                continue
            kept.append(d)
        dirnames[:] = kept
        files.extend((os.path.join(dirpath, f), prefix + f)
                     for f in filenames if f.endswith(SUFFIXES))
    files.sort(key=lambda pair: pair[1])
    return files, problems


@contextmanager
def gc_paused() -> Iterator[None]:
    """Loading makes many objects that all live on; the cyclic collector only costs time."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def assemble(root: Path, per_file: list[tuple[str, list[tuple[tuple, Any]]]]) -> tuple[
        KnowledgeBase, list[Problem]]:
    """Put validated entries into a KnowledgeBase; report ids given twice."""
    kb = KnowledgeBase(root=root)
    problems: list[Problem] = []
    seen: dict[str, Origin] = {}

    def claim(entry_id: str, origin: Origin, path: tuple) -> bool:
        if entry_id in seen:
            first = seen[entry_id]
            problems.append(Problem(origin.file, 0, 0,
                                    f"the id '{entry_id}' is already used in {first.file}",
                                    rule="duplicate-id", path=path))
            return False
        seen[entry_id] = origin
        kb.origins[entry_id] = origin
        return True

    for rel, entries in per_file:
        kb.files.append(rel)
        kind = kind_of_file(rel)
        if kind is None:
            continue  # reported by read_entries
        table = getattr(kb, kind.plural)
        for prefix, entry in entries:
            if not claim(entry.id, Origin(rel, prefix), prefix + ("id",)):
                continue
            table[entry.id] = entry
            if kind.name == "scheme":
                for i, cat in enumerate(entry.categories):
                    if claim(cat.id, Origin(rel, prefix + ("categories", i)),
                             prefix + ("categories", i, "id")):
                        kb.categories[cat.id] = cat
                        kb.category_scheme[cat.id] = entry.id
    return kb, problems


@dataclass
class Reading:
    """A taxonomy folder as read: every file, the assembled knowledge base, and the
    problems found while reading and assembling (not yet the integrity checks)."""

    root: Path
    files: dict[str, SourceFile]
    kb: KnowledgeBase
    problems: list[Problem]
    folder_problems: list[Problem]  # folders that could not be read, or links to folders


def read_tree(root: Path | str, store: Optional[Store] = None,
              overlay: Optional[dict[str, str]] = None) -> Reading:
    """Read every file of the taxonomy once (from ``store`` where it is current).

    ``overlay`` maps relative paths to texts read instead of the files on disk (or as
    files added to it): a change is checked as if written, with nothing written.
    """
    root = Path(root)
    with gc_paused():
        files: dict[str, SourceFile] = {}
        found_files, folder_problems = _walk(root)
        problems = list(folder_problems)
        top = os.fspath(root)
        real_top = os.path.realpath(top)  # what every file must resolve inside
        if overlay:
            known = {rel for _, rel in found_files}
            found_files = sorted(found_files + [(os.path.join(top, rel), rel) for rel in overlay
                                                if rel not in known], key=lambda pair: pair[1])
        for path, rel in found_files:
            if overlay and rel in overlay:
                source = source_from_text(path, rel, real_top, overlay[rel])
            elif store is not None and (cached := store.get(path, rel)) is not None:
                source = SourceFile(rel, path, real_top, cached)
            else:
                source = read_source(path, rel, real_top)
                if store is not None and not source.problems:
                    store.put(path, rel, source.entries)
            problems.extend(source.problems)
            files[rel] = source
        kb, found = assemble(root, [(rel, f.entries) for rel, f in files.items()])
        kb.broken_ids = {i for f in files.values() for i in f.claimed}
        kb.unread_kinds = {k.name for k in (kind_of_file(p.file + "/") for p in folder_problems)
                           if k is not None} | ({k.name for k in FILE_KINDS}
                                                if any(p.file == "." for p in folder_problems)
                                                else set())
    return Reading(root, files, kb, problems + found, folder_problems)


def load(root: Path | str, *, check: bool = True, use_cache: bool = True,
         cache_dir: Optional[Path] = None) -> KnowledgeBase:
    """Load and validate the taxonomy at ``root``; raise LoadError listing every problem."""
    from goalmap import cache

    store = cache.open_cache(Path(root), cache_dir) if use_cache else None
    reading = read_tree(root, store)
    problems = reading.problems
    if check and not (store is not None and not problems and store.is_clean()):
        from goalmap.integrity import check_integrity

        problems = problems + check_integrity(reading.kb)
    if store is not None:
        if check and not problems:
            store.mark_clean()  # the same files, unchanged, need no second check
        store.save()
    if problems:
        for p in problems:
            place(reading, p)
        raise LoadError(sorted(problems))
    return reading.kb


def place(reading: Reading, p: Problem) -> None:
    """Give a problem found on a whole entry (line 0) the line and column of its field."""
    if p.line == 0 and p.path and p.file in reading.files:
        p.line, p.column = reading.files[p.file].positions.of_value(p.path)
