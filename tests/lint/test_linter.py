"""The linter as a whole: configuration, inline suppression, changed-files mode, sorting."""

from __future__ import annotations

import pytest

from goalmap.errors import UsageError
from goalmap.lint import LintConfig, exit_code, lint, load_config
from tests.lint.conftest import write_tree

BAD_WORK = {"works/smith2020example.yaml": '''
    id: smith2020example
    title: Example
    year: 2021
    url: http://example.org/?utm_source=x
'''}


def rules_of(problems):
    return sorted({p.rule for p in problems})


def test_problems_are_sorted_and_stamped(tmp_path):
    root = write_tree(tmp_path / "t", BAD_WORK)
    problems = lint(root)
    keys = [(p.file, p.line, p.column) for p in problems]
    assert keys == sorted(keys)
    assert {(p.rule, p.level) for p in problems} >= {("url-format", "error"),
                                                     ("orphan-work", "warning"),
                                                     ("missing-arxiv", "info"),
                                                     ("id-format", "error")}


def test_select_ignore_and_levels(tmp_path):
    root = write_tree(tmp_path / "t", BAD_WORK)
    assert rules_of(lint(root, LintConfig(select=["url-format"]))) == ["url-format"]
    assert "url-format" not in rules_of(lint(root, LintConfig(ignore=["url-format"])))
    levels = LintConfig(levels={"orphan-work": "error", "missing-arxiv": "off"})
    problems = lint(root, levels)
    assert "missing-arxiv" not in rules_of(problems)
    assert {p.level for p in problems if p.rule == "orphan-work"} == {"error"}


def test_exit_code_counts_errors_and_with_strict_warnings():
    from goalmap.errors import Problem

    warning = Problem("f", 1, 1, "m", rule="orphan-work", level="warning")
    info = Problem("f", 1, 1, "m", rule="missing-arxiv", level="info")
    error = Problem("f", 1, 1, "m", rule="schema", level="error")
    assert exit_code([]) == 0
    assert exit_code([warning, info]) == 0
    assert exit_code([warning], strict=True) == 1
    assert exit_code([info], strict=True) == 0
    assert exit_code([error, info]) == 1


def test_inline_disable_on_the_line(tmp_path):
    files = {"works/smith2020example.yaml": '''
        id: smith2020example  # goalmap: disable=orphan-work, missing-arxiv
        title: Example
        year: 2020
        url: http://example.org/  # goalmap: disable=url-format
        summary: An example.
    '''}
    root = write_tree(tmp_path / "t", files)
    assert [p for p in lint(root) if p.file == "works/smith2020example.yaml"] == []


def test_inline_disable_only_names_rules_it_lists(tmp_path):
    files = {"works/smith2020example.yaml": '''
        id: smith2020example
        title: Example
        year: 2020
        url: http://example.org/  # goalmap: disable=missing-link
    '''}
    root = write_tree(tmp_path / "t", files)
    assert "url-format" in rules_of(lint(root))


def test_paths_report_only_those_files_but_resolve_against_all(tmp_path):
    files = dict(BAD_WORK)
    files["resources/example-bench.yaml"] = ("id: example-bench\nname: ExampleBench\n"
                                             "kind: benchmark\nintroduced_by: [smith2020example,"
                                             " jiang2021delphi, nobody2020x]\n")
    root = write_tree(tmp_path / "t", files)
    problems = lint(root, paths=["resources/example-bench.yaml"])
    assert {p.file for p in problems} == {"resources/example-bench.yaml"}
    assert [p.message for p in problems if p.rule == "dangling-reference"] == [
        "unknown work id 'nobody2020x'"]


def test_one_broken_file_does_not_hide_the_others(tmp_path):
    files = dict(BAD_WORK)
    files["works/broken2020x.yaml"] = "id: broken2020x\ntitle: [unclosed\n"
    root = write_tree(tmp_path / "t", files)
    found = rules_of(lint(root))
    assert "yaml-syntax" in found and "url-format" in found


def test_config_from_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[tool.goalmap.lint]\nignore = ["missing-arxiv"]\n'
        'levels = { orphan-work = "error" }\noptions = { year-range = { min = 1990 } }\n')
    root = write_tree(tmp_path / "taxonomy", {})
    config = load_config(root)
    assert config.ignore == ["missing-arxiv"] and config.levels == {"orphan-work": "error"}
    assert config.options_for(__import__("goalmap.lint.rules.year_range",
                                         fromlist=["x"]))["min"] == 1990


def test_config_from_goalmap_yaml(tmp_path):
    (tmp_path / ".goalmap.yaml").write_text("lint:\n  select: [url-format]\n")
    root = write_tree(tmp_path / "taxonomy", BAD_WORK)
    assert rules_of(lint(root, load_config(root))) == ["url-format"]


@pytest.mark.parametrize("text", [
    "lint:\n  ignore: [no-such-rule]\n",
    "lint:\n  levels: {orphan-work: loud}\n",
    "lint:\n  colour: red\n",
    "lint:\n  options: {year-range: {minimum: 3}}\n",
    "lint: [\n",
])
def test_bad_configuration_is_a_usage_error(tmp_path, text):
    (tmp_path / ".goalmap.yaml").write_text(text)
    root = write_tree(tmp_path / "taxonomy", {})
    with pytest.raises(UsageError):
        load_config(root)


def test_pyproject_without_the_table_is_skipped(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    (tmp_path / ".git").mkdir()
    root = write_tree(tmp_path / "taxonomy", {})
    assert load_config(root) == LintConfig()


def test_mini_fixture_lints_clean(tmp_path):
    root = write_tree(tmp_path / "t", {})
    assert lint(root) == []
