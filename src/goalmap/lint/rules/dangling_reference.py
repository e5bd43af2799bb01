"""A reference to an id that does not exist, or to the wrong kind of entry.

**What.** Checks every id an entry names: a citation's ``works`` and
``resources``, ``parent``, ``level``, ``introduced_by``, ``based_on``, a
table row's ``ref``, an algorithm's or challenge's ``works``.  The target must
exist and be of a kind the field allows; close ids are suggested ("did you
mean").  A reference to an entry whose own file failed to load is not
reported twice.

**Why.** A dangling id breaks ``goalmap show``, the graph and every export;
typos in keys are the commonest mistake in contributed entries.

Failing example (``schemes/mini.yaml``)::

    id: mini
    name: Mini
    categories:
      - id: mini-values
        label: Values
        citations:
          - label: InstructGPT
            works: [ouyang2022trainng]

Passing example::

    id: mini
    name: Mini
    categories:
      - id: mini-values
        label: Values
        citations:
          - label: InstructGPT
            works: [ouyang2022training]
"""

from __future__ import annotations

from goalmap.integrity import dangling_problems

ID = "dangling-reference"
LEVEL = "error"
OPTIONS: dict = {}


def check(ctx):
    yield from dangling_problems(ctx.kb)
