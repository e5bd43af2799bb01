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
