"""The taxonomy as Graphviz DOT, drawn left to right as Figure 2 is.

Categories are boxes; each category's citations sit in one box beside it (an
HTML-like table, one row per citation), or, with ``one_node_per_work``, one
node per cited work.  Every string is escaped for the place it goes: quoted
ids, HTML text, attribute values.
"""

from __future__ import annotations

import re
from typing import Optional

from goalmap.export.tree import citation_label, one_line
from goalmap.query import Selection, citation_rows, select, walk
from goalmap.errors import UsageError
from goalmap.kb import KnowledgeBase

FONT = "Helvetica"
FILL = {"definition": "#dbe9f6", "evaluation": "#fde2cf"}
ROOT_FILL = "#eeeeee"
CITE_FILL = "#fffef2"


# Graphviz copies an href into SVG without escaping it again, so only URLs
# without XML-special characters become links.
_SAFE_URL = re.compile(r"^https?://[A-Za-z0-9._~:/?#@!$()*+,;=%-]+$")


def quote(text: str) -> str:
    """A DOT double-quoted string (ids and plain attributes), within Graphviz's 16,384
    characters."""
    text = clip(text, 8000).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def html(text: str) -> str:
    """Text for an HTML-like label or attribute: XML specials as entities; Graphviz reads
    backslash escapes even here, so a backslash is doubled."""
    text = one_line(text)
    for raw, enc in (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"),
                     ("]", "&#93;"), ("[", "&#91;"), ("\\", "\\\\")):
        text = text.replace(raw, enc)
    return text


def _node(node_id: str, **attrs: str) -> str:
    parts = []
    for key, value in attrs.items():
        if key == "label" and value.startswith("<"):
            parts.append(f"label={value}")  # HTML-like label: <...>
        elif key in ("label", "tooltip"):
            parts.append(f"{key}={quote(clip(value))}")
        else:
            parts.append(f"{key}={quote(value)}")
    return f"  {quote(node_id)} [{', '.join(parts)}];"


# Graphviz refuses an edge longer than 65,535 points (a box of 16,000 citations is that
# tall) and an HTML-like label longer than 16,384 characters.  A box holds at most
# MAX_BOX_ROWS rows and BOX_BUDGET characters, then says how many more; a row's text and
# tooltip are cut at MAX_TEXT characters (no real label comes near).
MAX_BOX_ROWS = 500
BOX_BUDGET = 15_000
MAX_TEXT = 300


def clip(text: str, limit: int = MAX_TEXT) -> str:
    """``text`` on one line, cut at ``limit`` characters with an ellipsis."""
    text = one_line(text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _citation_box(kb: KnowledgeBase, citations, scheme: str) -> str:
    rows = []
    used = 0
    all_rows = list(citation_rows(citations))
    for n, (depth, cit) in enumerate(all_rows):
        indent = "&#160;" * 4 * depth + "↳ " if depth else ""
        work = kb.works.get(cit.works[0]) if cit.works else None
        href = ""
        if work is not None and work.url and _SAFE_URL.match(work.url) and len(work.url) < 500:
            href = f' href="{html(work.url)}" title="{html(clip(work.title))}"'
        row = (f'<tr><td align="left" balign="left"{href}>{indent}'
               f'{html(clip(citation_label(kb, cit, scheme)))}</td></tr>')
        if n >= MAX_BOX_ROWS or used + len(row) > BOX_BUDGET:
            rows.append(f'<tr><td align="left">… and {len(all_rows) - n} more</td></tr>')
            break
        rows.append(row)
        used += len(row)
    return ('<<table border="0" cellborder="0" cellspacing="0" cellpadding="2">'
            + "".join(rows) + "</table>>")


RANKDIRS = ("LR", "TB", "RL", "BT")


def dumps(kb: KnowledgeBase, *, scheme: Optional[str] = None, root: Optional[str] = None,
          one_node_per_work: bool = False, rankdir: str = "LR",
          size: Optional[tuple[float, float]] = None, **_: object) -> str:
    """DOT text; ``rankdir`` turns the tree (LR as Figure 2, TB top down), ``size`` caps
    the drawing at (width, height) inches, scaled down to fit."""
    if rankdir not in RANKDIRS:
        raise UsageError(f"rankdir must be one of {', '.join(RANKDIRS)}, not '{rankdir}'")
    tree: Selection = select(kb, scheme, root)
    root_id = f"root:{tree.root or tree.scheme}"
    lines = [
        f"digraph {quote(tree.scheme)} {{",
        f"  rankdir={rankdir};",
        *([f"  size=\"{size[0]:g},{size[1]:g}\";"] if size else []),
        "  charset=\"UTF-8\";",
        "  ranksep=0.35; nodesep=0.08;",
        f"  node [shape=box, style=\"rounded,filled\", fontname={quote(FONT)}, fontsize=11];",
        "  edge [arrowhead=none, color=\"#777777\"];",
        _node(root_id, label=tree.title, fillcolor=ROOT_FILL, fontsize="14"),
    ]
    parents: dict[str, str] = {}
    for cat, _ in tree.branches:
        parents[cat.id] = root_id
    edges: list[str] = []
    for depth, cat, label in walk(kb, tree.branches, tree.scheme):
        fill = FILL.get(cat.perspective or "", ROOT_FILL)
        lines.append(_node(cat.id, label=label, fillcolor=fill, tooltip=cat.id))
        parent = parents.get(cat.id) or cat.parent or root_id
        edges.append(f"  {quote(parent)} -> {quote(cat.id)};")
        if not cat.citations:
            continue
        if one_node_per_work:
            for i, (sub, cit) in enumerate(citation_rows(cat.citations)):
                node_id = f"{cat.id}:cite:{i}"
                lines.append(_node(node_id, label=citation_label(kb, cit, tree.scheme), shape="note",
                                   style="filled", fillcolor=CITE_FILL, fontsize="10",
                                   tooltip="; ".join(one_line(kb.works[w].title) for w in cit.works
                                                     if w in kb.works) or cit.label))
                edges.append(f"  {quote(cat.id)} -> {quote(node_id)};")
        else:
            node_id = f"{cat.id}:citations"
            lines.append(_node(node_id, label=_citation_box(kb, cat.citations, tree.scheme),
                               shape="box", style="filled", fillcolor=CITE_FILL,
                               fontsize="10", margin="0.05,0.03"))
            edges.append(f"  {quote(cat.id)} -> {quote(node_id)};")
    return "\n".join(lines + edges + ["}"]) + "\n"


