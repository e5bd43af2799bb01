"""An id that does not follow the key conventions, or a file named after another id.

**What.** Work ids are BibTeX-style keys: lower-case ASCII letters, then the
year, then a title word (``ouyang2022training``); the year in the key should
be the work's year.  Every other id is kebab case: lower-case letters, digits
and single hyphens (``super-natinst``).  A file that holds one entry must be
named after its id (``works/ouyang2022training.yaml``).

An id with anything but lower-case letters, digits, ``.``, ``_`` and ``-``
never gets this far: the schema refuses it when the file is read.

**Why.** Ids are typed by hand in references; one predictable form makes
them guessable and keeps them from clashing.  A file named after another id
is how a copy-and-paste of an entry usually shows.

Failing example (``works/ouyang2022training.yaml``)::

    id: ouyang-2022
    title: Training language models to follow instructions with human feedback
    year: 2022

Passing example::

    id: ouyang2022training
    title: Training language models to follow instructions with human feedback
    year: 2022
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

ID = "id-format"
LEVEL = "error"
OPTIONS: dict = {}

WORK_ID = re.compile(r"^[a-z]+(\d{4})[a-z0-9]*$")
KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def check(ctx):
    for kind, entry_id, entry in ctx.entries():
        if kind == "work":
            match = WORK_ID.match(entry_id)
            if not match:
                yield ctx.at(entry_id, ("id",),
                             f"the work id '{entry_id}' is not a BibTeX-style key "
                             "(surname, year, first title word: ouyang2022training)")
            elif int(match.group(1)) != entry.year:
                yield ctx.at(entry_id, ("id",),
                             f"the work id '{entry_id}' says {match.group(1)} but the "
                             f"year is {entry.year}")
        elif not KEBAB.match(entry_id):
            yield ctx.at(entry_id, ("id",),
                         f"the {kind} id '{entry_id}' is not kebab case "
                         "(lower-case letters, digits and single hyphens)")
        origin = ctx.kb.origins[entry_id]
        if kind != "category" and origin.prefix == ():
            stem = PurePosixPath(origin.file).stem
            if stem != entry_id:
                yield ctx.at(entry_id, ("id",),
                             f"the file is named '{stem}' but holds '{entry_id}'",
                             hint=f"rename the file to {entry_id}"
                             f"{PurePosixPath(origin.file).suffix}")
