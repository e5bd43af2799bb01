"""The same work recorded under two ids.

**What.** Indexes every work by its arXiv id (without version), its DOI (case
folded) and its normalised title (letters and digits only), and reports each
work that shares one of these with another work, at the shared field.

**Why.** Contributors add a paper without noticing it is already there under
another key (``zeng2022glm`` and ``zeng2023glm130b``); citations then split
between the two and counts go wrong.

The failing example assumes ``ouyang2022training`` is recorded with the same arXiv id.

Failing example (``works/ouyang2022instructgpt.yaml``)::

    id: ouyang2022instructgpt
    title: "InstructGPT"
    year: 2022
    arxiv: "2203.02155v1"

The fix is to cite ``ouyang2022training`` and delete the second file.

Passing example (a work of its own)::

    id: ouyang2022instructgpt
    title: "A Different Paper of 2022"
    year: 2022
    arxiv: "2201.01234"
"""

from __future__ import annotations

from goalmap.query import work_keys

ID = "duplicate-work"
LEVEL = "error"
OPTIONS: dict = {}


def check(ctx):
    groups: dict[str, list[tuple[str, tuple, str]]] = {}
    for _, work_id, work in ctx.entries("work"):
        for key, path, what in work_keys(work):
            groups.setdefault(key, []).append((work_id, path, what))
    reported: set[tuple[str, frozenset]] = set()
    for key in sorted(groups):
        members = groups[key]
        if len(members) < 2:
            continue
        ids = [m[0] for m in members]
        for work_id, path, what in members:
            others = [i for i in ids if i != work_id]
            mark = (work_id, frozenset(others))
            if mark in reported:
                continue  # same pair already reported through another key
            reported.add(mark)
            yield ctx.at(work_id, path,
                         f"the same {what} as {', '.join(others)}: one work recorded twice?",
                         hint="keep one id and point every reference at it")
