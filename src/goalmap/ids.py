"""Identifiers people cite papers by: arXiv ids and DOIs, parsed in one place.

Lint checks stored ids with these; lookups (``show 2203.02155``, an arxiv.org URL,
a doi.org URL) and ``goalmap add`` normalise what a user types with them.
"""

from __future__ import annotations

import re
from typing import Optional

ARXIV_NEW = re.compile(r"^(\d\d)(\d\d)\.(\d{4,5})(v\d+)?$")
ARXIV_OLD = re.compile(r"^[a-z-]+(\.[A-Z]{2})?/(\d\d)(\d\d)\d{3}(v\d+)?$")
_ARXIV_WRAPPED = re.compile(
    r"(?i)^\s*(?:arxiv:\s*|(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf)/)"
    r"([^\s?#]+?)(?:\.pdf)?/?(?:[?#].*)?\s*$")
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_DOI_WRAPPED = re.compile(r"(?i)^\s*(?:doi:\s*|(?:https?://)?(?:dx\.)?doi\.org/)(10\.\S+?)\s*$")


def arxiv_problem(arxiv: str) -> Optional[str]:
    """Why ``arxiv`` is not a valid arXiv id, or None when it is."""
    match = ARXIV_NEW.match(arxiv)
    if match:
        yy, mm, number = int(match.group(1)), int(match.group(2)), match.group(3)
        if not 1 <= mm <= 12:
            return f"month {match.group(2)} does not exist"
        if (yy, mm) < (7, 4):
            return "new-style ids start in April 2007 (0704)"
        if yy >= 15 and len(number) != 5:
            return "ids from 2015 on have five digits after the dot"
        if yy < 15 and len(number) != 4:
            return "ids before 2015 have four digits after the dot"
        return None
    match = ARXIV_OLD.match(arxiv)
    if match:
        return None if 1 <= int(match.group(3)) <= 12 else f"month {match.group(3)} does not exist"
    if _ARXIV_WRAPPED.match(arxiv):
        return "write only the id (2203.02155), without 'arXiv:' or a URL"
    return "expected YYMM.NNNNN (optionally vN) or archive/YYMMNNN"


def arxiv_year(arxiv: str) -> Optional[int]:
    """The year an arXiv id was issued in (None when it is not an id)."""
    match = ARXIV_NEW.match(arxiv)
    if match:
        return 2000 + int(match.group(1))
    match = ARXIV_OLD.match(arxiv)
    if match:
        yy = int(match.group(2))
        return 1900 + yy if yy >= 91 else 2000 + yy
    return None


def parse_arxiv(text: str) -> Optional[str]:
    """The bare arXiv id (version dropped) in an id, ``arXiv:`` id, or abs/pdf URL; else None."""
    wrapped = _ARXIV_WRAPPED.match(text)
    candidate = wrapped.group(1) if wrapped else text.strip()
    if arxiv_problem(candidate) is not None:
        return None
    return re.sub(r"v\d+$", "", candidate)


def doi_problem(doi: str) -> Optional[str]:
    """Why ``doi`` is not a bare DOI, or None when it is."""
    if DOI.match(doi):
        return None
    if _DOI_WRAPPED.match(doi):
        return "write the bare DOI (10.xxxx/...), without a URL or 'doi:'"
    return "expected 10.NNNN/suffix"


def parse_doi(text: str) -> Optional[str]:
    """The bare DOI (lower case, as DOIs compare) in a DOI, ``doi:`` or doi.org URL; else None."""
    wrapped = _DOI_WRAPPED.match(text)
    candidate = wrapped.group(1) if wrapped else text.strip()
    return candidate.lower() if DOI.match(candidate) else None
