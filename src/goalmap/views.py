"""What ``goalmap show`` shows, as plain nested data (no terminal code here).

A view is a tree of nodes, each a dict with ``label`` and ``children`` and,
where it applies, ``id``, ``kind``, ``text`` (a paragraph), ``fields``
(ordered name/value pairs) and ``table`` (``columns`` and ``rows``).  The CLI
prints it as a tree, or as JSON with ``--json``.
"""

from __future__ import annotations

from typing import Any, Optional

from goalmap import query
from goalmap.citations import cite_key, citation_label
from goalmap.kb import KnowledgeBase


View = dict[str, Any]


def node(label: str, children: Optional[list] = None, **extra: Any) -> View:
    out: View = {"label": label}
    out.update({k: v for k, v in extra.items() if v not in (None, [], {}, "")})
    out["children"] = children or []
    return out


def fields(*pairs: tuple[str, Any]) -> list[list]:
    return [[name, value] for name, value in pairs if value not in (None, "", [], False)]


# ------------------------------------------------------------------ citations
def citation_text(kb: KnowledgeBase, cit: Any, scheme: Optional[str] = None) -> str:
    """``Label (Surname et al., Year; ...)``; what the figure printed, if it differs, is
    kept apart (the node's ``printed``), so an erratum never reads as a label."""
    return citation_label(kb, cit, scheme)


def citation_node(kb: KnowledgeBase, cit: Any, scheme: Optional[str] = None) -> View:
    ids = list(cit.works) + list(cit.resources)
    return node(citation_text(kb, cit, scheme), [citation_node(kb, c, scheme) for c in cit.includes],
                kind="citation", id=ids[0] if ids else None, refs=ids, printed=cit.printed,
                erratum=cit.erratum)


def category_node(kb: KnowledgeBase, cat: Any, scheme_id: str, label: str = "") -> View:
    kids = [category_node(kb, c, scheme_id) for c in query.children(kb, cat.id, scheme_id)]
    kids += [citation_node(kb, c, scheme_id) for c in cat.citations]
    return node(label or cat.label, kids, id=cat.id, kind="category", section=cat.section)


def cited_in_node(kb: KnowledgeBase, entry_id: str) -> Optional[View]:
    hits = query.citations_of(kb, entry_id)
    if not hits:
        return None
    kids = [node(f"{query.category_path(kb, cat_id)}: {cit.label}", kind="category", id=cat_id)
            for cat_id, cit in hits]
    return node(f"Cited in ({len(kids)})", kids)


# --------------------------------------------------------------------- kinds
def level_view(kb: KnowledgeBase, level_id: str, scheme_id: Optional[str]) -> View:
    level = kb.levels[level_id]
    scheme_id = query.scheme_id(kb, scheme_id)
    branches = [category_node(kb, cat, scheme_id, label)
                for cat, label in query.level_branches(kb, level_id, scheme_id)] if scheme_id else []
    return node(level.name, branches, id=level.id, kind="level", text=level.definition,
                fields=fields(("Section", level.section),
                              ("Trained towards", level.trained_towards),
                              ("Target representation", level.target_representation),
                              ("Evaluation", level.evaluation),
                              ("Strengths", _join(level.strengths)),
                              ("Weaknesses", _join(level.weaknesses))),
                scheme=scheme_id)


def _join(items: list[str]) -> str:
    return "; ".join(i.rstrip(".") for i in items)


def links_node(links) -> Optional[View]:
    if not links:
        return None
    return node("Links", [node(f"{ln.type}: {ln.url}", kind="link", url=ln.url) for ln in links])


def work_fields(work: Any) -> list[list]:
    authors = ", ".join(work.authors) + (" et al." if work.et_al else "")
    return fields(("Id", work.id), ("Authors", authors or work.organization), ("Year", work.year),
                  ("Venue", work.venue), ("Version", work.version),
                  ("arXiv", work.arxiv or (f"none: {work.no_arxiv}" if work.no_arxiv else "(unknown)")),
                  ("DOI", work.doi), ("URL", work.url or (f"none: {work.no_url}" if work.no_url else None)),
                  ("Aliases", ", ".join(work.aliases)), ("Type", work.type))


def work_view(kb: KnowledgeBase, work_id: str, nested: bool = False) -> View:
    """A work with its links; on its own also where it is cited and what it introduces."""
    work = kb.works[work_id]
    kids = [links_node(work.links)]
    if not nested:
        kids.append(cited_in_node(kb, work_id))
    introduces = [] if nested else query.resources_of(kb, work_id)
    if introduces:
        kids.append(node("Introduces", [node(kb.resources[r].name, kind="resource", id=r)
                                         for r in introduces]))
    return node(work.title, [k for k in kids if k], id=work.id, kind="work",
                text=work.summary, fields=work_fields(work))


def member_node(m: Any) -> View:
    label = m.name
    if m.opposite:
        label += f" / {m.opposite}"
    if m.code:
        label += f" ({m.code})"
    if m.description:
        label += f": {m.description}"
    return node(label, [member_node(c) for c in m.members], kind="member")


def fact_node(f: Any) -> View:
    """A fact; one the sources disagree on is marked and lists every value with its source."""
    if f.readings:
        return node(f"{f.key}: DISPUTED, the sources disagree",
                    [node(f"{r.text or r.value} ({r.source})", kind="reading") for r in f.readings],
                    kind="fact", disputed=True)
    return node(f"{f.key}: {f.text or f.value}" + (f" ({f.source})" if f.source else ""), kind="fact")


def resource_view(kb: KnowledgeBase, res_id: str) -> View:
    res = kb.resources[res_id]
    kids: list = []
    if res.facts:
        kids.append(node("Facts", [fact_node(f) for f in res.facts]))
    if res.members:
        kids.append(node("Members", [member_node(m) for m in res.members]))
    if res.axes:
        kids.append(node("Axes", [node(f"{a.name}: {' ↔ '.join(a.poles)}") for a in res.axes]))
    for table in kb.tables.values():
        for row in table.rows:
            if row.ref == res_id:
                cells = "; ".join(f"{c.label} {row.cells.get(c.key, '')}" for c in table.columns)
                kids.append(node(f"{table.name}: {cells}", kind="table", id=table.id))
    works = [work_view(kb, w, nested=True) for w in res.introduced_by if w in kb.works]
    if works:
        kids.append(node("Introduced by", works))
    kids += [k for k in (links_node(res.links), cited_in_node(kb, res_id)) if k]
    return node(res.name, kids, id=res.id, kind="resource", text=res.description,
                fields=fields(("Id", res.id), ("Kind", res.kind),
                              ("Aliases", ", ".join(res.aliases)),
                              ("Levels", ", ".join(res.levels)), ("URL", res.url)))


def table_view(kb: KnowledgeBase, table_id: str) -> View:
    table = kb.tables[table_id]
    columns = [""] + [
        f"{c.group}: {c.label}" if c.group else c.label for c in table.columns]
    rows = [[row.label] + [_cell(row.cells.get(c.key, "")) for c in table.columns]
            for row in table.rows]
    return node(table.name, [], id=table.id, kind="table", text=table.description,
                table={"columns": columns, "rows": rows})


def _cell(value: Any) -> str:
    if value is True:
        return "✓"
    if value is False:
        return "✗"
    return str(value)


def algorithm_view(kb: KnowledgeBase, alg_id: str) -> View:
    alg = kb.algorithms[alg_id]
    kids = [node(kb.algorithms[a].name, kind="algorithm", id=a)
            for a, other in kb.algorithms.items() if other.parent == alg_id]
    kids = [node("Variants", kids)] if kids else []
    for title, items in (("Requires", alg.requires), ("Strengths", alg.strengths),
                         ("Weaknesses", alg.weaknesses)):
        if items:
            kids.append(node(title, [node(i) for i in items]))
    examples = [_ref_node(kb, w) for w in alg.works]
    if examples:
        kids.append(node("Representative works", examples))
    return node(alg.name, kids, id=alg.id, kind="algorithm", text=alg.description,
                fields=fields(("Aliases", ", ".join(alg.aliases)), ("Parent", alg.parent)))


def _ref_node(kb: KnowledgeBase, entry_id: str) -> View:
    work = kb.works.get(entry_id)
    if work is not None:
        return node(f"{work.title} ({cite_key(kb, entry_id)})", kind="work", id=entry_id)
    entry = kb.get(entry_id)
    return node(getattr(entry, "name", entry_id), kind=kb.kind_of(entry_id), id=entry_id)


def challenge_view(kb: KnowledgeBase, ch_id: str) -> View:
    ch = kb.challenges[ch_id]
    kids = [member_node(i) for i in ch.items]
    if ch.works:
        kids.append(node("Works", [_ref_node(kb, w) for w in ch.works]))
    return node(ch.name, kids, id=ch.id, kind="challenge", text=ch.description,
                fields=fields(("Section", ch.section), ("Kind", ch.kind)))


def goals_view(kb: KnowledgeBase) -> View:
    """Figure 5: the goals compared, and the challenges of intrinsic value alignment."""
    kids = [table_view(kb, t) for t in kb.tables if t.startswith("figure5")]
    challenges = [challenge_view(kb, c) for c, ch in kb.challenges.items() if ch.kind == "figure5"]
    if challenges:
        kids.append(node("Challenges for intrinsic value alignment", challenges))
    levels = [node(f"{lv.name}: {lv.definition}", kind="level", id=lv.id)
              for lv in sorted(kb.levels.values(), key=lambda x: x.order) if lv.parent is None]
    return node("Alignment goals compared (Figure 5)", [node("Goal levels", levels)] + kids,
                kind="goals")


def scheme_view(kb: KnowledgeBase, scheme_id: str) -> View:
    scheme = kb.schemes[scheme_id]
    kids = [category_node(kb, c, scheme_id) for c in query.children(kb, None, scheme_id)]
    return node(scheme.name, kids, id=scheme.id, kind="scheme", text=scheme.description)


def view(kb: KnowledgeBase, target: str, scheme: Optional[str] = None,
         kind: Optional[str] = None) -> View:
    """The view of ``target`` (anything ``lookup.resolve`` reads); UnknownTarget otherwise.

    When the name fits several entries, the best is shown and the others are
    listed under ``also`` (kind, id, label and how each matched).
    """
    from goalmap.lookup import resolve_one

    if kind is None and target in ("goals", "figure5", "figure-5") and kb.get(target) is None:
        return goals_view(kb)
    best, others = resolve_one(kb, target, kind, scheme)
    entry_id = best.id
    if best.kind == "category":
        result = category_node(kb, kb.categories[entry_id], kb.category_scheme[entry_id],
                               query.category_path(kb, entry_id))
    elif best.kind == "level":
        result = level_view(kb, entry_id, scheme)
    else:
        makers = {
            "work": work_view, "resource": resource_view, "table": table_view,
            "algorithm": algorithm_view, "challenge": challenge_view, "scheme": scheme_view,
        }
        result = makers[best.kind](kb, entry_id)
    result["matched"] = best.as_dict()
    if others:
        result["also"] = [m.as_dict() for m in others]
    return result
