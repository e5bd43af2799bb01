"""The one resolver: every way people name an entry, and what happens when a name fits several."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from goalmap.cli import app
from goalmap.errors import UnknownTarget, UsageError
from goalmap.loader import load
from goalmap.lookup import resolve, resolve_one

from conftest import TAXONOMY

runner = CliRunner()


@pytest.fixture(scope="module")
def kb():
    return load(TAXONOMY, use_cache=False)


@pytest.mark.parametrize("target, via", [
    ("ouyang2022training", "id"),
    ("2203.02155", "arxiv"),
    ("2203.02155v3", "arxiv"),
    ("arXiv:2203.02155", "arxiv"),
    ("https://arxiv.org/abs/2203.02155", "arxiv"),
    ("https://arxiv.org/pdf/2203.02155v1.pdf", "arxiv"),
    ("Training language models to follow instructions with human feedback", "title"),
    ("TRAINING LANGUAGE MODELS TO FOLLOW INSTRUCTIONS WITH HUMAN FEEDBACK", "title"),
    ("Ouyang et al., 2022", "citation"),
    ("(Ouyang et al., 2022)", "citation"),
])
def test_a_paper_by_any_name(kb, target, via):
    best, _ = resolve_one(kb, target)
    assert (best.id, best.via) == ("ouyang2022training", via)


def test_doi_and_doi_url(kb):
    work = next(w for w in kb.works.values() if w.doi)
    for text in (work.doi, work.doi.upper(), f"https://doi.org/{work.doi}", f"doi:{work.doi}"):
        assert resolve_one(kb, text)[0].id == work.id


def test_citation_letters_are_read_in_the_scheme_asked_for(kb):
    assert resolve_one(kb, "Bai et al., 2022b")[0].id == "bai2022constitutional"
    assert resolve_one(kb, "Bai et al., 2022a")[0].id == "bai2022training"
    assert resolve_one(kb, "Sun et al., 2023c")[0].id == "sun2023principle"  # Figure 2
    best, others = resolve_one(kb, "Sun et al., 2023c", scheme="revised-2024")
    assert best.id == "sun2023salmon"
    assert "sun2023principle" in [m.id for m in others]  # the other edition's reading
    # Without a letter: every work with that key.
    assert {m.id for m in resolve(kb, "Bai et al., 2022")} == {"bai2022training",
                                                              "bai2022constitutional"}


def test_ambiguous_names_list_every_match(kb):
    best, others = resolve_one(kb, "InstructGPT")
    assert (best.kind, best.id) == ("work", "ouyang2022training")
    assert [(m.kind, m.id) for m in others] == [("resource", "instructgpt")]
    best, others = resolve_one(kb, "instructgpt")  # the exact id wins
    assert (best.kind, best.id) == ("resource", "instructgpt")
    assert [m.id for m in others] == ["ouyang2022training"]
    best, others = resolve_one(kb, "Benchmarks")
    assert best.kind == "category" and kb.category_scheme[best.id] == "figure2"
    assert len(others) >= 6 and all(m.kind == "category" for m in others)


def test_kind_narrows(kb):
    assert [m.id for m in resolve(kb, "InstructGPT", kind="resource")] == ["instructgpt"]
    assert [m.id for m in resolve(kb, "InstructGPT", kind="model")] == ["instructgpt"]
    assert [m.id for m in resolve(kb, "InstructGPT", kind="works")] == ["ouyang2022training"]
    assert resolve(kb, "InstructGPT", kind="dataset") == []
    with pytest.raises(UsageError):
        resolve(kb, "InstructGPT", kind="nonsense")
    with pytest.raises(UnknownTarget):
        resolve_one(kb, "InstructGPT", kind="dataset")


def _show(*args):
    return runner.invoke(app, ["--taxonomy", str(TAXONOMY), "show", *args])


def test_show_lists_the_alternatives_in_text_and_json():
    result = _show("InstructGPT")
    assert result.exit_code == 0
    assert result.stdout.startswith("Training language models to follow instructions")
    assert "Also matching (1" in result.stdout
    assert "  resource  instructgpt  InstructGPT" in result.stdout
    data = json.loads(_show("InstructGPT", "--json").stdout)
    assert data["matched"] == {"id": "ouyang2022training", "kind": "work",
                               "label": "Training language models to follow instructions with "
                                        "human feedback", "via": "name"}
    assert data["also"] == [{"id": "instructgpt", "kind": "resource", "label": "InstructGPT",
                             "via": "name"}]


def test_show_by_arxiv_title_and_citation():
    for target in ("2203.02155", "Training language models to follow instructions with human "
                   "feedback", "Ouyang et al., 2022"):
        result = _show(target, "--json")
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["id"] == "ouyang2022training"
    result = _show("InstructGPT", "--kind", "resource", "--json")
    assert json.loads(result.stdout)["id"] == "instructgpt"
    assert "also" not in json.loads(result.stdout)


def test_unknown_kind_is_a_usage_error():
    result = _show("InstructGPT", "--kind", "nonsense")
    assert result.exit_code == 2 and "unknown kind" in result.stderr
