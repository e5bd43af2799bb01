"""One alias naming two different things.

**What.** Folds every alias and name of works, resources, levels, tables,
algorithms and challenges (case, spaces and punctuation ignored) and reports
an alias that also names another entry, at the alias.  A work and the
resource it introduces may share a name (the paper "Delphi" and the model
Delphi); so may an algorithm and the works or resources it lists.  Two names
that clash are reported at both names.

**Why.** ``goalmap show NAME`` resolves names and aliases; a name that means
two things cannot be resolved, and usually one of the aliases is wrong.

The failing example assumes the work ``jiang2021delphi``, whose alias is Delphi.

Failing example (``resources/delphi-model.yaml``)::

    id: delphi-model
    name: Delphi model
    kind: model
    aliases: [Delphi]

Passing example::

    id: delphi-model
    name: Delphi model
    kind: model
    aliases: [Delphi]
    introduced_by: [jiang2021delphi]
"""

from __future__ import annotations

from goalmap.kb import norm
from goalmap.query import resources_of

ID = "alias-clash"
LEVEL = "error"
OPTIONS: dict = {}

_KINDS = ("level", "work", "resource", "table", "algorithm", "challenge")


def _related(kb) -> set[frozenset]:
    """Pairs of ids that may share a name: a work and what it introduces, and so on."""
    pairs = set()
    for rid, res in kb.resources.items():
        for other in (*res.introduced_by, *res.based_on):
            pairs.add(frozenset((rid, other)))
    for aid, alg in kb.algorithms.items():
        for other in alg.works:
            pairs.add(frozenset((aid, other)))
            for rid in resources_of(kb, other):
                pairs.add(frozenset((aid, rid)))
    return pairs


def check(ctx):
    kb = ctx.kb
    index: dict[str, list[tuple[str, tuple, str]]] = {}  # folded -> (id, path, text)
    for _, entry_id, entry in ctx.entries(*_KINDS):
        name = getattr(entry, "name", None)
        if name and norm(name):
            index.setdefault(norm(name), []).append((entry_id, ("name",), name))
        for i, alias in enumerate(getattr(entry, "aliases", ())):
            if norm(alias):
                index.setdefault(norm(alias), []).append((entry_id, ("aliases", i), alias))
    related = _related(kb)
    for folded in sorted(index):
        uses = index[folded]
        ids = sorted({u[0] for u in uses})
        if len(ids) < 2:
            continue
        for entry_id, path, text in uses:
            others = [o for o in ids if o != entry_id and frozenset((o, entry_id)) not in related]
            if not others:
                continue
            if path == ("name",) and any(u[0] in others and u[1] != ("name",) for u in uses):
                continue  # the alias is at fault, not the canonical name
            what = "alias" if path != ("name",) else "name"
            yield ctx.at(entry_id, path,
                         f"the {what} '{text}' also names {', '.join(others)}",
                         hint="drop or qualify the alias, or link the entries "
                         "(introduced_by) if they are the same thing")
