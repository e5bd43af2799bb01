def work(year: int, arxiv: str = "2210.11416") -> dict:
    return {"works/chung2022scaling.yaml": f'''
        id: chung2022scaling
        title: Scaling instruction-finetuned language models
        year: {year}
        arxiv: "{arxiv}"
    '''}


def test_year_before_the_arxiv_id_is_reported_at_the_year(run_rule):
    [p] = run_rule("arxiv-year", work(2021), full=True)
    assert (p.file, p.line, p.column) == ("works/chung2022scaling.yaml", 3, 7)
    assert "2022" in p.message


def test_old_style_ids_use_their_century(run_rule):
    assert run_rule("arxiv-year", work(1998, "hep-th/9901001")) != []
    assert run_rule("arxiv-year", work(1999, "hep-th/9901001")) == []


def test_same_or_later_year_passes(run_rule):
    assert run_rule("arxiv-year", work(2022)) == []
    assert run_rule("arxiv-year", work(2024)) == []
