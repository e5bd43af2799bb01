"""Figure 2 as PNG, drawn by Graphviz from the DOT export."""

from __future__ import annotations

from typing import Optional

from goalmap.export import dot
from goalmap.export.render import render
from goalmap.kb import KnowledgeBase


def dumps(kb: KnowledgeBase, *, scheme: Optional[str] = None, root: Optional[str] = None,
          **opts: object) -> bytes:
    return render(dot.dumps(kb, scheme=scheme, root=root, **opts), "png")
