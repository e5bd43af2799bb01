def work(doi: str) -> dict:
    return {"works/smith2020example.yaml": f"id: smith2020example\ntitle: T\nyear: 2020\n"
            f"doi: \"{doi}\"\n"}


def test_doi_url_is_reported_at_the_value(run_rule):
    [p] = run_rule("doi-format", work("https://doi.org/10.1145/3442188.3445922"), full=True)
    assert (p.line, p.column) == (4, 6) and "bare DOI" in p.message


def test_not_a_doi(run_rule):
    assert run_rule("doi-format", work("3442188.3445922")) == [
        ("works/smith2020example.yaml", 4, 6)]


def test_bare_doi_passes(run_rule):
    assert run_rule("doi-format", work("10.1145/3442188.3445922")) == []
