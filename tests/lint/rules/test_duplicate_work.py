def test_same_arxiv_id_under_two_ids_is_reported_at_both(run_rule):
    bad = {"works/bai2023constitutional.yaml": '''
        id: bai2023constitutional
        title: Harmlessness from AI feedback, again
        year: 2023
        arxiv: "2212.08073v2"
    '''}
    problems = run_rule("duplicate-work", bad, full=True)
    assert {(p.file, p.line, p.column) for p in problems} == {
        ("works/bai2023constitutional.yaml", 4, 8), ("works/bai2022constitutional.yaml", 7, 8)}
    assert all("one work recorded twice" in p.message for p in problems)


def test_same_title_differently_cased_is_a_duplicate(run_rule):
    bad = {"works/ouyang2022train.yaml": '''
        id: ouyang2022train
        title: Training Language Models to Follow Instructions With Human Feedback.
        year: 2022
    '''}
    assert ("works/ouyang2022train.yaml", 2, 8) in run_rule("duplicate-work", bad)


def test_distinct_work_passes(run_rule):
    good = {"works/smith2020example.yaml": "id: smith2020example\ntitle: Something else\n"
            "year: 2020\narxiv: \"2001.01234\"\ndoi: 10.1000/xyz\n"}
    assert run_rule("duplicate-work", good) == []
