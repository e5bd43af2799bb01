"""The taxonomy as a Mermaid flowchart that GitHub renders in a ```mermaid block.

Node ids are generated (``n0``, ``n1``, ...), so no label text ever reaches
Mermaid's syntax unquoted; inside the quotes, characters Mermaid or its HTML
labels would read (quotes, ``#``, ``<``, ``>``, ``&``, backticks) are written as
Mermaid entity codes (``#quot;``, ``#35;``, ...).
"""

from __future__ import annotations

from typing import Optional

from goalmap.export.tree import citation_label, one_line
from goalmap.query import Selection, citation_rows, select, walk
from goalmap.kb import KnowledgeBase

_ENTITIES = {"#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;", "`": "#96;",
             "{": "#123;", "}": "#125;", "[": "#91;", "]": "#93;", "|": "#124;", "\\": "#92;"}


def text(label: str) -> str:
    """A label for inside Mermaid's double quotes."""
    return "".join(_ENTITIES.get(ch, ch) for ch in one_line(label))


def dumps(kb: KnowledgeBase, *, scheme: Optional[str] = None, root: Optional[str] = None,
          fenced: bool = False, **_: object) -> str:
    """A ``flowchart LR``; ``fenced`` wraps it in a Markdown code block."""
    tree: Selection = select(kb, scheme, root)
    ids: dict[str, str] = {}

    def nid(key: str) -> str:
        return ids.setdefault(key, f"n{len(ids)}")

    lines = ["flowchart LR", f'  {nid("root")}["{text(tree.title)}"]']
    edges = []
    branch_ids = {cat.id for cat, _ in tree.branches}
    for _, cat, label in walk(kb, tree.branches, tree.scheme):
        lines.append(f'  {nid(cat.id)}["{text(label)}"]')
        parent = "root" if cat.id in branch_ids else cat.parent or "root"
        edges.append(f"  {nid(parent)} --> {nid(cat.id)}")
        if cat.citations:
            rows = [("↳ " if depth else "") + text(citation_label(kb, cit, tree.scheme))
                    for depth, cit in citation_rows(cat.citations)]
            box = nid(cat.id + ":citations")
            lines.append(f'  {box}["{"<br/>".join(rows)}"]:::cites')
            edges.append(f"  {nid(cat.id)} --- {box}")
    lines += edges
    lines.append("  classDef cites text-align:left,fill:#fffef2,stroke:#999999,font-size:11px")
    body = "\n".join(lines) + "\n"
    return f"```mermaid\n{body}```\n" if fenced else body
