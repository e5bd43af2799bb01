"""``goalmap show``: levels as trees, works and resources with their links, clear errors."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from goalmap.cli import app

runner = CliRunner()


def run(*args, env=None):
    return runner.invoke(app, list(args), env=env or {})


def test_level_shows_definition_and_both_branches(mini):
    result = run("--taxonomy", str(mini), "show", "values")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Models apply shared value principles" in out
    assert "Definition › Human Values" in out and "Evaluation › Human Values" in out
    assert "Constitutional AI (Bai et al., 2022)" in out
    assert "Delphi (Jiang et al., 2021)" in out
    assert "\x1b[" not in out  # not a terminal: no escape codes


def test_level_json_is_a_tree_of_labels(mini):
    result = run("--taxonomy", str(mini), "show", "values", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["label"] == "Human Values"
    branches = {b["label"]: b for b in data["children"]}
    definition = branches["Definition › Human Values"]
    assert [c["label"] for c in definition["children"]] == [
        "Constitutional AI (Bai et al., 2022)", "Delphi (Jiang et al., 2021)"]
    assert all("children" in c for c in definition["children"])


def test_work_by_alias_shows_metadata_links_and_citations(mini):
    result = run("--taxonomy", str(mini), "show", "InstructGPT")
    assert result.exit_code == 0
    out = result.output
    assert out.startswith("Training language models to follow instructions")
    assert "arXiv: 2203.02155" in out
    assert "code: https://github.com/openai/following-instructions-human-feedback" in out
    assert "Mini figure › Definition › Human Preferences: InstructGPT" in out


def test_erratum_shows_what_the_figure_printed(mini):
    result = run("--taxonomy", str(mini), "show", "preferences")
    # The erratum is marked apart from the label, with what the figure printed.
    assert ("Aplaca (Ouyang et al., 2022)  ⚠ erratum: printed as “Aplaca (Taori et al., 2023)”"
            in result.output)
    data = json.loads(run("--taxonomy", str(mini), "show", "preferences", "--json").stdout)
    cits = [c for b in data["children"] for c in b["children"] if c.get("printed")]
    assert [(c["label"], c["printed"]) for c in cits] == [
        ("Aplaca (Ouyang et al., 2022)", "Aplaca (Taori et al., 2023)")]


def test_resource_shows_facts_and_introducing_work(mini):
    result = run("--taxonomy", str(mini), "show", "constitutional-ai")
    assert result.exit_code == 0
    assert "principles: 16 principles (Sec. 2.3)" in result.output
    assert "Constitutional AI: Harmlessness from AI Feedback" in result.output


def test_unknown_target_suggests_and_exits_1(mini):
    result = run("--taxonomy", str(mini), "show", "delphy")
    assert result.exit_code == 1
    assert "no entry named 'delphy'" in result.stderr
    assert "did you mean" in result.stderr and "jiang2021delphi" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_missing_taxonomy_folder_is_one_clear_error(tmp_path):
    result = run("--taxonomy", str(tmp_path / "nope"), "show", "values")
    assert result.exit_code == 2
    assert "taxonomy folder not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_broken_taxonomy_lists_every_problem(mini):
    (mini / "works/smith2020x.yaml").write_text("id: smith2020x\ntitel: x\nyear: 2020\n")
    result = run("--taxonomy", str(mini), "show", "values")
    assert result.exit_code == 1
    assert "works/smith2020x.yaml:2:1: [error] unknown field 'titel' (schema)" in result.stderr
    assert "works/smith2020x.yaml:1:1: [error] missing required field 'title'" in result.stderr


def test_environment_variable_points_at_a_taxonomy(mini):
    result = run("show", "values", env={"GOALMAP_TAXONOMY": str(mini)})
    assert result.exit_code == 0 and "Delphi" in result.output


def test_figure5_view(mini):
    result = run("--taxonomy", str(mini), "show", "goals")
    assert result.exit_code == 0
    assert "Human Values       ✓                    ✗" in result.output


def _on_a_terminal(args, env_extra):
    """Run goalmap with stdout on a pseudo-terminal; return what it printed."""
    from ptyrun import run_on_terminal

    return run_on_terminal(args, env_extra)[1].decode("utf-8", "replace")


def test_terminal_gets_colour_and_no_color_turns_it_off(mini):
    args = ["--taxonomy", str(mini), "show", "values"]
    coloured = _on_a_terminal(args, {})
    assert "\x1b[" in coloured and "Delphi" in coloured
    plain = _on_a_terminal(args, {"NO_COLOR": "1"})
    assert "\x1b[" not in plain and "Delphi (Jiang et al., 2021)" in plain


def test_disputed_fact_is_marked_and_shows_both_values_with_sources():
    from conftest import TAXONOMY
    result = run("--taxonomy", str(TAXONOMY), "show", "super-natinst")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    [i] = [n for n, line in enumerate(lines) if "tasks: DISPUTED" in line]
    assert "1,616 tasks across 76 broad task types (Sec. 2.1)" in lines[i + 1]
    assert "#Tasks 76 (Table 1)" in lines[i + 2]


def test_disputed_fact_in_json_keeps_every_reading():
    from conftest import TAXONOMY
    result = run("--taxonomy", str(TAXONOMY), "show", "world-values-survey", "--json")
    data = json.loads(result.stdout)
    [facts] = [c for c in data["children"] if c["label"] == "Facts"]
    [wave] = [f for f in facts["children"] if f["label"].startswith("last_wave_end")]
    assert wave["disputed"] is True
    assert [c["label"] for c in wave["children"]] == [
        "the last from 2017 to 2020 (Sec. 3.3.1)",
        "World values survey wave 7 (2017-2022) (reference list)"]
