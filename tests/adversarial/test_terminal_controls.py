"""Finding 7: control sequences in titles, keys, ids and file names never reach a terminal raw.

A title can hold OSC (set the window title, or a hyperlink), BEL, ``ESC[2J`` (clear the
screen), 8-bit CSI (U+009B) and bidi overrides (U+202E): printed raw they rewrite what a
reviewer sees. Every human-facing output shows them as visible escapes (``\\x1b``) instead.
"""

from __future__ import annotations

import json

import pytest

from adversarial.conftest import (RAW_CONTROL, RAW_CONTROL_BYTES, clean, goalmap, on_a_terminal,
                                  write_tree)
from goalmap.errors import Problem
from goalmap.lint.formats import render


def test_show_plain_escapes_controls(hostile):
    run = goalmap("--taxonomy", str(hostile), "show", "evil2020ctrl")
    clean(run, (0,))
    assert not RAW_CONTROL.search(run.out), run.out
    first = run.out.splitlines()[0]
    assert first == ("Evil \\x1b]0;pwned\\x07\\x1b[2J title \\x9b31m bell \\u202e and \\x01 end"
                     "  [evil2020ctrl]")
    assert "Authors: Eve \\x1b[31mRed\\x1b[0m Evil" in run.out
    assert "Clears \\x1b[2J\\x1b[H the screen\\x0dand rewrites the line" in run.out


def test_show_rich_emits_no_hostile_sequence(hostile):
    out = on_a_terminal("--taxonomy", str(hostile), "show", "evil2020ctrl")
    assert b"\x1b[" in out  # rich's own colours are there...
    for bad in (b"\x1b]0;pwned", b"\x07", b"\x1b[2J", b"\x1b[H", b"\xc2\x9b", b"\xe2\x80\xae",
                b"\x01", b"\xc2\x85", b"\x00", b"screen\r"):
        assert bad not in out, bad  # ...but none of the title's
    assert "\\x1b]0;pwned\\x07".encode() in out


def test_show_rich_table_cells_are_escaped(tmp_path):
    root = write_tree(tmp_path / "t", {"tables/evil.yaml": r'''
        id: evil-table
        name: "Evil \e[2J table"
        columns:
          - {key: a, label: "col \e]8;;https://evil.example\e\\link\e]8;;\e\\"}
        rows:
          - {label: "row \a", cells: {a: "cell \e[2J"}}
        '''})
    out = on_a_terminal("--taxonomy", str(root), "show", "evil-table")
    for bad in (b"\x1b[2J", b"\x1b]8;;", b"\x07"):
        assert bad not in out, bad


def test_search_is_one_line_per_hit_without_controls(hostile):
    run = goalmap("--taxonomy", str(hostile), "search", "evil")
    clean(run, (0,))
    assert not RAW_CONTROL.search(run.out)
    lines = run.out.splitlines()
    # kind, id, label (who), [field: matched]: three tabs, whatever the title holds
    assert lines and all(line.count("\t") == 3 for line in lines), lines
    assert any(line.startswith("work\tevil2020ctrl\tEvil \\x1b]0;pwned") for line in lines)


def test_search_json_keeps_the_data_but_no_raw_c1(hostile):
    run = goalmap("--taxonomy", str(hostile), "search", "evil", "--json")
    clean(run, (0,))
    assert not RAW_CONTROL_BYTES.search(run.stdout), run.stdout
    hits = json.loads(run.stdout)
    assert hits[0]["label"].startswith("Evil \x1b]0;pwned\x07")  # JSON escapes; data intact


def test_error_messages_escape_what_the_user_typed(hostile):
    run = goalmap("--taxonomy", str(hostile), "show", "no\x1b]0;x\x07such")
    clean(run, (1,))
    assert not RAW_CONTROL.search(run.err) and "no\\x1b]0;x\\x07such" in run.err


@pytest.fixture
def hostile_lint(tmp_path):
    """Problems whose messages quote hostile values, in a file whose name holds ESC."""
    return write_tree(tmp_path / "taxonomy", {"works/evil\x1b[2J.yaml": r'''
        id: evil2020url
        title: "Chatgpt \e]0;pwned\a says"
        year: 2020
        url: "https://example.org/\e[2J\x85"
        '''})


@pytest.mark.parametrize("fmt", ["text", "parsable", "github", "json", "sarif"])
def test_lint_output_has_no_raw_control(hostile_lint, fmt):
    run = goalmap("--taxonomy", str(hostile_lint), "lint", "--format", fmt)
    clean(run, (1,))
    assert not RAW_CONTROL_BYTES.search(run.stdout), run.stdout
    assert "evil" in run.out
    if fmt in ("json", "sarif"):
        json.loads(run.stdout)


def test_lint_parsable_shows_the_escapes(hostile_lint):
    run = goalmap("--taxonomy", "taxonomy", "lint", "--format", "parsable",
                  "--select", "url-format", cwd=hostile_lint.parent)
    assert run.out == ("taxonomy/works/evil\\x1b[2J.yaml:4:6: [error] bad URL "
                       "'https://example.org/\\x1b[2J\\x85': a URL has no spaces (url-format)\n")


def test_github_format_escapes_as_the_workflow_syntax_requires():
    p = Problem("works/a,b:c%.yaml", 3, 7, "50% done\r\nnext \x1b[2J\x07 line", rule="x-y")
    assert render("github", [p]) == (
        "::error file=works/a%2Cb%3Ac%25.yaml,line=3,col=7,title=x-y"
        "::50%25 done%0D%0Anext \\x1b[2J\\x07 line\n")
