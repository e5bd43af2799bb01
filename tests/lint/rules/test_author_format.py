import pytest


def work(authors: str, work_id: str = "touvron2023llama") -> dict:
    return {f"works/{work_id}.yaml": f'''
        id: {work_id}
        title: "LLaMA: Open and Efficient Foundation Language Models"
        year: 2023
        authors: {authors}
    '''}


def test_run_together_et_and_et_al_author_are_reported_at_each_name(run_rule):
    problems = run_rule("author-format", work("[Hugo Touvronet, et al.]"), full=True)
    assert [(p.line, p.column) for p in problems] == [(4, 11), (4, 27)]
    assert "runs 'et'" in problems[0].message and "et_al: true" in problems[1].message


@pytest.mark.parametrize("authors", ['["Touvron, Hugo", Thibaut Lavril]',
                                     "[hugo touvron, Thibaut Lavril]",
                                     "[Hugo Touvron and Thibaut Lavril, Gautier Izacard]",
                                     "[Touvron, Thibaut Lavril, Gautier Izacard]"])
def test_inconsistent_forms(run_rule, authors):
    assert run_rule("author-format", work(authors)) != []


def test_real_surnames_ending_in_et_pass(run_rule):
    assert run_rule("author-format", work("[Hugo Touvron, Xavier Martinet, Vineet Kosaraju]")) == []


def test_first_last_passes(run_rule):
    assert run_rule("author-format", work("[Hugo Touvron, Thibaut Lavril, Nat McAleese]")) == []
