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
