"""A fact the sources disagree on.

**What.** Lists each resource fact recorded with ``readings`` (one value per
source, none preferred), at the fact, with every value and its source.  This
is information, not an error: the survey contradicts itself there, and the
knowledge base keeps both sides rather than settling it.

**Why.** A reader who quotes such a number should know it is contested.  The
list also shows the disagreements in one place, so that a new edition of the
survey can be checked against them.

Failing example (``resources/example-set.yaml``, listed)::

    id: example-set
    name: ExampleSet
    kind: dataset
    facts:
      - key: tasks
        readings:
          - {value: 170, text: 170 datasets, source: Sec. 2.1}
          - {value: 180, text: "#Tasks 180", source: Table 1}

Passing example (one value and one source, so not listed)::

    id: example-set
    name: ExampleSet
    kind: dataset
    facts:
      - {key: tasks, value: 180, source: Table 1}
"""

from __future__ import annotations

ID = "disputed-fact"
LEVEL = "info"
OPTIONS: dict = {}


def check(ctx):
    for _, res_id, res in ctx.entries("resource"):
        for i, fact in enumerate(res.facts):
            if not fact.readings:
                continue
            values = "; ".join(f"{r.text or r.value} ({r.source})" for r in fact.readings)
            yield ctx.at(res_id, ("facts", i, "key"),
                         f"the sources disagree on '{fact.key}' of '{res_id}': {values}")
