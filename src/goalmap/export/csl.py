"""The cited works as CSL-JSON, the bibliography format of Zotero, pandoc and citeproc.

One item per work, keyed by its id (the same key as the BibTeX export), sorted
by id: ``type`` (article-journal, paper-conference, article for a preprint,
book, report, webpage, document), ``title``, ``author`` (``family``/``given``;
an organization without authors as one ``literal`` name), ``issued``
(``date-parts``), ``container-title`` (the venue), ``publisher``, ``DOI``,
``URL``, and for arXiv preprints ``number`` ("arXiv:2203.02155") with
``publisher`` "arXiv", the way Zotero stores them.  See docs/export-csl.md.
"""

from __future__ import annotations

import json
from typing import Optional

from goalmap.citations import surname
from goalmap.kb import KnowledgeBase
from goalmap.query import scope_works

CSL_TYPE = {
    "article": "article-journal", "inproceedings": "paper-conference", "preprint": "article",
    "book": "book", "report": "report", "web": "webpage", "misc": "document",
}


def _one(text: str) -> str:
    return " ".join(str(text).split())


def name(full: str) -> dict:
    """A person's name as CSL ``{"family", "given"}``; one word is a family name."""
    full = _one(full)
    if "," in full:
        family, given = (p.strip() for p in full.split(",", 1))
    else:
        family = surname(full)
        given = full[: len(full) - len(family)].strip()
    return {"family": family, "given": given} if given else {"family": family}


def item(work) -> dict:
    kind = CSL_TYPE.get(work.type, "document")
    out: dict = {"id": work.id, "type": kind, "title": _one(work.title)}
    if work.authors:
        out["author"] = [name(a) for a in work.authors]
    elif work.organization:
        out["author"] = [{"literal": _one(work.organization)}]
    out["issued"] = {"date-parts": [[int(work.year)]]}
    if work.venue and not (work.arxiv and kind == "article"):
        out["container-title"] = _one(work.venue)
    if work.organization and work.authors:
        out["publisher"] = _one(work.organization)
    elif kind in ("report", "book") and work.organization:
        out["publisher"] = _one(work.organization)
    if work.arxiv and kind == "article":
        out["publisher"] = "arXiv"
        out["number"] = f"arXiv:{work.arxiv}"
    if work.doi:
        out["DOI"] = work.doi
    url = work.url or (f"https://arxiv.org/abs/{work.arxiv}" if work.arxiv else None)
    if url:
        out["URL"] = url
    return out


def dumps(kb: KnowledgeBase, *, scheme: Optional[str] = None, root: Optional[str] = None,
          **_: object) -> str:
    """The works the scheme (default: Figure 2) or --root cites, in id order; every work
    with ``scheme="all"``.  One item per line, so a diff shows which work changed."""
    items = [json.dumps(item(kb.works[w]), ensure_ascii=False)
             for w in scope_works(kb, scheme, root)]
    return "[\n" + ",\n".join(items) + "\n]\n" if items else "[]\n"
