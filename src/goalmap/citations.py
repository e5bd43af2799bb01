"""How a work is cited: ``Surname et al., Year`` and ``Label (Surname et al., Year)``.

The one place that renders citation keys; ``show``, the views and every exporter call it.
"""

from __future__ import annotations

import re
from typing import Any, Optional

_PARTICLES = {"van", "von", "de", "der", "den", "del", "da", "di", "le", "la", "du"}


def surname(name: str) -> str:
    """The family name of ``name`` (``"Stephen H Bach"`` -> ``"Bach"``; keeps "van" etc.)."""
    if "," in name:
        return name.split(",")[0].strip()
    parts = name.split()
    if not parts:
        return name
    i = len(parts) - 1
    while i > 0 and parts[i - 1].lower() in _PARTICLES:
        i -= 1
    return " ".join(parts[i:])


def cite_text(work: Any) -> str:
    """``Surname et al., Year`` without the letter an edition adds (see ``cite_key``)."""
    if work.authors:
        surnames = [surname(a) for a in work.authors]
        if len(surnames) == 1 and not work.et_al:
            who = surnames[0]
        elif len(surnames) == 2 and not work.et_al:
            who = f"{surnames[0]} and {surnames[1]}"
        else:
            who = f"{surnames[0]} et al."
    else:
        who = work.organization or work.title.split(":")[0]
    return f"{who}, {work.year}"


def cite_key(kb: Any, work_id: str, scheme_id: Optional[str] = None) -> str:
    """The key a work is cited by in ``scheme_id`` (``Bai et al., 2022a``); None: the default.

    Every renderer calls this, never ``cite_text`` directly, so that the letter an
    edition prints reaches every output.
    """
    letter = letters(kb, scheme_id).get(work_id, "")
    return cite_text(kb.works[work_id]) + letter


def _letter_names():
    """a, b, ..., z, aa, ab, ...: as many letters as a group needs."""
    import itertools
    import string

    for size in itertools.count(1):
        for combo in itertools.product(string.ascii_lowercase, repeat=size):
            yield "".join(combo)


def letters(kb: Any, scheme_id: Optional[str] = None) -> dict[str, str]:
    """Work id -> the letter after its year in ``scheme_id``'s citations.

    A letter the edition prints (the scheme's ``letters``) is kept.  Every other
    work whose ``Surname et al., Year`` it shares with another work of the
    knowledge base gets the first letter still free, in the order of their
    titles (as APA orders them), so no two works ever render the same key.
    """
    if scheme_id is None or scheme_id not in kb.schemes:
        scheme_id = kb.default_scheme()
    key = ("letters", scheme_id)
    built = kb._index.get(key)
    if built is not None:
        return built
    printed = kb.schemes[scheme_id].letters if scheme_id in kb.schemes else {}
    groups: dict[str, list[str]] = {}
    for wid, work in kb.works.items():
        groups.setdefault(cite_text(work), []).append(wid)
    built = {}
    for ids in groups.values():
        given = {w: printed[w] for w in ids if w in printed}
        built.update(given)
        if len(ids) == 1:
            continue
        free = (name for name in _letter_names() if name not in given.values())
        for w in sorted((w for w in ids if w not in given),
                        key=lambda w: (kb.works[w].title.casefold(), w)):
            built[w] = next(free)
    kb._index[key] = built
    return built


_YEAR_LETTER = re.compile(r"(\d{4})[a-z]\b")


def label_is_key(kb: Any, cit: Any, scheme_id: Optional[str] = None) -> bool:
    """True when the label already is the citation of its works (``Askell et al., 2021``,
    ``Touvron et al., 2023a``), as the survey's running text labels what it cites by
    author and year: then the label is not followed by the same text again."""
    works = [w for w in cit.works if w in kb.works]
    if not works:
        return False
    keys = "; ".join(cite_key(kb, w, scheme_id) for w in works)
    label = " ".join(cit.label.split())
    return label == keys or _YEAR_LETTER.sub(r"\1", label) == _YEAR_LETTER.sub(r"\1", keys)


def citation_label(kb: Any, cit: Any, scheme_id: Optional[str] = None) -> str:
    """``Label (Surname et al., Year; ...)``, as Figure 2 prints a citation; the label
    alone when it already is that citation (see ``label_is_key``)."""
    works = [w for w in cit.works if w in kb.works]
    if not works or label_is_key(kb, cit, scheme_id):
        return cit.label
    return f"{cit.label} (" + "; ".join(cite_key(kb, w, scheme_id) for w in works) + ")"
