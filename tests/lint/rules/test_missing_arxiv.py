from goalmap.lint import exit_code


def test_work_without_arxiv_is_listed_as_info(run_rule):
    bad = {"works/smith2020example.yaml": "id: smith2020example\ntitle: T\nyear: 2020\n"}
    problems = run_rule("missing-arxiv", bad, full=True)
    assert [(p.line, p.column, p.level) for p in problems] == [(1, 5, "info")]
    assert exit_code(problems, strict=True) == 0


def test_work_with_arxiv_passes(run_rule):
    good = {"works/smith2020example.yaml": 'id: smith2020example\ntitle: T\nyear: 2020\n'
            'arxiv: "2001.01234"\n'}
    assert run_rule("missing-arxiv", good) == []


def test_a_stated_reason_means_none_exists_and_is_not_listed(run_rule):
    book = {"works/smith2020example.yaml": "id: smith2020example\ntype: book\ntitle: T\nyear: 2020\n"
            "no_arxiv: a printed book; not on arXiv\n"}
    assert run_rule("missing-arxiv", book) == []


def test_a_reason_beside_an_arxiv_id_is_a_schema_error(run_rule):
    both = {"works/smith2020example.yaml": 'id: smith2020example\ntitle: T\nyear: 2020\n'
            'arxiv: "2001.01234"\nno_arxiv: not on arXiv\n'}
    problems = run_rule("schema", both, full=True)
    assert len(problems) == 1 and "no_arxiv" in problems[0].message
