"""Finding entries: fuzzy search, and lists of one kind filtered and sorted.

Both return plain rows (dicts of JSON-safe values); the CLI prints them as a
table, CSV, JSON or ids.  Ranking and typo tolerance come from rapidfuzz
(a maintained C++ matcher), not from hand-written scoring.
"""

from __future__ import annotations

from typing import Any, Iterable, Optional

from goalmap.errors import UsageError
from goalmap.kb import KnowledgeBase, entry_label
from goalmap.lookup import KIND_ORDER, kinds_for

# The fields search looks in, in the order a tie is broken.
SEARCH_FIELDS = ("id", "name", "alias", "title", "citation", "author", "arxiv")
CUTOFF = 70  # WRatio score (0-100) below which a field does not match
HAS = ("code", "data", "arxiv", "doi")


# ------------------------------------------------------------------ rows
def first_author(entry: Any) -> Optional[str]:
    authors = getattr(entry, "authors", None)
    if authors:
        return authors[0]
    return getattr(entry, "organization", None)


def year_of(kb: KnowledgeBase, entry: Any) -> Optional[int]:
    year = getattr(entry, "year", None)
    if year is None and getattr(entry, "introduced_by", None):
        years = [kb.works[w].year for w in entry.introduced_by if w in kb.works]
        year = min(years) if years else None
    return year


def link_types(kb: KnowledgeBase, entry: Any) -> set[str]:
    """Which of code, data, arxiv, doi an entry (or, for a resource, its paper) links to."""
    found = {ln.type for ln in getattr(entry, "links", ())}
    if getattr(entry, "arxiv", None):
        found.add("arxiv")
    if getattr(entry, "doi", None):
        found.add("doi")
    for w in getattr(entry, "introduced_by", ()):
        if w in kb.works:
            found |= link_types(kb, kb.works[w]) & {"arxiv", "doi"}
    return found


def row(kb: KnowledgeBase, kind: str, entry_id: str, columns=None) -> dict:
    """The columns ``list`` can show (all, or ``columns``), for one entry; each is computed
    only when asked for, so a plain ``list works`` stays cheap at 100k works."""
    entry = getattr(kb, {"category": "categories"}.get(kind, kind + "s"))[entry_id]

    def url(t: str) -> Optional[str]:
        return next((ln.url for ln in getattr(entry, "links", ()) if ln.type == t), None)

    def has() -> Optional[str]:
        links = link_types(kb, entry)
        return ",".join(h for h in HAS if h in links) or None

    get = {
        "id": lambda: entry_id,
        "kind": lambda: getattr(entry, "kind", None) if kind == "resource" else kind,
        "label": lambda: entry_label(entry),
        "year": lambda: year_of(kb, entry),
        "first_author": lambda: first_author(entry),
        "arxiv": lambda: getattr(entry, "arxiv", None),
        "doi": lambda: getattr(entry, "doi", None),
        "code": lambda: url("code"),
        "data": lambda: url("data"),
        "levels": lambda: ",".join(sorted(entry_levels(kb, entry_id))) or None,
        "scheme": lambda: kb.category_scheme.get(entry_id),
        "cited": lambda: len(_cited(kb, entry_id)),
        "has": has,
    }
    return {c: get[c]() for c in (columns or get)}


COLUMNS = ("id", "kind", "label", "year", "first_author", "arxiv", "doi", "code", "data",
           "levels", "scheme", "cited", "has")
DEFAULT_COLUMNS = {
    "work": ("id", "year", "first_author", "label"),
    "resource": ("id", "kind", "year", "label"),
    "category": ("id", "scheme", "levels", "label"),
}


def _cited(kb: KnowledgeBase, entry_id: str) -> list:
    from goalmap.query import citations_of

    return citations_of(kb, entry_id)


def entry_levels(kb: KnowledgeBase, entry_id: str) -> set[str]:
    """The goal levels an entry belongs to: its own, its categories', those it is cited under
    (with their parent levels), and, for a work, its resources'."""
    from goalmap.query import ancestors, resources_of

    found: set[str] = set()
    kind = kb.kind_of(entry_id)
    entry = kb.get(entry_id)
    if kind == "level":
        found.add(entry_id)
    found.update(getattr(entry, "levels", ()) if kind == "resource" else ())
    cats = [entry_id] if kind == "category" else [c for c, _ in _cited(kb, entry_id)]
    for cid in cats:
        for cat in [kb.categories[cid], *ancestors(kb, cid)]:
            if cat.level:
                found.add(cat.level)
                break
    if kind == "work":
        for r in resources_of(kb, entry_id):
            found.update(kb.resources[r].levels)
    for lid in list(found):
        parent = kb.levels[lid].parent if lid in kb.levels else None
        while parent and parent not in found:
            found.add(parent)
            parent = kb.levels[parent].parent if parent in kb.levels else None
    return {lv for lv in found if lv in kb.levels}


# ------------------------------------------------------------------ search
def _fields(kb: KnowledgeBase, kind: str, entry_id: str, entry: Any) -> Iterable[tuple[str, str]]:
    yield "id", entry_id
    name = getattr(entry, "name", None) or getattr(entry, "label", None)
    if name:
        yield "name", name
    for alias in getattr(entry, "aliases", ()):
        yield "alias", alias
    if kind == "work":
        from goalmap.citations import cite_text

        yield "title", entry.title
        yield "citation", cite_text(entry)
        if entry.authors:
            yield "author", " ".join(entry.authors)
        if entry.arxiv:
            yield "arxiv", entry.arxiv


def _choices(kb: KnowledgeBase) -> tuple[list[str], list[tuple[str, str, str]]]:
    built = kb._index.get("search")
    if built is None:
        texts, owners = [], []
        for kind, table in kb.tables_by_kind():
            for entry_id, entry in table.items():
                for field, text in _fields(kb, kind, entry_id, entry):
                    texts.append(text)
                    owners.append((kind, entry_id, field))
        built = kb._index["search"] = (texts, owners)
    return built


def search(kb: KnowledgeBase, text: str, kind: Optional[str] = None,
           limit: Optional[int] = 20) -> list[dict]:
    """Entries whose id, name, alias, title, citation key, authors or arXiv id resemble
    ``text``, best first; each with the field that matched.  Empty text: every entry."""
    from rapidfuzz import fuzz, process, utils

    want = kinds_for(kind)
    texts, owners = _choices(kb)

    def wanted(k: str, entry_id: str) -> bool:
        if want is None:
            return True
        if k != want[0]:
            return False
        return not want[1] or getattr(kb.resources[entry_id], "kind", None) == want[1]

    best: dict[str, tuple[float, int]] = {}
    if not text.strip():
        for i, (k, entry_id, field) in enumerate(owners):
            if field == "id" and wanted(k, entry_id):
                best[entry_id] = (100.0, i)
    else:
        # The mean of two scorers: WRatio tolerates typos and partial words, token_set_ratio
        # rewards every query word being present ("bai 2022" in "Bai et al., 2022").
        query = utils.default_process(text)
        scores: dict[int, float] = {}
        for scorer in (fuzz.WRatio, fuzz.token_set_ratio):
            for _, score, i in process.extract(query, texts, scorer=scorer,
                                               processor=utils.default_process, limit=None,
                                               score_cutoff=2 * CUTOFF - 100):
                scores[i] = scores.get(i, 0.0) + score / 2
        for i, score in scores.items():
            k, entry_id, _ = owners[i]
            if score >= CUTOFF and wanted(k, entry_id) and (
                    entry_id not in best or score > best[entry_id][0]):
                best[entry_id] = (score, i)

    def rank(item: tuple[str, tuple[float, int]]) -> tuple:
        entry_id, (score, i) = item
        k, _, field = owners[i]
        return (-round(score, 6), SEARCH_FIELDS.index(field), KIND_ORDER.index(k), entry_id)

    hits = []
    for entry_id, (score, i) in sorted(best.items(), key=rank)[:limit]:
        k, _, field = owners[i]
        entry = kb.get(entry_id)
        hits.append({"kind": k, "id": entry_id, "label": entry_label(entry),
                     "year": year_of(kb, entry), "first_author": first_author(entry),
                     "field": field, "matched": texts[i], "score": round(score, 1)})
    return hits


# ------------------------------------------------------------------- list
def listing(kb: KnowledgeBase, kind: str, *, year: Optional[int] = None,
            since: Optional[int] = None, level: Optional[str] = None,
            scheme: Optional[str] = None, category: Optional[str] = None,
            has: Optional[str] = None, sort: str = "id",
            columns: Optional[tuple] = None) -> list[dict]:
    """Rows of every entry of ``kind`` (``works``, ``datasets``, ...) that passes the filters,
    with ``columns`` (default: every column) plus those the filters and the sort need."""
    from goalmap.query import cited_works, descendants, iter_citations, scheme_id

    entry_kind, resource_kind = kinds_for(kind)
    table = getattr(kb, {"category": "categories"}.get(entry_kind, entry_kind + "s"))
    ids = [i for i, e in table.items()
           if not resource_kind or getattr(e, "kind", None) == resource_kind]
    if has is not None and has not in HAS:
        raise UsageError(f"--has takes one of {', '.join(HAS)}, not '{has}'")
    if level is not None and level not in kb.levels:
        from goalmap.lookup import resolve_one

        level = resolve_one(kb, level, kind="level")[0].id
    inside: Optional[set[str]] = None
    if scheme is not None or category is not None:
        if category is not None:
            from goalmap.lookup import resolve_one

            cat_id = resolve_one(kb, category, kind="category", scheme=scheme)[0].id
            cats = [cat_id] + [c.id for c in descendants(kb, cat_id)]
        else:
            sid = scheme_id(kb, scheme)
            cats = [c.id for c in kb.schemes[sid].categories]
        inside = set(cats) if entry_kind == "category" else set(cited_works(kb, cats))
        if entry_kind != "category":
            for cid in cats:
                for cit in iter_citations(kb.categories[cid].citations):
                    inside.update(cit.resources)
    if sort not in COLUMNS:
        raise UsageError(f"--sort takes a column ({', '.join(COLUMNS)}), not '{sort}'")
    wanted = tuple(dict.fromkeys([*(columns or COLUMNS), "id", sort]
                                 + ["year"] * (year is not None or since is not None)
                                 + ["levels"] * (level is not None) + ["has"] * (has is not None)))
    bad = [c for c in wanted if c not in COLUMNS]
    if bad:
        raise UsageError(f"unknown column '{bad[0]}'", hint="columns: " + ", ".join(COLUMNS))
    rows = []
    for entry_id in ids:
        if inside is not None and entry_id not in inside:
            continue
        r = row(kb, entry_kind, entry_id, wanted)
        if year is not None and r["year"] != year:
            continue
        if since is not None and (r["year"] is None or r["year"] < since):
            continue
        if level is not None and level not in (r["levels"] or "").split(","):
            continue
        if has is not None and has not in (r["has"] or "").split(","):
            continue
        rows.append(r)
    rows.sort(key=lambda r: (r[sort] is None, r[sort] if r[sort] is not None else 0, r["id"]))
    return rows
