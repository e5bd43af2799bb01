"""A file that is not valid YAML, or uses YAML features goalmap refuses.

**What.** Reports YAML syntax errors (a bad indent, an unclosed quote, a tab),
tags such as ``!!python/object``, merge keys (``<<``) and files that cannot be
read as UTF-8.

**Why.** A file that does not parse contributes nothing: its entries silently
vanish from every view and export.  The error is reported where the parser
stopped, and linting goes on with the other files.

Failing example (``works/smith2020example.yaml``)::

    id: smith2020example
    title: "An unclosed quote
    year: 2020

Passing example::

    id: smith2020example
    title: "A closed quote"
    year: 2020
"""

from __future__ import annotations

ID = "yaml-syntax"
LEVEL = "error"
OPTIONS: dict = {}


def check(ctx):
    yield from ctx.read_problems(ID)
