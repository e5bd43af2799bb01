"""An author written in a form the others are not, or not an author at all.

**What.** Each entry of ``authors`` is one person as ``First Last``:
- never "et al." or "others" (set ``et_al: true`` instead);
- never two people in one string ("A and B");
- no "Last, First" inversion, no all-lower-case or all-upper-case name, no
  stray spaces, no bare surname among full names;
- no "et" run into the first author's surname (``Touvronet`` for
  "Touvron et al."), which is how copied citations often arrive.

**Why.** Authors feed ``Surname et al., Year`` citations, search and the
BibTeX export; one malformed name prints a wrong citation everywhere.

Failing example (``works/touvron2023llama.yaml``)::

    id: touvron2023llama
    title: "LLaMA: Open and Efficient Foundation Language Models"
    year: 2023
    authors: [Hugo Touvronet, et al.]

Passing example::

    id: touvron2023llama
    title: "LLaMA: Open and Efficient Foundation Language Models"
    year: 2023
    authors: [Hugo Touvron, Thibaut Lavril]
    et_al: true
"""

from __future__ import annotations

import re

from goalmap.citations import surname
from goalmap.kb import norm

ID = "author-format"
LEVEL = "error"
OPTIONS: dict = {}

_ET_AL = re.compile(r"(?i)(^|\s)(et\.?\s*al\.?|others|and others)$")


def problem_with(name: str, i: int, work_id: str, full_names: bool) -> str | None:
    if _ET_AL.search(name):
        return f"'{name}' is not an author: set 'et_al: true' instead"
    if name != name.strip() or "  " in name:
        return f"'{name}' has stray spaces"
    if re.search(r"\s(and|&)\s", name) or ";" in name:
        return f"'{name}' holds more than one person: give each as its own item"
    if "," in name:
        return f"'{name}' is written 'Last, First': write 'First Last'"
    letters = [c for c in name if c.isalpha()]
    if letters and (name == name.lower() or (name == name.upper() and len(letters) > 3)):
        return f"'{name}' is not capitalised as a name"
    if full_names and len(name.split()) == 1:
        return f"'{name}' is a bare surname among full names: give the full name"
    if i == 0:
        prefix = re.match(r"^([a-z]+)\d{4}", work_id)
        last = norm(surname(name))
        if prefix and last != prefix.group(1) and last in (prefix.group(1) + "et",
                                                           prefix.group(1) + "etal"):
            return (f"'{name}' runs 'et' into the surname ('{surname(name)}' for "
                    f"'{surname(name)[:len(prefix.group(1))]} et al.')")
    return None


def check(ctx):
    for _, work_id, work in ctx.entries("work"):
        full = sum(len(a.split()) > 1 for a in work.authors) > len(work.authors) / 2
        for i, name in enumerate(work.authors):
            why = problem_with(name, i, work_id, full)
            if why:
                yield ctx.at(work_id, ("authors", i), why)
