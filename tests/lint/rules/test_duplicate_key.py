def test_second_key_is_reported(run_rule):
    bad = {"works/smith2020example.yaml": '''
        id: smith2020example
        title: Example
        year: 2020
        year: 2021
    '''}
    [p] = run_rule("duplicate-key", bad, full=True)
    assert (p.line, p.column) == (4, 1)
    assert "first given on line 3" in p.message


def test_distinct_keys_pass(run_rule):
    good = {"works/smith2020example.yaml": "id: smith2020example\ntitle: Example\nyear: 2020\n"}
    assert run_rule("duplicate-key", good) == []
