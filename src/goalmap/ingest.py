"""From metadata to new work entries: ids, duplicates, BibTeX, and the plan of what to write.

``plan(kb_index, ids, papers)`` decides, for each ``metadata.Paper``, its id
(by the project's rule: first author's surname, year, first title word) and
whether it is added or skipped as a duplicate (same arXiv id, DOI or
normalised title as a work of the knowledge base, or as an earlier paper of
the same batch). Nothing here reads the network or writes a file.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any, Optional

from goalmap.kinds import BY_NAME
from goalmap.ids import parse_doi
from goalmap.metadata import Paper, clean_author, plain_text

# The house keeps the first ten authors, then et_al: true (as the survey's BibTeX does).
MAX_AUTHORS = 10
# Title words an id skips, as Google Scholar's keys do (yao2023instructions,
# jiang2021machines): 129 of the 137 shipped works with authors get their own id back.
STOPWORDS = frozenset("a an the on of in for from to with and or is are by at as can "
                      "towards toward".split())


@dataclass
class Outcome:
    """What happens to one paper: ``added`` (with its entry data) or ``skipped`` (why)."""

    source: str
    paper: Optional[Paper]
    action: str  # "added" or "skipped"
    work_id: Optional[str] = None
    reason: str = ""
    data: Optional[dict] = None


def _ascii_letters(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z]", "", folded.encode("ascii", "ignore").decode().lower())


def id_candidates(paper: Paper) -> list[str]:
    """Ids by the rule, best first: surname+year+first word, then + the next words."""
    from goalmap.citations import surname

    name = surname(paper.authors[0]) if paper.authors else "anon"
    stem = (_ascii_letters(name) or "anon") + str(paper.year)
    words = [w for w in (_ascii_letters(w) for w in re.split(r"[\s\-:/'\u2019]+", paper.title))
             if w and w not in STOPWORDS]
    out = []
    for n in range(1, len(words) + 1):
        out.append(stem + "".join(words[:n]))
    if not out:
        out.append(stem)
    return out


def make_id(paper: Paper, taken: set[str] | dict) -> str:
    """The first rule-following id not yet ``taken`` (a number is appended as a last resort)."""
    rule = BY_NAME["work"].id_rule
    candidates = [c for c in id_candidates(paper) if rule.fullmatch(c)]
    for candidate in candidates:
        if candidate not in taken:
            return candidate
    base = candidates[0] if candidates else f"anon{paper.year}"
    n = 2
    while f"{base}{n}" in taken:
        n += 1
    return f"{base}{n}"


def entry_data(paper: Paper, work_id: str) -> dict[str, Any]:
    """The fields of the new work: no abstract, and an empty summary to be written by hand."""
    from goalmap.scaffold import work_data

    authors = [a for a in (clean_author(a) for a in paper.authors) if a]
    et_al = paper.et_al or len(authors) > MAX_AUTHORS
    return work_data(work_id, paper.title, authors[:MAX_AUTHORS], paper.year,
                     arxiv=paper.arxiv, doi=paper.doi, url=paper.url, venue=paper.venue,
                     et_al=et_al, work_type=paper.type, summary="")


def plan(index: dict[str, str], taken: set[str] | dict,
         papers: list[tuple[str, Optional[Paper], str]]) -> list[Outcome]:
    """Decide each paper's fate. ``papers`` holds (source, paper, why-not) triples; a paper
    of None is skipped with its why-not (a BibTeX entry that could not be read)."""
    from goalmap.query import duplicate_of, work_keys

    index = dict(index)
    taken = set(taken)
    out = []
    for source, paper, why_not in papers:
        if paper is None:
            out.append(Outcome(source, None, "skipped", reason=why_not))
            continue
        dup = duplicate_of(index, paper)
        if dup is not None:
            existing, what = dup
            where = "in this batch" if existing.startswith("@") else "in the knowledge base"
            out.append(Outcome(source, paper, "skipped", work_id=existing.lstrip("@"),
                               reason=f"same {what} as {existing.lstrip('@')} ({where})"))
            continue
        work_id = make_id(paper, taken)
        taken.add(work_id)
        for key, _, _ in work_keys(paper):
            index.setdefault(key, "@" + work_id)
        out.append(Outcome(source, paper, "added", work_id=work_id,
                           data=entry_data(paper, work_id)))
    return out


# ------------------------------------------------------------------ BibTeX
_BIB_TYPES = {"article": "article", "inproceedings": "inproceedings",
              "conference": "inproceedings", "book": "book", "techreport": "report",
              "misc": "misc", "online": "web", "unpublished": "preprint"}


def papers_from_bibtex(text: str, name: str) -> list[tuple[str, Optional[Paper], str]]:
    """(source, paper or None, why not) for each entry of a BibTeX file, in file order."""
    import bibtexparser
    from bibtexparser.middlewares import (LatexDecodingMiddleware, SeparateCoAuthors,
                                          SplitNameParts)

    library = bibtexparser.parse_string(
        text, append_middleware=[LatexDecodingMiddleware(), SeparateCoAuthors(),
                                 SplitNameParts()])
    out: list[tuple[str, Optional[Paper], str]] = []
    for block in library.failed_blocks:
        line = getattr(block, "start_line", 0) + 1
        out.append((f"{name}:{line}", None, "the entry cannot be parsed as BibTeX"))
    for entry in library.entries:
        source = plain_text(f"{name}:{entry.start_line + 1} @{entry.key}")
        try:
            out.append((source, bib_paper(entry), ""))
        except ValueError as exc:
            out.append((source, None, str(exc)))
    out.sort(key=lambda t: int(re.match(r".*?:(\d+)", t[0]).group(1)))
    return out


def _field(entry: Any, name: str) -> Optional[str]:
    """A field's text by case-insensitive name (BibTeX keys are), braces dropped."""
    value = next((f for key, f in entry.fields_dict.items() if key.lower() == name), None)
    if value is None:
        return None
    text = value.value if hasattr(value, "value") else value
    if isinstance(text, str):
        text = plain_text(text.replace("{", "").replace("}", ""))
    return text or None


def _arxiv_of(entry: Any) -> Optional[str]:
    """The arXiv id in ``eprint`` (when the archive is arXiv or unnamed), ``url``, or a
    ``journal`` such as "arXiv preprint arXiv:2203.13722"."""
    from goalmap.ids import parse_arxiv

    archive = (_field(entry, "archiveprefix") or _field(entry, "eprinttype") or "").lower()
    journal = _field(entry, "journal") or ""
    candidates = [_field(entry, "eprint") if archive in ("", "arxiv") else None,
                  _field(entry, "url"),
                  journal.split()[-1] if "arxiv" in journal.lower() else None]
    for candidate in candidates:
        found = parse_arxiv(candidate) if candidate else None
        if found:
            return found
    return None


def bib_paper(entry: Any) -> Paper:
    """One BibTeX entry as a Paper: authors as 'First Last', arXiv id from eprint or url."""
    title = _field(entry, "title")
    year_text = _field(entry, "year") or ""
    match = re.search(r"\b(1[89]\d\d|20\d\d)\b", str(year_text))
    if not title:
        raise ValueError("no title")
    if not match:
        raise ValueError("no year")
    people = next((f for key, f in entry.fields_dict.items() if key.lower() == "author"), None)
    names = people.value if people is not None else []
    authors, et_al = [], False
    for person in names if isinstance(names, list) else [names]:
        if hasattr(person, "first"):
            full = " ".join(person.first + person.von + person.last + person.jr)
        else:
            full = str(person)
        full = full.replace("{", "").replace("}", "").strip()
        if full.lower() in ("others", "et al.", "et al"):
            et_al = True
        elif full:
            authors.append(clean_author(full))
    arxiv = _arxiv_of(entry)
    doi = None
    if _field(entry, "doi"):
        doi = parse_doi(_field(entry, "doi"))
        if doi is None:
            raise ValueError(f"'{_field(entry, 'doi')}' is not a DOI")
    venue = _field(entry, "booktitle") or _field(entry, "journal")
    if venue and "arxiv" in venue.lower():
        venue = "arXiv preprint"
    kind = _BIB_TYPES.get(entry.entry_type.lower(), "misc")
    if arxiv and kind == "misc":
        kind = "preprint"
    url = _field(entry, "url")
    if url and (not url.startswith("https://") or (arxiv and "arxiv.org/" in url)):
        url = None  # https only; the arXiv page (or the DOI link) is the default
    return Paper(title=title, authors=authors, year=int(match.group(1)), venue=venue,
                 arxiv=arxiv, doi=doi, url=url, type=kind, et_al=et_al,
                 source=f"@{entry.key}")
