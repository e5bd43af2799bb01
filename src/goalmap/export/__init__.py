"""Exporters: one module per format, each a pure ``dumps(kb, *, scheme, root, **opts)``.

``FORMATS`` maps each format name to its module explicitly (no discovery); a
module is imported only when its format is asked for, so networkx and the
rest load only for the formats that need them.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable, Optional, Union

from goalmap.errors import UsageError
from goalmap.kb import KnowledgeBase


@dataclass(frozen=True)
class Format:
    name: str
    module: str
    suffix: str
    binary: bool = False
    summary: str = ""


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("markdown", "goalmap.export.markdown", ".md",
               summary="README-ready document: contents, headings, citations with links, tables"),
        Format("dot", "goalmap.export.dot", ".dot", summary="Graphviz source of Figure 2 (left to right)"),
        Format("svg", "goalmap.export.svg", ".svg", binary=True, summary="Figure 2 drawn by Graphviz"),
        Format("png", "goalmap.export.png", ".png", binary=True, summary="Figure 2 drawn by Graphviz"),
        Format("mermaid", "goalmap.export.mermaid", ".mmd",
               summary="Mermaid flowchart (GitHub renders it in a ```mermaid block)"),
        Format("json", "goalmap.export.json", ".json", summary="the graph as networkx node-link JSON"),
        Format("graphml", "goalmap.export.graphml", ".graphml",
               summary="the graph for Gephi, yEd, Cytoscape (scalar attributes)"),
        Format("bibtex", "goalmap.export.bibtex", ".bib", summary="every work, keyed by its id"),
        Format("html", "goalmap.export.html", ".html",
               summary="the explorer: one offline page to fold, search and browse the taxonomy"),
    )
}


def exporter(name: str) -> Callable[..., Union[str, bytes]]:
    """The ``dumps`` function of a format; UsageError naming the formats otherwise."""
    fmt = FORMATS.get(name.lower())
    if fmt is None:
        raise UsageError(f"unknown export format '{name}'",
                         hint="choose one of: " + ", ".join(FORMATS))
    return importlib.import_module(fmt.module).dumps


def dumps(kb: KnowledgeBase, name: str, *, scheme: Optional[str] = None,
          root: Optional[str] = None, **opts: object) -> Union[str, bytes]:
    """Export ``kb`` in the format ``name``."""
    return exporter(name)(kb, scheme=scheme, root=root, **opts)
