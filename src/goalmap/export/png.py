"""Figure 2 as PNG, drawn by Graphviz from the DOT export."""

from __future__ import annotations

from typing import Optional

from goalmap.errors import UsageError
from goalmap.export import dot
from goalmap.export.render import render
from goalmap.kb import KnowledgeBase


def dumps(kb: KnowledgeBase, *, scheme: Optional[str] = None, root: Optional[str] = None,
          dpi: Optional[int] = None, **opts: object) -> bytes:
    """PNG bytes; ``dpi`` sets the resolution (Graphviz's default is 96)."""
    args: tuple[str, ...] = ()
    if dpi is not None:
        if not 36 <= int(dpi) <= 1200:
            raise UsageError(f"dpi must be between 36 and 1200, not {dpi}")
        args = (f"-Gdpi={int(dpi)}",)
    return render(dot.dumps(kb, scheme=scheme, root=root, **opts), "png", args=args)
