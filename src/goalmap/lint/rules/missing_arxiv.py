"""A work without an arXiv id.

**What.** Lists each work whose ``arxiv`` is empty, at its id.  This is
information, not an error: books, surveys of the public and web pages have
none, and an id is left empty rather than guessed.

**Why.** The arXiv id anchors duplicate detection and the arxiv-year check;
listing works without one keeps the unknown ones visible so that someone can
look them up.

Failing example (``works/smith2020example.yaml``)::

    id: smith2020example
    title: Example
    year: 2020

Passing example::

    id: smith2020example
    title: Example
    year: 2020
    arxiv: "2001.01234"
"""

from __future__ import annotations

ID = "missing-arxiv"
LEVEL = "info"
OPTIONS: dict = {}


def check(ctx):
    for _, work_id, work in ctx.entries("work"):
        if not work.arxiv:
            yield ctx.at(work_id, ("id",), f"the work '{work_id}' has no arXiv id")
