def test_wrong_type_and_unknown_key_are_each_located(run_rule):
    bad = {"works/smith2020example.yaml": '''
        id: smith2020example
        title: Example
        year: twenty twenty
        auhtors: [Jane Smith]
    '''}
    problems = run_rule("schema", bad, full=True)
    where = {(p.line, p.column) for p in problems}
    assert where == {(3, 7), (4, 1)}
    assert any("unknown field 'auhtors'" in p.message for p in problems)
    assert any(p.message.startswith("year:") for p in problems)


def test_missing_field_points_at_the_entry(run_rule):
    bad = {"resources/x.yaml": "id: x\nname: X\n"}
    [p] = run_rule("schema", bad, full=True)
    assert "missing required field 'kind'" in p.message and p.line == 1


def test_unquoted_arxiv_id_is_a_wrong_type(run_rule):
    bad = {"works/smith2020example.yaml": "id: smith2020example\ntitle: E\nyear: 2020\n"
           "arxiv: 2001.01230\n"}
    assert run_rule("schema", bad) == [("works/smith2020example.yaml", 4, 8)]


def test_valid_entry_passes(run_rule):
    good = {"works/smith2020example.yaml": '''
        id: smith2020example
        title: Example
        year: 2020
        authors: [Jane Smith]
    '''}
    assert run_rule("schema", good) == []
