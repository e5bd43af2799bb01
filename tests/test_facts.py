"""The structured facts match the survey (arXiv 2308.12014v2), as read by hand.

Every expected value below is written out literally from the paper: Table 1,
Figure 3 (Schwartz, moral foundations), Figure 4 (SafetyPrompts, CValues,
GuanXing), Section 3.3.1 (Hofstede) and Figure 5.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
TAX = REPO / "taxonomy"


def load(rel: str):
    with open(TAX / rel, encoding="utf-8") as f:
        return yaml.safe_load(f)


def resource(rid: str) -> dict:
    return load(f"resources/{rid}.yaml")


def names(members) -> list[str]:
    return [m["name"] for m in members]


def group(res: dict, name: str) -> list[str]:
    for m in res["members"]:
        if m["name"] == name:
            return names(m.get("members", []))
    raise AssertionError(f"{res['id']} has no member group {name!r}")


TABLE1 = [
    # ref, label, #Tasks, #Inst, Prompt Types, Data Source
    ("promptsource", "PromptSource (Bach et al., 2022)", "180", "2,085", "ZS", "NLP datasets"),
    ("p3", "P3 (Sanh et al., 2021)", "270", "2,073", "ZS", "NLP datasets"),
    ("natural-instructions", "Natural Instructions (Mishra et al., 2021)", "61", "61", "ZS & FS", "NLP datasets"),
    ("super-natinst", "Super-NatInst (Wang et al., 2022b)", "76", "1,616", "ZS & FS", "NLP datasets"),
    ("glm-130b", "GLM-130B (Zeng et al., 2022)", "74", "-", "FS", "existing collections"),
    ("xp3", "xP3 (Muennighoff et al., 2022)", "83", "-", "ZS", "NLP datasets"),
    ("unnatural-instructions", "Unnatural Inst (Honovich et al., 2022)", "117", "240k", "ZS", "model generated"),
    ("self-instruct", "Self-Instruct (Wang et al., 2022a)", "175", "82k", "ZS", "model generated"),
    ("opt-iml-bench", "OPT-IML Bench (Iyer et al., 2022)", "1,991", "18M", "ZS & FS & CoT", "NLP datasets"),
    ("flan-2022", "Flan 2022 Collection (Longpre et al., 2023)", "1,836", "15M", "ZS & FS & CoT", "existing collections"),
    ("alpaca", "Alpaca (Taori et al., 2023)", "175", "52k", "ZS & FS", "model generated"),
    ("sharegpt", "ShareGPT (Chiang et al., 2023)", "-", "~100k", "ZS", "ChatGPT logs"),
    ("coig", "COIG (Zhang et al., 2023a)", "2k", "200k", "ZS", "existing collections"),
]


def test_table1_has_13_rows_in_order():
    t = load("tables/table1.yaml")
    assert [r["ref"] for r in t["rows"]] == [row[0] for row in TABLE1]
    assert [c["key"] for c in t["columns"]] == ["tasks", "instructions", "prompt_types", "data_source"]


@pytest.mark.parametrize("ref,label,tasks,inst,ptypes,source", TABLE1, ids=[r[0] for r in TABLE1])
def test_table1_row(ref, label, tasks, inst, ptypes, source):
    rows = {r["ref"]: r for r in load("tables/table1.yaml")["rows"]}
    row = rows[ref]
    assert row["label"] == label
    assert row["cells"] == {"tasks": tasks, "instructions": inst, "prompt_types": ptypes, "data_source": source}
    assert (TAX / "resources" / f"{ref}.yaml").is_file()


def test_figure5_matrix():
    t = load("tables/figure5.yaml")
    assert [c["key"] for c in t["columns"]] == [
        "fundamental_ability", "human_profits_behavior", "human_profits_values",
        "safety_risks_behavior", "safety_risks_values"]
    got = {r["ref"]: [r["cells"][c["key"]] for c in t["columns"]] for r in t["rows"]}
    assert got == {
        "instructions": [True, False, False, False, False],
        "preferences": [True, True, False, True, False],
        "values": [True, True, True, True, True],
    }


def test_safetyprompts_figure4a():
    r = resource("safetyprompts")
    assert names(r["members"]) == ["Typical Safety Scenarios", "Instruction Attacks"]
    assert sorted(group(r, "Typical Safety Scenarios")) == sorted([
        "Insult", "Unfairness and Discrimination", "Crimes and Illegal Activities", "Sensitive Topics",
        "Physical Harm", "Mental Health", "Privacy and Property", "Ethics and Morality"])
    assert sorted(group(r, "Instruction Attacks")) == sorted([
        "Goal Hijacking", "Prompt Leaking", "Reverse Exposure", "Unsafe Instruction Topic",
        "Role Play Instruction", "Inquiry with Unsafe Opinion"])


def test_cvalues_figure4b():
    r = resource("cvalues")
    assert names(r["members"]) == ["Safety", "Responsibility"]
    assert sorted(group(r, "Safety")) == sorted([
        "Dangerous Topics", "Sensitive Topics", "Crimes", "Personal Privacy", "Attacks Instructions",
        "Objective and Unbiased", "Ethics and Morality", "Malicious Inducement", "Physical and Mental Health", "Others"])
    assert sorted(group(r, "Responsibility")) == sorted([
        "Psychology", "Data Science", "Law", "Barrier-free", "Environmental Science", "Social Science",
        "Intimate Relationship", "Lesser-known Major"])


def test_guanxing_figure4c():
    r = resource("guanxing")
    assert names(r["members"]) == ["Ethical & Safety Risks"]
    assert sorted(group(r, "Ethical & Safety Risks")) == sorted([
        "Sensitive Topics", "Violence and pornographic", "intellectual property rights", "Ethics and Morality",
        "Illegal Activities", "Violate personal dignity", "Physical and Mental Harm", "Loss of control",
        "Discrimination and Biases", "High-risk advice", "Privacy leakage", "Malicious manipulation"])


def test_schwartz_figure3a():
    r = resource("schwartz-values")
    grouping = {m["name"]: names(m["members"]) for m in r["members"]}
    assert grouping == {
        "Openness to Change": ["Self-direction", "Stimulation", "Hedonism"],
        "Self-Transcendence": ["Universalism", "Benevolence"],
        "Self-Enhancement": ["Achievement", "Power"],
        "Conservation": ["Conformity", "Tradition", "Security"],
    }
    assert sorted(tuple(a["poles"]) for a in r["axes"]) == [
        ("Personal focus", "Social focus"), ("Self-protection", "Self-expansion")]


def test_moral_foundations_figure3b():
    r = resource("moral-foundations")
    assert [(m["name"], m["opposite"]) for m in r["members"]] == [
        ("Care", "Harm"), ("Fairness", "Cheating"), ("Loyalty", "Betrayal"),
        ("Authority", "Subversion"), ("Sanctity", "Degradation")]


def test_hofstede_dimensions():
    r = resource("hofstede-cultural-survey")
    assert [m["code"] for m in r["members"]] == ["pdi", "idv", "uai", "mas", "lto", "ivr"]
    facts = {f["key"]: f["value"] for f in r["facts"]}
    assert facts["questions"] == 24 and facts["dimensions"] == 6


def test_ethics_concepts():
    r = resource("ethics")
    assert names(r["members"]) == ["Justice", "Virtue", "Deontology", "Utilitarianism", "Commonsense"]


@pytest.mark.parametrize("rid,key,value", [
    ("big-bench", "tasks", 204), ("realtoxicityprompts", "prompts", 100000), ("grue", "tasks", 6),
    ("lm-written-evaluations", "datasets", 154),
    ("super-natinst", "task_types", 76), ("super-natinst", "languages", 55),
    ("natural-instructions", "tasks", 61), ("natural-instructions", "instances", 193000),
    ("xp3", "languages", 46), ("instructgpt", "demonstration_instructions", 13000),
    ("crows-pairs", "bias_categories", 9),
    ("glm-130b", "datasets", 74), ("unnatural-instructions", "tasks", 117),
    ("unnatural-instructions", "expansion_factor", 4), ("flan-2022", "tasks", 1800),
    ("opt-iml-bench", "tasks", 1991), ("opt-iml-bench", "source_datasets", 8), ("coig", "samples", 200000),
    ("self-align", "principles", 16), ("self-align", "in_context_examples", 5),
    ("moral-foundations-twitter-corpus", "moral_sentiment_categories", 10), ("helm", "metrics", 7),
    ("world-values-survey", "waves", 7), ("world-values-survey", "value_categories", 13),
    ("pew-global-attitudes", "questions", 2203), ("schwartz-value-survey", "items", 57),
    ("rokeach-value-survey", "values", 36), ("safetyprompts", "typical_safety_scenarios", 8),
    ("safetyprompts", "instruction_attacks", 6), ("cvalues", "safety_scenarios", 10),
    ("cvalues", "responsibility_domains", 8), ("hofstede-cultural-survey", "countries", 100),
])
def test_stated_numbers(rid, key, value):
    facts = {f["key"]: f.get("value") for f in resource(rid).get("facts", [])}
    assert facts.get(key) == value


# Where the survey contradicts itself, both values are kept, each with its source (read by hand:
# Sec. 2.1 and Table 1 on p. 4-5, Sec. 3.3.1 and the reference list, Figure 4 on p. 11).
DISPUTED = {
    ("super-natinst", "tasks"): [(1616, "Sec. 2.1"), (76, "Table 1")],
    ("promptsource", "datasets"): [(170, "Sec. 2.1"), (180, "Table 1")],
    ("p3", "datasets"): [(177, "Sec. 2.1"), (270, "Table 1")],
    ("world-values-survey", "last_wave_end"): [(2020, "Sec. 3.3.1"), (2022, "reference list")],
    ("guanxing", "figure4_panel"): [("c", "Figure 4 caption"), ("b", "Figure 4, the label inside the panel")],
}


@pytest.mark.parametrize("rid,key", sorted(DISPUTED), ids=lambda x: str(x))
def test_disputed_facts_keep_every_value_with_its_source(rid, key):
    [fact] = [f for f in resource(rid)["facts"] if f["key"] == key]
    assert "value" not in fact
    assert [(r["value"], r["source"]) for r in fact["readings"]] == DISPUTED[(rid, key)]


def test_no_other_fact_is_disputed():
    found = {(p.stem, f["key"]) for p in sorted((TAX / "resources").glob("*.yaml"))
             for f in (yaml.safe_load(p.read_text(encoding="utf-8")).get("facts") or [])
             if "readings" in f}
    assert found == set(DISPUTED)
