"""How a work is cited: ``Surname et al., Year`` and ``Label (Surname et al., Year)``.

The one place that renders citation keys; ``show``, the views and every exporter call it.
"""

from __future__ import annotations

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
    """``Surname et al., Year`` as the survey prints a citation (no letter suffix)."""
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
    """The key a work is cited by in ``scheme_id`` (``Bai et al., 2022a``).

    Every renderer calls this, never ``cite_text`` directly, so that the letter an
    edition prints reaches every output.
    """
    return cite_text(kb.works[work_id])


def citation_label(kb: Any, cit: Any, scheme_id: Optional[str] = None) -> str:
    """``Label (Surname et al., Year; ...)``, as Figure 2 prints a citation."""
    works = [w for w in cit.works if w in kb.works]
    if not works:
        return cit.label
    return f"{cit.label} (" + "; ".join(cite_key(kb, w, scheme_id) for w in works) + ")"
