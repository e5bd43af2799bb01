"""A scheme's year letters that name no work, or give two works one key.

**What.** A scheme's ``letters`` records the letter its edition prints after
a work's year (``Bai et al., 2022b``).  Each key must be a work id, and two
works that share ``Surname et al., Year`` must not be given the same letter
in one scheme.  Reported at the offending key.

**Why.** ``goalmap`` renders every citation with these letters, and promises
that no output names two works alike; a misspelt work id would silently drop
the edition's letter, a repeated letter would print one key for two papers.

Failing example (``schemes/lettered.yaml``, a letter for a work that does not exist)::

    id: lettered
    name: A lettered edition
    letters:
      bai2022constitutional: b
      nobody2020missing: a
    categories: []

Passing example::

    id: lettered
    name: A lettered edition
    letters:
      bai2022constitutional: b
    categories: []
"""

from __future__ import annotations

from goalmap.citations import cite_text

ID = "citation-letters"
LEVEL = "error"
OPTIONS: dict = {}


def check(ctx):
    kb = ctx.kb
    for _, scheme_id, scheme in ctx.entries("scheme"):
        taken: dict[tuple[str, str], str] = {}
        for work_id, letter in scheme.letters.items():
            if work_id not in kb.works:
                close = kb.closest_ids(work_id, ("work",))
                yield ctx.at(scheme_id, ("letters", work_id),
                             f"the letter '{letter}' is given to '{work_id}', which is no work",
                             key=True, hint=f"did you mean: {', '.join(close)}?" if close
                             else "use a work id from works/")
                continue
            key = (cite_text(kb.works[work_id]), letter)
            if key in taken:
                yield ctx.at(scheme_id, ("letters", work_id),
                             f"'{work_id}' and '{taken[key]}' would both be cited as "
                             f"'{key[0]}{letter}'", key=True,
                             hint="check the letters the edition prints")
            else:
                taken[key] = work_id
