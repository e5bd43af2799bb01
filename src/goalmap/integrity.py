"""Checks that need the whole knowledge base: references resolve, trees have no cycle."""

from __future__ import annotations

from typing import Iterator

from goalmap.errors import Problem
from goalmap.kb import KnowledgeBase
from goalmap.query import Reference, references


def _problem(kb: KnowledgeBase, entry_id: str, path: tuple, message: str, rule: str,
             hint: str | None = None) -> Problem:
    origin = kb.origins[entry_id]
    return Problem(origin.file, 0, 0, message, rule=rule, path=origin.prefix + path, hint=hint)


def dangling(kb: KnowledgeBase) -> Iterator[tuple[Reference, list[str]]]:
    """References whose target does not exist (or is of the wrong kind), with close ids."""
    for ref in references(kb):
        if ref.target in kb.broken_ids or kb.unread_kinds.intersection(ref.kinds):
            continue  # its own file's (or folder's) error is reported already
        kind = kb.kind_of(ref.target)
        if kind in ref.kinds:
            if kind == "category" and kb.category_scheme.get(ref.target) != kb.category_scheme.get(
                    ref.source):
                yield ref, []
            continue
        yield ref, kb.closest_ids(ref.target, ref.kinds)


def dangling_problems(kb: KnowledgeBase) -> Iterator[Problem]:
    for ref, close in dangling(kb):
        what = " or ".join(ref.kinds)
        kind = kb.kind_of(ref.target)
        if kind is None:
            msg = f"unknown {what} id '{ref.target}'"
        elif kind == "category":
            msg = f"the parent '{ref.target}' belongs to another scheme"
        else:
            article = "an" if kind[0] in "aeiou" else "a"
            msg = f"'{ref.target}' is {article} {kind}, but a {what} is expected here"
        hint = f"did you mean: {', '.join(close)}?" if close else None
        yield _problem(kb, ref.source, ref.path,
                       msg + (f" (did you mean {', '.join(close)}?)" if close else ""),
                       "dangling-reference", hint)


def cycles(parents: dict[str, str | None]) -> list[list[str]]:
    """Every cycle in a child -> parent map, each once, starting from its smallest id."""
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1 = on the current walk, 2 = done
    for start in parents:
        walk: list[str] = []
        node = start
        while node is not None and node in parents and state.get(node) != 2:
            if state.get(node) == 1:
                loop = walk[walk.index(node):]
                i = loop.index(min(loop))
                found.append(loop[i:] + loop[:i])
                break
            state[node] = 1
            walk.append(node)
            node = parents[node]
        for n in walk:
            state[n] = 2
    return found


def cycle_problems(kb: KnowledgeBase) -> Iterator[Problem]:
    trees = [
        ({c: cat.parent for c, cat in kb.categories.items()}, "category"),
        ({lid: lv.parent for lid, lv in kb.levels.items()}, "level"),
        ({aid: a.parent for aid, a in kb.algorithms.items()}, "algorithm"),
    ]
    for parents, what in trees:
        for loop in cycles(parents):
            chain = " -> ".join(loop + [loop[0]])
            start = loop[0]
            path = ("parent",)
            yield _problem(kb, start, path, f"the {what} tree has a cycle: {chain}",
                           "category-cycle", "a parent must not be its own descendant")


# How deep a tree of categories, levels or algorithms may go (the survey's is 5 deep).
# Walks, views and exports recurse along a tree: a chain of thousands of categories
# (1 MB of YAML holds 20,000) would exhaust Python's stack.  Same cap as YAML nesting.
MAX_TREE_DEPTH = 64


def depths(parents: dict[str, str | None]) -> dict[str, int]:
    """Each node's depth (a root is 1), without recursion; nodes on a cycle are left out."""
    depth: dict[str, int] = {}
    for start in parents:
        path: list[str] = []
        on_path: set[str] = set()
        node: str | None = start
        while node is not None and node in parents and node not in depth:
            if node in on_path:
                break  # a cycle: reported by cycle_problems
            path.append(node)
            on_path.add(node)
            node = parents[node]
        else:
            base = depth.get(node, 0) if node is not None else 0
            for n in reversed(path):
                base += 1
                depth[n] = base
    return depth


def depth_problems(kb: KnowledgeBase) -> Iterator[Problem]:
    """The first entry too deep in each tree branch (at depth MAX_TREE_DEPTH + 1)."""
    trees = [
        ({c: cat.parent for c, cat in kb.categories.items()}, "category"),
        ({lid: lv.parent for lid, lv in kb.levels.items()}, "level"),
        ({aid: a.parent for aid, a in kb.algorithms.items()}, "algorithm"),
    ]
    for parents, what in trees:
        for node, d in sorted(depths(parents).items()):
            if d == MAX_TREE_DEPTH + 1:
                yield _problem(kb, node, ("parent",),
                               f"the {what} tree is more than {MAX_TREE_DEPTH} levels deep here",
                               "category-cycle", "flatten the tree")


def check_integrity(kb: KnowledgeBase) -> list[Problem]:
    return list(dangling_problems(kb)) + list(cycle_problems(kb)) + list(depth_problems(kb))
