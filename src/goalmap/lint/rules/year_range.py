"""A year outside the plausible range.

**What.** The ``year`` of a work or resource must lie between ``min``
(default 1900) and ``max`` (default: next year).

**Why.** A year such as 20223 or 202 is a typo that sorts the work into the
wrong place and breaks ``Surname et al., Year`` citations.

Failing example (``works/smith2020example.yaml``)::

    id: smith2020example
    title: Example
    year: 20202

Passing example::

    id: smith2020example
    title: Example
    year: 2020
"""

from __future__ import annotations

import datetime

from goalmap.lint.problem import Option

ID = "year-range"
LEVEL = "error"
OPTIONS: dict = {"min": Option("int", 1900), "max": Option("int", None, nullable=True)}


def check(ctx):
    low = ctx.options["min"]
    high = ctx.options["max"] or datetime.date.today().year + 1
    for _, entry_id, entry in ctx.entries("work", "resource"):
        year = entry.year
        if year is not None and not low <= year <= high:
            yield ctx.at(entry_id, ("year",), f"the year {year} is outside {low}-{high}")
