"""DOT is valid Graphviz input, and every citation label of the subtree is drawn."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from goalmap.export import dot
from goalmap.export.tree import citation_label, one_line
from goalmap.query import citation_rows, select, walk

pytestmark = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz is not installed")


def svg_texts(dot_text: str) -> list[str]:
    done = subprocess.run(["dot", "-Tsvg"], input=dot_text.encode("utf-8"),
                          capture_output=True, check=True)
    assert not done.stderr.strip(), done.stderr.decode()
    root = ET.fromstring(done.stdout)
    texts = ["".join(el.itertext()) for el in root.iter("{http://www.w3.org/2000/svg}text")]
    return [one_line(t.replace("\u00a0", " ").replace("↳", "")) for t in texts]


def expected_labels(kb, scheme=None, root=None) -> list[str]:
    tree = select(kb, scheme, root)
    out = [one_line(tree.title)]
    for _, cat, label in walk(kb, tree.branches, tree.scheme):
        out.append(one_line(label))
        out += [citation_label(kb, cit) for _, cit in citation_rows(cat.citations)]
    return out


def check(kb, **opts):
    texts = svg_texts(dot.dumps(kb, **opts))
    opts.pop("one_node_per_work", None)
    for label in expected_labels(kb, **opts):
        assert label in texts, label


def test_every_label_of_the_fixtures_is_drawn(any_kb):
    check(any_kb)


def test_one_node_per_work_is_valid_too(any_kb):
    check(any_kb, one_node_per_work=True)


def test_root_level_draws_only_its_branches(mini_kb):
    text = dot.dumps(mini_kb, root="values")
    texts = svg_texts(text)
    assert "Delphi (Jiang et al., 2021)" in texts
    assert not any("InstructGPT" in t for t in texts)
    assert "rankdir=LR;" in text


def test_hostile_text_is_drawn_literally(hostile_kb):
    texts = svg_texts(dot.dumps(hostile_kb))
    assert 'Values <b>bold</b> | pipe \\ backslash' in texts
    assert "Sub <i>citation</i> \\\\ path (Org {with} braces & <angle>, 2021)" in texts
    assert "Evaluation ]]> --> <!-- \\N" in texts


def test_real_figure2_renders_every_citation(real_kb):
    check(real_kb)
    check(real_kb, root="values")
