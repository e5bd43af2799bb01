"""A work with no summary, or an empty one.

**What.** A work whose ``summary`` is missing, empty or only blanks is
reported at its ``summary`` (or at its id when the key is absent).

**Why.** The summary is what a reader of the knowledge base learns about a
paper without opening it, and it must be written in our own words, never
copied from the abstract. ``goalmap add`` and ``goalmap import bibtex``
therefore write ``summary: ''`` on purpose: this warning is the reminder to
write one before the pull request is merged. It is a warning, not an error,
so a freshly added paper can be placed and linted while its summary is
being written; ``lint --strict`` (which CI can run) makes it block.

Failing example (``works/smith2020example.yaml``)::

    id: smith2020example
    title: Example
    year: 2020
    url: https://example.org/paper.pdf
    summary: ''

Passing example::

    id: smith2020example
    title: Example
    year: 2020
    url: https://example.org/paper.pdf
    summary: Shows, on three benchmarks, that the example method helps.
"""

from __future__ import annotations

ID = "missing-summary"
LEVEL = "warning"
OPTIONS: dict = {}


def check(ctx):
    for _, work_id, work in ctx.entries("work"):
        if work.summary is None:
            yield ctx.at(work_id, ("id",), f"the work '{work_id}' has no summary",
                         hint="add 'summary:' in your own words (what it does, why it "
                         "matters here)")
        elif not work.summary.strip():
            yield ctx.at(work_id, ("summary",), f"the summary of '{work_id}' is empty",
                         hint="write it in your own words; never copy the abstract")
