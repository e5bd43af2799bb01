"""A work without an arXiv id that nobody has accounted for.

**What.** Lists each work whose ``arxiv`` is empty and that gives no
``no_arxiv`` reason, at its id.  This is information, not an error: the id is
left empty rather than guessed.  A work that says why it has none (a book, a
web page, a journal article never posted to arXiv) is not listed, so the list
holds only the works still to be looked up: "none exists" is recorded,
"not yet found" stays visible.

**Why.** The arXiv id anchors duplicate detection and the arxiv-year check;
listing works without one keeps the unknown ones visible so that someone can
look them up.

Failing example (``works/smith2020example.yaml``)::

    id: smith2020example
    title: Example
    year: 2020

Passing example (an id)::

    id: smith2020example
    title: Example
    year: 2020
    arxiv: "2001.01234"

Passing example (no id, and the reason why none exists)::

    id: smith2020example
    type: book
    title: Example
    year: 2020
    no_arxiv: a printed book; not on arXiv
"""

from __future__ import annotations

ID = "missing-arxiv"
LEVEL = "info"
OPTIONS: dict = {}


def check(ctx):
    for _, work_id, work in ctx.entries("work"):
        if not work.arxiv and not work.no_arxiv:
            yield ctx.at(work_id, ("id",), f"the work '{work_id}' has no arXiv id",
                         hint="look it up; if none exists, say why in 'no_arxiv'")
