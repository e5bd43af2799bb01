"""Bibliographic metadata by identifier: the arXiv API (Atom) and Crossref (JSON).

``arxiv_papers`` and ``crossref_paper`` return ``Paper`` records: title,
authors, year, venue, arXiv id or DOI, and arXiv's primary category. The
abstract is never kept: summaries are written by people, in their own words.

Base URLs come from ``GOALMAP_ARXIV_API`` and ``GOALMAP_CROSSREF_API`` (tests
point them at a local server), and arXiv's pace (one request per 3 s, as arXiv
asks) from ``GOALMAP_ARXIV_PACE``. Remote XML is parsed with defusedxml.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Optional
from urllib.parse import quote, urlsplit

from goalmap.errors import UsageError
from goalmap.ids import arxiv_year, parse_arxiv
from goalmap.webclient import Client, RemoteError, RemoteNotFound, env_number as _number

ARXIV_API = "https://export.arxiv.org/api/query"
CROSSREF_API = "https://api.crossref.org"
ARXIV_PACE = 3.0

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV_NS = "{http://arxiv.org/schemas/atom}"
OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"


# Crossref's work types -> the Work model's types.
CROSSREF_TYPES = {"journal-article": "article", "proceedings-article": "inproceedings",
                  "book": "book", "monograph": "book", "edited-book": "book",
                  "report": "report", "posted-content": "preprint"}


@dataclass
class Paper:
    """What a metadata service (or a BibTeX entry) says about one work."""

    title: str
    authors: list[str]
    year: int
    venue: Optional[str] = None
    arxiv: Optional[str] = None
    doi: Optional[str] = None
    url: Optional[str] = None
    type: Optional[str] = None
    category: Optional[str] = None  # arXiv's primary category (shown, not stored)
    et_al: bool = False
    source: str = ""  # where it came from: "arXiv 2308.12014", "Crossref", "refs.bib:12"
    notes: list[str] = field(default_factory=list)


# ------------------------------------------------------------- identifiers
def arxiv_id(text: str) -> str:
    """The bare arXiv id (no version) of ``2308.12014``, ``arXiv:2308.12014v2`` or an
    arxiv.org abs/pdf URL (``goalmap.ids``); UsageError when it is none of these."""
    found = parse_arxiv(text)
    if found is None:
        raise UsageError(f"'{text.strip()}' is not an arXiv id",
                         hint="give an id like 2308.12014 (or hep-th/9901001), or its "
                         "arxiv.org URL")
    return found


def doi_of(text: str) -> str:
    """The DOI (lower case) in ``10.x/y``, ``doi:10.x/y`` or a doi.org URL; UsageError
    otherwise."""
    from goalmap.ids import parse_doi

    found = parse_doi(text)
    if found is None:
        raise UsageError(f"'{text.strip()}' is not a DOI",
                         hint="give a DOI like 10.3115/1073083.1073135, or its doi.org URL")
    return found


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def plain_text(text: str) -> str:
    """Remote text made safe to store and print: control and bidi characters dropped,
    white space collapsed, NFC."""
    return unicodedata.normalize("NFC", " ".join(_CONTROL.sub(" ", text).split()))


def clean_author(name: str) -> str:
    """One author in the house form: ``First M Last`` (no dots after initials, single spaces)."""
    name = plain_text(name)
    name = re.sub(r"\b([A-Z])\.(?=\s|-|$)", r"\1", name)
    name = re.sub(r"\b([A-Z])\.([A-Z])\b", r"\1 \2", name)
    return " ".join(name.split())


def _title(text: str) -> str:
    return plain_text(text)


# ------------------------------------------------------------------- arXiv
def arxiv_base() -> str:
    return os.environ.get("GOALMAP_ARXIV_API") or ARXIV_API


def crossref_base() -> str:
    return (os.environ.get("GOALMAP_CROSSREF_API") or CROSSREF_API).rstrip("/")


def arxiv_pace() -> float:
    """Seconds between two requests to the arXiv API (``GOALMAP_ARXIV_PACE``, default 3)."""
    return _number("GOALMAP_ARXIV_PACE", ARXIV_PACE)


def make_client(**kwargs) -> Client:
    """A client that keeps arXiv's pace on the arXiv API's host.

    ``GOALMAP_HTTP_RETRIES`` (default 2) and ``GOALMAP_HTTP_BACKOFF`` (seconds before
    the first retry, doubling; default 1) tune the retries."""
    host = urlsplit(arxiv_base()).netloc
    kwargs.setdefault("retries", int(_number("GOALMAP_HTTP_RETRIES", 2)))
    kwargs.setdefault("backoff", _number("GOALMAP_HTTP_BACKOFF", 1.0))
    return Client(pace={host: arxiv_pace()}, **kwargs)





def arxiv_papers(client: Client, ids: list[str]) -> list[Paper]:
    """One request for all of ``ids`` (bare ids); a Paper per id, in the order given.

    RemoteNotFound names the ids arXiv has no record of.
    """
    response = client.get(arxiv_base(), params={"id_list": ",".join(ids),
                                                "max_results": str(len(ids))},
                          what="the arXiv API")
    if response.status_code != 200:
        raise client.failed("the arXiv API", response)
    found = parse_atom(response.content)
    missing = [i for i in ids if i not in found]
    if missing:
        raise RemoteNotFound(f"arXiv has no paper {', '.join(missing)}",
                             hint="check the id on arxiv.org")
    return [found[i] for i in ids]


def parse_atom(content: bytes) -> dict[str, Paper]:
    """Bare arXiv id -> Paper, for each entry of an arXiv API Atom feed."""
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    try:
        feed = ElementTree.fromstring(content)
    except (ElementTree.ParseError, DefusedXmlException) as exc:
        raise RemoteError(f"the arXiv API sent XML that cannot be read ({exc})") from None
    out: dict[str, Paper] = {}
    for entry in feed.findall(f"{ATOM}entry"):
        link = (entry.findtext(f"{ATOM}id") or "").strip()
        bare = parse_arxiv(link) if "arxiv.org/abs/" in link else None
        if not bare:
            continue  # arXiv's error entries have an api/errors id
        title = _title(entry.findtext(f"{ATOM}title") or "")
        authors = [clean_author(a.findtext(f"{ATOM}name") or "")
                   for a in entry.findall(f"{ATOM}author")]
        published = (entry.findtext(f"{ATOM}published") or "").strip()
        year = int(published[:4]) if re.match(r"\d{4}", published) else arxiv_year(bare)
        primary = entry.find(f"{ARXIV_NS}primary_category")
        doi = (entry.findtext(f"{ARXIV_NS}doi") or "").strip() or None
        journal = (entry.findtext(f"{ARXIV_NS}journal_ref") or "").strip() or None
        if not title or not authors or year is None:
            raise RemoteError(f"the arXiv record of {bare} has no title, authors or date")
        out[bare] = Paper(title=title, authors=[a for a in authors if a], year=year,
                          venue=None if doi else "arXiv preprint", arxiv=bare, doi=doi,
                          url=f"https://arxiv.org/abs/{bare}",
                          type="preprint" if not doi else "article",
                          category=primary.get("term") if primary is not None else None,
                          source=f"arXiv {bare}",
                          notes=[f"journal reference: {journal}"] if journal else [])
    return out


# ---------------------------------------------------------------- Crossref
def crossref_paper(client: Client, doi: str) -> Paper:
    url = f"{crossref_base()}/works/{quote(doi, safe='/')}"
    response = client.get(url, what="Crossref")
    if response.status_code == 404:
        raise RemoteNotFound(f"Crossref has no record of the DOI {doi}",
                             hint="check the DOI at https://doi.org/")
    if response.status_code != 200:
        raise client.failed("Crossref", response)
    try:
        message = response.json()["message"]
    except (ValueError, KeyError, TypeError):
        raise RemoteError("Crossref sent an answer that is not its JSON") from None
    return parse_crossref(message, doi)


def parse_crossref(message: dict, doi: str) -> Paper:
    def first(key: str) -> Optional[str]:
        value = message.get(key) or []
        return _title(value[0]) if isinstance(value, list) and value else None

    title = first("title")
    authors = []
    for person in message.get("author") or []:
        if not isinstance(person, dict):
            continue
        name = " ".join(p for p in (person.get("given"), person.get("family")) if p)
        name = name or person.get("name") or ""
        if name:
            authors.append(clean_author(name))
    year = None
    for key in ("published-print", "published-online", "issued", "published", "created"):
        parts = (message.get(key) or {}).get("date-parts") or [[None]]
        if parts and parts[0] and isinstance(parts[0][0], int):
            year = parts[0][0]
            break
    if not title or year is None:
        raise RemoteError(f"the Crossref record of {doi} has no title or year")
    return Paper(title=title, authors=authors, year=year, venue=first("container-title"),
                 doi=message.get("DOI") or doi, url=f"https://doi.org/{message.get('DOI') or doi}",
                 type=CROSSREF_TYPES.get(message.get("type", ""), "misc"),
                 source=f"Crossref {doi}")
