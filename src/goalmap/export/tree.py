"""Small text helpers the tree exporters (markdown, dot, mermaid) share.

What a tree export draws comes from ``goalmap.query.select`` and ``query.walk``.
"""

from __future__ import annotations

from typing import Any, Optional

from goalmap.citations import citation_label as _citation_label
from goalmap.textsafe import document


def one_line(text: str) -> str:
    """Collapse newlines and runs of white space: labels are drawn on one line.  Control
    characters, which none of these formats can hold, become U+FFFD (``textsafe.document``)."""
    return " ".join(document(text).split())


def citation_label(kb: Any, cit: Any, scheme: Optional[str] = None) -> str:
    """``Label (Surname et al., Year; ...)``, as Figure 2 prints a citation, on one line."""
    return one_line(_citation_label(kb, cit, scheme))
