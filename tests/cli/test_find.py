"""``goalmap search`` and ``goalmap list`` on the real knowledge base."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from goalmap.cli import app

from conftest import TAXONOMY

runner = CliRunner()


def run(*args):
    return runner.invoke(app, ["--taxonomy", str(TAXONOMY), *args])


def test_search_tolerates_a_typo():
    hits = json.loads(run("search", "sparow", "--json").stdout)
    assert {h["id"] for h in hits[:2]} == {"sparrow", "glaese2022improving"}
    assert hits[0]["score"] >= hits[-1]["score"]


def test_search_hits_say_kind_year_first_author_and_field():
    hits = json.loads(run("search", "bai 2022", "--json").stdout)
    top = {h["id"]: h for h in hits[:2]}
    assert set(top) == {"bai2022training", "bai2022constitutional"}
    hit = top["bai2022training"]
    assert (hit["kind"], hit["year"], hit["first_author"], hit["field"]) == (
        "work", 2022, "Yuntao Bai", "citation")
    text = run("search", "bai 2022", "--limit", "1").stdout
    assert "Yuntao Bai, 2022" in text and "[citation: Bai et al., 2022]" in text


def test_search_kind_and_limit():
    hits = json.loads(run("search", "instructgpt", "--kind", "resource", "--json").stdout)
    assert [h["id"] for h in hits][:1] == ["instructgpt"]
    assert all(h["kind"] == "resource" for h in hits)
    assert len(json.loads(run("search", "llama", "--limit", "2", "--json").stdout)) == 2


def test_search_empty_text_lists_everything_of_a_kind():
    hits = json.loads(run("search", "", "--kind", "level", "--json").stdout)
    assert {h["id"] for h in hits} == {"instructions", "preferences", "values",
                                       "value-principles", "basic-values"}


def test_search_without_hits_exits_1():
    result = run("search", "zzqqxxyy")
    assert result.exit_code == 1 and "nothing matches" in result.stderr


def test_list_works_ids_counts_every_work():
    ids = run("list", "works", "--format", "ids").stdout.split()
    assert len(ids) == len(set(ids)) == len(list((TAXONOMY / "works").glob("*.yaml")))


def test_list_filters():
    rows = json.loads(run("list", "works", "--year", "2021", "--json").stdout)
    assert rows and all(r["year"] == 2021 for r in rows)
    rows = json.loads(run("list", "works", "--since", "2023", "--has", "code", "--columns",
                          "id,year,code", "--json").stdout)
    assert rows and all(r["year"] >= 2023 and r["code"].startswith("https://") for r in rows)
    assert set(rows[0]) == {"id", "year", "code"}
    # Benchmarks cited in Figure 2's Evaluation › Human Preferences › Benchmarks: TruthfulQA
    # is one; HH-RLHF is a dataset cited elsewhere.
    ids = run("list", "benchmarks", "--category", "fig2-eval-preferences-benchmarks",
              "--format", "ids").stdout.split()
    assert "truthfulqa" in ids and "hh-rlhf" not in ids
    ids = run("list", "categories", "--scheme", "REVISED-2024", "--format", "ids").stdout.split()
    assert ids and all(i.startswith("rev-") for i in ids)
    ids = run("list", "resources", "--level", "values", "--format", "ids").stdout.split()
    assert "ethics" in ids and "alpaca" not in ids


def test_list_csv_parses_and_sorts():
    text = run("list", "works", "--sort", "year", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(text)))
    years = [int(r["year"]) for r in rows]
    assert years == sorted(years) and list(rows[0]) == ["id", "year", "first_author", "label"]


@pytest.mark.parametrize("args, code", [
    (("list", "nonsense"), 2), (("list", "works", "--has", "video"), 2),
    (("list", "works", "--columns", "id,colour"), 2), (("list", "works", "--format", "xml"), 2),
    (("list", "works", "--scheme", "nope"), 2), (("list", "works", "--year", "1066"), 1),
])
def test_list_exit_codes(args, code):
    result = run(*args)
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
