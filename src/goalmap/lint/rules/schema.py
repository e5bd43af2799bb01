"""An entry that does not fit the schema: wrong type, missing field, unknown key.

**What.** Validates each entry against its folder's model (``works/`` holds
works, ``resources/`` resources, ...).  A missing field is reported at the
entry, an unknown key at the key, a wrong type at the value, with the field
path (``authors[1]``).  A file outside the known folders is reported too.

**Why.** The schema is what every command relies on; a misspelt key
(``auhtors``) would otherwise be dropped, and an unquoted arXiv id such as
``2203.10`` becomes the number 2203.1.

Failing example (``works/smith2020example.yaml``)::

    id: smith2020example
    title: Example
    year: twenty twenty
    auhtors: [Jane Smith]

Passing example::

    id: smith2020example
    title: Example
    year: 2020
    authors: [Jane Smith]
"""

from __future__ import annotations

ID = "schema"
LEVEL = "error"
OPTIONS: dict = {}


def check(ctx):
    yield from ctx.read_problems(ID)
