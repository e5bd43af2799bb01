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

import re

ID = "arxiv-format"
LEVEL = "error"
OPTIONS: dict = {}

NEW = re.compile(r"^(\d\d)(\d\d)\.(\d{4,5})(v\d+)?$")
OLD = re.compile(r"^[a-z-]+(\.[A-Z]{2})?/(\d\d)(\d\d)\d{3}(v\d+)?$")


def problem_with(arxiv: str) -> str | None:
    """Why ``arxiv`` is not a valid arXiv id, or None when it is."""
    match = NEW.match(arxiv)
    if match:
        yy, mm, number = int(match.group(1)), int(match.group(2)), match.group(3)
        if not 1 <= mm <= 12:
            return f"month {match.group(2)} does not exist"
        if (yy, mm) < (7, 4):
            return "new-style ids start in April 2007 (0704)"
        if yy >= 15 and len(number) != 5:
            return "ids from 2015 on have five digits after the dot"
        if yy < 15 and len(number) != 4:
            return "ids before 2015 have four digits after the dot"
        return None
    match = OLD.match(arxiv)
    if match:
        return None if 1 <= int(match.group(3)) <= 12 else f"month {match.group(3)} does not exist"
    if re.match(r"(?i)^\s*arxiv:", arxiv) or "arxiv.org" in arxiv:
        return "write only the id (2203.02155), without 'arXiv:' or a URL"
    return "expected YYMM.NNNNN (optionally vN) or archive/YYMMNNN"


def check(ctx):
    for _, work_id, work in ctx.entries("work"):
        if work.arxiv is None:
            continue
        why = problem_with(work.arxiv)
        if why:
            yield ctx.at(work_id, ("arxiv",), f"'{work.arxiv}' is not an arXiv id: {why}")
