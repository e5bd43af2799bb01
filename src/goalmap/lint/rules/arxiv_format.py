"""An arXiv id that is not in one of arXiv's two forms.

**What.** New-style ids are ``YYMM.NNNNN`` (five digits from 2015 on, four
digits from April 2007 to 2014) with an optional version ``vN``; old-style ids
are ``archive/YYMMNNN`` (``hep-th/9901001``, ``cs.CL/0102030``).  The month
must be 01-12.  Prefixes (``arXiv:``) and URLs belong elsewhere.

**Why.** The arXiv id is the most reliable key of a preprint: links, the
arxiv-year check and duplicate detection all rely on it being exact.

Failing example (``works/ouyang2022training.yaml``)::

    id: ouyang2022training
    title: Training language models to follow instructions with human feedback
    year: 2022
    arxiv: "arXiv:2203.2155"

Passing example::

    id: ouyang2022training
    title: Training language models to follow instructions with human feedback
    year: 2022
    arxiv: "2203.02155"
"""

from __future__ import annotations


from goalmap.ids import arxiv_problem

ID = "arxiv-format"
LEVEL = "error"
OPTIONS: dict = {}

def problem_with(arxiv: str) -> str | None:
    """Why ``arxiv`` is not a valid arXiv id, or None when it is."""
    return arxiv_problem(arxiv)


def check(ctx):
    for _, work_id, work in ctx.entries("work"):
        if work.arxiv is None:
            continue
        why = problem_with(work.arxiv)
        if why:
            yield ctx.at(work_id, ("arxiv",), f"'{work.arxiv}' is not an arXiv id: {why}")
