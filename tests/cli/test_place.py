"""`goalmap place` / `unplace`: a citation added or removed, every other line byte-identical."""

from __future__ import annotations

import difflib
import json

import pytest
import yaml
from conftest import MINI, TAXONOMY
from typer.testing import CliRunner

from goalmap.cli import app

runner = CliRunner()


def run(root, *args):
    return runner.invoke(app, ["--taxonomy", str(root), *args])


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    """(removed, added) lines of a diff."""
    removed, added = [], []
    for line in difflib.ndiff(before.splitlines(), after.splitlines()):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def test_place_then_unplace_leaves_the_file_byte_identical(mini):
    scheme = mini / "schemes" / "mini.yaml"
    start = scheme.read_bytes()
    placed = run(mini, "place", "jiang2021delphi", "--in", "mini/mini-def-preferences",
                 "--label", "Delphi: #1 'odd' label", "--position", "2")
    assert placed.exit_code == 0, placed.output
    removed, added = changed_lines(start.decode(), scheme.read_text())
    assert removed == []
    assert added == ["      - label: \"Delphi: #1 'odd' label\"",
                     "        works: [jiang2021delphi]"]
    data = yaml.safe_load(scheme.read_text())
    [cat] = [c for c in data["categories"] if c["id"] == "mini-def-preferences"]
    assert [c["label"] for c in cat["citations"]] == ["InstructGPT", "Delphi: #1 'odd' label",
                                                      "Aplaca"]
    unplaced = run(mini, "unplace", "jiang2021delphi", "--in", "mini/mini-def-preferences")
    assert unplaced.exit_code == 0, unplaced.output
    assert scheme.read_bytes() == start


def test_a_category_without_citations_gets_the_key_and_loses_it_again(mini):
    scheme = mini / "schemes" / "mini.yaml"
    start = scheme.read_bytes()
    assert run(mini, "place", "ouyang2022training", "--in",
               "mini/mini-definition").exit_code == 0
    removed, added = changed_lines(start.decode(), scheme.read_text())
    assert removed == [] and added == ["    citations:", "      - label: InstructGPT",
                                       "        works: [ouyang2022training]"]
    assert run(mini, "unplace", "ouyang2022training", "--in",
               "mini/mini-definition").exit_code == 0
    assert scheme.read_bytes() == start


def _categories(sample: bool):
    """(root, kb, scheme, category) of the shipped schemes and the mini one; with ``sample``,
    per scheme the first and last category, and the first with citations and without."""
    from goalmap.loader import load

    for root in (TAXONOMY, MINI):
        kb = load(root, use_cache=False)
        for scheme in sorted(kb.schemes):
            cats = [c.id for c in kb.schemes[scheme].categories]
            if sample:
                cited = [c for c in cats if kb.categories[c].citations]
                bare = [c for c in cats if not kb.categories[c].citations]
                cats = sorted({cats[0], cats[-1], *cited[:1], *bare[:1]})
            for cat_id in cats:
                yield root, kb, scheme, cat_id


def test_sampled_categories_of_every_scheme_round_trip():
    assert _round_trips(sample=True) >= 20


@pytest.mark.slow
def test_every_category_of_every_scheme_round_trips():
    assert _round_trips(sample=False) > 200


def _round_trips(sample: bool) -> int:
    """The library edit, on categories of the shipped schemes (which fold long lines) and
    the mini one (another indentation): only the new lines appear, and they go again."""
    from goalmap.models import Citation
    from goalmap.placement import check_edit, place_text, unplace_text
    from goalmap.records import as_dict

    count = 0
    for root, kb, scheme, cat_id in _categories(sample):
        rel = kb.origins[scheme].file
        text = (root / rel).read_text()
        cits = [as_dict(c) for c in kb.categories[cat_id].citations]
        new = Citation(label="A new label: with a colon", works=["zz2099new"]).model_dump(
            mode="json")
        for position in sorted({1, len(cits) + 1}):
            placed = place_text(text, cat_id, "zz2099new", new["label"], position)
            removed, added = changed_lines(text, placed)
            assert removed == [] and len(added) in (2, 3), (cat_id, added)
            check_edit(as_dict(kb.schemes[scheme]), placed, rel, cat_id,
                       cits[:position - 1] + [new] + cits[position - 1:])
            assert unplace_text(placed, cat_id, "zz2099new") == text, cat_id
            count += 1
    return count


def test_the_result_must_lint_clean_or_nothing_is_written(mini):
    """With orphan-work raised to an error by the project's configuration, removing a work's
    only citation is refused."""
    (mini / "works" / "smith2020example.yaml").write_text(
        "id: smith2020example\ntitle: An Example\nauthors: [Jane Smith]\nyear: 2020\n"
        "url: https://example.org/\nsummary: An example.\n")
    assert run(mini, "place", "smith2020example", "--in", "mini/mini-definition").exit_code == 0
    (mini.parent / ".goalmap.yaml").write_text("lint:\n  levels: {orphan-work: error}\n")
    scheme = mini / "schemes" / "mini.yaml"
    start = scheme.read_bytes()
    result = run(mini, "unplace", "smith2020example", "--in", "mini/mini-definition")
    assert result.exit_code == 1
    assert "orphan-work" in result.stderr and "nothing written" in result.stderr
    assert scheme.read_bytes() == start


@pytest.mark.parametrize("args, code, message", [
    (["place", "nobody2020x", "--in", "mini/mini-definition"], 1, "no work named"),
    (["place", "jiang2021delphi", "--in", "mini/nowhere"], 1, "no category in the scheme"),
    (["place", "jiang2021delphi", "--in", "nosuch/mini-definition"], 2, "scheme"),
    (["place", "jiang2021delphi", "--in", "mini-definition"], 2, "SCHEME/CATEGORY"),
    (["place", "jiang2021delphi", "--in", "mini/mini-def-values"], 1, "already"),
    (["place", "jiang2021delphi", "--in", "mini/mini-def-preferences", "--position", "9"],
     2, "--position"),
    (["unplace", "jiang2021delphi", "--in", "mini/mini-def-preferences"], 1,
     "no citation of"),
    (["unplace", "ouyang2022training", "--in", "mini/mini-def-preferences"], 2, "--label"),
])
def test_refusals_write_nothing(mini, args, code, message):
    scheme = mini / "schemes" / "mini.yaml"
    start = scheme.read_bytes()
    result = run(mini, *args)
    assert result.exit_code == code, result.output
    assert message in result.stderr and "Traceback" not in result.output
    assert scheme.read_bytes() == start


def test_unplace_chooses_by_label(mini):
    result = run(mini, "unplace", "ouyang2022training", "--in", "mini/mini-def-preferences",
                 "--label", "Aplaca", "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["action"] == "unplaced" and "-      - label: Aplaca" in out["diff"]
    assert "Aplaca" not in (mini / "schemes" / "mini.yaml").read_text().split("printed")[0]


def test_dry_run_shows_the_diff_and_writes_nothing(mini):
    scheme = mini / "schemes" / "mini.yaml"
    start = scheme.read_bytes()
    result = run(mini, "place", "jiang2021delphi", "--in", "mini/mini-definition", "--dry-run")
    assert result.exit_code == 0
    assert "+      - label: Delphi" in result.stdout
    assert scheme.read_bytes() == start
