"""Property-based fuzzing (hypothesis): random YAML structures, random bytes and random
unicode in every field and file name of a small taxonomy, through every command.

Properties, for each generated taxonomy: every command exits 0, 1 or 2 (3 or 4 never: the
output path is good and Graphviz is not involved); no traceback; nothing is written outside
the ``-o`` target; lint's json and sarif output parses as JSON, graphml parses as XML, json
export parses as JSON; no human-facing output holds a raw control character.

Examples per run: the ``ci`` profile (the default) runs ``GOALMAP_FUZZ_EXAMPLES`` (25),
derandomized so CI is repeatable; ``HYPOTHESIS_PROFILE=long`` runs 2,000 random examples
(``GOALMAP_FUZZ_EXAMPLES`` overrides either). Commands run in process (typer's test runner)
to keep an example under a second; the adversarial modules run the real process.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import xml.dom.minidom
from pathlib import Path

import pytest

hypothesis = pytest.importorskip("hypothesis")
import yaml  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from adversarial.conftest import MINI, RAW_CONTROL  # noqa: E402
from goalmap.cli import app  # noqa: E402

_examples = os.environ.get("GOALMAP_FUZZ_EXAMPLES")
settings.register_profile("ci", max_examples=int(_examples or 25), deadline=None,
                          derandomize=True, database=None, print_blob=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=int(_examples or 2000), deadline=None,
                          print_blob=True, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

pytestmark = pytest.mark.slow

FOLDERS = ["works", "resources", "schemes", "levels", "tables", "algorithms", "challenges"]

# Any unicode a YAML file can carry (YAML escapes what it cannot print; no surrogates).
anytext = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | anytext
structures = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                          | st.dictionaries(anytext, inner, max_size=4), max_leaves=15)
# A file name: any bytes but '/' and NUL (invalid UTF-8, newlines, escapes included).
names = st.binary(min_size=1, max_size=24).filter(
    lambda b: b"/" not in b and b"\0" not in b and b not in (b".", b".."))


@st.composite
def works(draw):
    """A work whose every field may hold any unicode (or any YAML value)."""
    field = anytext | structures
    work = {"id": draw(st.sampled_from(["fuzz2020work", "bai2022constitutional"]) | anytext),
            "title": draw(field), "year": draw(st.integers(1900, 2100) | field)}
    for key in ("authors", "venue", "url", "summary", "aliases", "arxiv", "doi", "type"):
        if draw(st.booleans()):
            work[key] = draw(st.lists(anytext, max_size=3) if key in ("authors", "aliases")
                             else field)
    return work


@st.composite
def taxonomies(draw):
    """(relative name as bytes, file content as bytes) to add to a copy of the mini taxonomy."""
    files = [(b"works/fuzz2020work.yaml",
              yaml.safe_dump(draw(works()), allow_unicode=True).encode("utf-8"))]
    for _ in range(draw(st.integers(0, 3))):
        folder = draw(st.sampled_from(FOLDERS)).encode()
        name = draw(names) + draw(st.sampled_from([b".yaml", b".yml", b""]))
        kind = draw(st.sampled_from(["structure", "bytes", "work"]))
        if kind == "structure":
            body = yaml.safe_dump(draw(structures), allow_unicode=True).encode("utf-8")
        elif kind == "bytes":
            body = draw(st.binary(max_size=300))
        else:
            body = yaml.safe_dump(draw(works()), allow_unicode=True).encode("utf-8")
        files.append((folder + b"/" + name, body))
    cite = draw(st.booleans())
    return files, cite


def snapshot(base: Path) -> dict:
    """Every path under ``base`` with its size and mtime."""
    out = {}
    for dirpath, dirnames, filenames in os.walk(os.fsencode(base)):
        for name in dirnames + filenames:
            full = os.path.join(dirpath, name)
            st_ = os.lstat(full)
            out[full] = (st_.st_size, st_.st_mtime_ns)
    return out


runner = CliRunner()


def invoke(*args: str):
    result = runner.invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # hypothesis shows the traceback and shrinks the example
    assert "Traceback" not in result.stderr
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.stderr)
    return result


@given(taxonomies())
def test_every_command_survives(case):
    files, cite = case
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        root = base / "taxonomy"
        shutil.copytree(MINI, root)
        outside = base / "outside"
        outside.mkdir()
        for rel, body in files:
            path = os.path.join(os.fsencode(root), rel)
            with open(path, "wb") as fh:
                fh.write(body)
        if cite:
            scheme = root / "schemes" / "mini.yaml"
            scheme.write_text(scheme.read_text().replace(
                "works: [jiang2021delphi]", "works: [jiang2021delphi, fuzz2020work]", 1))
        before = snapshot(base)
        tax = ("--taxonomy", str(root), "--no-cache")

        for fmt in ("json", "sarif"):
            json.loads(invoke(*tax, "lint", "--format", fmt).stdout)
        for fmt in ("text", "parsable", "github"):
            assert not RAW_CONTROL.search(invoke(*tax, "lint", "--format", fmt).stdout)
        for args in (("show", "fuzz2020work"), ("show", "values"), ("search", "fuzz")):
            result = invoke(*tax, *args)
            assert not RAW_CONTROL.search(result.stdout), args
        json.loads(invoke(*tax, "show", "values", "--json").stdout or "null")

        loads = invoke(*tax, "export", "json")
        if loads.exit_code == 0:  # a broken taxonomy exits 1 with its problems
            json.loads(loads.stdout)
            target = outside / "graph.graphml"
            assert invoke(*tax, "export", "graphml", "-o", str(target)).exit_code == 0
            xml.dom.minidom.parse(str(target))
            for fmt in ("markdown", "dot", "mermaid", "bibtex", "html"):
                assert not RAW_CONTROL.search(invoke(*tax, "export", fmt).stdout), fmt

        after = snapshot(base)
        written = {p for p in after if before.get(p) != after[p]}
        assert written <= {os.fsencode(outside), os.fsencode(outside / "graph.graphml")}, written
