"""What a lint rule reports: the shared ``Problem`` of goalmap.errors, and its levels.

A rule yields ``Problem`` objects; the linter, not the rule, stamps the rule id and
the level (after the configuration has had its say) and sorts them.
"""

from __future__ import annotations

from goalmap.errors import Problem

__all__ = ["Problem", "LEVELS", "OFF", "rank"]

# From most to least severe; "off" (configuration only) turns a rule off.
LEVELS = ("error", "warning", "info")
OFF = "off"


def rank(level: str) -> int:
    """0 for error, 1 for warning, 2 for info: smaller is more severe."""
    return LEVELS.index(level)


class Option:
    """A rule's configurable option: its type, its default, and whether it may be null.

    ``kind`` is ``"int"`` or ``"str-list"``; the configuration is checked against it,
    so a wrong type is a clear configuration error (exit 2), never a crash in a rule.
    """

    __slots__ = ("kind", "default", "nullable")
    KINDS = {"int": "a whole number", "str-list": "a list of strings"}

    def __init__(self, kind: str, default: object, nullable: bool = False):
        assert kind in self.KINDS
        self.kind, self.default, self.nullable = kind, default, nullable

    def accepts(self, value: object) -> bool:
        if value is None:
            return self.nullable
        if self.kind == "int":
            return isinstance(value, int) and not isinstance(value, bool)
        return isinstance(value, list) and all(isinstance(v, str) for v in value)

    def describe(self) -> str:
        return self.KINDS[self.kind] + (" or null" if self.nullable else "")

    def __repr__(self) -> str:
        return repr(self.default)
