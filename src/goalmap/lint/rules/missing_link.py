"""A work with no URL at all.

**What.** A work with neither a ``url`` nor any ``links`` is reported at its
id.

**Why.** Readers of the knowledge base want to open the paper; a work
without a link sends them searching, and may be a work nobody checked.

Failing example (``works/smith2020example.yaml``)::

    id: smith2020example
    title: Example
    year: 2020

Passing example::

    id: smith2020example
    title: Example
    year: 2020
    url: https://example.org/paper.pdf
"""

from __future__ import annotations

ID = "missing-link"
LEVEL = "warning"
OPTIONS: dict = {}


def check(ctx):
    for _, work_id, work in ctx.entries("work"):
        if not work.url and not work.links:
            yield ctx.at(work_id, ("id",), f"the work '{work_id}' has no url and no links")
