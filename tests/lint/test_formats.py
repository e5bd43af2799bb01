"""Output formats: parsable lines, JSON, GitHub annotations and SARIF 2.1.0."""

from __future__ import annotations

import json
import re

from goalmap.errors import Problem
from goalmap.lint.formats import render
from goalmap.lint.rules import ALL

PROBLEMS = [
    Problem("taxonomy/works/a.yaml", 3, 7, "the year 2021 is before the arXiv id, 100%: odd",
            rule="arxiv-year", level="error"),
    Problem("taxonomy/works/a,b.yaml", 1, 5, "no arXiv id\nsecond line", rule="missing-arxiv",
            level="info"),
    Problem("taxonomy/levels/x.yaml", 0, 0, "cannot read", rule="yaml-syntax", level="warning"),
]

GITHUB = re.compile(r"^::(error|warning|notice) file=[^,:]+(,line=\d+,col=\d+)?,title=[\w-]+"
                    r"::[^\r\n]*$")


def test_parsable():
    lines = render("parsable", PROBLEMS).splitlines()
    assert lines[0] == ("taxonomy/works/a.yaml:3:7: [error] the year 2021 is before the arXiv "
                        "id, 100%: odd (arxiv-year)")


def test_json_is_valid_and_complete():
    data = json.loads(render("json", PROBLEMS))
    assert [d["rule"] for d in data] == ["arxiv-year", "missing-arxiv", "yaml-syntax"]
    assert set(data[0]) >= {"file", "line", "column", "level", "rule", "message"}


def test_github_annotations_match_the_syntax():
    lines = render("github", PROBLEMS).splitlines()
    assert len(lines) == 3
    for line in lines:
        assert GITHUB.match(line), line
    assert lines[0].startswith("::error file=taxonomy/works/a.yaml,line=3,col=7,")
    assert "100%25" in lines[0]
    assert "file=taxonomy/works/a%2Cb.yaml" in lines[1] and "%0A" in lines[1]
    assert lines[1].startswith("::notice ")


def test_sarif_is_structurally_valid_2_1_0():
    log = json.loads(render("sarif", PROBLEMS, rules=ALL, version="0.1.0"))
    assert log["version"] == "2.1.0" and "sarif-2.1.0" in log["$schema"]
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "goalmap"
    ids = [r["id"] for r in driver["rules"]]
    assert ids == [r.ID for r in ALL]
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    assert len(run["results"]) == 3
    for result in run["results"]:
        assert result["level"] in ("error", "warning", "note", "none")
        assert result["message"]["text"]
        assert ids[result["ruleIndex"]] == result["ruleId"]
        [loc] = result["locations"]
        phys = loc["physicalLocation"]
        assert phys["artifactLocation"]["uri"]
        if "region" in phys:
            assert phys["region"]["startLine"] >= 1 and phys["region"]["startColumn"] >= 1
    assert "region" not in run["results"][2]["locations"][0]["physicalLocation"]


def test_text_groups_by_file_and_summarises():
    out = render("text", PROBLEMS)
    assert out.splitlines()[0] == "taxonomy/works/a.yaml"
    assert out.rstrip().endswith("1 error, 1 warning, 1 info")
    assert render("text", []) == "no problems found\n"
