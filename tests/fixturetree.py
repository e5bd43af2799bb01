"""The mini fixture taxonomy, and copies of it with files added, for tests in any folder."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"


def write_tree(root: Path, files: dict[str, str], base: bool = True) -> Path:
    """A copy of the mini taxonomy at ``root`` (none when not ``base``) with ``files``
    (relative path -> YAML, dedented) added."""
    if base:
        shutil.copytree(MINI, root)
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root
