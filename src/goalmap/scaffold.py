"""Write new taxonomy entries in the house format, so that they pass ``goalmap lint``.

No printing here: the CLI says where the file went.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from goalmap.errors import UsageError
from goalmap.fsutil import write_atomic
from goalmap.loader import read_tree
from goalmap.source import read_entries


def _scalar(value: str) -> str:
    """A YAML scalar: JSON quoting is valid YAML and keeps every string a string."""
    return json.dumps(value, ensure_ascii=False)


def work_yaml(work_id: str, title: str, authors: list[str], year: int, *,
              arxiv: Optional[str] = None, url: Optional[str] = None,
              et_al: bool = False) -> str:
    if not url and arxiv:
        url = f"https://arxiv.org/abs/{arxiv}"
    lines = [
        f"id: {work_id}",
        f"type: {'preprint' if arxiv else 'misc'}",
        f"title: {_scalar(title)}",
        "authors: [" + ", ".join(_scalar(a) for a in authors) + "]",
    ]
    if et_al:
        lines.append("et_al: true")
    lines.append(f"year: {year}")
    if arxiv:
        lines += ["venue: arXiv preprint", f"arxiv: {_scalar(arxiv)}"]
    if url:
        lines.append(f"url: {url}")
    return "\n".join(lines) + "\n"


def existing_ids(root: Path) -> dict[str, str]:
    """Every id of the taxonomy (also of files that do not validate) -> its file."""
    ids: dict[str, str] = {}
    for rel, source in read_tree(root).files.items():
        found = {e.id for _, e in source.entries} | source.claimed
        for _, entry in source.entries:
            found.update(c.id for c in getattr(entry, "categories", ()))
        for entry_id in found:
            ids.setdefault(entry_id, rel)
    return ids


def new_work(root: Path, work_id: str, title: str, authors: list[str], year: int, *,
             arxiv: Optional[str] = None, url: Optional[str] = None,
             et_al: bool = False) -> Path:
    """Write ``works/<id>.yaml`` under ``root``; refuse an id already in the knowledge base."""
    root = Path(root)
    target = root / "works" / f"{work_id}.yaml"
    if target.exists():
        raise UsageError(f"{target} exists already", hint="choose another id, or edit the file")
    where = existing_ids(root).get(work_id)
    if where is not None:
        raise UsageError(f"the id '{work_id}' is already used in {where}",
                         hint="add the second title word to the key")
    text = work_yaml(work_id, title, authors, year, arxiv=arxiv, url=url, et_al=et_al)
    entries, problems = read_entries(text, f"works/{work_id}.yaml")
    if problems:
        raise UsageError(f"the entry would not be valid: {problems[0].message}")
    (root / "works").mkdir(exist_ok=True)
    return write_atomic(target, text)
