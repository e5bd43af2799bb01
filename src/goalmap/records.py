"""Read-only views of cached entries, for commands that only read (``show``, ``search``).

A cached entry is the ``model_dump()`` of a model that was validated when the
cache was written (by this goalmap version; the cache file carries a checksum).
Wrapping it gives the same attribute access as the model without building the
pydantic models, which is most of a warm ``goalmap show``'s own time.
"""

from __future__ import annotations

from typing import Any

# Fields whose value is a mapping in the models (``dict[str, ...]``), not a model:
# they stay dicts.  tests/test_cache.py checks this against the models.
MAPPING_FIELDS = frozenset({"cells"})


class Record:
    """A cached entry read through attributes (``work.title``), wrapped lazily.

    Unknown names raise AttributeError, as on a model.  Nested entries are
    wrapped when they are read, so a command pays only for what it looks at.
    """

    __slots__ = ("_data", "_wrapped")

    def __init__(self, data: dict):
        self._data = data
        self._wrapped: dict[str, Any] = {}

    def __getattr__(self, name: str) -> Any:
        # Wrapped once and kept, so a field reads as the same object every time.
        try:
            return self._wrapped[name]
        except KeyError:
            pass
        try:
            value = self._data[name]
        except KeyError:
            raise AttributeError(name) from None
        if name not in MAPPING_FIELDS:
            value = wrap(value)
        self._wrapped[name] = value
        return value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Record) and other._data == self._data

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Record({self._data!r})"


def wrap(value: Any) -> Any:
    """A dict becomes a Record and a list of dicts a list of Records; the rest is as it is."""
    if type(value) is dict:
        return Record(value)
    if type(value) is list and value and type(value[0]) is dict:
        return [Record(v) for v in value]
    return value


def as_dict(entry: Any) -> dict:
    """An entry's fields as plain JSON-safe data (nested entries as dicts), whatever
    its runtime type; use this, never ``model_dump``, on loaded entries."""
    if isinstance(entry, Record):
        return entry._data
    return entry.model_dump(mode="json")
