"""Finding 10: odd file names in the taxonomy keep every output valid.

A name can hold any byte but ``/`` and NUL: invalid UTF-8 (Python reads it as a lone
surrogate, ``\\udcff``, which no UTF-8 encoder writes), a newline, an escape. Before, invalid
UTF-8 made ``--format json`` and ``sarif`` unparsable, a newline split one parsable line in
two, and a strict UTF-8 stdout (``PYTHONIOENCODING=utf-8:strict``) ended in a
UnicodeEncodeError traceback. Every format shows such a name the same way: each byte that is
not UTF-8 as ``\\xff``, each control character as ``\\x0a``.
"""

from __future__ import annotations

import json
import os
import re
import sys

import pytest

from adversarial.conftest import RAW_CONTROL_BYTES, clean, goalmap, write_tree

pytestmark = pytest.mark.skipif(sys.platform == "darwin", reason="APFS refuses invalid UTF-8 names")

# A work with a lint warning (title-case) and an info (missing-arxiv), so each file has problems.
WORK = b"id: %s\ntitle: Webgpt browsing\nyear: 2021\nurl: https://example.org/w\n"


def add(root, name: bytes, work_id: bytes) -> None:
    with open(os.path.join(os.fsencode(root), b"works", name), "wb") as fh:
        fh.write(WORK % work_id)


@pytest.fixture
def odd(tmp_path):
    root = write_tree(tmp_path / "taxonomy", {})
    add(root, b"bad\xff\xfename.yaml", b"bad2021name")
    add(root, b"new\nline.yaml", b"new2021line")
    add(root, b"esc\x1b[2J.yaml", b"esc2021name")
    return root


def lint(root, fmt, env=None):
    return goalmap("--taxonomy", "taxonomy", "lint", "--format", fmt, cwd=root.parent, env=env)


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_json_and_sarif_stay_valid(odd, fmt):
    run = lint(odd, fmt)
    clean(run, (0, 1))
    data = json.loads(run.stdout.decode("utf-8"))  # strict UTF-8, then strict JSON
    if fmt == "sarif":
        files = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                 for r in data["runs"][0]["results"]}
    else:
        files = {p["file"] for p in data}
    assert {"taxonomy/works/bad\\xff\\xfename.yaml", "taxonomy/works/new\\x0aline.yaml",
            "taxonomy/works/esc\\x1b[2J.yaml"} <= files


def test_one_parsable_line_per_problem(odd):
    count = len(json.loads(lint(odd, "json").stdout))
    run = lint(odd, "parsable")
    clean(run, (0, 1))
    lines = run.out.splitlines()
    assert len(lines) == count
    assert all(re.match(r"^taxonomy/[^\s]+:\d+:\d+: \[(error|warning|info)\] ", ln)
               for ln in lines), lines
    assert any(ln.startswith("taxonomy/works/new\\x0aline.yaml:2:8: [warning]") for ln in lines)


@pytest.mark.parametrize("fmt", ["text", "parsable", "github", "json", "sarif"])
def test_strict_utf8_stdout_gives_no_traceback(odd, fmt):
    run = lint(odd, fmt, env={"PYTHONIOENCODING": "utf-8:strict"})
    clean(run, (0, 1))
    run.stdout.decode("utf-8")  # strictly valid UTF-8
    assert not RAW_CONTROL_BYTES.search(run.stdout)
    shown = "bad\\xff\\xfename.yaml"
    assert (json.dumps(shown)[1:-1] if fmt in ("json", "sarif") else shown) in run.out


@pytest.mark.parametrize("args", [("show", "bad2021name"), ("search", "webgpt"),
                                  ("show", "bad2021name", "--json"), ("export", "json"),
                                  ("export", "markdown")])
def test_other_commands_under_strict_utf8(odd, args):
    run = goalmap("--taxonomy", str(odd), *args, env={"PYTHONIOENCODING": "utf-8:strict"})
    clean(run, (0, 1))
    run.stdout.decode("utf-8")
