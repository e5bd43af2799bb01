"""Views drawn with rich, for a terminal that takes colour.

Fields wrap with a hanging indent (a two-column grid), URLs are single
clickable OSC 8 links that are never split, ids and errata are marked as in
plain output (``output.id_suffix`` and ``output.erratum_suffix``).
"""

from __future__ import annotations

import re

from rich.console import Console, Group
from rich.markup import escape
from rich.style import Style
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from goalmap.cli.marks import also_lines, erratum_suffix, id_suffix

STYLE = {
    "level": "bold magenta", "category": "bold cyan", "citation": "", "work": "bold",
    "resource": "bold green", "table": "bold yellow", "member": "", "fact": "",
    "link": "blue underline", "algorithm": "bold", "challenge": "bold", "scheme": "bold",
}
_URL = re.compile(r"https?://\S+")


def linked(text: str, style: str = "") -> Text:
    """``text`` with every URL in it a clickable link (OSC 8), kept on one line."""
    out = Text(style=style)
    pos = 0
    for m in _URL.finditer(text):
        out.append(text[pos:m.start()])
        out.append(m.group(0), style=Style(link=m.group(0), color="blue", underline=True))
        pos = m.end()
    out.append(text[pos:])
    return out


def _table(data: dict) -> Table:
    table = Table(show_lines=False, header_style="bold")
    for col in data["columns"]:
        table.add_column(escape(str(col)))
    for row in data["rows"]:
        table.add_row(*(escape(str(c)) for c in row))
    return table


def _fields(pairs: list) -> Table:
    """Name/value pairs as a grid: a wrapped value continues under its own column."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    for name, value in pairs:
        value = str(value)
        cell = linked(value)
        if _URL.fullmatch(value):
            cell.no_wrap, cell.overflow = True, "ignore"  # a URL is never split
        grid.add_row(f"{name}:", cell)
    return grid


def _label(view: dict):
    style = STYLE.get(view.get("kind", ""), "")
    text = linked(view["label"], style) if view.get("kind") == "link" else Text(
        view["label"], style=style)
    if view.get("kind") == "link":
        text.no_wrap, text.overflow = True, "ignore"
    if id_suffix(view):
        text.append(id_suffix(view), style="dim")
    if erratum_suffix(view):
        text.append(erratum_suffix(view), style="bold yellow")
    parts: list = [text]
    if view.get("text"):
        parts.append(Text(view["text"], style="italic"))
    if view.get("fields"):
        parts.append(_fields(view["fields"]))
    if view.get("table"):
        parts.append(_table(view["table"]))
    return Group(*parts) if len(parts) > 1 else text


def _grow(tree: Tree, kids: list) -> None:
    for kid in kids:
        _grow(tree.add(_label(kid)), kid["children"])


def render_rich(view: dict) -> str:
    """The view as the terminal will show it (colours and links as escape codes)."""
    tree = Tree(_label(view), guide_style="dim")
    _grow(tree, view["children"])
    console = Console(force_terminal=True)
    with console.capture() as captured:
        console.print(tree)
        for line in also_lines(view):
            console.print(Text(line, style="dim" if line.startswith("  ") else "bold"))
    return captured.get()


def print_rich(view: dict) -> None:
    import sys

    sys.stdout.write(render_rich(view))
