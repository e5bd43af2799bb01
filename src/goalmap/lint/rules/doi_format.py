"""A DOI that is not a bare ``10.NNNN/suffix``.

**What.** A DOI starts with ``10.``, a registrant code of four to nine digits,
a slash and a suffix without spaces.  Write it bare: not as a
``https://doi.org/`` URL and without a ``doi:`` prefix.

**Why.** DOIs are matched exactly to find duplicates and to build links; a
URL or a prefix in the field defeats both.

Failing example (``works/smith2020example.yaml``)::

    id: smith2020example
    title: Example
    year: 2020
    doi: https://doi.org/10.1145/3442188.3445922

Passing example::

    id: smith2020example
    title: Example
    year: 2020
    doi: 10.1145/3442188.3445922
"""

from __future__ import annotations

from goalmap.ids import doi_problem

ID = "doi-format"
LEVEL = "error"
OPTIONS: dict = {}


def check(ctx):
    for _, work_id, work in ctx.entries("work"):
        why = doi_problem(work.doi) if work.doi is not None else None
        if why:
            yield ctx.at(work_id, ("doi",), f"'{work.doi}' is not a DOI: {why}")
