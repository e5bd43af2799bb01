def test_work_without_any_url_is_a_warning(run_rule):
    bad = {"works/smith2020example.yaml": "id: smith2020example\ntitle: T\nyear: 2020\n"}
    [p] = run_rule("missing-link", bad, full=True)
    assert (p.file, p.line, p.column, p.level) == ("works/smith2020example.yaml", 1, 5, "warning")


def test_work_with_a_url_passes(run_rule):
    good = {"works/smith2020example.yaml": "id: smith2020example\ntitle: T\nyear: 2020\n"
            "url: https://example.org/paper.pdf\n"}
    assert run_rule("missing-link", good) == []


def test_a_stated_reason_for_no_url_passes(run_rule):
    book = {"works/smith2020example.yaml": "id: smith2020example\ntype: book\ntitle: T\nyear: 2020\n"
            "no_url: out of print, no online copy\n"}
    assert run_rule("missing-link", book) == []


def test_a_reason_beside_a_url_is_a_schema_error(run_rule):
    both = {"works/smith2020example.yaml": "id: smith2020example\ntitle: T\nyear: 2020\n"
            "url: https://example.org/p.pdf\nno_url: none online\n"}
    problems = run_rule("schema", both, full=True)
    assert len(problems) == 1 and "no_url" in problems[0].message
