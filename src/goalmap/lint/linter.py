"""Run the lint rules over a taxonomy folder and return their problems, sorted.

Each file is read and parsed once; the knowledge base is assembled from
whatever validated, so that one broken file does not hide the problems of the
others.  Where each value stands is worked out again, for the few files that
have a problem, only when a problem needs placing: keeping every file's text
and node positions would double lint's memory on a large knowledge base.  Rules read the shared ``Context``;
the linter stamps each problem with its rule id and configured level, places
problems found on a field path at their line and column, drops what the
configuration or an inline ``# goalmap: disable=rule-id`` comment suppresses,
and sorts by file, line and column.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

from goalmap.errors import Problem
from goalmap.lint.config import LintConfig
from goalmap.lint.problem import rank
from goalmap.loader import Reading, place, read_tree

_DISABLE = re.compile(r"#\s*goalmap:\s*disable(?:=([\w,\s-]+))?")


class Context:
    """What rules see: the files, the knowledge base, and helpers to place problems."""

    def __init__(self, reading: Reading):
        self.reading = reading
        self.root = reading.root
        self.files = reading.files
        self.kb = reading.kb
        self.options: dict[str, Any] = {}
        self.online: Optional[dict[str, Any]] = None  # link-check settings (lint --online)
        self.memo: dict[str, Any] = {}  # results rules share (the link check's)

    # ------------------------------------------------------------ iteration
    def read_problems(self, rule: str) -> Iterator[Problem]:
        """Problems of one rule (yaml-syntax, duplicate-key, schema) found while reading."""
        for p in self.reading.folder_problems:
            if p.rule == rule:
                yield p
        for info in self.files.values():
            for p in info.problems:
                if p.rule == rule:
                    yield p

    def entries(self, *kinds: str) -> Iterator[tuple[str, str, Any]]:
        """(kind, id, entry) of the given kinds (all when none), in id order per kind."""
        for kind, table in self.kb.tables_by_kind():
            if kinds and kind not in kinds:
                continue
            for entry_id in sorted(table):
                yield kind, entry_id, table[entry_id]

    # ------------------------------------------------------------- placing
    def at(self, entry_id: str, path: tuple, message: str, *, key: bool = False,
           word: Optional[str] = None, hint: Optional[str] = None) -> Problem:
        """A problem at ``path`` inside the entry ``entry_id``."""
        origin = self.kb.origins[entry_id]
        return self.at_file(origin.file, origin.prefix + tuple(path), message, key=key,
                            word=word, hint=hint)

    def at_file(self, rel: str, path: tuple, message: str, *, key: bool = False,
                word: Optional[str] = None, hint: Optional[str] = None) -> Problem:
        """A problem at ``path`` of file ``rel``; with ``word``, at that word inside the value."""
        info = self.files.get(rel)
        if info is None:
            return Problem(rel, 0, 0, message, path=tuple(path), hint=hint)
        pos = info.positions
        line, col = pos.of_key(path) if key else pos.of_value(path)
        if word:
            col = _word_column(info.text, line, col, word)
        return Problem(rel, line, col, message, path=tuple(path), hint=hint)

    def place(self, p: Problem) -> None:
        """Give a problem found on a whole entry (line 0) the line of its field."""
        place(self.reading, p)


def _word_column(text: str, line: int, col: int, word: str) -> int:
    lines = text.splitlines()
    if 0 < line <= len(lines):
        found = lines[line - 1].find(word, max(col - 1, 0))
        if found >= 0:
            return found + 1
    return col


def suppressed(text: str) -> dict[int, Optional[set[str]]]:
    """Line -> rule ids disabled on it by ``# goalmap: disable=...`` (None: every rule)."""
    out: dict[int, Optional[set[str]]] = {}
    if "goalmap:" not in text:
        return out
    for n, line in enumerate(text.splitlines(), 1):
        match = _DISABLE.search(line)
        if match:
            ids = match.group(1)
            out[n] = {i.strip() for i in ids.split(",") if i.strip()} if ids else None
    return out


def _is_suppressed(p: Problem, table: dict[int, Optional[set[str]]]) -> bool:
    if p.line not in table:
        return False
    ids = table[p.line]
    return ids is None or p.rule in ids


# At most this many problems of one rule in one file are placed and reported; the rest
# are counted in one more problem (SECURITY.md): a hostile file with 16,000 bad labels
# would otherwise make a SARIF log of a quarter of a gigabyte.
MAX_PER_RULE_AND_FILE = 100


def lint(root: Path | str, config: Optional[LintConfig] = None,
         paths: Optional[Iterable[str]] = None,
         overlay: Optional[dict[str, str]] = None,
         online: Optional[dict[str, Any]] = None) -> list[Problem]:
    """Lint the taxonomy at ``root``; with ``paths`` (relative to root), report only those files.

    ``overlay``: relative path -> text that stands in for (or adds to) the file on disk:
    how ``new``, ``add`` and ``place`` lint a change before they write it.
    ``online``: run the rules that use the network (``ONLINE = True``: the link check),
    with these settings for ``goalmap.linkcheck.run``; without it they are skipped.
    """
    from goalmap.lint.rules import ALL

    config = config or LintConfig()
    ctx = Context(read_tree(Path(root), overlay=overlay))
    ctx.online = online
    only = set(paths) if paths is not None else None
    out: list[Problem] = []
    for rule in ALL:
        if not config.enabled(rule.ID) or (getattr(rule, "ONLINE", False) and online is None):
            continue
        ctx.options = config.options_for(rule)
        level = config.level(rule)
        counts: dict[str, int] = {}
        for p in rule.check(ctx):
            if only is not None and p.file not in only:
                continue
            counts[p.file] = counts.get(p.file, 0) + 1
            if counts[p.file] > MAX_PER_RULE_AND_FILE:
                continue
            p.rule, p.level = rule.ID, level
            ctx.place(p)
            out.append(p)
        for file, n in sorted(counts.items()):
            if n > MAX_PER_RULE_AND_FILE:
                out.append(Problem(file, 0, 0, f"{n - MAX_PER_RULE_AND_FILE} more problems of "
                                   f"this rule in this file are not shown (the first "
                                   f"{MAX_PER_RULE_AND_FILE} are)", rule=rule.ID, level=level))
    tables: dict[str, dict] = {}
    kept = []
    for p in out:
        if p.file not in tables:
            info = ctx.files.get(p.file)
            tables[p.file] = suppressed(info.text) if info else {}
        if not _is_suppressed(p, tables[p.file]):
            kept.append(p)
    return sorted(kept, key=lambda p: (p.file, p.line, p.column, rank(p.level), p.rule,
                                       p.message))


def exit_code(problems: list[Problem], strict: bool = False) -> int:
    """0 clean; 1 when there is an error (or, with ``strict``, a warning)."""
    worst = {"error"} | ({"warning"} if strict else set())
    return 1 if any(p.level in worst for p in problems) else 0
