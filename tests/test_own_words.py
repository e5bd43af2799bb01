"""Free text in taxonomy/ must be written in our own words.

Fails when a description, summary, definition or similar string shares a run
of ten or more consecutive words with the survey text.  Titles, names,
labels, aliases, urls and ids are exempt (they are facts, not prose), as is
``printed`` (a figure's own text kept on purpose).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
TAXONOMY = REPO / "taxonomy"
SURVEY = REPO.parent / "shared" / "seed" / "2308.12014.txt"
N = 10

# Keys whose string values are exempt: names, labels, identifiers, links and
# the fields that hold other entries' ids.
EXEMPT_KEYS = {
    "id", "title", "name", "label", "aliases", "url", "printed",
    "authors", "organization", "venue", "arxiv", "doi", "type", "kind", "code",
    "works", "resources", "introduced_by", "levels", "based_on", "related",
    "parent", "ref", "level", "perspective", "section", "source", "key", "group",
}


def normalise(text: str) -> list[str]:
    text = re.sub(r"(\w)-\s*\n\s*(\w)", r"\1\2", text)  # exam-\nple -> example
    text = text.lower()
    text = re.sub(r"[^\w\s]", " ", text)
    text = text.replace("_", " ")
    return text.split()


def shingles(words: list[str]) -> set[int]:
    return {hash(" ".join(words[i:i + N])) for i in range(len(words) - N + 1)}


def free_text(node, path=""):
    """Yield (path, string) for every non-exempt string in a YAML tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in EXEMPT_KEYS:
                continue
            yield from free_text(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            label = ""
            if isinstance(value, dict):
                label = value.get("id") or value.get("name") or value.get("label") or value.get("key") or ""
            yield from free_text(value, f"{path}[{label or i}]")
    elif isinstance(node, str):
        yield path, node


@pytest.fixture(scope="module")
def survey_shingles() -> set[int]:
    if not SURVEY.is_file():
        pytest.skip(f"needs ../shared/ beside the checkout: the survey text {SURVEY} is missing")
    return shingles(normalise(SURVEY.read_text(encoding="utf-8")))


FILES = sorted(TAXONOMY.rglob("*.yaml")) + sorted(TAXONOMY.rglob("*.yml"))


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(TAXONOMY)) for p in FILES])
def test_no_copied_runs(path: Path, survey_shingles: set[int]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    copied = []
    for where, text in free_text(data):
        words = normalise(text)
        for i in range(len(words) - N + 1):
            if hash(" ".join(words[i:i + N])) in survey_shingles:
                copied.append(f"{where}: '{' '.join(words[i:i + N])}'")
                break
    assert not copied, "text copied from the survey (10+ words):\n" + "\n".join(copied)
