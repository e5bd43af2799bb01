"""The loader reports every problem of a run at its file, line and column."""

from __future__ import annotations

import pytest

from goalmap.errors import LoadError
from goalmap.loader import load
from goalmap.yamlread import parse


def problems_of(root):
    with pytest.raises(LoadError) as info:
        load(root, use_cache=False)
    return [(p.file, p.line, p.column, p.rule, p.message) for p in info.value.problems]


def write(root, rel, text):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


WORK = """id: smith2020x
title: A title
authors: [Ann Smith]
year: 2020
"""


def test_fixture_loads_clean(mini):
    kb = load(mini, use_cache=False)
    assert list(kb.levels) == ["preferences", "values"]
    assert "ouyang2022training" in kb.works
    assert kb.categories["mini-def-values"].citations[0].label == "Constitutional AI"
    assert kb.category_scheme["mini-def-values"] == "mini"


def test_syntax_error_points_at_line_and_column(mini):
    write(mini, "works/smith2020x.yaml", WORK + "aliases: [unclosed\n")
    (p,) = problems_of(mini)
    assert p[:4] == ("works/smith2020x.yaml", 6, 1, "yaml-syntax")
    assert "syntax" in p[4]


def test_wrong_type_points_at_the_value(mini):
    write(mini, "works/smith2020x.yaml", WORK.replace("year: 2020", "year: twenty"))
    (p,) = problems_of(mini)
    assert p[:4] == ("works/smith2020x.yaml", 4, 7, "schema")
    assert "year" in p[4]


def test_unknown_key_points_at_the_key(mini):
    write(mini, "works/smith2020x.yaml", WORK + "  \nvenu: ACL\n")
    (p,) = problems_of(mini)
    assert p[:4] == ("works/smith2020x.yaml", 6, 1, "schema")
    assert "unknown field 'venu'" in p[4]


def test_missing_key_points_at_the_parent_mapping(mini):
    write(mini, "works/smith2020x.yaml", WORK.replace("year: 2020\n", ""))
    (p,) = problems_of(mini)
    assert p[:4] == ("works/smith2020x.yaml", 1, 1, "schema")
    assert "missing required field 'year'" in p[4]


def test_missing_key_in_a_nested_mapping_points_at_that_mapping(mini):
    write(mini, "works/smith2020x.yaml", WORK + "links:\n  - {url: https://example.org}\n")
    (p,) = problems_of(mini)
    assert p[:4] == ("works/smith2020x.yaml", 6, 5, "schema")
    assert "'type'" in p[4]


def test_duplicate_key_is_an_error(mini):
    write(mini, "works/smith2020x.yaml", WORK + "year: 2021\n")
    (p,) = problems_of(mini)
    assert p[:4] == ("works/smith2020x.yaml", 5, 1, "duplicate-key")
    assert "first given on line 4" in p[4]


def test_dangling_reference_names_the_id_and_close_ones(mini):
    scheme = (mini / "schemes/mini.yaml").read_text()
    write(mini, "schemes/mini.yaml", scheme.replace("[jiang2021delphi]\n  - id: mini-def-pref",
                                                     "[jiang2021delpi]\n  - id: mini-def-pref"))
    (p,) = problems_of(mini)
    assert p[:4] == ("schemes/mini.yaml", 20, 17, "dangling-reference")
    assert "'jiang2021delpi'" in p[4] and "jiang2021delphi" in p[4]


def test_python_object_tags_are_refused(mini):
    write(mini, "works/smith2020x.yaml", WORK + "note: !!python/object/apply:os.system [ls]\n")
    (p,) = problems_of(mini)
    assert p[:4] == ("works/smith2020x.yaml", 5, 7, "yaml-syntax")
    assert "tag" in p[4]


def test_dates_stay_text():
    data, problems = parse("note: 2023-01-05\n", "x.yaml")
    assert data == {"note": "2023-01-05"} and not problems


def test_several_errors_in_one_run(mini):
    write(mini, "works/smith2020x.yaml", WORK + "venu: ACL\n")
    write(mini, "works/doe2021y.yaml", WORK.replace("smith2020x", "doe2021y") + "year: 2022\n")
    scheme = (mini / "schemes/mini.yaml").read_text()
    write(mini, "schemes/mini.yaml", scheme.replace("level: values", "level: valeus", 1))
    got = problems_of(mini)
    assert [(f, line, rule) for f, line, _, rule, _ in got] == [
        ("schemes/mini.yaml", 13, "dangling-reference"),
        ("works/doe2021y.yaml", 5, "duplicate-key"),
        ("works/smith2020x.yaml", 5, "schema"),
    ]


def test_duplicate_id_across_files(mini):
    write(mini, "works/other.yaml", (mini / "works/jiang2021delphi.yaml").read_text())
    got = problems_of(mini)
    assert [(f, line, rule) for f, line, _, rule, _ in got] == [
        ("works/other.yaml", 1, "duplicate-id")]


def test_a_file_outside_the_known_folders_is_reported(mini):
    write(mini, "stray.yaml", "id: x\n")
    (p,) = problems_of(mini)
    assert p[0] == "stray.yaml" and "folders" in p[4]


def test_category_cycle_is_reported(mini):
    scheme = (mini / "schemes/mini.yaml").read_text()
    scheme = scheme.replace("    label: Definition\n", "    label: Definition\n"
                            "    parent: mini-def-values\n")
    write(mini, "schemes/mini.yaml", scheme)
    got = problems_of(mini)
    assert [rule for *_, rule, _ in got] == ["category-cycle"]
    assert "mini-def-values -> mini-definition -> mini-def-values" in got[0][4]


def test_list_files_hold_several_entries(mini):
    kb = load(mini, use_cache=False)
    assert list(kb.algorithms) == ["rlhf", "ppo"]
    assert kb.origins["ppo"].prefix == (1,)
