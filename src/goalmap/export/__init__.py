"""Exporters: one module per format, each a pure ``dumps(kb, *, scheme, root, **opts)``.

``FORMATS`` maps each format name to its module explicitly (no discovery),
with the other names a user may type for it (``aliases``) and the file name
endings that mean it (``suffixes``, the first one is the one to write); a
module is imported only when its format is asked for, so networkx, rdflib and
the rest load only for the formats that need them.

The scheme is the same for every format: the knowledge base's default scheme
(Figure 2) unless ``--scheme`` names another; ``--scheme all`` exports every
scheme at once, for the formats that describe the whole knowledge base
(``Format.whole``: json, graphml, bibtex, csl, turtle, jsonld).
"""

from __future__ import annotations

import importlib
import itertools
from dataclasses import dataclass
from pathlib import PurePath
from typing import Callable, Iterator, Optional, Union

from goalmap.errors import UsageError
from goalmap.kb import KnowledgeBase
from goalmap.query import ALL_SCHEMES as ALL


@dataclass(frozen=True)
class Format:
    name: str
    module: str
    suffixes: tuple[str, ...]
    binary: bool = False
    summary: str = ""
    aliases: tuple[str, ...] = ()
    whole: bool = False  # can export every scheme at once (--scheme all)
    options: tuple[str, ...] = ()  # the keyword options its dumps takes (CLI checks them)

    @property
    def suffix(self) -> str:
        """The file name ending written for this format."""
        return self.suffixes[0]


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("markdown", "goalmap.export.markdown", (".md", ".markdown"), aliases=("md",),
               options=("tables", "heading_level"), summary="README-ready document: contents, headings, citations with links, tables"),
        Format("dot", "goalmap.export.dot", (".dot", ".gv"), aliases=("gv", "graphviz"),
               options=("one_node_per_work", "rankdir", "size"), summary="Graphviz source of Figure 2 (left to right)"),
        Format("svg", "goalmap.export.svg", (".svg",), binary=True,
               options=("one_node_per_work", "rankdir", "size"), summary="Figure 2 drawn by Graphviz"),
        Format("png", "goalmap.export.png", (".png",), binary=True,
               options=("one_node_per_work", "rankdir", "size", "dpi"), summary="Figure 2 drawn by Graphviz"),
        Format("mermaid", "goalmap.export.mermaid", (".mmd", ".mermaid"), aliases=("mmd",), options=("fenced",),
               summary="Mermaid flowchart (GitHub renders it in a ```mermaid block)"),
        Format("json", "goalmap.export.json", (".json",), whole=True,
               summary="the graph as networkx node-link JSON"),
        Format("graphml", "goalmap.export.graphml", (".graphml",), whole=True,
               summary="the graph for Gephi, yEd, Cytoscape (scalar attributes)"),
        Format("bibtex", "goalmap.export.bibtex", (".bib",), aliases=("bib",), whole=True,
               summary="the cited works as BibTeX, keyed by id"),
        Format("csl", "goalmap.export.csl", (".csl.json",), aliases=("csl-json", "csljson"),
               whole=True, summary="the cited works as CSL-JSON, for Zotero and pandoc"),
        Format("turtle", "goalmap.export.turtle", (".ttl",), aliases=("ttl", "skos"),
               whole=True, options=("base_iri",), summary="SKOS concept scheme, works and citations as RDF Turtle"),
        Format("jsonld", "goalmap.export.jsonld", (".jsonld",), aliases=("json-ld",),
               whole=True, options=("base_iri",), summary="the same RDF as Turtle, as JSON-LD"),
        Format("html", "goalmap.export.html", (".html", ".htm"), whole=True,
               summary="the explorer: one offline page to fold, search and browse the taxonomy"),
    )
}


def names() -> list[str]:
    """Every name a format answers to: the formats, then their aliases."""
    return list(FORMATS) + [a for f in FORMATS.values() for a in f.aliases]


def find_format(name: str) -> Format:
    """The format called ``name`` or one of its aliases (any case); UsageError otherwise."""
    key = name.casefold()
    for fmt in FORMATS.values():
        if key == fmt.name or key in fmt.aliases:
            return fmt
    raise UsageError(f"unknown export format '{name}'",
                     hint="choose one of: " + ", ".join(FORMATS)
                     + " (or the aliases " + ", ".join(a for f in FORMATS.values()
                                                       for a in f.aliases) + ")")


def format_for_path(path: Union[str, PurePath]) -> Optional[Format]:
    """The format a file name's ending means (the longest match: ``.csl.json`` is csl,
    ``.json`` json), any case; None when no format writes that ending."""
    lower = PurePath(path).name.casefold()
    best: Optional[Format] = None
    best_len = 0
    for fmt in FORMATS.values():
        for suffix in fmt.suffixes:
            if lower.endswith(suffix) and len(lower) > len(suffix) and len(suffix) > best_len:
                best, best_len = fmt, len(suffix)
    return best


def exporter(name: str) -> Callable[..., Union[str, bytes]]:
    """The ``dumps`` function of a format; UsageError naming the formats otherwise."""
    return importlib.import_module(find_format(name).module).dumps


def dumps(kb: KnowledgeBase, name: str, *, scheme: Optional[str] = None,
          root: Optional[str] = None, **opts: object) -> Union[str, bytes]:
    """Export ``kb`` in the format ``name`` (a name or an alias).

    ``scheme`` None is the default scheme for every format; ``"all"`` (when no
    scheme has that id) is every scheme, for the formats that allow it.
    """
    mod, scheme = _module(kb, name, scheme, root)
    return mod.dumps(kb, scheme=scheme, root=root, **opts)


def chunks(kb: KnowledgeBase, name: str, *, scheme: Optional[str] = None,
           root: Optional[str] = None, **opts: object) -> Iterator[Union[str, bytes]]:
    """The export of ``dumps`` in pieces that join to the same text, for writing as they
    come: formats whose module has ``iter_dumps`` stream; the others give one piece.
    Errors in the arguments are raised here, before the first piece."""
    mod, scheme = _module(kb, name, scheme, root)
    if hasattr(mod, "iter_dumps"):
        it = mod.iter_dumps(kb, scheme=scheme, root=root, **opts)
        first = next(it, None)  # argument errors surface before anything is written
        if first is None:
            return iter(())
        return itertools.chain((first,), it)
    return iter((mod.dumps(kb, scheme=scheme, root=root, **opts),))


def _module(kb: KnowledgeBase, name: str, scheme: Optional[str], root: Optional[str]):
    fmt = find_format(name)
    if scheme is not None and scheme.casefold() == ALL and ALL not in kb.schemes:
        if not fmt.whole:
            raise UsageError(f"{fmt.name} draws one scheme; '--scheme all' is for "
                             + ", ".join(f.name for f in FORMATS.values() if f.whole),
                             hint="drop --scheme for Figure 2, or name a scheme")
        scheme = ALL if root is None else None
    return importlib.import_module(fmt.module), scheme
