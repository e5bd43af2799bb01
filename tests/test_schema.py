"""JSON Schema of each file kind: generated from the models, committed, and used by a real
validator (check-jsonschema) on every taxonomy file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, TAXONOMY
from typer.testing import CliRunner

from goalmap.cli import app
from goalmap.kinds import FILE_KINDS
from goalmap.schemas import dumps

DOCS = ROOT / "docs" / "schema"
runner = CliRunner()


def validate(schema: Path, files: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--schemafile",
                           str(schema), *map(str, files)], capture_output=True, text=True)


@pytest.mark.parametrize("kind", FILE_KINDS, ids=lambda k: k.name)
def test_committed_schema_is_current(kind):
    assert (DOCS / f"{kind.name}.json").read_text() == dumps(kind), (
        "docs/schema is stale: run goalmap schema --out docs/schema")


@pytest.mark.parametrize("kind", FILE_KINDS, ids=lambda k: k.name)
def test_every_taxonomy_file_validates(kind):
    files = sorted((TAXONOMY / kind.folder).glob("*.yaml"))
    assert files
    result = validate(DOCS / f"{kind.name}.json", files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_broken_file_fails_validation(tmp_path):
    broken = tmp_path / "smith2020broken.yaml"
    broken.write_text("id: Smith 2020\ntitle: Broken\nyear: soon\nauthorz: [Jane Smith]\n")
    result = validate(DOCS / "work.json", [broken])
    assert result.returncode == 1
    assert str(broken) in result.stdout + result.stderr


def test_a_scheme_with_a_bad_category_id_fails(tmp_path):
    text = (TAXONOMY / "schemes" / "figure2.yaml").read_text()
    broken = tmp_path / "figure2.yaml"
    broken.write_text(text.replace("- id: fig2-def-values\n", "- id: Fig2 Values\n", 1))
    assert "Fig2 Values" in broken.read_text()
    assert validate(DOCS / "scheme.json", [broken]).returncode == 1


def test_schema_command_prints_the_committed_schema():
    result = runner.invoke(app, ["schema", "work"])
    assert result.exit_code == 0 and result.stdout == (DOCS / "work.json").read_text()
    every = json.loads(runner.invoke(app, ["schema"]).stdout)
    assert sorted(every) == sorted(k.name for k in FILE_KINDS)
    assert runner.invoke(app, ["schema", "category"]).exit_code == 2


def test_new_files_name_their_schema_and_validate(mini):
    result = runner.invoke(app, ["--taxonomy", str(mini), "new", "work", "--id",
                                 "smith2020example", "--title", "An Example: Of Things",
                                 "--author", "Jane Smith", "--year", "2020", "--url",
                                 "https://example.org/page#section"])
    assert result.exit_code == 0, result.output
    path = mini / "works" / "smith2020example.yaml"
    first = path.read_text().splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../docs/schema/work.json"
    # in this repository the relative path names the committed schema
    target = (TAXONOMY / "works" / first.split("=", 1)[1]).resolve()
    assert target == (DOCS / "work.json").resolve() and target.is_file()
    assert validate(DOCS / "work.json", [path]).returncode == 0
