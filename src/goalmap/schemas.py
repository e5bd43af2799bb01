"""JSON Schema of each file kind, generated from the pydantic models (for editors and CI).

A taxonomy file holds one entry (a mapping) or a list of entries, so each
schema accepts either. Ids carry their kind's id rule as a ``pattern``
(``goalmap.kinds``). The committed copies live in ``docs/schema/<kind>.json``
(``goalmap schema --out docs/schema``; a test fails when they drift), and
``add``/``new`` write a ``# yaml-language-server: $schema=...`` line naming
them, so VS Code and other editors complete and validate fields.
"""

from __future__ import annotations

import json
from typing import Any

from goalmap.errors import UsageError
from goalmap.kinds import BY_NAME, FILE_KINDS, Kind

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _id_pattern(kind: Kind) -> str:
    return kind.id_rule.pattern


def schema_of(kind: Kind) -> dict[str, Any]:
    """The JSON Schema of a file of ``kind``."""
    model = kind.model_class()
    body = model.model_json_schema(ref_template="#/$defs/{model}")
    defs = body.pop("$defs", {})
    body["properties"]["id"]["pattern"] = _id_pattern(kind)
    if kind.name == "scheme":  # categories live inside scheme files
        defs["Category"]["properties"]["id"]["pattern"] = _id_pattern(BY_NAME["category"])
    defs[model.__name__] = body
    ref = {"$ref": f"#/$defs/{model.__name__}"}
    return {
        "$schema": DRAFT,
        "title": f"goalmap {kind.label} file ({kind.folder}/*.yaml)",
        "description": f"One {kind.label} entry, or a list of them. Generated from "
                       f"goalmap.models.{model.__name__}; do not edit by hand.",
        "anyOf": [ref, {"type": "array", "items": ref}],
        "$defs": dict(sorted(defs.items())),
    }


def dumps(kind: Kind) -> str:
    return json.dumps(schema_of(kind), indent=2, ensure_ascii=False) + "\n"


def file_kind(name: str) -> Kind:
    """A file kind by name (``work``) or folder (``works``); UsageError for any other."""
    for kind in FILE_KINDS:
        if name in (kind.name, kind.folder):
            return kind
    raise UsageError(f"no file kind named '{name}'",
                     hint="choose one of: " + ", ".join(k.name for k in FILE_KINDS))
