"""The benchmark scripts work (their timings are not tested: see benchmarks/run.py)."""

from __future__ import annotations

import pytest

from goalmap import query

import subprocess
import sys
from pathlib import Path

from goalmap.lint import lint
from goalmap.loader import discover, load

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

from generate import generate  # noqa: E402


def test_generated_knowledge_base_is_realistic_deterministic_and_clean(tmp_path):
    counts = generate(tmp_path / "a", 300)
    generate(tmp_path / "b", 300)
    files_a = [p.relative_to(tmp_path / "a") for p in discover(tmp_path / "a")]
    assert files_a == [p.relative_to(tmp_path / "b") for p in discover(tmp_path / "b")]
    assert all((tmp_path / "a" / f).read_bytes() == (tmp_path / "b" / f).read_bytes()
               for f in files_a)
    assert counts["files"] == len(files_a)

    kb = load(tmp_path / "a", use_cache=False)
    assert len(kb.works) == 300 and len(kb.resources) == 30
    assert query.default_scheme(kb) == "synthetic"
    assert all(query.citations_of(kb, w) for w in kb.works)  # every work is cited
    assert any(r.based_on for r in kb.resources.values())  # cross references
    assert any(w.links for w in kb.works.values())
    assert lint(tmp_path / "a") == []


@pytest.mark.slow
def test_quick_run_writes_a_results_table(tmp_path):
    out = tmp_path / "results.md"
    proc = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--quick", "--sizes", "20", "--runs", "1",
         "--no-real", "--no-tools", "--out", str(out)],
        capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    text = out.read_text()
    assert "Machine:" in text and "Python" in text
    for row in ("`goalmap --help` (cold)", "hello typer `--help`", "| 20 | lint |",
                "| 20 | export json |", "| 20 | show values, warm cache |"):
        assert row in text
    assert "(failed" not in text
    assert text in proc.stdout


def test_hello_world_baseline_prints_its_word():
    proc = subprocess.run([sys.executable, str(BENCH / "hello_typer.py"), "hello"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and proc.stdout == "hello\n"


def test_exports_run_measures_every_format(tmp_path):
    from goalmap.export import FORMATS

    out = tmp_path / "exports.md"
    proc = subprocess.run(
        [sys.executable, str(BENCH / "run.py"), "--exports", "--sizes", "20", "--runs", "1",
         "--out", str(out)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    text = out.read_text()
    assert "| 20 | CSafeLoader parse (baseline) |" in text
    for name in FORMATS:
        assert f"| 20 | export {name} |" in text, name
    assert "(failed" not in text and "(timed out)" not in text


def test_adversarial_cases_are_hostile_files_of_at_most_1_mb(tmp_path):
    """benchmarks/adversarial.py's premise (issue 10): each case adds files of <= 1 MB."""
    import importlib.util
    import shutil

    # by path: "adversarial" on sys.path is the tests/adversarial package
    spec = importlib.util.spec_from_file_location("bench_adversarial", BENCH / "adversarial.py")
    adversarial = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(adversarial)

    for n, (name, make) in enumerate(adversarial.CASES.items()):
        root = tmp_path / f"c{n}"
        shutil.copytree(adversarial.MINI, root)
        before = {p: p.stat().st_size for p in root.rglob("*") if p.is_file()}
        if make is not None:
            make(root)
        changed = [p for p in root.rglob("*") if not p.is_symlink() and p.is_file()
                   and before.get(p) != p.stat().st_size]
        assert (make is None) == (not changed) or name.startswith("FIFO"), name
        assert all(p.stat().st_size <= adversarial.MB for p in changed), name
