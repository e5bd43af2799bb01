"""Every rule's documented examples, run: the failing one fails at that rule, the passing
one passes.  They run against a copy of the fixture taxonomy, whose entries the examples
name (``ouyang2022training``, ``jiang2021delphi``, ...)."""

from __future__ import annotations

import shutil

import pytest

from conftest import MINI
from goalmap.lint import LintConfig, lint
from goalmap.lint.docs import examples
from goalmap.lint.rules import ALL

CASES = [(rule, verdict, file, text) for rule in ALL
         for verdict, file, text in examples(rule)]

# What the servers in the online rules' examples answer (their headers say so); the
# classification itself is tested against a real local server in tests/test_linkcheck.py.
ANSWERS = {"https://example.org/": (200, None),
           "https://example.org/a-page-that-was-removed": (404, None),
           "https://example.org/old": (301, "https://example.org/new"),
           "https://example.org/new": (200, None),
           "https://example.org/members-only": (403, None)}


def _answer(client, url):
    from goalmap import linkcheck

    status, location = ANSWERS.get(url, (200, None))  # the fixture's own links: alive
    if location:
        return linkcheck.LinkResult(url, "moved", status, "moved permanently", location)
    return linkcheck._classify(url, status)


def test_every_rule_documents_a_failing_example():
    documented = {rule.ID for rule, verdict, _, _ in CASES if verdict == "failing"}
    assert documented == {rule.ID for rule in ALL}


@pytest.mark.parametrize("rule, verdict, file, text", CASES,
                         ids=[f"{r.ID}-{v}" for r, v, _, _ in CASES])
def test_documented_example(tmp_path, monkeypatch, rule, verdict, file, text):
    root = tmp_path / "taxonomy"
    shutil.copytree(MINI, root)
    failing = [(f, t) for r, v, f, t in CASES if r is rule and v == "failing"]
    written = {file} | ({f for f, _ in failing} if verdict == "passing" else set())
    if verdict == "passing":
        for f, t in failing:  # a passing example beside the failing one's file keeps it
            if f != file:
                (root / f).parent.mkdir(parents=True, exist_ok=True)
                (root / f).write_text(t, encoding="utf-8")
    (root / file).parent.mkdir(parents=True, exist_ok=True)
    (root / file).write_text(text, encoding="utf-8")
    online = None
    if getattr(rule, "ONLINE", False):
        from goalmap import linkcheck

        monkeypatch.setattr(linkcheck, "check_url", _answer)
        online = {"cache_path": tmp_path / "links.json"}
    found = [p for p in lint(root, LintConfig(select=[rule.ID]), online=online)
             if p.rule == rule.ID and p.file in written]
    if verdict == "failing":
        assert any(p.file == file for p in found), found
    else:
        assert found == [], found
