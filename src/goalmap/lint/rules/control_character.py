r"""A control character, bidi override or lone surrogate in a text field.

**What.** Reports every text value (and mapping key) of every entry that holds
a character from ``goalmap.textsafe.UNSAFE``: a C0 control other than tab and
newline (``\e``, ``\a``, ``\0``, ``\r``...), DEL, a C1 control (``\x85``,
the 8-bit CSI ``\x9b``), a line or paragraph separator, a bidirectional
embedding, override or isolate (U+202A-U+202E, U+2066-U+2069), or the
noncharacters U+FFFE and U+FFFF.  YAML's double-quoted escapes are how they get
in; the message names the character and where in the value it is.

**Why.** None of them belongs in a title or a name.  Printed raw they rewrite
a reviewer's terminal (set its title, clear the screen) or reorder how a line
reads; exported, they break formats that cannot hold them (XML 1.0 forbids
most of C0, Graphviz refuses them).  goalmap's outputs neutralise them
(``textsafe``), but the data should not carry them at all.

Failing example (``works/bai2022constitutional.yaml``)::

    id: bai2022constitutional
    title: "Constitutional AI\e]0;owned\a: Harmlessness from AI Feedback"
    year: 2022

Passing example::

    id: bai2022constitutional
    title: "Constitutional AI: Harmlessness from AI Feedback"
    year: 2022
"""

from __future__ import annotations

from typing import Any, Iterator

from goalmap.records import as_dict
from goalmap.textsafe import describe, first_unsafe

ID = "control-character"
LEVEL = "error"
OPTIONS: dict = {}


def strings(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, str, bool]]:
    """(field path, text, is a key) of every string inside ``value``."""
    if isinstance(value, str):
        yield path, value, False
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield path + (key,), key, True
            yield from strings(item, path + (key,))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from strings(item, path + (i,))


def texts(value: Any, out: list[str]) -> None:
    """Append every string inside a record (its values and mapping keys) to ``out``."""
    if type(value) is str:
        out.append(value)
    elif isinstance(value, tuple):  # a record, or a list of values or records
        for item in value:
            if item is not None and type(item) not in (int, bool, float):
                texts(item, out)
    elif type(value) is dict:
        for key, item in value.items():
            texts(key, out)
            texts(item, out)


def check(ctx):
    for kind, entry_id, entry in ctx.entries():
        # Most entries are clean: one search over all their strings clears them, and only
        # an entry that holds an unsafe character is walked again to say where.
        found_texts: list[str] = []
        for field, value in zip(entry._fields, entry):
            if not (kind == "scheme" and field == "categories"):
                texts(value, found_texts)
        if not first_unsafe("\n".join(found_texts)):
            continue
        data = as_dict(entry)
        if kind == "scheme":  # its categories are entries of their own, checked once there
            data = {k: v for k, v in data.items() if k != "categories"}
        for path, text, key in strings(data):
            found = first_unsafe(text)
            if found:
                what = "key" if key else "text"
                yield ctx.at(entry_id, path,
                             f"the {what} holds the control character "
                             f"{describe(found.group())} at position {found.start() + 1}",
                             key=key, hint="remove it; in YAML, look for a \\e, \\x or \\u escape")
