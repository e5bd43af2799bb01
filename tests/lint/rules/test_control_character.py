"""control-character: a control character, bidi override or noncharacter in any text field."""

from __future__ import annotations


def test_escape_in_a_title_is_reported_at_the_title(run_rule):
    problems = run_rule("control-character", {"works/bai2022constitutional.yaml": r'''
        id: bai2022constitutional
        title: "Constitutional AI\e]0;owned\a: Harmlessness from AI Feedback"
        year: 2022
    '''}, full=True)
    assert [(p.file, p.line, p.column) for p in problems] == [
        ("works/bai2022constitutional.yaml", 2, 8)]
    assert problems[0].message == ("the text holds the control character U+001B (ESC) at "
                                   "position 18")


def test_every_field_and_kind_is_checked(run_rule):
    problems = run_rule("control-character", {
        "works/x2020y.yaml": r'''
            id: x2020y
            title: Plain title
            authors: ["Ann \x9b Author"]
            year: 2020
            links: [{type: code, url: "https://example.org/\u202e"}]
        ''',
        "resources/evil.yaml": r'''
            id: evil
            name: "Evil \x7f bench"
            kind: dataset
        ''',
    }, full=True)
    where = {(p.file, p.line, p.message.split("character ")[1].split(" at ")[0])
             for p in problems}
    assert where == {
        ("resources/evil.yaml", 2, "U+007F (DEL)"),
        ("works/x2020y.yaml", 3, "U+009B (CSI)"),
        ("works/x2020y.yaml", 5, "U+202E (RIGHT-TO-LEFT OVERRIDE)"),
    }


def test_tab_newline_and_ordinary_unicode_pass(run_rule):
    good = {"works/bai2022constitutional.yaml": r'''
        id: bai2022constitutional
        title: "Constitutional AI: Harmlessness from AI Feedback — ünïcödé, 日本語, emoji 🙂"
        year: 2022
        summary: "Two lines\nwith a\ttab."
    '''}
    assert run_rule("control-character", good) == []


def test_the_documented_examples(run_rule):
    from goalmap.lint.rules import control_character

    doc = control_character.__doc__
    failing = doc.split("Failing example (``works/bai2022constitutional.yaml``)::")[1]
    failing, passing = failing.split("Passing example::")
    assert run_rule("control-character", {"works/bai2022constitutional.yaml": failing}) == [
        ("works/bai2022constitutional.yaml", 2, 8)]
    assert run_rule("control-character", {"works/bai2022constitutional.yaml": passing}) == []


def test_mapping_keys_and_values_and_nested_entries_are_found_once(run_rule):
    """A table cell's key and value, and a category inside a scheme: each reported once,
    at its own line (the category as the category, not again under its scheme)."""
    problems = run_rule("control-character", {
        "tables/t9.yaml": r'''
            id: t9
            name: Table nine
            columns:
              - key: a
                label: A
            rows:
              - label: Row one
                cells:
                  "a\e": fine
              - label: Row two
                cells:
                  a: "bad \x85 value"
        ''',
        "schemes/s9.yaml": r'''
            id: s9
            name: Scheme nine
            categories:
              - id: s9-top
                label: "Top \u2066 isolate"
                level: values
        ''',
    }, full=True)
    where = sorted((p.file, p.line, p.message.split(" holds")[0], p.message.split(
        "character ")[1].split(" at ")[0]) for p in problems)
    assert where == [
        ("schemes/s9.yaml", 5, "the text", "U+2066"),
        ("tables/t9.yaml", 9, "the key", "U+001B (ESC)"),
        ("tables/t9.yaml", 12, "the text", "U+0085 (NEL)"),
    ]
