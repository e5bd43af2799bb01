"""A tree whose ``parent`` links go round in a circle, or too deep.

**What.** Follows ``parent`` in the categories of each scheme, in the goal
levels and in the algorithms, and reports every cycle once, at the ``parent``
of its smallest id, with the whole chain; and each branch deeper than 64
levels, at the first entry past the limit.

**Why.** A category that is its own ancestor has no place in the tree:
``goalmap show`` cannot print it and exports would loop.  A chain of
thousands of categories (a hostile file can hold one) would exhaust the stack
of every command that walks the tree; the survey's own tree is 5 levels deep.

Failing example (``schemes/mini.yaml``)::

    id: mini
    name: Mini
    categories:
      - id: mini-a
        label: A
        parent: mini-b
      - id: mini-b
        label: B
        parent: mini-a

Passing example::

    id: mini
    name: Mini
    categories:
      - id: mini-a
        label: A
      - id: mini-b
        label: B
        parent: mini-a
"""

from __future__ import annotations

from goalmap.integrity import cycle_problems, depth_problems

ID = "category-cycle"
LEVEL = "error"
OPTIONS: dict = {}


def check(ctx):
    yield from cycle_problems(ctx.kb)
    yield from depth_problems(ctx.kb)
