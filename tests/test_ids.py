"""arXiv ids and DOIs as people type them, parsed in one place (goalmap.ids)."""

from __future__ import annotations

import pytest

from goalmap.ids import arxiv_year, doi_problem, parse_arxiv, parse_doi


@pytest.mark.parametrize("text, expected", [
    ("2203.02155", "2203.02155"),
    ("2203.02155v3", "2203.02155"),
    ("arXiv:2203.02155", "2203.02155"),
    ("https://arxiv.org/abs/2203.02155v2", "2203.02155"),
    ("http://arxiv.org/pdf/2203.02155.pdf", "2203.02155"),
    ("arxiv.org/abs/2203.02155#section", "2203.02155"),
    ("cs/0112017", "cs/0112017"),
    ("2203.0215", None),  # four digits after 2015
    ("1313.00001", None),  # month 13
    ("Ouyang et al., 2022", None),
])
def test_parse_arxiv(text, expected):
    assert parse_arxiv(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("10.18653/v1/2021.acl-long.1", "10.18653/v1/2021.acl-long.1"),
    ("https://doi.org/10.1145/3442188.3445922", "10.1145/3442188.3445922"),
    ("doi:10.1145/ABC", "10.1145/abc"),
    ("11.1145/abc", None),
])
def test_parse_doi(text, expected):
    assert parse_doi(text) == expected


def test_years_and_problems():
    assert arxiv_year("2308.12014") == 2023 and arxiv_year("hep-th/9901001") == 1999
    assert doi_problem("https://doi.org/10.1/x") is not None
