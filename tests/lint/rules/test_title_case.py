import pytest


def work(title: str) -> dict:
    return {"works/nakano2021webgpt.yaml": f'id: nakano2021webgpt\ntitle: "{title}"\nyear: 2021\n'}


def test_lowercased_acronym_is_reported_at_the_word(run_rule):
    [p] = run_rule("title-case", work(
        "Webgpt: Browser-assisted question-answering with human feedback"), full=True)
    assert (p.line, p.column, p.level) == (2, 9, "warning")
    assert "'WebGPT'" in p.message


def test_model_size_and_acronym_in_one_word(run_rule):
    [p] = run_rule("title-case", work("Glm-130b: An open bilingual pre-trained model"),
                   full=True)
    assert (p.line, p.column) == (2, 9) and "'GLM-130B'" in p.message


@pytest.mark.parametrize("title", [
    "WebGPT: Browser-assisted question-answering with human feedback",
    "Moral Foundations Twitter Corpus: A Collection of 35k Tweets",
    "Albert and Robert go to the Bay",
    "LLaMA 2: Open Foundation and Fine-Tuned Chat Models"])
def test_titles_as_published_pass(run_rule, title):
    assert run_rule("title-case", work(title)) == []
