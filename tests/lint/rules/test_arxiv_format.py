import pytest

from goalmap.lint.rules.arxiv_format import problem_with


def work(arxiv: str) -> dict:
    return {"works/ouyang2022x.yaml": f'id: ouyang2022x\ntitle: T\nyear: 2022\narxiv: "{arxiv}"\n'}


def test_prefixed_and_short_id_is_reported_at_the_value(run_rule):
    [p] = run_rule("arxiv-format", work("arXiv:2203.2155"), full=True)
    assert (p.file, p.line, p.column) == ("works/ouyang2022x.yaml", 4, 8)
    assert "without 'arXiv:'" in p.message


@pytest.mark.parametrize("good", ["2203.02155", "2203.02155v3", "1412.6980", "0704.0001",
                                  "hep-th/9901001", "cs.CL/0102030v2", "math.GT/0309136"])
def test_valid_forms(good):
    assert problem_with(good) is None


@pytest.mark.parametrize("bad", ["2213.02155", "2203.2155", "1412.69801", "2203.02155v",
                                 "2203.02155.pdf", "https://arxiv.org/abs/2203.02155",
                                 "hep-th/99010"])
def test_invalid_forms(bad):
    assert problem_with(bad)


def test_valid_id_passes(run_rule):
    assert run_rule("arxiv-format", work("2203.02155v2")) == []
