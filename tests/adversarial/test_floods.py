"""Floods: one hostile file that makes thousands of problems or rows.

Found by benchmarks/adversarial.py: 90,000 unknown keys in one work (0.9 MB) made every
command build 90,000 located problems (a timeout in the benchmark, 500 MiB for lint's
SARIF); 16,000 citations in one category made Graphviz refuse the DOT (an edge longer than
65,535 points) with a message blaming goalmap. Problems are capped per entry (schema, 100)
and per rule and file (lint, 100), each cap reported as one more problem; a citation box
holds at most 500 rows and 15,000 characters (Graphviz refuses an HTML-like label over
16,384) and says how many more.
"""

from __future__ import annotations

import json
import re
import shutil

import pytest

from adversarial.conftest import clean, goalmap, write_tree


def test_thousands_of_unknown_keys_are_reported_as_a_hundred_and_a_count(tmp_path):
    keys = "".join(f"k{i}: v\n" for i in range(2000))
    root = write_tree(tmp_path / "taxonomy", {
        "works/evil2020keys.yaml": "id: evil2020keys\ntitle: Keys\nyear: 2020\n" + keys})
    run = goalmap("--taxonomy", str(root), "show", "values")
    clean(run, (1,))
    unknown = [ln for ln in run.err.splitlines() if "unknown field" in ln]
    assert len(unknown) == 100
    assert "1900 more schema problems in this entry are not shown (the first 100 are)" in run.err


def test_lint_reports_at_most_a_hundred_problems_of_a_rule_in_a_file(tmp_path):
    root = write_tree(tmp_path / "taxonomy", {})
    scheme = root / "schemes" / "mini.yaml"
    cites = "".join(f'      - {{label: "C\\e[2J{i}", works: [jiang2021delphi]}}\n'
                    for i in range(250))
    scheme.write_text(scheme.read_text().replace("    citations:\n", "    citations:\n" + cites, 1))
    run = goalmap("--taxonomy", "taxonomy", "lint", "--format", "json", "--select",
                  "control-character", cwd=root.parent)
    clean(run, (1,))
    problems = json.loads(run.stdout)
    assert len(problems) == 101
    assert problems[0]["line"] == 0 and problems[0]["message"] == (
        "150 more problems of this rule in this file are not shown (the first 100 are)")


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' not installed")
def test_a_huge_citation_box_is_cut_and_graphviz_draws_it(tmp_path):
    root = write_tree(tmp_path / "taxonomy", {})
    scheme = root / "schemes" / "mini.yaml"
    cites = "".join(f"      - {{label: C{i}, works: [jiang2021delphi]}}\n" for i in range(5000))
    scheme.write_text(scheme.read_text().replace("    citations:\n", "    citations:\n" + cites, 1))
    dot = goalmap("--taxonomy", str(root), "export", "dot")
    clean(dot, (0,))
    box = dot.out.split('"mini-def-values:citations"')[1].split("\n")[0]
    shown = len(re.findall(r"<tr>", box)) - 1
    more = int(re.search(r"… and (\d+) more", box).group(1))
    assert shown + more == 5002  # the 5,000 added and the 2 already there
    assert 0 < shown <= 500 and len(box) < 16384  # Graphviz's limit on an HTML label
    clean(goalmap("--taxonomy", str(root), "export", "svg", "-o", str(tmp_path / "f.svg")), (0,))


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz 'dot' not installed")
@pytest.mark.parametrize("extra", [(), ("--one-node-per-work",)])
def test_a_huge_title_and_label_are_cut_for_graphviz(tmp_path, extra):
    root = write_tree(tmp_path / "taxonomy", {"works/evil2020long.yaml": (
        "id: evil2020long\ntitle: " + "Long " * 8000 + "\nyear: 2020\n"
        "url: https://example.org/long\n")})
    scheme = root / "schemes" / "mini.yaml"
    scheme.write_text(scheme.read_text().replace(
        "works: [jiang2021delphi]", "works: [jiang2021delphi, evil2020long]", 1)
        .replace("label: Delphi", "label: " + "Delphi " * 4000, 1))
    out = tmp_path / "fig.png"
    clean(goalmap("--taxonomy", str(root), "export", "png", *extra, "-o", str(out)), (0,))
    assert out.stat().st_size > 100
