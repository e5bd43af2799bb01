def test_work_without_any_url_is_a_warning(run_rule):
    bad = {"works/smith2020example.yaml": "id: smith2020example\ntitle: T\nyear: 2020\n"}
    [p] = run_rule("missing-link", bad, full=True)
    assert (p.file, p.line, p.column, p.level) == ("works/smith2020example.yaml", 1, 5, "warning")


def test_work_with_a_url_passes(run_rule):
    good = {"works/smith2020example.yaml": "id: smith2020example\ntitle: T\nyear: 2020\n"
            "url: https://example.org/paper.pdf\n"}
    assert run_rule("missing-link", good) == []
