"""The invariants ARCHITECTURE.md states, checked: imports flow one way, the library
never talks to the terminal, and the module graph has no cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

SRC = Path(__file__).resolve().parent.parent / "src" / "goalmap"

# Lower layers never import higher ones (ARCHITECTURE.md, "Layers").
LAYERS = [
    {"goalmap.version", "goalmap.errors", "goalmap.kinds", "goalmap.ids", "goalmap.fsutil",
     "goalmap.citations", "goalmap.models", "goalmap.vocab"},
    {"goalmap.records"},
    {"goalmap.yamlread", "goalmap.source", "goalmap.cache"},
    {"goalmap.kb", "goalmap.workspace"},
    {"goalmap.loader", "goalmap.query", "goalmap.integrity"},
    {"goalmap.graph"},
]
# The CLI and the package's own facade (goalmap.load) may import anything.
TOP = {"goalmap", "goalmap.__main__", "goalmap.cli"}


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in SRC.rglob("*.py")}


def imports(path: Path) -> set[str]:
    """Every goalmap module ``path`` imports, at the top or inside a function."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.startswith("goalmap"):
                subs = {f"{node.module}.{a.name}" for a in node.names}
                found = subs & set(MODULES)
                out.update(found)
                if len(found) < len(subs):  # an attribute of the module itself
                    out.add(node.module)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("goalmap"))
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module in (
                "typer", "rich", "click") or isinstance(node, ast.Import) and any(
                a.name.split(".")[0] in ("typer", "rich", "click") for a in node.names):
            out.add("<terminal>")
    return out


def graph() -> nx.DiGraph:
    g = nx.DiGraph()
    for name, path in MODULES.items():
        g.add_node(name)
        for target in imports(path):
            if target in MODULES and target != name:
                g.add_edge(name, target)
    return g


def layer(name: str) -> int:
    for i, members in enumerate(LAYERS):
        if name in members:
            return i
    return len(LAYERS)  # lint, export, views, scaffold and the rest sit above the core


def test_no_import_cycles():
    cycles = list(nx.simple_cycles(graph()))
    assert cycles == []


def test_imports_flow_down_the_layers():
    wrong = [(a, b) for a, b in graph().edges
             if not (a in TOP or a.startswith("goalmap.cli")) and layer(b) > layer(a)
]
    assert wrong == []


def test_only_the_cli_talks_to_the_terminal():
    talking = sorted(name for name, path in MODULES.items()
                     if "<terminal>" in imports(path) and not name.startswith("goalmap.cli"))
    assert talking == []


def test_cache_sits_below_the_loader():
    g = graph()
    assert not nx.has_path(g, "goalmap.cache", "goalmap.loader")
    assert g.has_edge("goalmap.loader", "goalmap.cache")
