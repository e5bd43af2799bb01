"""The one resolver: what a name a person types means, best match first.

A target may be an id, a name, an alias or a label (``kb.names()``), a work's
exact title (case-insensitive), an arXiv id with or without its version or an
arxiv.org abs/pdf URL, a DOI or a doi.org URL, or a citation key as an edition
prints it (``Ouyang et al., 2022``, ``Bai et al., 2022b``).  ``show``,
``related``, ``path`` and every command that takes an entry call ``resolve``
or ``resolve_one``; nothing else maps names to ids.

arXiv ids and DOIs are read by ``goalmap.ids``, as lint reads them.
Pure: no printing; an unknown name raises ``UnknownTarget`` (exit 1).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from goalmap.errors import UnknownTarget, UsageError
from goalmap.ids import parse_arxiv, parse_doi
from goalmap.kb import KnowledgeBase, entry_label, norm

# How a match was found, strongest first: the order ties are broken in.
VIA = ("id", "name", "title", "arxiv", "doi", "citation")
# Among equally strong matches: the kinds people most often mean.
KIND_ORDER = ("level", "work", "resource", "category", "table", "algorithm", "challenge", "scheme")

CITATION = re.compile(r"^\(?(.+?),?\s+((?:1[89]|20)\d\d)([a-z]?)\)?$")


@dataclass(frozen=True)
class Match:
    id: str
    kind: str
    label: str
    via: str  # one of VIA

    def as_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "label": self.label, "via": self.via}


def kinds_for(kind: Optional[str]) -> Optional[tuple[str, Optional[str]]]:
    """``--kind`` as (entry kind, resource kind or None): "work", "works", "dataset"."""
    if kind is None:
        return None
    from goalmap.kinds import BY_NAME, BY_PLURAL

    k = kind.casefold()
    if k in BY_NAME:
        return k, None
    if k in BY_PLURAL:
        return BY_PLURAL[k].name, None
    resource_kinds = resource_kind_names()
    for rk in resource_kinds:
        if k in (rk, rk + "s", plural(rk)):
            return "resource", rk
    from goalmap.kinds import KINDS

    raise UsageError(f"unknown kind '{kind}'",
                     hint="kinds: " + ", ".join([x.name for x in KINDS] + list(resource_kinds)))


def plural(word: str) -> str:
    return word[:-1] + "ies" if word.endswith("y") else word + "s"


def resource_kind_names() -> tuple[str, ...]:
    """The resource kinds the schema allows (dataset, benchmark, model, ...)."""
    from goalmap.vocab import RESOURCE_KINDS

    return RESOURCE_KINDS


def _index(kb: KnowledgeBase, name: str, build) -> dict:
    built = kb._index.get(("lookup", name))
    if built is None:
        built = kb._index[("lookup", name)] = build()
    return built


def _by_title(kb: KnowledgeBase) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for wid, w in kb.works.items():
        out.setdefault(w.title.casefold().strip(), []).append(wid)
    return out


def _by_field(kb: KnowledgeBase, attr: str, parse) -> dict[str, list[str]]:
    """Works by their arXiv id or DOI, as ``goalmap.ids`` normalises them."""
    out: dict[str, list[str]] = {}
    for wid, w in kb.works.items():
        value = getattr(w, attr, None)
        if value:
            out.setdefault(parse(value) or value.casefold(), []).append(wid)
    return out


def _by_citation(kb: KnowledgeBase) -> dict[tuple[str, str], list[str]]:
    """(folded ``Surname et al., 2022b``, scheme) -> works; scheme "" for the key without letter."""
    from goalmap.citations import cite_key, cite_text

    out: dict[tuple[str, str], list[str]] = {}
    for wid, w in kb.works.items():
        out.setdefault((norm(cite_text(w)), ""), []).append(wid)
        for sid in kb.schemes:
            key = (norm(cite_key(kb, wid, sid)), sid)
            if wid not in out.get(key, ()):
                out.setdefault(key, []).append(wid)
    return out


def _ids(kb: KnowledgeBase, target: str, scheme: Optional[str]) -> list[tuple[str, str]]:
    """(id, via) for every reading of ``target``, strongest first, each id once."""
    found: dict[str, str] = {}

    def add(ids, via: str) -> None:
        for i in ids:
            found.setdefault(i, via)

    text = target.strip()
    if kb.get(text) is not None:
        add([text], "id")
    add(kb.names().get(norm(text), ()), "name")
    add(_index(kb, "title", lambda: _by_title(kb)).get(text.casefold(), ()), "title")
    arxiv = parse_arxiv(text)
    if arxiv:
        add(_index(kb, "arxiv", lambda: _by_field(kb, "arxiv", parse_arxiv)).get(arxiv, ()),
            "arxiv")
    doi = parse_doi(text)
    if doi:
        add(_index(kb, "doi", lambda: _by_field(kb, "doi", parse_doi)).get(doi, ()), "doi")
    m = CITATION.match(text)
    if m:
        index = _index(kb, "citation", lambda: _by_citation(kb))
        key = norm(f"{m.group(1)}, {m.group(2)}{m.group(3)}")
        if m.group(3):
            from goalmap.query import default_scheme

            first = scheme or default_scheme(kb)
            add(index.get((key, first), ()), "citation")
            for sid in kb.schemes:
                add(index.get((key, sid), ()), "citation")
        else:
            add(index.get((key, ""), ()), "citation")
    return list(found.items())


def resolve(kb: KnowledgeBase, target: str, kind: Optional[str] = None,
            scheme: Optional[str] = None) -> list[Match]:
    """Every entry ``target`` may mean, best first; ``kind`` narrows (``work``, ``dataset``).

    ``scheme`` decides which edition's letters a citation key is read in
    (``Sun et al., 2023c`` is SELF-ALIGN in Figure 2 and SALMON in the revised tree).
    """
    want = kinds_for(kind)
    if scheme is not None:
        from goalmap.query import scheme_id

        scheme = scheme_id(kb, scheme)
    out = []
    for entry_id, via in _ids(kb, target, scheme):
        k = kb.kind_of(entry_id)
        if k is None:
            continue
        entry = kb.get(entry_id)
        if want and (k != want[0] or (want[1] and getattr(entry, "kind", None) != want[1])):
            continue
        if k == "category":
            from goalmap.query import category_path

            label = category_path(kb, entry_id)  # categories share labels; paths tell them apart
        else:
            label = entry_label(entry)
        out.append(Match(entry_id, k, label, via))
    default = None
    if any(m.kind == "category" for m in out):
        from goalmap.query import default_scheme

        default = scheme or default_scheme(kb)
    order = {cid: n for n, cid in enumerate(kb.categories)}

    def rank(m: Match) -> tuple:
        return (VIA.index(m.via), KIND_ORDER.index(m.kind),
                m.kind == "category" and kb.category_scheme.get(m.id) != default,
                order.get(m.id, 0))

    return sorted(out, key=rank)


def resolve_one(kb: KnowledgeBase, target: str, kind: Optional[str] = None,
                scheme: Optional[str] = None) -> tuple[Match, list[Match]]:
    """The best match and the others; UnknownTarget (exit 1) with suggestions if none."""
    matches = resolve(kb, target, kind, scheme)
    if not matches:
        raise UnknownTarget(target, kb.suggest(target),
                            what=f"{kind}" if kind else "entry")
    return matches[0], matches[1:]
