"""A mapping that gives the same key twice.

**What.** Reports the second (and any later) occurrence of a key in one
mapping, naming the line of the first.

**Why.** YAML loaders keep only the last value, so the first one is lost
without a word; usually one of the two was meant to be a different key.

Failing example (``works/smith2020example.yaml``)::

    id: smith2020example
    title: Example
    year: 2020
    year: 2021

Passing example::

    id: smith2020example
    title: Example
    year: 2020
"""

from __future__ import annotations

ID = "duplicate-key"
LEVEL = "error"
OPTIONS: dict = {}


def check(ctx):
    yield from ctx.read_problems(ID)
