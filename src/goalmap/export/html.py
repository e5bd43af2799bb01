"""The explorer: the taxonomy as one self-contained, offline HTML page.

The page is ``html_assets/explorer.html`` with the stylesheet, the script and
the data put inline, so it works from ``file://``, from GitHub Pages or as a
mail attachment, and asks the network for nothing (its Content-Security-Policy
allows only its own inline script and style, by hash).  The script is small
vanilla JavaScript written for goalmap; the page inserts every text from the
data with ``textContent``, never as markup.

``page_data`` builds the data from the core API (``goalmap.query`` walks,
``goalmap.citations`` for "Label (Surname et al., Year)"); ``dumps`` embeds it
as JSON that cannot end its ``<script>`` element (``<``, ``>``, ``&``, U+2028
and U+2029 are written as ``\\u`` escapes).  Same input, same bytes.

The data (``format: goalmap-explorer``, version 1):

- ``schemes``: ``[{id, name, description, source, roots: [category id]}]``, the
  default scheme first; ``diff`` (when the page holds the default scheme too):
  what this edition added, moved, renamed or removed against the default one
  (``goalmap.diff.diff_schemes``): ``categories`` and ``works`` id -> ``[status,
  detail]``, ``removed`` work ids, ``removed_categories`` paths.
- ``categories``: id -> ``{scheme, label, perspective, level, kids, rows,
  description, section}``; ``rows`` are the citations in order, each
  ``[depth, label, [[work id, key]], [resource id], printed, erratum]`` (a key
  is ``Surname et al., Year`` as the scheme cites the work).
- ``works`` and ``resources``: id -> their fields, links as ``[[type, url]]``
  (http and https only); ``cited``: entry id -> the categories citing it.
- ``levels``: ``[[id, name, parent]]``; ``coverage``: scheme -> ``[[level,
  perspective, kind, [resource id]]]``, ``kinds`` the resource kinds in the
  schema's order; ``tables``: the survey's tables.
"""

from __future__ import annotations

import base64
import hashlib
import html as _html
import re
from importlib import resources as _resources
from typing import Any, Optional, get_args

from goalmap.citations import cite_key
from goalmap.export.markdown import LINK_TYPES, survey_tables, url_ok, work_links
from goalmap.export.tree import one_line
from goalmap.errors import UsageError
from goalmap.kb import KnowledgeBase
from goalmap.models import ResourceKind
from goalmap.query import ALL_SCHEMES
from goalmap.query import (children, citation_resources, citation_rows, citations_of, coverage,
                           default_scheme, resources_of, scheme_id, select,
                           selected_categories)
from goalmap.textsafe import document, json_dumps

FORMAT_VERSION = 1
ASSETS = "goalmap.export.html_assets"

# JSON inside <script>: nothing may close the element or open a comment, and the
# two line separators JavaScript once refused in strings are escaped too.
_SCRIPT_UNSAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                                "\u2028": "\\u2028", "\u2029": "\\u2029"})


def script_json(data: dict) -> str:
    """``data`` as JSON that is safe as the text of a ``<script>`` element.

    Laid out for diffs: each top-level key on its own line, and each member of a
    top-level object or array (a category, a work, a scheme) on its own line.
    """

    def one(value: Any) -> str:  # DEL, C1, bidi controls escaped too (textsafe.json_dumps)
        return json_dumps(value, separators=(",", ":"))

    def block(value: Any) -> str:
        if isinstance(value, dict) and value:
            return "{\n" + ",\n".join(f"{one(k)}:{one(v)}" for k, v in value.items()) + "\n}"
        if isinstance(value, list) and value:
            return "[\n" + ",\n".join(one(v) for v in value) + "\n]"
        return one(value)

    text = "{\n" + ",\n".join(f"{one(k)}:{block(v)}" for k, v in data.items()) + "\n}"
    return text.translate(_SCRIPT_UNSAFE)


def asset(name: str) -> str:
    return _resources.files(ASSETS).joinpath(name).read_text(encoding="utf-8")


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


# --------------------------------------------------------------------- data
def _links(entry: Any, first: list[tuple[str, str]]) -> list[list[str]]:
    """(type, url) pairs: ``first`` (paper, code, data, project), then the other typed links."""
    out = [[t, u] for t, u in first]
    seen = {u for _, u in first}
    for ln in entry.links:
        if ln.type not in LINK_TYPES and url_ok(ln.url) and ln.url not in seen:
            seen.add(ln.url)
            out.append([ln.type, ln.url])
    return out


def _drop_empty(fields: dict) -> dict:
    return {k: v for k, v in fields.items() if v not in (None, "", [], ())}


def _work(kb: KnowledgeBase, work_id: str, scheme: str) -> dict:
    w = kb.works[work_id]
    return _drop_empty({
        "title": one_line(w.title), "authors": list(w.authors), "et_al": w.et_al or None,
        "organization": w.organization, "year": w.year, "type": w.type, "venue": w.venue,
        "arxiv": w.arxiv, "doi": w.doi, "key": cite_key(kb, work_id, scheme),
        "links": _links(w, work_links(w)), "aliases": list(w.aliases), "summary": w.summary,
        "note": w.note, "introduced": resources_of(kb, work_id),
    })


def _resource(kb: KnowledgeBase, rid: str) -> dict:
    r = kb.resources[rid]
    first = [("project", r.url)] if url_ok(r.url) else []
    return _drop_empty({
        "name": r.name, "kind": r.kind, "aliases": list(r.aliases), "year": r.year,
        "description": r.description, "links": _links(r, first),
        "introduced_by": [w for w in r.introduced_by if w in kb.works],
        "based_on": list(r.based_on), "levels": list(r.levels),
        "facts": [[f.key, f.value, f.text] for f in r.facts],
    })


def _rows(kb: KnowledgeBase, cat: Any, scheme: str) -> list[list]:
    return [[depth, cit.label,
             [[w, cite_key(kb, w, scheme)] for w in cit.works if w in kb.works],
             citation_resources(kb, cit), cit.printed, cit.erratum]
            for depth, cit in citation_rows(cat.citations)]


def _schemes(kb: KnowledgeBase, scheme: Optional[str], root: Optional[str]) -> list[tuple[str, list]]:
    """(scheme id, its top categories on the page): every scheme, or the one asked for,
    each cut to ``root`` when one is given (schemes without it are left out)."""
    if scheme is not None:
        chosen = [scheme_id(kb, scheme)]
    elif root is not None and root in kb.categories:
        chosen = [kb.category_scheme[root]]
    else:
        first = default_scheme(kb)
        chosen = [first] + [s for s in kb.schemes if s != first]
    out = []
    for s in chosen:
        sel = select(kb, s, root)
        if sel.branches:
            out.append((s, sel))
    return out


def page_data(kb: KnowledgeBase, *, scheme: Optional[str] = None,
              root: Optional[str] = None) -> dict:
    """Everything the page shows, as plain JSON data (see the module's docstring)."""
    picked = _schemes(kb, scheme, root)
    if not picked:
        raise UsageError(f"no scheme has categories under '{root}'" if root else "no scheme to show",
                         hint="choose another --root or --scheme")
    first = picked[0][0]
    schemes, categories = [], {}
    for s, sel in picked:
        entry = kb.schemes[s]
        schemes.append(_drop_empty({
            "id": s, "name": entry.name, "description": entry.description, "source": entry.source,
            "roots": [c.id for c, _ in sel.branches],
            "titles": {c.id: t for c, t in sel.branches if t != c.label} or None,
            "diff": _diff(kb, first, s) if root is None and s != first and len(picked) > 1 else None,
        }))
        for cid in selected_categories(kb, sel):
            c = kb.categories[cid]
            categories[cid] = _drop_empty({
                "scheme": s, "label": c.label, "perspective": c.perspective, "level": c.level,
                "kids": [k.id for k in children(kb, cid, s)], "rows": _rows(kb, c, s),
                "description": c.description, "section": c.section,
            })
    if root is None:
        work_ids, resource_ids = list(kb.works), list(kb.resources)
    else:
        work_ids, resource_ids = _reachable(kb, categories)
    cited: dict[str, list[str]] = {}
    for eid in [*work_ids, *resource_ids]:
        cats = [c for c, _ in citations_of(kb, eid) if c in categories]
        if cats:
            cited[eid] = list(dict.fromkeys(cats))
    return {
        "format": "goalmap-explorer", "version": FORMAT_VERSION,
        "title": _title(kb, picked, root),
        "default": first,
        "schemes": schemes,
        "levels": [[lid, lv.name, lv.parent] for lid, lv in _levels(kb)],
        "kinds": list(get_args(ResourceKind)),
        "categories": categories,
        "works": {w: _work(kb, w, first) for w in work_ids},
        "resources": {r: _resource(kb, r) for r in resource_ids},
        "cited": cited,
        "coverage": {s: [[*key, ids] for key, ids in sorted(coverage(kb, s).items())
                         if root is None or _in_page(categories, s, key)]
                     for s, _ in picked},
        "tables": [] if root is not None else [_table(kb, t) for t in survey_tables(kb)],
    }


def _in_page(categories: dict, scheme: str, key: tuple) -> bool:
    level, perspective, _ = key
    return any(c["scheme"] == scheme and c.get("level") == level
               and c.get("perspective") == perspective for c in categories.values())


def _diff(kb: KnowledgeBase, a: str, b: str) -> dict:
    """What edition ``b`` added, moved, renamed or removed against ``a`` (``goalmap.diff``),
    keyed by the ids the page marks: ``b``'s categories and the works."""
    from goalmap.diff import diff_schemes

    d = diff_schemes(kb, a, b)
    cats: dict[str, list] = {}
    for x in d["categories"]["added"]:
        cats[x["id"]] = ["added"]
    for x in d["categories"]["renamed"]:
        cats[x["b"]] = ["renamed", x["from"]]
    for x in d["categories"]["moved"]:
        cats[x["b"]] = ["moved", x["from"]]
    works: dict[str, list] = {x["id"]: ["added"] for x in d["works"]["added"]}
    for x in d["works"]["moved"]:
        works[x["id"]] = ["moved", x["from"]]
    return {"against": a, "categories": cats, "works": works,
            "removed": [x["id"] for x in d["works"]["removed"]],
            "removed_categories": [x["path"] for x in d["categories"]["removed"]]}


def _levels(kb: KnowledgeBase) -> list[tuple[str, Any]]:
    """Top levels by order, each followed by its sub-levels by order."""
    tops = sorted((lv.order, lid) for lid, lv in kb.levels.items() if not lv.parent)
    out = []
    for _, lid in tops:
        out.append((lid, kb.levels[lid]))
        subs = sorted((lv.order, sid) for sid, lv in kb.levels.items() if lv.parent == lid)
        out += [(sid, kb.levels[sid]) for _, sid in subs]
    placed = {lid for lid, _ in out}
    out += [(lid, kb.levels[lid]) for lid in sorted(kb.levels) if lid not in placed]
    return out


def _reachable(kb: KnowledgeBase, categories: dict) -> tuple[list[str], list[str]]:
    works: dict[str, None] = {}
    res: dict[str, None] = {}
    for c in categories.values():
        for row in c.get("rows", ()):
            for w, _ in row[2]:
                works.setdefault(w)
            for r in row[3]:
                res.setdefault(r)
    for w in list(works):
        for r in resources_of(kb, w):
            res.setdefault(r)
    for r in list(res):
        for w in kb.resources[r].introduced_by:
            if w in kb.works:
                works.setdefault(w)
    return list(works), list(res)


def _table(kb: KnowledgeBase, t: Any) -> dict:
    return _drop_empty({
        "id": t.id, "name": t.name, "description": t.description, "source": t.source,
        "columns": [[c.key, c.label, c.group] for c in t.columns],
        "rows": [[r.label, r.ref if r.ref and kb.kind_of(r.ref) in ("work", "resource") else None,
                  [r.cells.get(c.key, "") for c in t.columns]] for r in t.rows],
    })


def _title(kb: KnowledgeBase, picked: list, root: Optional[str]) -> str:
    if root is not None and picked:
        return picked[0][1].title
    return "goalmap explorer"


# --------------------------------------------------------------------- page
def dumps(kb: KnowledgeBase, *, scheme: Optional[str] = None, root: Optional[str] = None,
          **_: object) -> str:
    """The explorer page for ``kb`` (every scheme, or ``scheme``; all of it, or ``root``).

    The page opens on the default scheme and carries every edition; ``"all"`` (export
    --scheme all) is that same page.
    """
    if scheme == ALL_SCHEMES:
        scheme = None
    data = page_data(kb, scheme=scheme, root=root)
    css, js = asset("explorer.css"), asset("explorer.js")
    for text, end in ((css, "</style"), (js, "</script"), (js, "<!--")):
        assert end not in text.lower(), f"an explorer asset contains {end!r}"
    csp = ("default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; "
           f"style-src {_csp_hash(css)}; script-src {_csp_hash(js)}")
    parts = {"title": _html.escape(document(data["title"])), "csp": _html.escape(csp, quote=False),
             "css": css, "js": js, "data": script_json(data)}
    return re.sub(r"\{\{(title|csp|css|js|data)\}\}", lambda m: parts[m.group(1)],
                  asset("explorer.html"))
