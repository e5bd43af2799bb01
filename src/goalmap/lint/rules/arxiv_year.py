"""A year earlier than the year in the work's arXiv id.

**What.** An arXiv id starts with the year and month it was submitted
(``2210.11416`` is October 2022); a work cannot be published before its
preprint appeared, so a ``year`` before that is reported.

**Why.** The authors' list cites "Scaling instruction-finetuned language
models" (2210.11416) as 2021: copied years are often wrong, and the arXiv id
is the evidence.

Failing example (``works/chung2022scaling.yaml``)::

    id: chung2022scaling
    title: Scaling instruction-finetuned language models
    year: 2021
    arxiv: "2210.11416"

Passing example::

    id: chung2022scaling
    title: Scaling instruction-finetuned language models
    year: 2022
    arxiv: "2210.11416"
"""

from __future__ import annotations

from goalmap.ids import arxiv_year

ID = "arxiv-year"
LEVEL = "error"
OPTIONS: dict = {}


def check(ctx):
    for _, work_id, work in ctx.entries("work"):
        year = arxiv_year(work.arxiv) if work.arxiv else None
        if year is not None and work.year < year:
            yield ctx.at(work_id, ("year",),
                         f"the year {work.year} is before the arXiv id {work.arxiv} "
                         f"({year})", hint=f"the year is probably {year} or later")
