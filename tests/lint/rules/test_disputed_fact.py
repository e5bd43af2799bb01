"""disputed-fact: facts the sources disagree on are listed (info), with every value and its source."""

from goalmap.lint import exit_code

DISPUTED = """\
id: example-set
name: ExampleSet
kind: dataset
facts:
  - key: languages
    value: 5
    source: Sec. 2.1
  - key: tasks
    readings:
      - {value: 170, text: 170 datasets, source: Sec. 2.1}
      - {value: 180, text: "#Tasks 180", source: Table 1}
"""


def test_disputed_fact_is_listed_at_its_key_with_both_values(run_rule):
    [p] = run_rule("disputed-fact", {"resources/example-set.yaml": DISPUTED}, full=True)
    assert (p.file, p.line, p.column, p.level) == ("resources/example-set.yaml", 8, 10, "info")
    assert p.message == ("the sources disagree on 'tasks' of 'example-set': "
                         "170 datasets (Sec. 2.1); #Tasks 180 (Table 1)")
    assert exit_code([p], strict=True) == 0  # information: --strict still passes


def test_plain_facts_are_not_listed(run_rule):
    plain = DISPUTED.split("  - key: tasks")[0]
    assert run_rule("disputed-fact", {"resources/example-set.yaml": plain}) == []


def test_readings_and_a_value_together_are_a_schema_error(run_rule):
    both = DISPUTED.replace("  - key: tasks\n", "  - key: tasks\n    value: 170\n")
    problems = run_rule("schema", {"resources/example-set.yaml": both}, full=True)
    assert [p.file for p in problems] == ["resources/example-set.yaml"]
    assert "not in 'value'" in problems[0].message


def test_a_single_reading_is_a_schema_error(run_rule):
    one = DISPUTED.replace('      - {value: 180, text: "#Tasks 180", source: Table 1}\n', "")
    problems = run_rule("schema", {"resources/example-set.yaml": one}, full=True)
    assert len(problems) == 1 and "at least two" in problems[0].message


def test_a_fact_without_value_or_readings_is_a_schema_error(run_rule):
    bare = "id: example-set\nname: ExampleSet\nkind: dataset\nfacts:\n  - key: tasks\n"
    problems = run_rule("schema", {"resources/example-set.yaml": bare}, full=True)
    assert len(problems) == 1 and "needs a 'value'" in problems[0].message
