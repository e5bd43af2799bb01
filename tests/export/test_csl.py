"""The CSL-JSON export, read by its consumers: a JSON schema of the fields it emits,
the CSL schema's own type and variable lists (as citeproc-py ships them),
citeproc-py rendering a bibliography, and pandoc --citeproc when it is installed."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from goalmap.export import csl, dumps

HERE = Path(__file__).resolve().parent
SCHEMA = HERE / "csl-data.schema.json"


def citeproc_schema_file(name: str) -> str:
    citeproc = pytest.importorskip("citeproc")
    path = Path(citeproc.__file__).parent / "data" / "schema" / "schemas" / "styles" / name
    if not path.exists():
        pytest.skip(f"citeproc-py does not ship {name}")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("scheme", [None, "all"])
def test_validates_against_the_schema(any_kb, scheme):
    jsonschema = pytest.importorskip("jsonschema")
    data = json.loads(dumps(any_kb, "csl", scheme=scheme))
    jsonschema.validate(data, json.loads(SCHEMA.read_text()))


def test_real_knowledge_base_validates(real_kb):
    jsonschema = pytest.importorskip("jsonschema")
    data = json.loads(dumps(real_kb, "csl", scheme="all"))
    assert [d["id"] for d in data] == sorted(real_kb.works)
    jsonschema.validate(data, json.loads(SCHEMA.read_text()))


def test_types_and_variables_are_csl_ones(real_kb):
    """Every type and key goalmap writes is one the CSL schema defines."""
    types = set(re.findall(r'"([a-z_-]+)"', citeproc_schema_file("csl-types.rnc")))
    variables = set(re.findall(r'"([A-Za-z_-]+)"', citeproc_schema_file("csl-variables.rnc")))
    data = json.loads(dumps(real_kb, "csl", scheme="all"))
    assert {d["type"] for d in data} <= types
    assert set(json.loads(SCHEMA.read_text())["items"]["properties"]["type"]["enum"]) <= types
    keys = {k for d in data for k in d} - {"id", "type"}
    assert keys <= variables, keys - variables


def test_fields_of_known_works(real_kb):
    data = {d["id"]: d for d in json.loads(dumps(real_kb, "csl", scheme="all"))}
    ouyang = data["ouyang2022training"]
    assert ouyang["author"][0] == {"family": "Ouyang", "given": "Long"}
    assert ouyang["issued"] == {"date-parts": [[2022]]}
    assert data["hoover2020moral"]["DOI"] == "10.1177/1948550619876629"
    assert data["wvs2021world"]["author"] == [{"literal": "World Values Survey Association"}]
    preprint = next(d for d in data.values() if d.get("number", "").startswith("arXiv:"))
    assert preprint["type"] == "article" and preprint["publisher"] == "arXiv"


def test_names_split_into_family_and_given():
    assert csl.name("Tatsunori B Hashimoto") == {"family": "Hashimoto", "given": "Tatsunori B"}
    assert csl.name("Ludwig van Beethoven") == {"family": "van Beethoven", "given": "Ludwig"}
    assert csl.name("Dennison, Christy") == {"family": "Dennison", "given": "Christy"}
    assert csl.name("Plato") == {"family": "Plato"}


def test_citeproc_py_renders_a_bibliography(real_kb):
    pytest.importorskip("citeproc")
    from citeproc import (Citation, CitationItem, CitationStylesBibliography,
                          CitationStylesStyle, formatter)
    from citeproc.source.json import CiteProcJSON

    source = CiteProcJSON(json.loads(dumps(real_kb, "csl")))
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bib = CitationStylesBibliography(style, source, formatter.plain)
    keys = ["ouyang2022training", "bai2022constitutional", "wvs2021world"]
    for key in keys:
        bib.register(Citation([CitationItem(key)]))
    entries = [str(e) for e in bib.bibliography()]
    assert len(entries) == 3
    text = "\n".join(entries)
    assert "Ouyang, L." in text and "Training language models to follow instructions" in text
    assert "Bai, Y." in text and "2022" in text
    assert "World Values Survey Association" in text


@pytest.mark.skipif(shutil.which("pandoc") is None,
                    reason="pandoc is not installed (.ci/run installs it from apt when it can)")
def test_pandoc_citeproc_cites_three_works(real_kb, tmp_path):
    (tmp_path / "refs.json").write_text(dumps(real_kb, "csl"), encoding="utf-8")
    (tmp_path / "doc.md").write_text(
        "---\nbibliography: refs.json\n---\n\n"
        "RLHF [@ouyang2022training], CAI [@bai2022constitutional] and the WVS "
        "[@wvs2021world].\n\n# References\n", encoding="utf-8")
    done = subprocess.run(["pandoc", "--citeproc", "-t", "plain", "doc.md"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "[WARNING]" not in done.stderr, done.stderr  # every key was found
    out = " ".join(done.stdout.split())
    assert "(Ouyang et al. 2022)" in out and "(Bai et al. 2022)" in out
    assert "(World Values Survey Association 2021)" in out
    assert "Training Language Models to Follow Instructions" in out or \
        "Training language models to follow instructions" in out
