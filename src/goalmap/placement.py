"""Add or remove a citation in a scheme file, leaving every other line byte-identical.

ruamel.yaml's round-trip loader gives the structure and where each node
stands (line and column); the edit is then a splice of whole lines: the new
citation item, serialized by ruamel.yaml in the file's own indentation, is
inserted, or an item's lines are removed. A full re-dump would re-flow the
long folded scalars of our scheme files, which is why nothing else is touched.

Each edit is checked: the new text, read back by the project's own loader,
must equal the old scheme with exactly that citation added or removed.
Nothing here writes a file.
"""

from __future__ import annotations

import io
import re
from typing import Any, Optional

from goalmap.errors import EXIT_PROBLEMS, GoalmapError, UsageError


class PlacementError(GoalmapError):
    """The scheme file cannot be edited as asked (exit 1)."""

    exit_code = EXIT_PROBLEMS


def _yaml():
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    return yaml


def _load(text: str) -> Any:
    from ruamel.yaml.error import YAMLError

    try:
        return _yaml().load(text)
    except YAMLError as exc:
        raise PlacementError(f"the scheme file cannot be read: {exc}") from None


def _category(data: Any, category_id: str) -> tuple[Any, int]:
    cats = data.get("categories") if hasattr(data, "get") else None
    if cats is None:
        raise PlacementError("the scheme file has no categories")
    for i, cat in enumerate(cats):
        if hasattr(cat, "get") and cat.get("id") == category_id:
            return cats, i
    raise PlacementError(f"no category '{category_id}' in the scheme file")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _content_end(lines: list[str], start: int, deeper_than: int) -> int:
    """The index after the last content line of the block that starts at ``start`` and
    holds every following line indented more than ``deeper_than`` (blank lines and
    comments at its end are left out)."""
    end = start + 1
    last = start
    while end < len(lines):
        line = lines[end]
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            if _indent(line) <= deeper_than:
                break
            last = end
        end += 1
    return last + 1


def _item_text(label: str, work_id: str, first: str, rest: str) -> list[str]:
    """The citation item as lines: ``first`` before the first line, ``rest`` before the others."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    works = CommentedSeq([work_id])
    works.fa.set_flow_style()
    item = CommentedMap([("label", label), ("works", works)])
    out = io.StringIO()
    _yaml().dump(item, out)
    body = out.getvalue().splitlines()
    return [first + body[0]] + [rest + ln for ln in body[1:]]


def _dash_offset(lines: list[str], data: Any) -> int:
    """How far the file indents a citation's dash past its ``citations:`` key (0 or 2)."""
    for cat in data.get("categories") or []:
        cits = cat.get("citations") if hasattr(cat, "get") else None
        if cits and hasattr(cits, "lc") and not cits.fa.flow_style():
            key_col = cat.lc.key("citations")[1]
            line, col = cits.lc.item(0)
            return _indent(lines[line]) - key_col
    return 0


def place_text(text: str, category_id: str, work_id: str, label: str,
               position: Optional[int] = None) -> str:
    """``text`` with a citation ``{label, works: [work_id]}`` in the category, at the
    1-based ``position`` (default: last)."""
    data = _load(text)
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    cats, i = _category(data, category_id)
    cat = cats[i]
    cits = cat.get("citations")
    if cits is not None and not hasattr(cits, "lc"):
        raise PlacementError(f"the citations of '{category_id}' are not a list")
    if cits is not None and cits.fa.flow_style():
        raise PlacementError(f"the citations of '{category_id}' are written in flow style "
                             "([...]); write them as a block list first")
    count = len(cits) if cits else 0
    if position is not None and not 1 <= position <= count + 1:
        raise UsageError(f"--position must be between 1 and {count + 1}")
    index = count if position is None else position - 1
    if cits:
        line, col = cits.lc.item(0)
        first = lines[line][:col]
        rest = " " * col
        if index < count:
            at = cits.lc.item(index)[0]
        else:
            last_line = cits.lc.item(count - 1)[0]
            at = _content_end(lines, last_line, _indent(lines[last_line]))
        new = _item_text(label, work_id, first, rest)
    else:
        key_line, key_col = cats.lc.item(i)
        dash = " " * (key_col + _dash_offset(lines, data)) + "- "
        cat_end = _content_end(lines, key_line, key_col - 1)
        if cits is not None:  # "citations:" with nothing (null): replace that line
            raise PlacementError(f"the citations of '{category_id}' are empty (null); "
                                 "remove the key or give a list")
        new = [" " * key_col + "citations:"] + _item_text(label, work_id, dash,
                                                          " " * len(dash))
        at = cat_end
    out = lines[:at] + [ln + "\n" for ln in new] + lines[at:]
    return "".join(out)


def unplace_text(text: str, category_id: str, work_id: str,
                 label: Optional[str] = None) -> str:
    """``text`` without the citation of ``work_id`` (alone in its item) in the category.

    With several matching citations, ``label`` chooses; when the last citation goes, the
    ``citations:`` key goes with it.
    """
    data = _load(text)
    lines = text.splitlines(keepends=True)
    cats, i = _category(data, category_id)
    cat = cats[i]
    cits = cat.get("citations") or []
    if cits and cits.fa.flow_style():
        raise PlacementError(f"the citations of '{category_id}' are written in flow style; "
                             "edit them by hand")
    matches = [k for k, c in enumerate(cits)
               if work_id in (c.get("works") or []) and (label is None or c.get("label") == label)]
    if not matches:
        raise PlacementError(f"'{category_id}' has no citation of '{work_id}'"
                             + (f" labelled '{label}'" if label else ""))
    if len(matches) > 1:
        labels = ", ".join(repr(cits[k].get("label")) for k in matches)
        raise UsageError(f"'{category_id}' cites '{work_id}' {len(matches)} times ({labels})",
                         hint="choose one with --label")
    k = matches[0]
    works = list(cits[k].get("works") or [])
    if works != [work_id]:
        raise PlacementError(f"the citation '{cits[k].get('label')}' cites {', '.join(works)} "
                             f"together; remove '{work_id}' from its works by hand")
    start = cits.lc.item(k)[0]
    if k + 1 < len(cits):
        end = cits.lc.item(k + 1)[0]
    else:
        end = _content_end(lines, start, _indent(lines[start]))
    if len(cits) == 1:  # the key goes too
        start = cat.lc.key("citations")[0]
    return "".join(lines[:start] + lines[end:])


def default_label(work: Any) -> str:
    """A citation label for a work: its first alias, else its title."""
    aliases = list(getattr(work, "aliases", ()) or ())
    return aliases[0] if aliases else work.title


def check_edit(old_entry: dict, new_text: str, rel: str, category_id: str,
               expect: list) -> None:
    """The new text must read back as the old scheme with the category's citations
    replaced by ``expect`` (a list of citation dicts); anything else is a bug."""
    from goalmap.source import read_entries
    from goalmap.records import as_dict

    entries, problems = read_entries(new_text, rel)
    if problems or len(entries) != 1:
        raise PlacementError("the edited scheme would not be valid"
                             + (f": {problems[0].message}" if problems else ""))
    got = as_dict(entries[0][1])
    want = dict(old_entry)
    want["categories"] = [dict(c, citations=expect) if c["id"] == category_id else c
                          for c in old_entry["categories"]]
    if got != want:
        raise PlacementError("the edit changed more than the citation (this is a bug in "
                             "goalmap; nothing was written)")


def split_target(target: str) -> tuple[str, str]:
    """``SCHEME/CATEGORY`` -> (scheme, category)."""
    scheme, sep, category = target.partition("/")
    if not sep or not scheme or not category or "/" in category:
        raise UsageError(f"'{target}' is not SCHEME/CATEGORY",
                         hint="for example: --in figure2/fig2-def-values")
    if not re.fullmatch(r"[A-Za-z0-9._-]+", category):
        raise UsageError(f"'{category}' is not a category id")
    return scheme, category
