"""``goalmap related``, ``path``, ``diff``, ``stats`` and ``table`` on the real knowledge base."""

from __future__ import annotations

import csv
import io
import json

from markdown_it import MarkdownIt
from typer.testing import CliRunner

from goalmap.cli import app

from conftest import TAXONOMY

runner = CliRunner()


def run(*args):
    return runner.invoke(app, ["--taxonomy", str(TAXONOMY), *args])


def test_related_names_categories_neighbours_and_resources():
    data = json.loads(run("related", "Bai et al., 2022b", "--json").stdout)
    assert data["id"] == "bai2022constitutional"
    fig2 = next(b for b in data["cited_in"] if b["scheme"] == "figure2")
    assert {c["id"] for c in fig2["categories"]} == {"fig2-def-values-hhh",
                                                     "fig2-def-values-intrinsic-values"}
    beside = {w["id"] for w in data["beside"]}
    assert {"bai2022training", "glaese2022improving"} <= beside  # HHH: HH-RLHF, Sparrow
    assert "bai2022constitutional" not in beside
    assert [r["id"] for r in data["introduced"]] == ["constitutional-ai"]


def test_related_of_a_resource_names_its_paper():
    data = json.loads(run("related", "hh-rlhf", "--json").stdout)
    assert [w["id"] for w in data["introduced_by"]] == ["bai2022training"]
    assert "Cited in figure2:" in run("related", "hh-rlhf").stdout


def test_path_through_typed_edges():
    steps = json.loads(run("path", "constitutional-ai", "bai2022constitutional", "--json").stdout)
    assert [(s["from"]["id"], s["relation"], s["to"]["id"], s["forward"]) for s in steps] == [
        ("constitutional-ai", "introduced_by", "bai2022constitutional", True)]
    steps = json.loads(run("path", "sparrow", "InstructGPT", "--json").stdout)
    assert steps[0]["from"]["id"] == "sparrow" and steps[-1]["to"]["id"] == "ouyang2022training"
    for x, y in zip(steps, steps[1:]):
        assert x["to"]["id"] == y["from"]["id"]
    assert run("path", "sparrow", "nothing-like-this").exit_code == 1


def test_diff_text_json_and_markdown():
    result = run("diff", "figure2", "revised-2024", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert {"added", "removed", "renamed", "moved"} <= set(data["categories"])
    text = run("diff", "figure2", "revised-2024").stdout
    assert "Basic Value System → Basic Value Theory" in text
    md = run("diff", "figure2", "revised-2024", "--format", "markdown").stdout
    assert any(t.type == "heading_open" for t in MarkdownIt().parse(md))
    bad = run("diff", "figure2", "nope")
    assert bad.exit_code == 2 and "figure2" in bad.stderr  # lists the schemes


def test_stats_counts_agree_with_list():
    data = json.loads(run("stats", "--json").stdout)
    works = run("list", "works", "--format", "ids").stdout.split()
    assert data["totals"]["works"] == len(works)
    arxiv = run("list", "works", "--has", "arxiv", "--format", "ids").stdout.split()
    assert data["links"]["arxiv"]["count"] == len(arxiv)
    cells = {(r["level"], r["perspective"]): r for r in data["matrix"]}
    # Figure 2, Evaluation › Human Preferences › Benchmarks cites 11 benchmarks and more.
    assert cells[("preferences", "evaluation")]["benchmark"] >= 11
    assert set(cells) == {(lv, p) for lv in ("instructions", "preferences", "values")
                          for p in ("definition", "evaluation")}


def test_table_formats():
    md = run("table", "Table 1").stdout
    tokens = MarkdownIt().enable("table").parse(md)
    assert any(t.type == "table_open" for t in tokens)
    rows = list(csv.reader(io.StringIO(run("table", "table1", "--format", "csv").stdout)))
    assert rows[0] == ["", "#Tasks", "#Inst", "Prompt Types", "Data Source"]
    assert rows[1][:3] == ["PromptSource (Bach et al., 2022)", "180", "2,085"]
    data = json.loads(run("table", "figure5", "--json").stdout)
    assert data["rows"][0][0] == "Human Instructions"


def test_table_latex_is_a_booktabs_tabular():
    tex = run("table", "figure5", "--format", "latex").stdout
    lines = tex.splitlines()
    assert lines[1] == r"\begin{tabular}{llllll}" and lines[-1] == r"\end{tabular}"
    assert [ln for ln in lines if ln in (r"\toprule", r"\midrule", r"\bottomrule")] == [
        r"\toprule", r"\midrule", r"\bottomrule"]
    assert r"\cmidrule(lr){3-4} \cmidrule(lr){5-6}" in tex
    assert r"Safety \& Risks" in tex  # & escaped inside a cell
    body = lines[lines.index(r"\midrule") + 1:lines.index(r"\bottomrule")]
    assert len(body) == 3 and all(ln.count(" & ") == 5 and ln.endswith(r" \\") for ln in body)
    assert run("table", "figure5", "--format", "rtf").exit_code == 2
    assert run("table", "no-such-table").exit_code == 1
