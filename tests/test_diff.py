"""diff_schemes: how one edition of the taxonomy differs from another.

The expected lists for figure2 -> revised-2024 were written by hand from the
survey's Figure 2 (seed text, page 3) and the authors' revised tree
(shared/reference/alignment-goal-survey-tree-revised.txt), not from the code's output.
"""

from __future__ import annotations

import pytest

from goalmap.diff import diff_schemes
from goalmap.errors import UnknownTarget
from goalmap.loader import load

from conftest import TAXONOMY


@pytest.fixture(scope="module")
def real():
    kb = load(TAXONOMY, use_cache=False)
    return diff_schemes(kb, "figure2", "revised-2024")


# Works cited in the revised tree and nowhere in Figure 2 (read off the two figures).
REVISED_ADDS = {
    "ding2023enhancing",  # UltraChat
    "xu2023wizardlm",  # Evol-Instruct
    "chen2023phoenix",  # Phoenix
    "li2023bactrian",  # Bactrian-X (printed 'Baxtrain-X')
    "hendrycks2020measuring",  # MMLU
    "suzgun2022challenging",  # BBH
    "shi2022language",  # MGSM
    "li2023cmmlu",  # CMMLU
    "wang2023pandalm",  # PandaLM
    "dai2023safe",  # Safe RLHF
    "liu2023chain",  # Hindsight
    "lee2023rlaif",  # RLAIF
    "chiang2023large",  # LLM Evaluation (Chiang and Lee, 2023)
    "wang2023large",  # Position Bias
    "sun2023salmon",  # SALMON
    "tan2023self",  # Self-Criticism
    "duan2023denevil",  # Denevil
    "xu2023align",  # OPO
    "huang2023trustgpt",  # TrustGPT
    "sorensen2023value",  # Value KALEIDO
    "gert2004common",  # Bernard Gert's Common Morality Theory
    "murphy2011measuring",  # Social Value Orientation
    "kang2023values",  # VILLAMA
    "yao2023value",  # BaseAlign, Value FULCRA
    "abdulhai2023moral",  # Moral Foundations (surveys)
    "zhang2023heterogeneous",  # Social Value Orientation (Zhang et al., 2023e)
    "zhang2023measuring",  # Schwartz Value Surveys (Zhang et al., 2023d)
    "kiesel2022identifying",  # Arguments
}
# Works Figure 2 cites that the revised tree drops.
REVISED_DROPS = {
    "liu2023visual",  # LLaVA
    "zhang2023llavar",  # LLaVAR
    "sap2019social",  # SBIC
    "simmons2022moral",  # Moral Mimicry
    "arora2022probing",  # Cultural Values
    "hofstede1984culture",  # Hofstede's Cultural Survey
}


def test_works_added_and_removed_match_the_two_figures(real):
    assert {w["id"] for w in real["works"]["added"]} == REVISED_ADDS
    assert {w["id"] for w in real["works"]["removed"]} == REVISED_DROPS


def test_the_perspective_first_top_is_replaced_by_four_goal_levels(real):
    removed = {c["id"] for c in real["categories"]["removed"]}
    added = {c["id"] for c in real["categories"]["added"]}
    assert {"fig2-definition", "fig2-evaluation"} <= removed
    assert {"rev-instructions", "rev-preferences", "rev-principles", "rev-basic"} <= added


def test_new_and_dropped_leaves(real):
    removed = {c["id"] for c in real["categories"]["removed"]}
    added = {c["id"] for c in real["categories"]["added"]}
    # Figure 2's Target Representation branch and its two leaves are gone ...
    assert {"fig2-def-values-target-representation", "fig2-def-values-desirable-behaviors",
            "fig2-def-values-intrinsic-values"} <= removed
    # ... Human Evaluation and Advanced-LLMs Evaluation merge into Human & LLM Evaluation.
    assert {"fig2-eval-preferences-human-evaluation",
            "fig2-eval-instructions-advanced-llms-evaluation"} <= removed
    merged = next(c for c in real["categories"]["added"]
                  if c["id"] == "rev-preferences-evaluation-human-and-llm-evaluation")
    assert {"fig2-eval-preferences-human-evaluation",
            "fig2-eval-instructions-advanced-llms-evaluation"} <= set(merged["works_from"])
    assert {"rev-principles-representation-principle-alignment-in-context-learning",
            "rev-principles-representation-principle-alignment-fine-tuning",
            "rev-principles-evaluation-morality-classifier",
            "rev-basic-representation-basic-value-alignment",
            "rev-basic-evaluation-automatic-value-classifier",
            "rev-instructions-representation-nlp-task-instructions",
            "rev-instructions-representation-model-generated-instructions",
            "rev-instructions-representation-human-shared-instructions"} <= added
    # In-Context Learning cites only works Figure 2 never cited.
    icl = next(c for c in real["categories"]["added"]
               if c["id"].endswith("in-context-learning"))
    assert icl["works_from"] == {}


def test_renamed_categories_are_matched_by_their_works(real):
    renamed = {(r["from"], r["to"]) for r in real["categories"]["renamed"]}
    assert {("Basic Value System", "Basic Value Theory"),
            ("Safety and Risk", "Safety Benchmarks"),
            ("Social Norms", "Social Norms Benchmarks"),
            ("Value Principles", "Principle Definition"),
            ("Benchmarks", "Benchmark")} <= renamed
    # Same label and the same works: matched, not renamed.
    pairs = {(m["a"], m["b"]) for m in real["categories"]["matched"]}
    assert ("fig2-eval-preferences-benchmarks", "rev-preferences-evaluation-benchmarks") in pairs
    assert not any(r["a"] == "fig2-eval-preferences-benchmarks"
                   for r in real["categories"]["renamed"])


def test_moved_categories(real):
    moved = {(m["a"], m["b"]) for m in real["categories"]["moved"]}
    # Basic Value System leaves Value Principles for the new Basic Values level.
    assert ("fig2-def-values-basic-value-system",
            "rev-basic-representation-basic-value-theory") in moved
    # Human Value Surveys moves from Human Values › Benchmarks to Basic Values.
    assert ("fig2-eval-values-human-value-surveys",
            "rev-basic-evaluation-human-value-surveys") in moved
    # Human Demonstrations stays under its (matched) parent: not moved.
    assert not any(a == "fig2-def-preferences-human-demonstrations" for a, _ in moved)


def test_moved_works(real):
    moved = {w["id"]: w for w in real["works"]["moved"]}
    # Constitutional AI: Intrinsic Values (gone) -> Principle Alignment › Fine-tuning.
    assert moved["bai2022constitutional"]["from"] == ["fig2-def-values-intrinsic-values"]
    assert moved["bai2022constitutional"]["to"] == [
        "rev-principles-representation-principle-alignment-fine-tuning"]
    # DPO stays under Reward Model and is also cited in Human Feedback.
    assert moved["rafailov2023direct"] == {"id": "rafailov2023direct", "from": [],
                                           "to": ["rev-preferences-representation-human-feedback"]}
    # TruthfulQA sits in Human Preferences › Benchmarks in both editions.
    assert "lin2022truthfulqa" not in moved


def test_a_scheme_against_itself_has_no_changes():
    kb = load(TAXONOMY, use_cache=False)
    same = diff_schemes(kb, "revised-2024", "REVISED-2024")
    assert same["categories"]["added"] == same["categories"]["removed"] == []
    assert same["categories"]["renamed"] == same["categories"]["moved"] == []
    assert same["works"]["added"] == same["works"]["removed"] == same["works"]["moved"] == []


def test_relabelled_and_moved_on_a_small_pair(mini):
    (mini / "schemes/mini2.yaml").write_text(
        "id: mini2\nname: Mini two\ncategories:\n"
        "  - id: m2-values\n    label: Values\n    order: 1\n"
        "  - id: m2-principles\n    label: Principles\n    parent: m2-values\n    order: 1\n"
        "    citations:\n      - label: Constitutional AI\n        works: [bai2022constitutional]\n"
        "      - label: Delphi\n        works: [jiang2021delphi]\n"
        "  - id: m2-prefs\n    label: Human Preferences\n    order: 2\n"
        "    citations:\n      - label: InstructGPT\n        works: [ouyang2022training]\n")
    kb = load(mini, use_cache=False)
    d = diff_schemes(kb, "mini", "mini2")
    # Definition {bai, jiang, ouyang} ~ Values {bai, jiang}: 2/3 of the works shared.
    assert d["categories"]["renamed"] == [
        {"a": "mini-definition", "b": "m2-values", "from": "Definition", "to": "Values"},
        {"a": "mini-def-values", "b": "m2-principles", "from": "Human Values",
         "to": "Principles"}]
    # Human Preferences leaves Definition (now Values) for the top.
    assert [m["a"] for m in d["categories"]["moved"]] == ["mini-def-preferences"]
    assert {c["id"] for c in d["categories"]["removed"]} == {"mini-evaluation",
                                                             "mini-eval-values"}
    assert d["works"]["moved"] == [{"id": "jiang2021delphi", "from": ["mini-eval-values"],
                                    "to": []}]
    with pytest.raises(UnknownTarget):
        diff_schemes(kb, "mini", "nope")


def test_markdown_changelog_parses_and_names_each_change():
    from markdown_it import MarkdownIt

    from goalmap.diff import render

    kb = load(TAXONOMY, use_cache=False)
    text = render(kb, diff_schemes(kb, "figure2", "revised-2024"), "markdown")
    tokens = MarkdownIt().parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings[1:] == ["Categories", "Added", "Removed", "Renamed", "Moved",
                            "Works", "Added", "Removed", "Moved"]
    assert "Basic Value System → Basic Value Theory" in text
    assert "`sun2023salmon`" in text and "`zhang2023llavar`" in text
    plain = render(kb, diff_schemes(kb, "figure2", "revised-2024"))
    assert "Rafailov et al., 2023: Direct Preference Optimization" in plain
    assert "also in Human Preferences (Sec. 3) › Goal Representation › Human Feedback" in plain


def test_cli_json_is_the_same_account():
    import json

    from typer.testing import CliRunner

    from goalmap.cli import app

    result = CliRunner().invoke(app, ["--taxonomy", str(TAXONOMY), "diff", "figure2",
                                      "revised-2024", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert {w["id"] for w in data["works"]["added"]} == REVISED_ADDS
    assert {w["id"] for w in data["works"]["removed"]} == REVISED_DROPS
    assert ("Basic Value System", "Basic Value Theory") in {
        (r["from"], r["to"]) for r in data["categories"]["renamed"]}
