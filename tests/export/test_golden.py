"""Golden files: the mini fixture's export in every text format, byte for byte.

After an intended change, regenerate with ``GOALMAP_UPDATE_GOLDEN=1 pytest tests/export``
and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from goalmap.export import FORMATS, dumps

from goalmap.loader import load

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
MINI = HERE.parent / "fixtures" / "mini"


def load_fixture(path: Path):
    return load(path, use_cache=False)

TEXT_FORMATS = [name for name, f in FORMATS.items() if not f.binary]


@pytest.mark.parametrize("fmt", TEXT_FORMATS)
def test_golden(fmt):
    kb = load_fixture(MINI)
    text = dumps(kb, fmt)
    path = GOLDEN / f"mini{FORMATS[fmt].suffix}"
    if os.environ.get("GOALMAP_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")
    assert dumps(load_fixture(MINI), fmt) == text  # and again: nothing depends on the run
