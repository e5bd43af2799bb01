"""How two editions (schemes) of the taxonomy differ, as plain data.

Categories are matched by the works they cite, not by their labels: a
category's *content* is the set of works cited in it or anywhere below it,
and two categories of the two schemes are the same category when those sets
overlap enough: Jaccard similarity at least ``THRESHOLD``, or, for two
categories that print citations and have labels alike (equal once folded, or
one inside the other: "Benchmarks" and "Benchmark"), half of the smaller set
in the other.  Pairs are taken
best first (similarity, then equal labels, then equal depth, then the
schemes' own order), each category at most once.  Then:

- a category of B with no partner in A was *added*; one of A with none in B
  was *removed* (each says where its works came from or went);
- a matched pair with different labels was *renamed*;
- a matched pair whose parents are not partners was *moved*;
- a work cited only in B was *added*, only in A *removed*; a work cited in
  both whose leaf categories (seen through the matching) differ was *moved*.

Pure: reads the knowledge base, returns dicts and lists, prints nothing.
"""

from __future__ import annotations

from typing import Any, Optional

from goalmap.kb import KnowledgeBase, norm
from goalmap.query import ancestors, children, iter_citations, scheme_id

THRESHOLD = 0.5


def _own_works(cat: Any, kb: KnowledgeBase) -> list[str]:
    out: dict[str, None] = {}
    for cit in iter_citations(cat.citations):
        for w in cit.works:
            if w in kb.works:
                out.setdefault(w)
    return list(out)


def _tree(kb: KnowledgeBase, scheme: str) -> dict[str, dict]:
    """Per category, in walk order: depth, order index, own works, works below."""
    info: dict[str, dict] = {}

    def down(parent: Optional[str], depth: int) -> set[str]:
        union: set[str] = set()
        for cat in children(kb, parent, scheme):
            own = _own_works(cat, kb)
            entry = info[cat.id] = {"depth": depth, "index": len(info), "own": own}
            below = down(cat.id, depth + 1) | set(own)
            entry["all"] = below
            union |= below
        return union

    down(None, 0)
    return info


def _match(kb: KnowledgeBase, ta: dict, tb: dict) -> dict[str, tuple[str, float]]:
    """A's category id -> (B's category id, similarity), best pairs first."""
    by_work: dict[str, list[str]] = {}
    for cid, e in tb.items():
        for w in e["all"]:
            by_work.setdefault(w, []).append(cid)
    pairs = []
    for ca, ea in ta.items():
        seen: set[str] = set()
        for w in ea["all"]:
            for cb in by_work.get(w, ()):
                if cb in seen:
                    continue
                seen.add(cb)
                eb = tb[cb]
                common = len(ea["all"] & eb["all"])
                sim = common / len(ea["all"] | eb["all"])
                la, lb = norm(kb.categories[ca].label), norm(kb.categories[cb].label)
                alike = (la == lb or la in lb or lb in la) and ea["own"] and eb["own"]
                if sim >= THRESHOLD or (
                        alike and common >= THRESHOLD * min(len(ea["all"]), len(eb["all"]))):
                    pairs.append((-sim, la != lb, not alike, abs(ea["depth"] - eb["depth"]),
                                  ea["index"], eb["index"], ca, cb, sim))
    pairs.sort()
    out: dict[str, tuple[str, float]] = {}
    taken: set[str] = set()
    for *_, ca, cb, sim in pairs:
        if ca not in out and cb not in taken:
            out[ca] = (cb, sim)
            taken.add(cb)
    return out


def _cats(kb: KnowledgeBase, tree: dict, work: str) -> list[str]:
    return [cid for cid, e in tree.items() if work in e["own"]]


def _counts(kb: KnowledgeBase, works: set[str], tree: dict) -> dict[str, int]:
    """Category id -> how many of ``works`` it cites itself, in the tree's order."""
    out = {}
    for cid, e in tree.items():
        n = len(works & set(e["own"]))
        if n:
            out[cid] = n
    return out


def path(kb: KnowledgeBase, cid: str) -> str:
    """``Top › ... › Category`` inside its scheme."""
    labels = [c.label for c in reversed(ancestors(kb, cid))]
    return " › ".join([*labels, kb.categories[cid].label])


def _cat(kb: KnowledgeBase, cid: str) -> dict:
    return {"id": cid, "label": kb.categories[cid].label, "path": path(kb, cid)}


def diff_schemes(kb: KnowledgeBase, a: str, b: str) -> dict:
    """How scheme ``b`` differs from scheme ``a`` (names as ``--scheme`` takes them)."""
    a, b = scheme_id(kb, a), scheme_id(kb, b)
    ta, tb = _tree(kb, a), _tree(kb, b)
    match = _match(kb, ta, tb)
    back = {cb: ca for ca, (cb, _) in match.items()}

    added = [dict(_cat(kb, cb), works=len(e["all"]), works_from=_counts(kb, e["all"], ta))
             for cb, e in tb.items() if cb not in back]
    removed = [dict(_cat(kb, ca), works=len(e["all"]), works_to=_counts(kb, e["all"], tb))
               for ca, e in ta.items() if ca not in match]
    renamed, moved, matched = [], [], []
    for ca in ta:
        if ca not in match:
            continue
        cb, sim = match[ca]
        la, lb = kb.categories[ca].label, kb.categories[cb].label
        matched.append({"a": ca, "b": cb, "similarity": round(sim, 3)})
        if la != lb:
            renamed.append({"a": ca, "b": cb, "from": la, "to": lb})
        pa, pb = kb.categories[ca].parent, kb.categories[cb].parent
        if (match[pa][0] if pa in match else None) != pb or (pa is None) != (pb is None):
            moved.append({"a": ca, "b": cb, "label": lb,
                          "from": path(kb, ca), "to": path(kb, cb)})

    cited_a = {w for e in ta.values() for w in e["own"]}
    cited_b = {w for e in tb.values() for w in e["own"]}
    w_added = [{"id": w, "categories": _cats(kb, tb, w)}
               for w in sorted(cited_b - cited_a)]
    w_removed = [{"id": w, "categories": _cats(kb, ta, w)}
                 for w in sorted(cited_a - cited_b)]
    w_moved = []
    for w in sorted(cited_a & cited_b):
        ca_list, cb_list = _cats(kb, ta, w), _cats(kb, tb, w)
        mapped = {match[c][0] for c in ca_list if c in match}
        gone = [c for c in ca_list if c not in match or match[c][0] not in cb_list]
        new = [c for c in cb_list if c not in mapped]
        if gone or new:
            w_moved.append({"id": w, "from": gone, "to": new})

    return {
        "a": a, "b": b, "a_name": kb.schemes[a].name, "b_name": kb.schemes[b].name,
        "categories": {"added": added, "removed": removed, "renamed": renamed,
                       "moved": moved, "matched": matched},
        "works": {"added": w_added, "removed": w_removed, "moved": w_moved,
                  "unchanged": len(cited_a & cited_b) - len(w_moved)},
    }


# ------------------------------------------------------------------ rendering
def _short(kb: KnowledgeBase, cid: str) -> str:
    """A category by its label and its parent's ("Human Values › Benchmarks")."""
    cat = kb.categories[cid]
    parent = kb.categories.get(cat.parent) if cat.parent else None
    return f"{parent.label} › {cat.label}" if parent else cat.label


def _from(kb: KnowledgeBase, counts: dict[str, int]) -> str:
    return ", ".join(f"{_short(kb, c)} ({n})" for c, n in counts.items())


def render(kb: KnowledgeBase, d: dict, fmt: str = "text") -> str:
    """The result of ``diff_schemes`` as plain text, or Markdown for a changelog."""
    from goalmap.citations import cite_key

    md = fmt == "markdown"
    if md:
        from goalmap.export.markdown import escape
    else:
        def escape(text: str) -> str:
            return text

    def code(text: str) -> str:
        return f"`{text}`" if md else f"[{text}]"

    def work(w: str, scheme: str) -> str:
        return (f"{escape(cite_key(kb, w, scheme))}: {escape(kb.works[w].title)} {code(w)}")

    def cats(ids: list[str]) -> str:
        return "; ".join(escape(path(kb, c)) for c in ids)

    def moved(x: dict) -> str:
        if not x["from"]:
            return f"also in {cats(x['to'])}"
        if not x["to"]:
            return f"no longer in {cats(x['from'])}"
        return f"from {cats(x['from'])} to {cats(x['to'])}"

    c, w = d["categories"], d["works"]
    out: list[str] = []

    def section(title: str, items: list[str], level: int) -> None:
        if not items:
            return
        if md:
            out.extend(["", "#" * level + " " + title, ""])
            out.extend("- " + item for item in items)
        else:
            out.append("  " * (level - 2) + title)
            out.extend("  " * (level - 1) + item for item in items)

    head = f"Changes from {d['a_name']} ({d['a']}) to {d['b_name']} ({d['b']})"
    summary_c = (f"Categories: {len(c['added'])} added, {len(c['removed'])} removed, "
                 f"{len(c['renamed'])} renamed, {len(c['moved'])} moved; "
                 f"{len(c['matched'])} matched by the works they cite.")
    summary_w = (f"Works: {len(w['added'])} added, {len(w['removed'])} removed, "
                 f"{len(w['moved'])} moved, {w['unchanged']} in the same places.")
    if md:
        out += ["# " + escape(head), "", escape(summary_c), "", escape(summary_w),
                "", "## Categories"]
    else:
        out += [head, summary_c, summary_w, "Categories"]
    section("Added", [f"{escape(x['path'])} {code(x['id'])}: {x['works']} works"
                      + (f", from {escape(_from(kb, x['works_from']))}" if x["works_from"]
                         else ", all new") for x in c["added"]], 3)
    section("Removed", [f"{escape(x['path'])} {code(x['id'])}: {x['works']} works"
                        + (f", now in {escape(_from(kb, x['works_to']))}" if x["works_to"]
                           else ", none kept") for x in c["removed"]], 3)
    section("Renamed", [f"{escape(x['from'])} → {escape(x['to'])} {code(x['a'])} → "
                        f"{code(x['b'])}" for x in c["renamed"]], 3)
    section("Moved", [f"{escape(x['label'])}: {escape(x['from'])} → {escape(x['to'])}"
                      for x in c["moved"]], 3)
    out += ["", "## Works"] if md else ["Works"]
    section("Added", [work(x["id"], d["b"]) + f" in {cats(x['categories'])}"
                      for x in w["added"]], 3)
    section("Removed", [work(x["id"], d["a"]) + f" from {cats(x['categories'])}"
                        for x in w["removed"]], 3)
    section("Moved", [work(x["id"], d["b"]) + ": " + moved(x) for x in w["moved"]], 3)
    return "\n".join(out) + "\n"
