"""The schema's vocabularies that code outside the models reads: plain tuples, no pydantic.

``models`` builds its ``Literal`` types from these, so ``list datasets`` and
``--kind benchmark`` know the resource kinds without importing the models.
"""

from __future__ import annotations

# What a resource may be (a resource's ``kind``).
RESOURCE_KINDS: tuple[str, ...] = (
    "dataset", "benchmark", "model", "method", "framework", "value-theory", "principles",
    "survey", "classifier", "corpus",
)
