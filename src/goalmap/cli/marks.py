"""How plain and rich output mark the same things alike: ids, errata, other matches.

Both ``output`` (plain text) and ``richview`` (rich) use these, so an id or an
erratum reads the same whether the output is piped or on a terminal.
"""

from __future__ import annotations


# Kinds whose id is printed beside the label, in plain and rich output alike.
ID_KINDS = ("level", "work", "resource", "table", "algorithm", "challenge", "scheme")


def id_suffix(view: dict) -> str:
    return f"  [{view['id']}]" if view.get("id") and view.get("kind") in ID_KINDS else ""


def erratum_suffix(view: dict) -> str:
    """How an erratum is marked: never like a label, always with what the edition printed."""
    return f"  ⚠ erratum: printed as “{view['printed']}”" if view.get("printed") else ""


def also_lines(view: dict) -> list[str]:
    """The other entries a name matched: kind, id and label, one per line."""
    also = view.get("also") or []
    if not also:
        return []
    width = max(len(m["kind"]) for m in also)
    return ["", f"Also matching ({len(also)}; show one by its id, or narrow with --kind):"] + [
        f"  {m['kind'].ljust(width)}  {m['id']}  {m['label']}" for m in also]
