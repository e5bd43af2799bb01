"""Finding 8: control characters in text fields; every exporter escapes or drops what its
format cannot hold, and lint rejects them (rule ``control-character``).

Before: lint passed them, ``export svg`` and ``png`` exited 4 ("a bug in goalmap's DOT
output") and ``export graphml`` wrote XML that does not parse. The check is each format's
real consumer: Graphviz, an XML parser, markdown-it, bibtexparser, ``json.loads``.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import xml.dom.minidom

import pytest

from adversarial.conftest import RAW_CONTROL, RAW_CONTROL_BYTES, cite, clean, goalmap, write_tree

needs_dot = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' not installed")


@pytest.fixture
def controlled(tmp_path):
    """Every text field a tree export draws holds C0, C1, DEL and a noncharacter.

(libyaml refuses a surrogate escape such as ``\\udcff``, so lone surrogates come only from
file names: see test_file_names.)"""
    root = write_tree(tmp_path / "taxonomy", {"works/ctrl2020title.yaml": r'''
        id: ctrl2020title
        title: "Nul \0 bell \a esc \e[2J del \x7f csi \x9b nel \x85 ff \f vt \v bs \b end"
        authors: ["Ann \x01 Author"]
        year: 2020
        venue: "Venue \x1f unit"
        url: https://example.org/ctrl
        summary: "Sum \x0e mary"
        '''})
    cite(root, "ctrl2020title")
    scheme = root / "schemes" / "mini.yaml"
    scheme.write_text(scheme.read_text().replace("label: Human Values\n",
                                                 'label: "Human \\x02 Values \\uffff"\n', 1))
    return root


def export(root, fmt, *extra):
    run = goalmap("--taxonomy", str(root), "export", fmt, *extra)
    clean(run, (0,))
    return run


def no_raw_control(run) -> None:
    assert not RAW_CONTROL_BYTES.search(run.stdout), RAW_CONTROL_BYTES.search(run.stdout)
    assert "\\udcff" not in run.out and b"\xed\xb3\xbf" not in run.stdout  # no raw surrogate


def test_lint_rejects_control_characters(controlled):
    run = goalmap("--taxonomy", "taxonomy", "lint", "--format", "json",
                  "--select", "control-character", cwd=controlled.parent)
    clean(run, (1,))
    found = {(p["file"].removeprefix("taxonomy/"), p["path"]) for p in json.loads(run.stdout)}
    assert {("works/ctrl2020title.yaml", "title"), ("works/ctrl2020title.yaml", "authors[0]"),
            ("works/ctrl2020title.yaml", "venue"), ("works/ctrl2020title.yaml", "summary"),
            ("schemes/mini.yaml", "categories[1].label")} <= found


@needs_dot
def test_dot_is_read_by_graphviz(controlled):
    run = export(controlled, "dot")
    no_raw_control(run)
    done = subprocess.run(["dot", "-Tsvg"], input=run.stdout, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Human \ufffd Values \ufffd".encode() in done.stdout


@needs_dot
@pytest.mark.parametrize("fmt", ["svg", "png"])
def test_svg_and_png_render(controlled, fmt):
    run = export(controlled, fmt, "-o", str(controlled.parent / f"fig.{fmt}"))
    assert (controlled.parent / f"fig.{fmt}").stat().st_size > 100
    del run


def test_graphml_parses(controlled):
    run = export(controlled, "graphml")
    no_raw_control(run)
    doc = xml.dom.minidom.parseString(run.stdout)
    texts = [d.firstChild.data for d in doc.getElementsByTagName("data") if d.firstChild]
    assert any(t.startswith("Nul \ufffd bell \ufffd esc \ufffd[2J") for t in texts)


def test_markdown_keeps_the_text_without_controls(controlled):
    from markdown_it import MarkdownIt

    run = export(controlled, "markdown")
    no_raw_control(run)
    html = MarkdownIt().render(run.out)
    assert "Nul \ufffd bell \ufffd esc \ufffd[2J del \ufffd csi \ufffd" in html
    assert "Human \ufffd Values \ufffd" in html


def test_mermaid_has_no_controls(controlled):
    run = export(controlled, "mermaid")
    no_raw_control(run)
    assert "Human \ufffd Values \ufffd" in run.out


def test_bibtex_parses_one_entry_per_work(controlled):
    import bibtexparser

    run = export(controlled, "bibtex")
    no_raw_control(run)
    library = bibtexparser.parse_string(run.out)
    assert not library.failed_blocks
    entry = {e.key: e for e in library.entries}["ctrl2020title"]
    assert entry["title"].startswith("Nul \ufffd bell \ufffd esc {\ufffd[2J} del \ufffd")


def test_html_explorer_has_no_raw_controls(controlled):
    from html.parser import HTMLParser

    run = export(controlled, "html")
    no_raw_control(run)
    HTMLParser().feed(run.out)
    assert "Human \\u0002 Values \uffff".encode() not in run.stdout  # \uffff is escaped
    assert b"Human \\u0002 Values \\uffff" in run.stdout


def test_json_is_valid_and_escapes_c1(controlled):
    run = export(controlled, "json")
    no_raw_control(run)
    nodes = {n["id"]: n for n in json.loads(run.stdout)["nodes"]}
    assert nodes["ctrl2020title"]["label"].startswith("Nul \x00 bell \x07 esc \x1b[2J")


def test_show_json_keeps_the_data_with_c1_escaped(controlled):
    run = goalmap("--taxonomy", str(controlled), "show", "ctrl2020title", "--json")
    clean(run, (0,))
    no_raw_control(run)
    assert json.loads(run.stdout)["label"] == ("Nul \x00 bell \x07 esc \x1b[2J del \x7f csi "
                                               "\x9b nel \x85 ff \x0c vt \x0b bs \x08 end")
