"""Mermaid: a flowchart whose every line is one of the few safe shapes we emit.

No Mermaid parser runs offline here, so the test checks the grammar we rely
on: generated node ids, labels inside double quotes with no raw quote, ``#``,
``<``, ``>``, backtick, brace, bracket or pipe (only our ``<br/>``).
"""

from __future__ import annotations

import re

from goalmap.export import mermaid

NODE = re.compile(r'^  (n\d+)\["((?:[^"\\#<>`{}\[\]|]|#\w+;|<br/>)*)"\](:::cites)?$')
EDGE = re.compile(r"^  (n\d+) (-->|---) (n\d+)$")


def check(text: str) -> dict[str, str]:
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    nodes: dict[str, str] = {}
    for line in lines[1:]:
        if m := NODE.match(line):
            assert m.group(1) not in nodes
            nodes[m.group(1)] = m.group(2)
        elif m := EDGE.match(line):
            assert m.group(1) in nodes and m.group(3) in nodes
        else:
            assert line.startswith("  classDef cites "), line
    return nodes


def test_grammar_and_labels(mini_kb):
    """The fixture's Figure, label by label, as read off tests/fixtures/mini by hand."""
    nodes = check(mermaid.dumps(mini_kb))
    assert list(nodes.values()) == [
        "Mini figure", "Definition", "Human Values",
        "Constitutional AI (Bai et al., 2022)<br/>Delphi (Jiang et al., 2021)",
        "Human Preferences",
        "InstructGPT (Ouyang et al., 2022)<br/>Aplaca (Ouyang et al., 2022)",
        "Evaluation", "Human Values", "Delphi (Jiang et al., 2021)"]


def test_hostile_grammar(hostile_kb):
    check(mermaid.dumps(hostile_kb))


def test_entities(hostile_kb):
    assert mermaid.text('a "b" <c> #1 `d` {e} [f] | \\') == \
        "a #quot;b#quot; #lt;c#gt; #35;1 #96;d#96; #123;e#125; #91;f#93; #124; #92;"


def test_fenced_for_markdown(mini_kb):
    text = mermaid.dumps(mini_kb, fenced=True)
    assert text.startswith("```mermaid\nflowchart LR\n") and text.endswith("```\n")


def test_real_knowledge_base(real_kb):
    check(mermaid.dumps(real_kb))
    check(mermaid.dumps(real_kb, root="values"))
