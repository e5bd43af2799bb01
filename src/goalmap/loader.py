"""Turn the YAML files of a taxonomy folder into a validated KnowledgeBase.

Every problem (syntax, duplicate key, schema, duplicate id, dangling
reference, cycle) is collected with its file, line and column; one run reports
them all.  ``load`` raises ``LoadError`` when there is any.
"""

from __future__ import annotations

import gc
import os
import re
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator, Optional

from goalmap.errors import LoadError, Problem, format_path
from goalmap.kb import KnowledgeBase, Origin
from goalmap.kinds import SUFFIXES, folders_text, kind_of_file

if TYPE_CHECKING:
    from pydantic import ValidationError

    from goalmap.yamlread import Positions

def discover(root: Path) -> list[Path]:
    """Every YAML file of the taxonomy, in a stable order."""
    return [Path(path) for path, _ in _walk(root)]


def _walk(root: Path | str) -> list[tuple[str, str]]:
    """(path, path relative to ``root`` with ``/``) of every YAML file, sorted by the latter.

    Plain strings: at 100,000 files pathlib's per-path cost is a second of its own.
    """
    top = os.fspath(root)
    files = []
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        rel_dir = os.path.relpath(dirpath, top).replace(os.sep, "/")
        prefix = "" if rel_dir == "." else rel_dir + "/"
        files.extend((os.path.join(dirpath, f), prefix + f)
                     for f in filenames if f.endswith(SUFFIXES))
    files.sort(key=lambda pair: pair[1])
    return files


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


def read_entries(text: str, rel: str, positions: Optional[Positions] = None) -> tuple[
        list[tuple[tuple, Any]], list[Problem]]:
    """Parse and validate one file: (entry prefix, model) pairs and the problems.

    Pass a ``Positions`` to keep where each value stood (the linter does).
    """
    kind = kind_of_file(rel)
    if kind is None:
        return [], [Problem(rel, 0, 0, f"files belong in one of the folders {folders_text()}",
                            rule="schema")]
    model = kind.model_class()
    from pydantic import ValidationError

    from goalmap.yamlread import Positions, parse  # not needed when the cache answers

    if positions is None:
        positions = Positions()
    data, problems = parse(text, rel, positions)
    if data is None or any(p.rule == "yaml-syntax" for p in problems):
        return [], problems  # a duplicate key alone still lets the rest be checked
    if isinstance(data, dict):
        items = [((), data)]
    elif isinstance(data, list):
        items = [((i,), item) for i, item in enumerate(data)]
    else:
        return [], [Problem(rel, 1, 1, "a taxonomy file holds a mapping (one entry) "
                            "or a list of mappings", rule="schema")]
    entries = []
    for prefix, item in items:
        try:
            entries.append((prefix, model.model_validate(item)))
        except ValidationError as exc:
            problems.extend(_schema_problems(exc, rel, prefix, positions))
    return entries, problems


def _schema_problems(exc: ValidationError, rel: str, prefix: tuple,
                     positions: Positions) -> list[Problem]:
    out = []
    for err in exc.errors(include_url=False):
        loc = prefix + tuple(err["loc"])
        kind = err["type"]
        if kind == "missing":
            line, col = positions.of_value(loc[:-1])
            msg = f"missing required field '{loc[-1]}'"
        elif kind == "extra_forbidden":
            line, col = positions.of_key(loc)
            msg = f"unknown field '{loc[-1]}'"
        else:
            line, col = positions.of_value(loc)
            got = err.get("input")
            shown = repr(got) if not isinstance(got, (dict, list)) else type(got).__name__
            msg = f"{err['msg']} (got {shown})"
        field_path = _clean_loc(loc)
        if kind not in ("missing", "extra_forbidden") and field_path:
            msg = f"{format_path(field_path)}: {msg}"
        out.append(Problem(rel, line, col, msg, rule="schema", path=field_path))
    return out


def _clean_loc(loc: tuple) -> tuple:
    """Drop pydantic's union-member markers (``'str'``, ``"literal['a']"``) from a location."""
    markers = {"str", "int", "float", "bool"}
    return tuple(p for p in loc if not (isinstance(p, str) and (p in markers or "[" in p)))


def read_file(path: str | Path, rel: str) -> tuple[list[tuple[tuple, Any]], list[Problem],
                                                   set[str]]:
    """Read, parse and validate one file: its entries, its problems, and (when it has
    problems) the ids it meant to define, so references to them are not reported twice."""
    try:
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        return [], [Problem(rel, 0, 0, f"cannot read the file: {exc}", rule="yaml-syntax")], set()
    entries, problems = read_entries(text, rel)
    return entries, problems, (claimed_ids(text, Path(path)) if problems else set())


def claimed_ids(text: str, path: Path) -> set[str]:
    """Ids a file that failed to load meant to define, so that references to them
    are not reported a second time as dangling."""
    ids = {path.stem}
    for match in re.finditer(r"^\s*-?\s*id:\s*['\"]?([\w.-]+)", text, re.MULTILINE):
        ids.add(match.group(1))
    return ids


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


def load(root: Path | str, *, check: bool = True, use_cache: bool = True,
         cache_dir: Optional[Path] = None, read_only: bool = False) -> KnowledgeBase:
    """Load and validate the taxonomy at ``root``; raise LoadError listing every problem.

    ``read_only``: entries the cache answers for come back as ``records.Record``
    (validated when cached; attribute access only, no ``model_dump``), which
    spares building the models.  For commands that only read, like ``show``.
    """
    from goalmap import cache  # small module; only the loader needs it

    root = Path(root)
    with gc_paused():
        files = _walk(root)
        store = cache.open_cache(root, cache_dir) if use_cache else None
        per_file = []
        problems: list[Problem] = []
        broken: set[str] = set()
        for path, rel in files:
            entries = store.get(path, rel, trusted=read_only) if store else None
            if entries is None:
                entries, found, claimed = read_file(path, rel)
                problems.extend(found)
                broken.update(claimed)
                if store is not None and not found:
                    store.put(path, rel, entries)
            per_file.append((rel, entries))
        kb, found = assemble(root, per_file)
        kb.broken_ids = broken
        problems.extend(found)
        if check and not (store is not None and not problems and store.is_clean()):
            from goalmap.integrity import check_integrity

            problems.extend(check_integrity(kb))
        if store is not None:
            if check and not problems:
                store.mark_clean()  # the same files, unchanged, need no second check
            store.save()
    if problems:
        raise LoadError(_place(root, sorted(problems)))
    return kb


def _place(root: Path, problems: list[Problem]) -> list[Problem]:
    """Give problems found on whole entries (line 0) the line of their field."""
    from goalmap.yamlread import locate

    texts: dict[str, str] = {}
    for p in problems:
        if p.line == 0 and p.path:
            if p.file not in texts:
                try:
                    texts[p.file] = (root / p.file).read_text(encoding="utf-8")
                except OSError:
                    continue
            p.line, p.column = locate(texts[p.file], p.path)
    return sorted(problems)
