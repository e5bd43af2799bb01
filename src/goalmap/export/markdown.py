"""A README-ready Markdown document of the taxonomy (GitHub-flavoured).

A table of contents, one heading per category (perspective, level, kind of
work), each citation as its label plus ``(Surname et al., Year)`` with the
work's links, and, for a whole scheme, Table 1 and the Figure 5 matrix as GFM
tables.  Anchors follow GitHub's slug rules, so every ``#anchor`` resolves.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Optional

from goalmap.citations import cite_key, label_is_key
from goalmap.export.tree import one_line
from goalmap.errors import UsageError
from goalmap.textsafe import document
from goalmap.kb import KnowledgeBase
from goalmap.query import Selection, select, walk

# Link types in the order they are listed (goalmap.models.LinkType); each link is
# named by its type.  A work's own ``url`` is its "paper" when the work is a paper
# (or the url is a PDF, arXiv or DOI page), else its "website".
LINK_TYPES = ("paper", "website", "code", "data", "project", "checkpoint", "leaderboard",
              "demo", "blog")
PAPER_TYPES = {"article", "inproceedings", "preprint", "report", "book"}
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~$]|&(?=#?\w+;))")


def escape(text: str) -> str:
    """Inline text made literal: Markdown punctuation backslash-escaped, one line."""
    text = _SPECIAL.sub(r"\\\1", one_line(text))
    return re.sub(r"^([#+\-]|\d+[.)])", r"\\\1", text)  # no accidental heading or list


def url_ok(url: Optional[str]) -> bool:
    return bool(url) and url.startswith(("http://", "https://"))


def link_target(url: str) -> str:
    """A URL safe inside ``( )``: spaces, parentheses and angle brackets percent-encoded,
    control characters replaced."""
    url = document(url)
    for raw, enc in ((" ", "%20"), ("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E")):
        url = url.replace(raw, enc)
    return url


class Slugger:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to ``-``, ``-1`` for repeats."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def slug(self, text: str) -> str:
        base = "".join(ch for ch in text.lower()
                       if ch in " -_" or unicodedata.category(ch)[0] in "LNM").replace(" ", "-")
        slug, n = base, self.seen.get(base, 0)
        while slug in self.seen:
            n += 1
            slug = f"{base}-{n}"
        self.seen[base] = n
        self.seen.setdefault(slug, 0)
        return slug


def url_name(work) -> str:
    """What a work's own ``url`` points at: "paper" or "website"."""
    url = work.url.lower()
    if (work.type in PAPER_TYPES or url.split("?")[0].endswith(".pdf")
            or "arxiv.org/" in url or "doi.org/" in url):
        return "paper"
    return "website"


def work_links(work) -> list[tuple[str, str]]:
    """(name, url) of a work's links, each named by its type (the first of each type),
    in ``LINK_TYPES`` order; the paper falls back on the arXiv or DOI page."""
    found: dict[str, str] = {}
    for ln in work.links:
        if url_ok(ln.url):
            found.setdefault(ln.type, ln.url)
    if url_ok(work.url):
        found.setdefault(url_name(work), work.url)
    if "paper" not in found:
        if work.arxiv:
            found["paper"] = f"https://arxiv.org/abs/{work.arxiv}"
        elif work.doi:
            found["paper"] = f"https://doi.org/{work.doi}"
    if "website" in found and list(found.values()).count(found["website"]) > 1:
        del found["website"]  # the same page is listed under its own type
    return [(t, found[t]) for t in LINK_TYPES if t in found]


def work_text(work) -> str:
    links = " ".join(f"[{t}]({link_target(u)})" for t, u in work_links(work))
    return f"*{escape(work.title)}*" + (f" {links}" if links else "")


def citation_items(kb: KnowledgeBase, citations, scheme: Optional[str] = None,
                   depth: int = 0) -> list[str]:
    """One bullet per citation, its ``includes`` nested under it.  Among siblings a work
    shows once: a later label citing only works already shown joins that bullet."""
    bullets: list[dict] = []
    owner: dict[str, int] = {}
    for cit in citations:
        works = [w for w in cit.works if w in kb.works]
        new = [w for w in works if w not in owner]
        if works and not new:
            b = bullets[owner[works[0]]]
            b["cits"].append(cit)
            b["kids"] += citation_items(kb, cit.includes, scheme, depth + 1)
            continue
        for w in new:
            owner[w] = len(bullets)
        bullets.append({"cits": [cit], "works": new,
                        "kids": citation_items(kb, cit.includes, scheme, depth + 1)})
    lines = []
    for b in bullets:
        works = [kb.works[w] for w in b["works"]]
        cits = b["cits"]
        text = ", ".join(f"**{escape(c.label)}**" for c in cits)
        if works and not all(label_is_key(kb, c, scheme) for c in cits):
            text += " (" + "; ".join(escape(cite_key(kb, w.id, scheme)) for w in works) + ")"
        if works:
            text += ": " + "; ".join(work_text(w) for w in works)
        printed = [c.printed for c in cits if c.printed]
        if printed:
            text += " — printed as " + ", ".join(f"“{escape(t)}”" for t in printed)
        lines.append("  " * depth + "- " + text)
        lines += b["kids"]
    return lines


def table_lines(table) -> list[str]:
    """A survey table as a GFM table; ticks and crosses for true and false."""

    def cell(value) -> str:
        if value is True:
            return "✓"
        if value is False:
            return "✗"
        return escape(str(value))

    head = [""] + [escape(f"{c.group}: {c.label}" if c.group else c.label) for c in table.columns]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row in table.rows:
        cells = [escape(row.label)] + [cell(row.cells.get(c.key, "")) for c in table.columns]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def survey_tables(kb: KnowledgeBase) -> list:
    """Table 1 and the Figure 5 matrix (and any other table), in the survey's order."""
    return sorted(kb.tables.values(), key=lambda t: (t.order, t.id))


def dumps(kb: KnowledgeBase, *, scheme: Optional[str] = None, root: Optional[str] = None,
          tables: Optional[bool] = None, heading_level: int = 1, **_: object) -> str:
    """The Markdown document; tables default to on for a whole scheme, off under --root.

    ``heading_level`` is the title's level (1 to 6): every heading moves down with it,
    so the document can sit inside a section of another; levels past 6 stay at 6.
    """
    if not 1 <= heading_level <= 6:
        raise UsageError(f"heading level must be between 1 and 6, not {heading_level}")

    def h(level: int) -> str:
        return "#" * min(level + heading_level - 1, 6)

    tree: Selection = select(kb, scheme, root)
    slugger = Slugger()
    top = slugger.slug(tree.title)  # the title's own anchor comes first on GitHub
    del top
    slugger.slug("Contents")
    toc: list[str] = []
    body: list[str] = []
    for depth, cat, label in walk(kb, tree.branches, tree.scheme):
        anchor = slugger.slug(one_line(label))
        toc.append("  " * depth + f"- [{escape(label)}](#{anchor})")
        body += ["", h(depth + 2) + " " + escape(label)]
        if cat.description:
            body += ["", escape(cat.description)]
        items = citation_items(kb, cat.citations, tree.scheme)
        if items:
            body += [""] + items
    if tables is None:
        tables = tree.root is None
    if tables and kb.tables:
        anchor = slugger.slug("Tables")
        toc.append(f"- [Tables](#{anchor})")
        body += ["", h(2) + " Tables"]
        for table in survey_tables(kb):
            anchor = slugger.slug(one_line(table.name))
            toc.append(f"  - [{escape(table.name)}](#{anchor})")
            body += ["", f"{h(3)} {escape(table.name)}"]
            if table.description:
                body += ["", escape(table.description)]
            body += [""] + table_lines(table)
    scheme = kb.schemes[tree.scheme]
    head = [f"{h(1)} {escape(tree.title)}", ""]
    source = scheme.source or scheme.name  # the source names the figure; the name may too
    head += [f"<!-- Generated by `goalmap export markdown` from the scheme "
             f"'{tree.scheme}'; edit the taxonomy, not this file. -->", ""]
    if tree.root is not None:
        head += [f"From {escape(source)}.", ""]
    elif scheme.description:
        head += [escape(scheme.description), ""]
    head += [f"{h(2)} Contents", ""] + toc
    return "\n".join(head + body) + "\n"
