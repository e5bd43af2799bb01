"""Deep trees: a ``parent`` chain of thousands of categories (1 MB of YAML holds 20,000).

Found by benchmarks/adversarial.py: on main, ``export markdown`` of a 3,000-deep chain ended
in a RecursionError (exit 70). Trees are capped at 64 levels, like YAML nesting: a located
error at the first category past the limit, for lint and every other command.
"""

from __future__ import annotations

import json

import pytest

from adversarial.conftest import clean, goalmap, write_tree


def chain(n: int) -> str:
    cats = [f"  - id: d{i}\n    label: L{i}\n    perspective: definition\n    order: {i}"
            + (f"\n    parent: d{i - 1}" if i else "") for i in range(n)]
    return "id: deep\nname: Deep\ncategories:\n" + "\n".join(cats) + "\n"


@pytest.fixture
def deep(tmp_path):
    root = write_tree(tmp_path / "taxonomy", {})
    (root / "schemes" / "deep.yaml").write_text(chain(3000), encoding="utf-8")
    return root


@pytest.mark.parametrize("args", [("export", "markdown", "--scheme", "deep"),
                                  ("export", "json"), ("show", "deep"), ("show", "d2999")])
def test_commands_refuse_a_deep_tree_cleanly(deep, args):
    run = goalmap("--taxonomy", str(deep), *args)
    clean(run, (1,))
    assert "more than 64 levels deep" in run.err


def test_lint_places_the_error_at_the_first_category_too_deep(deep):
    run = goalmap("--taxonomy", "taxonomy", "lint", "--format", "json", "--select",
                  "category-cycle", cwd=deep.parent)
    clean(run, (1,))
    problems = json.loads(run.stdout)
    assert [(p["file"], p["line"], p["path"]) for p in problems] == [
        # 3 header lines, d0 on 4 lines (no parent), then 5 lines each: d64 starts at line
        # 8 + 5 * 63 = 323, and its parent is its fifth line.
        ("taxonomy/schemes/deep.yaml", 327, "categories[64].parent")]


def test_64_levels_are_fine(tmp_path):
    root = write_tree(tmp_path / "taxonomy", {})
    (root / "schemes" / "deep.yaml").write_text(chain(64), encoding="utf-8")
    clean(goalmap("--taxonomy", str(root), "export", "markdown", "--scheme", "deep"), (0,))
