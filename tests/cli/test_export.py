"""``goalmap export``: stdout, -o (atomic), --check, clean errors and exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from goalmap.cli import app

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "fixtures" / "mini"
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
runner = CliRunner()


def run(*args, env=None):
    return runner.invoke(app, ["--taxonomy", str(MINI), "export", *args], env=env or {})


def test_stdout_by_default():
    result = run("markdown")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Mini figure\n")


def test_output_file_and_check(tmp_path):
    target = tmp_path / "README.md"
    assert run("markdown", "-o", str(target)).exit_code == 0
    assert run("markdown", "--check", str(target)).exit_code == 0
    target.write_text(target.read_text().replace("Delphi", "Delfi"))
    result = run("markdown", "--check", str(target))
    assert result.exit_code == 1
    assert "-- **Delfi**" in result.stderr or "-- **Delfi**" in result.output
    assert "+- **Delphi**" in result.stderr and "out of date" in result.stderr
    assert run("markdown", "--check", str(tmp_path / "missing.md")).exit_code == 1


def test_unwritable_path_fails_cleanly():
    result = run("markdown", "-o", "/no/such/dir/x.md")
    assert result.exit_code == 3
    assert "does not exist" in result.stderr and "Traceback" not in result.output


def test_failed_export_leaves_the_old_file(tmp_path):
    target = tmp_path / "fig.md"
    target.write_text("old\n")
    result = run("markdown", "--root", "no-such-level", "-o", str(target))
    assert result.exit_code == 1 and "no level or category named" in result.stderr
    assert target.read_text() == "old\n"


def test_interrupted_write_leaves_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "fig.md"
    target.write_text("old\n")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    result = run("markdown", "-o", str(target))
    assert result.exit_code == 3 and "No space left" in result.stderr
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["fig.md"]


def test_unknown_format_and_scheme():
    result = run("pdf")
    assert result.exit_code == 2 and "markdown, dot" in result.stderr
    result = run("markdown", "--scheme", "nope")
    assert result.exit_code == 2 and "no scheme named 'nope'" in result.stderr
    assert "the schemes are: mini" in result.stderr


def test_svg_without_graphviz_names_the_package(tmp_path):
    result = run("svg", "-o", str(tmp_path / "f.svg"), env={"PATH": str(tmp_path)})
    assert result.exit_code == 4
    assert "graphviz" in result.stderr.lower() and "apt-get install graphviz" in result.stderr
    assert not (tmp_path / "f.svg").exists()


@pytest.mark.skipif(subprocess.run(["which", "dot"], capture_output=True).returncode != 0,
                    reason="Graphviz is not installed")
def test_svg_and_png(tmp_path):
    assert run("svg", "-o", str(tmp_path / "f.svg")).exit_code == 0
    assert (tmp_path / "f.svg").read_text().lstrip().startswith("<?xml")
    assert run("png", "-o", str(tmp_path / "f.png")).exit_code == 0
    assert (tmp_path / "f.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


FORMATS = ["markdown", "dot", "mermaid", "json", "graphml", "bibtex", "html"]


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
def test_byte_identical_across_hash_seeds(fmt, tmp_path):
    outputs = set()
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "GOALMAP_NO_CACHE": "1"}
        done = subprocess.run([sys.executable, "-m", "goalmap", "--taxonomy", str(HOSTILE),
                               "export", fmt], capture_output=True, env=env, check=True)
        outputs.add(done.stdout)
    assert len(outputs) == 1
