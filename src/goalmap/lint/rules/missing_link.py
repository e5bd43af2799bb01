"""A work with no URL at all, and no reason given.

**What.** A work with neither a ``url`` nor any ``links`` is reported at its
id, unless its ``no_url`` says why none exists (a book with no online copy).

**Why.** Readers of the knowledge base want to open the paper; a work
without a link sends them searching, and may be a work nobody checked.

Failing example (``works/smith2020example.yaml``)::

    id: smith2020example
    title: Example
    year: 2020

Passing example (a url)::

    id: smith2020example
    title: Example
    year: 2020
    url: https://example.org/paper.pdf

Passing example (no link, and the reason why none exists)::

    id: smith2020example
    type: book
    title: Example
    year: 2020
    no_url: out of print, no online copy
"""

from __future__ import annotations

ID = "missing-link"
LEVEL = "warning"
OPTIONS: dict = {}


def check(ctx):
    for _, work_id, work in ctx.entries("work"):
        if not work.url and not work.links and not work.no_url:
            yield ctx.at(work_id, ("id",), f"the work '{work_id}' has no url and no links",
                         hint="add one; if none exists, say why in 'no_url'")
