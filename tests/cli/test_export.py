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


FORMATS = ["markdown", "dot", "mermaid", "json", "graphml", "bibtex", "csl", "turtle", "jsonld",
           "html"]


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


# ---------------------------------------------------------------- issue 14 defects
REAL = ROOT / "taxonomy"


def real(*args):
    return runner.invoke(app, ["--taxonomy", str(REAL), "export", *args], env={})


@pytest.mark.parametrize("fmt", ["bibtex", "json", "graphml", "markdown", "mermaid", "dot", "csl",
                                 "turtle", "jsonld"])
def test_every_format_defaults_to_figure2(fmt):
    """Figure 2 is the default that --help states, for every format."""
    plain, figure2 = real(fmt), real(fmt, "--scheme", "figure2")
    assert plain.exit_code == 0 and figure2.exit_code == 0, plain.stderr
    assert plain.stdout == figure2.stdout


def test_bibtex_default_is_figure2s_works_and_all_is_every_work():
    import bibtexparser

    def keys(result):
        assert result.exit_code == 0, result.stderr
        return {e.key for e in bibtexparser.parse_string(result.stdout).entries}

    default = keys(real("bibtex"))
    assert "durmus2023measuring" in default and "wvs2021world" in default  # Figure 2 cites them
    assert "bommasani2021opportunities" not in default  # only the survey's text cites it
    everything = keys(real("bibtex", "--scheme", "all"))
    assert default < everything
    assert everything == {p.stem for p in (REAL / "works").glob("*.yaml")}


def test_json_default_holds_figure2_only():
    import json

    data = json.loads(real("json").stdout)
    schemes = {n["id"] for n in data["nodes"] if n["kind"] == "scheme"}
    assert schemes == {"figure2"}
    assert data["graph"]["scheme"] == "figure2"
    whole = json.loads(real("json", "--scheme", "all").stdout)
    assert {n["id"] for n in whole["nodes"] if n["kind"] == "scheme"} == {
        p.stem for p in (REAL / "schemes").glob("*.yaml")}


def test_scheme_all_is_refused_by_the_drawings():
    result = run("markdown", "--scheme", "all")
    assert result.exit_code == 2 and "draws one scheme" in result.stderr


def test_help_states_the_one_default():
    result = runner.invoke(app, ["export", "--help"], env={"COLUMNS": "200"})
    text = " ".join(result.stdout.split())
    assert "The default, for every format, is the default scheme (Figure 2)" in text
    assert "html, the explorer, opens on it and carries every edition" in text


def test_help_names_every_format_and_alias():
    result = runner.invoke(app, ["export", "--help"], env={"COLUMNS": "400"})
    text = " ".join(result.stdout.split())
    for name in ("markdown", "svg", "bibtex", "csl", "turtle", "jsonld", "md", "ttl", "json-ld"):
        assert name in text


@pytest.mark.parametrize("alias, name", [("md", "markdown"), ("MD", "markdown"),
                                         ("mmd", "mermaid"), ("bib", "bibtex"), ("gv", "dot")])
def test_format_aliases(alias, name):
    assert run(alias).stdout == run(name).stdout != ""


@pytest.mark.parametrize("filename, name", [("fig.md", "markdown"), ("FIG.MD", "markdown"),
                                            ("refs.bib", "bibtex"), ("g.graphml", "graphml"),
                                            ("g.json", "json"), ("chart.mmd", "mermaid"),
                                            ("fig.gv", "dot"), ("refs.csl.json", "csl"),
                                            ("kb.ttl", "turtle"), ("kb.jsonld", "jsonld")])
def test_format_inferred_from_the_output_name(tmp_path, filename, name):
    target = tmp_path / filename
    result = run("-o", str(target))
    assert result.exit_code == 0, result.stderr
    assert target.read_text() == run(name).stdout
    assert run("--check", str(target)).exit_code == 0


def test_no_format_and_an_unknown_ending_is_a_usage_error(tmp_path):
    result = run("-o", str(tmp_path / "fig.xyz"))
    assert result.exit_code == 2 and "cannot tell the format" in result.stderr
    assert not (tmp_path / "fig.xyz").exists()
    result = run()
    assert result.exit_code == 2 and "give a FORMAT" in result.stderr


def test_an_option_of_another_format_is_a_usage_error():
    result = run("markdown", "--dpi", "300")
    assert result.exit_code == 2 and "--dpi does not apply to markdown" in result.stderr
    assert "png" in result.stderr


def test_rankdir_and_size_reach_the_dot():
    result = run("dot", "--rankdir", "TB", "--size", "7,9.5")
    assert result.exit_code == 0, result.stderr
    assert "  rankdir=TB;\n" in result.stdout and '  size="7,9.5";\n' in result.stdout
    assert run("dot", "--rankdir", "up").exit_code == 2
    assert run("dot", "--size", "big").exit_code == 2


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk."""
    import struct

    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


@pytest.mark.skipif(subprocess.run(["which", "dot"], capture_output=True).returncode != 0,
                    reason="Graphviz is not installed")
def test_png_dpi_scales_the_bitmap(tmp_path):
    run("png", "-o", str(tmp_path / "a.png"))
    run("png", "--dpi", "288", "-o", str(tmp_path / "b.png"))
    w1, h1 = png_size((tmp_path / "a.png").read_bytes())
    w3, h3 = png_size((tmp_path / "b.png").read_bytes())
    assert abs(w3 - 3 * w1) <= 3 and abs(h3 - 3 * h1) <= 3  # 288 dpi is 3x Graphviz's 96


@pytest.mark.skipif(subprocess.run(["which", "dot"], capture_output=True).returncode != 0,
                    reason="Graphviz is not installed")
def test_svg_size_and_rankdir(tmp_path):
    import re
    import xml.etree.ElementTree as ET

    def points(path):
        root = ET.parse(path).getroot()
        return tuple(float(re.sub("pt$", "", root.get(k))) for k in ("width", "height"))

    assert run("svg", "-o", str(tmp_path / "lr.svg")).exit_code == 0
    assert run("svg", "--rankdir", "TB", "-o", str(tmp_path / "tb.svg")).exit_code == 0
    assert run("svg", "--size", "2,2", "-o", str(tmp_path / "small.svg")).exit_code == 0
    lr, tb, small = (points(tmp_path / n) for n in ("lr.svg", "tb.svg", "small.svg"))
    assert lr[0] > lr[1] and tb[0] != lr[0]  # left to right is wide; top down differs
    assert max(small) <= 2 * 72 + 1 and max(small) >= 2 * 72 - 8  # fits 2 inches, scaled


@pytest.mark.parametrize("fmt", ["turtle", "jsonld", "json", "graphml", "markdown"])
def test_streamed_pieces_join_to_the_export(fmt):
    from goalmap.export import chunks, dumps
    from goalmap.loader import load

    kb = load(HOSTILE, use_cache=False)
    pieces = list(chunks(kb, fmt))
    assert "".join(pieces) == dumps(kb, fmt)
    if fmt != "markdown":
        assert len(pieces) > 3  # written as it is made, not held whole


def test_a_bad_argument_to_a_streamed_format_leaves_the_old_file(tmp_path):
    target = tmp_path / "kb.ttl"
    target.write_text("old\n")
    result = run("--base-iri", "not-an-iri", "-o", str(target))
    assert result.exit_code == 2 and "--base-iri must be" in result.stderr
    result = run("turtle", "--root", "no-such-level", "-o", str(target))
    assert result.exit_code == 1 and "no level or category named" in result.stderr
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["kb.ttl"]
    assert run("-o", str(target)).exit_code == 0
    assert target.read_text() == run("turtle").stdout


def test_html_scheme_all_is_the_explorer_with_every_edition():
    assert real("html", "--scheme", "all").stdout == real("html").stdout != ""
