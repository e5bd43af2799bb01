"""A work that nothing refers to.

**What.** A work is expected to be cited by a category of some scheme, to
introduce a resource (``introduced_by``), to be something a resource is
``based_on``, a table row's ``ref``, or an example of an algorithm or a
challenge.  A work that none of these name is reported at its id.

**Why.** The knowledge base records the works the survey cites; a work no
entry points to is usually a leftover after an id was renamed, or a new
paper whose citation was forgotten.

Failing example (``works/smith2020example.yaml``, cited nowhere)::

    id: smith2020example
    title: An example nobody cites
    year: 2020

Passing example (``resources/example-bench.yaml``, a resource naming that work)::

    id: example-bench
    name: ExampleBench
    kind: benchmark
    introduced_by: [smith2020example]
"""

from __future__ import annotations

from goalmap.query import references

ID = "orphan-work"
LEVEL = "warning"
OPTIONS: dict = {}


def check(ctx):
    named = {ref.target for ref in references(ctx.kb)}
    for _, work_id, _ in ctx.entries("work"):
        if work_id not in named:
            yield ctx.at(work_id, ("id",),
                         f"the work '{work_id}' is not cited by any category, resource, "
                         "table, algorithm or challenge",
                         hint="cite it from a category or a resource, or remove it")
