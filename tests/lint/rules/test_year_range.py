from goalmap.lint import LintConfig, lint


def work(year: int) -> dict:
    return {"works/smith2020example.yaml": f"id: smith2020example\ntitle: T\nyear: {year}\n"}


def test_year_out_of_range_is_reported_at_the_year(run_rule):
    assert run_rule("year-range", work(20202)) == [("works/smith2020example.yaml", 3, 7)]
    assert run_rule("year-range", work(202)) == [("works/smith2020example.yaml", 3, 7)]


def test_plausible_year_passes(run_rule):
    assert run_rule("year-range", work(2020)) == []


def test_min_option(tmp_path):
    from tests.lint.conftest import write_tree

    root = write_tree(tmp_path / "t", work(1950))
    config = LintConfig(select=["year-range"], options={"year-range": {"min": 1990}})
    assert [p.line for p in lint(root, config)] == [3]
