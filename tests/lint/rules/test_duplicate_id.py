def test_an_id_given_twice_is_reported_at_both_places(run_rule):
    bad = {"resources/ouyang2022training.yaml": '''
        id: ouyang2022training
        name: InstructGPT model
        kind: model
    '''}
    problems = run_rule("duplicate-id", bad, full=True)
    assert [(p.file, p.line, p.column) for p in problems] == [
        ("resources/ouyang2022training.yaml", 1, 5), ("works/ouyang2022training.yaml", 1, 5)]
    assert "also used in works/ouyang2022training.yaml" in problems[0].message


def test_category_id_clashing_with_a_work(run_rule):
    bad = {"schemes/other.yaml": '''
        id: other
        name: Other
        categories:
          - id: other-root
            label: Root
          - id: jiang2021delphi
            label: Delphi
            parent: other-root
    '''}
    assert ("schemes/other.yaml", 6, 9) in run_rule("duplicate-id", bad)


def test_unique_ids_pass(run_rule):
    good = {"resources/instructgpt.yaml": "id: instructgpt\nname: InstructGPT model\n"
            "kind: model\nintroduced_by: [ouyang2022training]\n"}
    assert run_rule("duplicate-id", good) == []
