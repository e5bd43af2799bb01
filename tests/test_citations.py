"""Citation keys carry the letter each edition prints, and never name two works alike.

Expected keys are read off the survey's Figure 2 and bibliography (seed text) and
off the authors' revised tree (shared/reference), by hand.
"""

from __future__ import annotations

import json
import re

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from goalmap.citations import cite_key
from goalmap.cli import app
from goalmap.export import dumps
from goalmap.loader import load

from conftest import TAXONOMY

runner = CliRunner()


@pytest.fixture(scope="module")
def kb():
    return load(TAXONOMY, use_cache=False)


@pytest.mark.parametrize("scheme, work, key", [
    ("figure2", "bai2022training", "Bai et al., 2022a"),  # HH-RLHF
    ("figure2", "bai2022constitutional", "Bai et al., 2022b"),  # Constitutional AI
    ("figure2", "sun2023principle", "Sun et al., 2023c"),  # SELF-ALIGN
    ("figure2", "xu2023baize", "Xu et al., 2023a"),
    ("figure2", "touvron2023llama2", "Touvron et al., 2023b"),
    ("revised-2024", "sun2023principle", "Sun et al., 2023d"),  # SELF-ALIGN, relettered
    ("revised-2024", "sun2023salmon", "Sun et al., 2023c"),
    ("revised-2024", "xu2023baize", "Xu et al., 2023c"),
    ("revised-2024", "zhang2023heterogeneous", "Zhang et al., 2023e"),
    ("revised-2024", "ji2023beavertails", "Ji et al., 2023a"),  # printed although alone
    ("survey-text", "wang2022self", "Wang et al., 2022a"),
    ("figure2", "ouyang2022training", "Ouyang et al., 2022"),  # no letter where none is needed
])
def test_each_edition_prints_its_own_letters(kb, scheme, work, key):
    assert cite_key(kb, work, scheme) == key


def test_works_without_a_printed_letter_get_a_free_one_in_title_order(kb):
    # Figure 2 prints Sun 2023a-c; SALMON (not in Figure 2) takes the next free letter.
    assert cite_key(kb, "sun2023salmon", "figure2") == "Sun et al., 2023d"
    # The revised tree prints Hendrycks 2020a (ETHICS) and 2020b (MMLU); the survey
    # prints neither letter, so APA order by title gives "Aligning" a, "Measuring" b.
    assert cite_key(kb, "hendrycks2020aligning", "figure2") == "Hendrycks et al., 2020a"
    assert cite_key(kb, "hendrycks2020measuring", "figure2") == "Hendrycks et al., 2020b"


@pytest.mark.parametrize("scheme", ["figure2", "revised-2024", "survey-text", "resource-list"])
def test_no_two_works_share_a_key(kb, scheme):
    seen: dict[str, str] = {}
    for work in kb.works:
        key = cite_key(kb, work, scheme)
        assert key not in seen, f"{key}: {seen.get(key)} and {work}"
        seen[key] = work


def _keys_in_view(node, found):
    """(key, work) for every single-work citation of a ``show --json`` tree."""
    if node.get("kind") == "citation" and len(node.get("refs", [])) >= 1:
        works = [r for r in node["refs"] if re.match(r"^[a-z]+\d{4}", r)]
        keys = re.findall(r"\(([^()]*\d{4}[a-z]?)\)", node["label"].split(" [printed")[0])
        if len(works) == 1 and len(keys) == 1:
            found.setdefault(keys[0], set()).add(works[0])
    for kid in node["children"]:
        _keys_in_view(kid, found)
    return found


@pytest.mark.parametrize("scheme", ["figure2", "revised-2024", "survey-text", "resource-list"])
def test_show_renders_one_work_per_key(scheme):
    found: dict = {}
    for level in ("instructions", "preferences", "values"):
        result = runner.invoke(app, ["--taxonomy", str(TAXONOMY), "show", level, "--scheme",
                                     scheme, "--json"])
        assert result.exit_code == 0, result.output
        _keys_in_view(json.loads(result.stdout), found)
    assert found
    assert {k: v for k, v in found.items() if len(v) > 1} == {}


def test_show_values_prints_the_figure2_letters():
    out = runner.invoke(app, ["--taxonomy", str(TAXONOMY), "show", "values"]).stdout
    assert "HH-RLHF (Bai et al., 2022a)" in out
    assert "Constitutional AI (Bai et al., 2022b)" in out
    assert "(Bai et al., 2022)" not in out


@pytest.mark.parametrize("scheme", ["figure2", "revised-2024", "survey-text", "resource-list"])
def test_markdown_export_renders_one_work_per_key(kb, scheme):
    text = dumps(kb, "markdown", scheme=scheme)
    found: dict[str, set] = {}
    for token in MarkdownIt().parse(text):
        if token.type != "inline":
            continue
        # a bullet is "**Label** (Key): *Title* [links]"; one work per bullet here
        m = re.match(r"^\*\*.*?\*\* \(([^();]*\d{4}[a-z]?)\): \*(.+?)\*", token.content)
        if m:
            found.setdefault(m.group(1), set()).add(m.group(2))
    assert found
    assert {k: v for k, v in found.items() if len(v) > 1} == {}
    if scheme == "figure2":
        assert "**HH-RLHF** (Bai et al., 2022a)" in text
        assert "(Bai et al., 2022b)" in text and "(Bai et al., 2022)" not in text


@pytest.mark.parametrize("fmt", ["dot", "mermaid"])
def test_graph_exports_use_the_schemes_letters(kb, fmt):
    assert "SELF-ALIGN (Sun et al., 2023d)" in dumps(kb, fmt, scheme="revised-2024")
    assert "SELF-ALIGN (Sun et al., 2023c)" in dumps(kb, fmt, scheme="figure2")
