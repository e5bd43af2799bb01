"""Errors and problems that carry a place in a taxonomy file.

Nothing here prints or exits: the CLI turns these into messages and exit codes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

# The exit codes: the one table every command, the CLI reference and the README use.
EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_IO = 3
EXIT_TOOL = 4
EXIT_BUG = 70  # sysexits' EX_SOFTWARE
EXIT_CODES: tuple[tuple[int, str], ...] = (
    (EXIT_OK, "success (for `lint`: no errors; with `--strict`, no warnings either)"),
    (EXIT_PROBLEMS, "the knowledge base has errors, a target was not found, or `--check` "
     "found a difference"),
    (EXIT_USAGE, "usage error: a bad option, a folder that holds no knowledge base, a bad "
     "configuration, an unknown scheme, an existing id"),
    (EXIT_IO, "an output file could not be written (the old file is left whole)"),
    (EXIT_TOOL, "an external tool (Graphviz `dot`) is missing or failed, or a service "
     "(arXiv, Crossref) cannot be reached or keeps failing"),
    (EXIT_BUG, "an internal error: a bug in goalmap, reported in one line (set "
     "`GOALMAP_DEBUG=1` for the traceback); please report it"),
)

FieldPath = tuple  # ('categories', 3, 'citations', 0, 'works', 1)


def format_path(path: FieldPath) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


@dataclass(order=True)
class Problem:
    """One finding about the knowledge base, at a place in a file.

    ``line`` and ``column`` are 1-based; 0 means "the whole file".
    """

    file: str
    line: int
    column: int
    message: str
    rule: str = "schema"
    level: str = "error"
    path: FieldPath = field(default=(), compare=False)
    hint: Optional[str] = field(default=None, compare=False)

    @property
    def where(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "level": self.level,
            "rule": self.rule,
            "message": self.message,
            "path": format_path(self.path),
            "hint": self.hint,
        }


class GoalmapError(Exception):
    """Base of every error a user can cause; carries the exit code to use."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, hint: Optional[str] = None):
        super().__init__(message)
        self.message = message
        self.hint = hint


class TaxonomyNotFound(GoalmapError):
    exit_code = EXIT_USAGE


class LoadError(GoalmapError):
    """The taxonomy has errors; ``problems`` lists every one found in the run."""

    exit_code = EXIT_PROBLEMS

    def __init__(self, problems: list[Problem]):
        n = len(problems)
        super().__init__(f"the taxonomy has {n} error{'s' if n != 1 else ''}")
        self.problems = problems


class UnknownTarget(GoalmapError):
    exit_code = EXIT_PROBLEMS

    def __init__(self, target: str, suggestions: list[str], what: str = "entry"):
        hint = (
            "did you mean: " + ", ".join(suggestions) + "?"
            if suggestions
            else "run 'goalmap search TEXT' to find an id"
        )
        super().__init__(f"no {what} named '{target}'", hint)
        self.target = target
        self.suggestions = suggestions


class OutputError(GoalmapError):
    exit_code = EXIT_IO


class ToolMissing(GoalmapError):
    exit_code = EXIT_TOOL


class UsageError(GoalmapError):
    exit_code = EXIT_USAGE
