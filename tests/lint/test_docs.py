"""docs/lint-rules.md is generated from the rules' docstrings; every rule is documented."""

from pathlib import Path

import pytest

from goalmap.lint.docs import render_rules_doc
from goalmap.lint.rules import ALL

DOC = Path(__file__).resolve().parents[2] / "docs" / "lint-rules.md"


def test_rule_reference_is_current():
    assert DOC.read_text(encoding="utf-8") == render_rules_doc(), (
        "docs/lint-rules.md is stale: run python -c \"from goalmap.lint.docs import "
        "write_rules_doc; write_rules_doc()\"")


@pytest.mark.parametrize("rule", ALL, ids=lambda r: r.ID)
def test_rule_declares_and_documents_itself(rule):
    assert rule.LEVEL in ("error", "warning", "info")
    assert isinstance(rule.OPTIONS, dict)
    doc = rule.__doc__
    for part in ("**What.**", "**Why.**", "Failing example", "Passing example"):
        assert part in doc, f"{rule.ID} docstring lacks {part}"


def test_rule_ids_are_unique():
    assert len({r.ID for r in ALL}) == len(ALL)
