def test_work_id_not_a_bibtex_key(run_rule):
    bad = {"works/ouyang-2022.yaml": "id: ouyang-2022\ntitle: T\nyear: 2022\n"}
    assert run_rule("id-format", bad) == [("works/ouyang-2022.yaml", 1, 5)]


def test_file_name_must_match_the_id(run_rule):
    bad = {"works/smith2020example.yaml": "id: smith2020sample\ntitle: T\nyear: 2020\n"}
    [p] = run_rule("id-format", bad, full=True)
    assert (p.line, p.column) == (1, 5) and "named 'smith2020example'" in p.message


def test_year_in_the_key_must_be_the_year(run_rule):
    bad = {"works/smith2020example.yaml": "id: smith2020example\ntitle: T\nyear: 2021\n"}
    assert run_rule("id-format", bad) == [("works/smith2020example.yaml", 1, 5)]


def test_kebab_case_for_other_ids(run_rule):
    bad = {"resources/big_bench.yaml": "id: big_bench\nname: B\nkind: benchmark\n"}
    assert run_rule("id-format", bad) == [("resources/big_bench.yaml", 1, 5)]


def test_good_ids_pass(run_rule):
    good = {"works/smith2020example.yaml": "id: smith2020example\ntitle: T\nyear: 2020\n",
            "resources/big-bench.yaml": "id: big-bench\nname: B\nkind: benchmark\n"}
    assert run_rule("id-format", good) == []
