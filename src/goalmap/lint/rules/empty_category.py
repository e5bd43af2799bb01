"""A leaf category with no citations.

**What.** A category that has no sub-categories in its scheme and no
``citations`` is reported at its id.

**Why.** The leaves of the taxonomy tree are where works are filed; an empty
leaf is a branch whose citations were never written, or lost in an edit.
Inner categories may be empty: their children carry the citations.

Failing example (``schemes/mini.yaml``)::

    id: mini
    name: Mini
    categories:
      - id: mini-values
        label: Values

Passing example::

    id: mini
    name: Mini
    categories:
      - id: mini-values
        label: Values
        citations:
          - label: Delphi
            works: [jiang2021delphi]
"""

from __future__ import annotations

ID = "empty-category"
LEVEL = "warning"
OPTIONS: dict = {}


def check(ctx):
    kb = ctx.kb
    parents = {(kb.category_scheme.get(c), cat.parent) for c, cat in kb.categories.items()}
    for _, cat_id, cat in ctx.entries("category"):
        if cat.citations or (kb.category_scheme.get(cat_id), cat_id) in parents:
            continue
        yield ctx.at(cat_id, ("id",),
                     f"the category '{cat_id}' has no sub-categories and no citations")
