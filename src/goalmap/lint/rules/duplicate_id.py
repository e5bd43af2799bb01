"""Two entries with the same id.

**What.** Every id (works, resources, categories, levels, tables, algorithms,
challenges) must be unique across the whole knowledge base.  A clash is
reported at every place the id is given, naming the other files, so that
pre-commit's changed-files mode shows it whichever file came first.

**Why.** References name entries by id; with two entries behind one id, one
of them is unreachable and references may point at the wrong one.

The failing example assumes a work ``ouyang2022training`` is already recorded.

Failing example (``resources/instructgpt.yaml``)::

    id: ouyang2022training
    name: InstructGPT
    kind: model

Passing example::

    id: instructgpt
    name: InstructGPT
    kind: model
    introduced_by: [ouyang2022training]
"""

from __future__ import annotations

ID = "duplicate-id"
LEVEL = "error"
OPTIONS: dict = {}


def check(ctx):
    places: dict[str, list[tuple[str, tuple]]] = {}
    for rel, info in ctx.files.items():
        for prefix, entry in info.entries:
            places.setdefault(entry.id, []).append((rel, prefix + ("id",)))
            for i, cat in enumerate(getattr(entry, "categories", ())):
                places.setdefault(cat.id, []).append((rel, prefix + ("categories", i, "id")))
    for entry_id in sorted(places):
        where = places[entry_id]
        if len(where) < 2:
            continue
        for rel, path in where:
            others = sorted({f for f, p in where if (f, p) != (rel, path)})
            yield ctx.at_file(rel, path, f"the id '{entry_id}' is also used in "
                              f"{', '.join(others)}", hint="ids must be unique across "
                              "the knowledge base")
