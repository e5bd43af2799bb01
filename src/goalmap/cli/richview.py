"""Views drawn with rich, for a terminal that takes colour."""

from __future__ import annotations

from rich.console import Console, Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

STYLE = {
    "level": "bold magenta", "category": "bold cyan", "citation": "", "work": "bold",
    "resource": "bold green", "table": "bold yellow", "member": "", "fact": "",
    "link": "blue underline", "algorithm": "bold", "challenge": "bold",
}


def _table(data: dict) -> Table:
    table = Table(show_lines=False, header_style="bold")
    for col in data["columns"]:
        table.add_column(escape(str(col)))
    for row in data["rows"]:
        table.add_row(*(escape(str(c)) for c in row))
    return table


def _label(view: dict):
    text = Text(view["label"], style=STYLE.get(view.get("kind", ""), ""))
    if view.get("id") and view.get("kind") in ("level", "work", "resource", "algorithm"):
        text.append(f"  [{view['id']}]", style="dim")
    parts: list = [text]
    if view.get("text"):
        parts.append(Text(view["text"], style="italic"))
    for name, value in view.get("fields", []):
        line = Text(f"{name}: ", style="dim")
        line.append(str(value))
        parts.append(line)
    if view.get("table"):
        parts.append(_table(view["table"]))
    return Group(*parts) if len(parts) > 1 else text


def _grow(tree: Tree, kids: list) -> None:
    for kid in kids:
        _grow(tree.add(_label(kid)), kid["children"])


def print_rich(view: dict) -> None:
    tree = Tree(_label(view), guide_style="dim")
    _grow(tree, view["children"])
    console = Console()
    console.print(tree)
    from goalmap.cli.output import also_lines

    for line in also_lines(view):
        console.print(Text(line, style="dim" if line.startswith("  ") else "bold"))
