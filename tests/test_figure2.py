"""Figure 2 of the survey, checked against a table written from the figure itself.

The table below is typed from the figure (page 3 of arXiv 2308.12014v2), not generated from the YAML, so
that a change to taxonomy/schemes/figure2.yaml that drifts from the paper is caught.
"""

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
FIGURE2 = ROOT / "taxonomy" / "schemes" / "figure2.yaml"

# id suffix -> (label, parent suffix, perspective, level, [(citation label, [work ids]), ...])
D, E = "definition", "evaluation"
EXPECTED = {
    "definition": ("Definition (Sec. 2)", None, D, None, []),
    "def-instructions": ("Human Instructions", "definition", D, "instructions", [
        ("PromptSource", ["bach2022promptsource"]),
        ("P3", ["sanh2021multitask"]),
        ("Natural Inst.", ["mishra2021cross"]),
        ("Super-Natural Inst.", ["wang2022super"]),
        ("GLM", ["zeng2022glm"]),
        ("xP3", ["muennighoff2022crosslingual"]),
        ("Unnatural Inst.", ["honovich2022unnatural"]),
        ("Self-Instruct", ["wang2022self"]),
        ("Flan 2022", ["longpre2023flan"]),
        ("OPT-IML Bench", ["iyer2022opt"]),
        ("Alpaca", ["taori2023stanford"]),
        ("ShareGPT", ["chiang2023vicuna"]),
        ("Baize", ["xu2023baize"]),
        ("COIG", ["zhang2023chinese"]),
        ("LLaVA", ["liu2023visual"]),
        ("LLaVAR", ["zhang2023llavar"]),
    ]),
    "def-preferences": ("Human Preferences", "definition", D, "preferences", []),
    "def-preferences-human-demonstrations": ("Human Demonstrations", "def-preferences", D, "preferences", [
        ("InstructGPT", ["ouyang2022training"]),
        ("Summarization", ["stiennon2020learning", "wu2021recursively"]),
        ("WebGPT", ["nakano2021webgpt"]),
        ("OpenAssistant", ["kopf2023openassistant"]),
        ("Game Reward", ["kwon2023reward"]),
    ]),
    "def-preferences-human-feedback": ("Human Feedback", "def-preferences", D, "preferences", [
        ("Summarization", ["stiennon2020learning", "wu2021recursively"]),
        ("WebGPT", ["nakano2021webgpt"]),
        ("InstructGPT", ["ouyang2022training"]),
        ("OpenAssistant", ["kopf2023openassistant"]),
    ]),
    "def-preferences-model-synthetic-feedback": ("Model Synthetic Feedback", "def-preferences", D, "preferences", [
        ("Game Reward", ["kwon2023reward"]),
        ("ILF", ["scheurer2023training"]),
        ("ALMoST", ["kim2023aligning"]),
        ("Stable Alignment", ["liu2023training"]),
        ("Clever Flamingo", ["chen2023visual"]),
    ]),
    "def-values": ("Human Values", "definition", D, "values", []),
    "def-values-value-principles": ("Value Principles", "def-values", D, "values", []),
    "def-values-hhh": ("HHH (helpful honest&harmless)", "def-values-value-principles", D, "values", [
        ("HH-RLHF", ["bai2022training"]),
        ("Sparrow", ["glaese2022improving"]),
        ("Constitutional AI", ["bai2022constitutional"]),
        ("SELF-ALIGN", ["sun2023principle"]),
        ("PALMS", ["solaiman2021process"]),
        ("BeaverTails", ["ji2023beavertails"]),
    ]),
    "def-values-social-norms-ethics": ("Social Norms & Ethics", "def-values-value-principles", D, "values", [
        ("Moral Integrity Corpus", ["ziems2022moral"]),
        ("Social Chemistry 101", ["forbes2020social"]),
        ("Moral Stories", ["emelin2020moral"]),
        ("ETHICS", ["hendrycks2020aligning"]),
        ("Scruples", ["lourie2021scruples"]),
        ("MoralDial", ["sun2023moraldial"]),
        ("Goofus & Gallant", ["nahian2020learning"]),
    ]),
    "def-values-basic-value-system": ("Basic Value System", "def-values-value-principles", D, "values", [
        ("Schwartz Theory of Basic Human Values", ["schwartz2012overview"]),
        ("Rokeach Values", ["rokeach1967rokeach"]),
        ("Moral Foundations Theory", ["graham2013moral"]),
    ]),
    "def-values-target-representation": ("Target Representation", "def-values", D, "values", []),
    "def-values-desirable-behaviors": ("Desirable Behaviors", "def-values-target-representation", D, "values", [
        ("HH-RLHF", ["bai2022training"]),
        ("Red-Teaming", ["ganguli2022red"]),
        ("BeaverTails", ["ji2023beavertails"]),
        ("ETHICS", ["hendrycks2020aligning"]),
        ("SBIC", ["sap2019social"]),
    ]),
    "def-values-intrinsic-values": ("Intrinsic Values", "def-values-target-representation", D, "values", [
        ("Sparrow", ["glaese2022improving"]),
        ("Constitutional AI", ["bai2022constitutional"]),
        ("SELF-ALIGN", ["sun2023principle"]),
        ("PALMS", ["solaiman2021process"]),
        ("Moral Integrity Corpus", ["ziems2022moral"]),
        ("Moral Stories", ["emelin2020moral"]),
        ("Social Chemistry 101", ["forbes2020social"]),
        ("Delphi", ["jiang2021machines"]),
    ]),
    "evaluation": ("Evaluation (Sec. 3)", None, E, None, []),
    "eval-instructions": ("Human Instructions", "evaluation", E, "instructions", []),
    "eval-instructions-benchmarks": ("Benchmarks", "eval-instructions", E, "instructions", [
        ("Super-Natural Inst", ["wang2022super"]),
        ("PromptSource", ["bach2022promptsource"]),
        ("OPT-IML", ["iyer2022opt"]),
        ("Flan 2022", ["longpre2023flan"]),
        ("Big-Bench", ["srivastava2022beyond"]),
        ("C-Eval", ["huang2023c"]),
        ("AGIEval", ["zhong2023agieval"]),
        ("LM-Written Evaluation", ["perez2022discovering"]),
    ]),
    "eval-instructions-advanced-llms-evaluation": ("Advanced-LLMs Evaluation", "eval-instructions", E, "instructions", [
        ("AlpacaEval", ["li2023alpacaeval"]),
        ("AlpacaFarm", ["dubois2023alpacafarm"]),
        ("Vicuna", ["chiang2023vicuna"]),
        ("LLM-as-a-Judge", ["zheng2023judging"]),
    ]),
    "eval-preferences": ("Human Preferences", "evaluation", E, "preferences", []),
    "eval-preferences-benchmarks": ("Benchmarks", "eval-preferences", E, "preferences", [
        ("TruthfulQA", ["lin2022truthfulqa"]),
        ("OpenBookQA", ["mihaylov2018suit"]),
        ("CrowS-Pairs", ["nangia2020crows"]),
        ("WinoGender", ["rudinger2018gender"]),
        ("BBQ", ["parrish2021bbq"]),
        ("BOLD", ["dhamala2021bold"]),
        ("RealToxicityPrompts", ["gehman2020realtoxicityprompts"]),
        ("ToxiGen", ["hartvigsen2022toxigen"]),
        ("BIG-Bench", ["srivastava2022beyond"]),
        ("HELM", ["liang2022holistic"]),
        ("LM-Written Evaluation", ["perez2022discovering"]),
    ]),
    "eval-preferences-human-evaluation": ("Human Evaluation", "eval-preferences", E, "preferences", [
        ("InstructGPT", ["ouyang2022training"]),
        ("Llama2", ["touvron2023llama2"]),
        ("RRHF", ["yuan2023rrhf"]),
        ("Summarization", ["wu2021recursively"]),
        ("ALMoST", ["kim2023aligning"]),
    ]),
    "eval-preferences-reward-model": ("Reward Model", "eval-preferences", E, "preferences", [
        ("Llama2", ["touvron2023llama2"]),
        ("HH-RLHF", ["bai2022training"]),
        ("DPO", ["rafailov2023direct"]),
        ("RAFT", ["dong2023raft"]),
        ("GRUE", ["ramamurthy2022reinforcement"]),
        ("HPS v2", ["wu2023human"]),
    ]),
    "eval-values": ("Human Values", "evaluation", E, "values", []),
    "eval-values-benchmarks": ("Benchmarks", "eval-values", E, "values", []),
    "eval-values-safety-and-risk": ("Safety and Risk", "eval-values-benchmarks", E, "values", [
        ("HH-RLHF", ["bai2022training"]),
        ("SafetyPrompts", ["sun2023safety"]),
        ("SafeText", ["levy2022safetext"]),
        ("CValues", ["xu2023cvalues"]),
    ]),
    "eval-values-social-norms": ("Social Norms", "eval-values-benchmarks", E, "values", [
        ("Moral Integrity Corpus", ["ziems2022moral"]),
        ("Social Chemistry 101", ["forbes2020social"]),
        ("Moral Stories", ["emelin2020moral"]),
        ("ETHICS", ["hendrycks2020aligning"]),
        ("Moral Mimicry", ["simmons2022moral"]),
        ("SCRUPLES", ["lourie2021scruples"]),
        ("MoralExceptQA", ["jin2022when"]),
        ("ETHICAL QUANDARY GQA", ["bang2022answering"]),
    ]),
    "eval-values-human-value-surveys": ("Human Value Surveys", "eval-values-benchmarks", E, "values", [
        ("GlobalOpinionQA", ["durmus2023measuring"]),
        ("Cultural Values", ["arora2022probing"]),
    ]),
    "eval-values-reward-model": ("Reward Model", "eval-values", E, "values", [
        ("HH-RLHF", ["bai2022training"]),
        ("Goofus & Gallant", ["nahian2020learning"]),
        ("Delphi", ["jiang2021machines"]),
        ("VALUENET", ["qiu2022valuenet"]),
        ("Moral Foundations Twitter Corpus", ["hoover2020moral"]),
    ]),
}

# Parenthetical sub-citations of the Human Value Surveys leaf.
INCLUDES = {
    "GlobalOpinionQA": [("World Values Survey (WVS)", ["wvs2021world"]),
                        ("Pew Research Center’s Global Attitudes surveys (GAS)", ["pew2022global"])],
    "Cultural Values": [("Hofstede’s Cultural Survey", ["hofstede1984culture"]),
                        ("World Values Survey (WVS)", ["wvs2021world"])],
}

# Errata: (category suffix, corrected label) -> what the figure printed.
ERRATA = {
    ("def-instructions", "Alpaca"): "Aplaca (Taori et al., 2023)",
    ("def-preferences-model-synthetic-feedback", "ILF"): "IFL (Scheurer et al., 2023)",
    ("def-values-hhh", "Constitutional AI"): "Contitutional AI (Bai et al., 2022b)",
    ("def-values-social-norms-ethics", "Moral Integrity Corpus"): "Moral Integity Corpus (Ziems et al., 2022)",
    ("def-values-basic-value-system", "Schwartz Theory of Basic Human Values"):
        "Schwartz Theory of Basic Human Values (Qiu et al., 2022)",
    ("def-values-basic-value-system", "Rokeach Values"): "Rokeach Values (Qiu et al., 2022)",
    ("def-values-basic-value-system", "Moral Foundations Theory"): "Moral Foundations Theory (Simmons, 2022)",
    ("def-values-intrinsic-values", "Constitutional AI"): "Contitutional AI (Bai et al., 2022b)",
    ("def-values-intrinsic-values", "Moral Integrity Corpus"): "Moral Integity Corpus (Ziems et al., 2022)",
    ("eval-instructions-benchmarks", "PromptSource"): "PromptSource (Sanh et al., 2021)",
    ("eval-preferences-human-evaluation", "ALMoST"): "Almost (Kim et al., 2023)",
    ("eval-preferences-reward-model", "HH-RLHF"): "HH-RLHF (Yuan et al., 2023)",
    ("eval-values-social-norms", "Moral Integrity Corpus"): "Moral Integity Corpus (Ziems et al., 2022)",
    ("eval-values-reward-model", "Moral Foundations Twitter Corpus"):
        "Moral Foundation Twitter Copus (Hoover et al., 2020)",
}


def _load():
    with open(FIGURE2, encoding="utf-8") as f:
        return yaml.safe_load(f)


@pytest.fixture(scope="module")
def categories():
    data = _load()
    assert data["id"] == "figure2"
    assert data["default"] is True
    return {c["id"]: c for c in data["categories"]}


def test_exactly_the_figure_categories(categories):
    assert set(categories) == {"fig2-" + k for k in EXPECTED}


@pytest.mark.parametrize("suffix", sorted(EXPECTED))
def test_category(categories, suffix):
    label, parent, perspective, level, cites = EXPECTED[suffix]
    cat = categories["fig2-" + suffix]
    assert cat["label"] == label
    assert cat.get("parent") == (None if parent is None else "fig2-" + parent)
    assert cat.get("perspective") == perspective
    assert cat.get("level") == level
    got = [(c["label"], c.get("works", [])) for c in cat.get("citations", [])]
    assert got == cites


def test_sibling_order(categories):
    by_parent = {}
    for cat in categories.values():
        by_parent.setdefault(cat.get("parent"), []).append(cat["order"])
    for parent, orders in by_parent.items():
        assert sorted(orders) == list(range(1, len(orders) + 1)), parent


def test_includes(categories):
    cat = categories["fig2-eval-values-human-value-surveys"]
    for cit in cat["citations"]:
        got = [(i["label"], i["works"]) for i in cit.get("includes", [])]
        assert got == INCLUDES[cit["label"]]


def test_errata_recorded(categories):
    found = {}
    for cid, cat in categories.items():
        for cit in cat.get("citations", []):
            if cit.get("printed") is not None:
                found[(cid[len("fig2-"):], cit["label"])] = cit["printed"]
                assert cit.get("erratum"), (cid, cit["label"])
    assert found == ERRATA


# The value-theory rule of docs/taxonomy-format.md, written out by hand from Section 2.3.1
# and the Figure 3 caption: the work each theory is credited to there.
THEORY_WORK = {"schwartz-values": "schwartz2012overview", "rokeach-values": "rokeach1967rokeach",
               "moral-foundations": "graham2013moral"}


def _theory_citations():
    for name in ("figure2", "revised-2024", "resource-list", "survey-text"):
        with open(FIGURE2.parent / f"{name}.yaml", encoding="utf-8") as f:
            scheme = yaml.safe_load(f)
        for cat in scheme["categories"]:
            for cit in cat.get("citations", []):
                for theory in set(cit.get("resources", [])) & set(THEORY_WORK):
                    yield name, cat["id"], cit, theory


def test_value_theories_cite_the_theory_in_every_scheme():
    seen = set()
    for name, cat_id, cit, theory in _theory_citations():
        seen.add((name, theory))
        assert cit["works"] == [THEORY_WORK[theory]], (name, cat_id, cit["label"])
        if cit.get("printed"):
            assert cit.get("erratum"), (name, cat_id, cit["label"])
    # Schwartz, Rokeach and Moral Foundations appear in both trees, so the rule is exercised on all three.
    assert {(s, t) for s in ("figure2", "revised-2024") for t in THEORY_WORK} <= seen


def test_revised_tree_keeps_what_it_printed_for_schwartz_and_rokeach():
    printed = {(cit["label"], cit.get("printed")) for name, _, cit, _ in _theory_citations()
               if name == "revised-2024"}
    assert printed == {
        ("Schwartz Theory of Basic Values", "Schwartz Theory of Basic Values (Qiu et al., 2022)"),
        ("Rokeach Values", "Rokeach Values (Qiu et al., 2022)"),
        ("Moral Foundation Theory", None),
    }
