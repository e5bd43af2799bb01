"""The one runtime type of a loaded entry: a frozen, slotted record per model.

pydantic validates input at the edge (``loader``); after that the whole program
sees records: immutable named tuples with the models' fields in the models'
order, nested models as records, lists as tuples, mappings as dicts.

The record classes are derived from the models' *shape* (field names, and which
fields hold nested models), not written by hand: adding a field to a model adds
it to the record.  The shape travels inside the cache, so that a warm run builds
records without importing pydantic; ``fingerprint()`` (a hash of the models'
source) keys the cache, so a changed schema is a cache miss, never a stale record.
"""

from __future__ import annotations

import hashlib
from collections import namedtuple
from operator import itemgetter
from pathlib import Path
from typing import Any, Optional

# A shape: model name -> ((field, how, nested model name or None), ...), where ``how`` is
# "value" (a scalar or a list of scalars), "one" (a nested model or None), "many" (a list
# of nested models) or "map" (a mapping of scalars).
Shape = dict[str, tuple[tuple[str, str, Optional[str]], ...]]

_SCALARS = frozenset((str, int, float, bool, type(None)))


def fingerprint() -> str:
    """A hash of the schema's source (``models.py``), read without importing pydantic."""
    source = Path(__file__).with_name("models.py").read_bytes()
    return hashlib.sha256(source).hexdigest()[:16]


def shape_of_models() -> Shape:
    """The shape of every model in ``goalmap.models`` (imports pydantic)."""
    import typing

    from pydantic import BaseModel

    from goalmap import models

    def nested(annotation: Any) -> tuple[str, Optional[str]]:
        origin = typing.get_origin(annotation)
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if isinstance(annotation, type) and issubclass(annotation, BaseModel):
            return "one", annotation.__name__
        if origin is list and args and isinstance(args[0], type) and issubclass(args[0],
                                                                                BaseModel):
            return "many", args[0].__name__
        if origin is dict:
            return "map", None
        if origin in (typing.Union, getattr(__import__("types"), "UnionType", None)):
            for arg in args:
                how, name = nested(arg)
                if how != "value":
                    return how, name
        return "value", None

    out: Shape = {}
    for name in dir(models):
        cls = getattr(models, name)
        if (isinstance(cls, type) and issubclass(cls, BaseModel) and cls.__module__ ==
                models.__name__ and cls.model_fields):
            out[name] = tuple((field, *nested(info.annotation))
                              for field, info in cls.model_fields.items())
    return dict(sorted(out.items()))


class Records:
    """The record classes of one shape, and conversions to and from plain data."""

    def __init__(self, shape: Shape):
        self.shape = shape
        self.classes: dict[str, type] = {
            name: _record_class(name, [f for f, _, _ in fields])
            for name, fields in shape.items()}
        # Per model: the positions of its scalar fields, and its other fields with how
        # to build them, so that ``from_plain`` checks the scalars in one C-level pass.
        self._plan: dict[str, tuple[int, Any, tuple[tuple[int, str, Optional[str]], ...]]] = {}
        for name, fields in shape.items():
            scalar = [i for i, (_, how, _) in enumerate(fields) if how == "value"]
            self._plan[name] = (len(fields), _getter(scalar), tuple(
                (i, how, sub) for i, (_, how, sub) in enumerate(fields) if how != "value"))

    # ------------------------------------------------------------- building
    def from_model(self, model: Any) -> Any:
        """The record of a validated pydantic model."""
        name = type(model).__name__
        values = []
        for field, how, _ in self.shape[name]:
            v = getattr(model, field)
            if how == "value":
                v = tuple(v) if isinstance(v, list) else v
            elif how == "one":
                v = None if v is None else self.from_model(v)
            elif how == "many":
                v = tuple(self.from_model(x) for x in v)
            else:
                v = dict(v)
            values.append(v)
        return self.classes[name](*values)

    def from_plain(self, name: str, plain: Any) -> Any:
        """The record of plain data (``to_plain``'s output); ValueError on any other shape.

        Every value is checked, so damaged or crafted data is refused, never half-used.
        """
        size, scalars, others = self._plan[name]
        if type(plain) is not tuple or len(plain) != size:
            raise ValueError(f"a {name} record has {size} fields")
        # A scalar field holds a scalar or a tuple of scalars.
        kinds = set(map(type, scalars(plain)))
        if tuple in kinds:
            kinds.discard(tuple)
            for v in scalars(plain):
                if type(v) is tuple and not _SCALARS.issuperset(map(type, v)):
                    raise ValueError(f"a {name} record holds a non-scalar in a list")
        if not _SCALARS.issuperset(kinds):
            raise ValueError(f"a {name} record holds a {kinds - _SCALARS} value")
        if not others:
            return self.classes[name]._make(plain)
        values = list(plain)
        for i, how, sub in others:
            v = values[i]
            if how == "one":
                values[i] = None if v is None else self.from_plain(sub, v)
            elif how == "many":
                if type(v) is not tuple:
                    raise ValueError(f"{name}.{self.shape[name][i][0]} is not a list")
                values[i] = tuple([self.from_plain(sub, x) for x in v])
            elif type(v) is not dict or not all(type(k) is str for k in v) or not \
                    _SCALARS.issuperset(map(type, v.values())):
                raise ValueError(f"{name}.{self.shape[name][i][0]} is not a mapping of scalars")
        return self.classes[name]._make(values)


def _getter(positions: list[int]) -> Any:
    """A function returning the values at ``positions`` of a tuple, as a tuple."""
    if not positions:
        return lambda plain: ()
    if len(positions) == 1:
        i = positions[0]
        return lambda plain: (plain[i],)
    return itemgetter(*positions)


def _record_class(name: str, fields: list[str]) -> type:
    base = namedtuple(name, fields)  # type: ignore[misc]  # noqa: PYI024

    def __repr__(self: Any) -> str:
        shown = ", ".join(f"{f}={v!r}" for f, v in zip(self._fields, self)
                          if v not in (None, (), {}))
        return f"{name}({shown})"

    return type(name, (base,), {"__slots__": (), "__repr__": __repr__,
                                "__module__": __name__})


def to_plain(record: Any) -> Any:
    """Nested built-in tuples (and dicts) holding a record's values, for the cache."""
    if isinstance(record, tuple):
        return tuple(to_plain(v) for v in record)
    return record


def as_dict(entry: Any) -> dict:
    """A record's fields as plain JSON-safe data (nested records as dicts, tuples as lists)."""
    return {f: _data(v) for f, v in zip(entry._fields, entry)}


def _data(value: Any) -> Any:
    if hasattr(value, "_fields"):
        return as_dict(value)
    if isinstance(value, tuple):
        return [_data(v) for v in value]
    return value


_current: Optional[Records] = None


def current() -> Records:
    """The records of the installed models (imports pydantic once)."""
    global _current
    if _current is None:
        _current = Records(shape_of_models())
    return _current


def adopt(shape: Shape) -> Records:
    """The records of a shape read from the cache (no pydantic); kept for this process."""
    global _current
    # Called once per cached file with the same shape object: compare contents only when
    # it is another object.
    if _current is None or (_current.shape is not shape and _current.shape != shape):
        _current = Records(shape)
    return _current
