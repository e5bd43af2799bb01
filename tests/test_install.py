"""A plain (non-editable) install carries the knowledge base and works from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from conftest import ROOT


pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    pytest.importorskip("hatchling", reason="building the wheel needs hatchling (test extra)")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "--quiet", "-w", str(out), str(ROOT)], check=True)
    (path,) = out.glob("goalmap-*.whl")
    return path


def test_wheel_contains_the_taxonomy(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "goalmap/taxonomy/levels/values.yaml" in names
    assert "goalmap/cli/__init__.py" in names
    assert any(n.endswith("entry_points.txt") for n in names)
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "goalmap = goalmap.__main__:run" in zipfile.ZipFile(wheel).read(entry).decode()


def test_installed_package_shows_values_from_another_folder(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet",
                    "--target", str(target), str(wheel)], check=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "GOALMAP_TAXONOMY"}
    env["PYTHONPATH"] = str(target)
    code = "import goalmap, sys; print(goalmap.__file__)"
    where = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env,
                           capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(target))
    result = subprocess.run([sys.executable, "-m", "goalmap", "show", "values"], cwd=elsewhere,
                            env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Constitutional AI (Bai et al., 2022b)" in result.stdout
    assert "Delphi (Jiang et al., 2021)" in result.stdout


def test_installed_package_writes_the_explorer(wheel, tmp_path):
    """The explorer's template, stylesheet and script ship in the wheel and are read from it."""
    names = zipfile.ZipFile(wheel).namelist()
    for asset in ("explorer.html", "explorer.css", "explorer.js"):
        assert f"goalmap/export/html_assets/{asset}" in names
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet",
                    "--target", str(target), str(wheel)], check=True)
    env = {k: v for k, v in os.environ.items() if k != "GOALMAP_TAXONOMY"}
    env["PYTHONPATH"] = str(target)
    out = tmp_path / "goalmap.html"
    result = subprocess.run([sys.executable, "-m", "goalmap", "export", "html", "-o", str(out)],
                            cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "function el(tag, cls, text)" in page


def test_the_shacl_shapes_ship_in_the_wheel(wheel, tmp_path):
    """The SHACL shapes of the RDF export are read from the installed package."""
    assert "goalmap/export/data/goalmap-shapes.ttl" in zipfile.ZipFile(wheel).namelist()
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet",
                    "--target", str(target), str(wheel)], check=True)
    env = {k: v for k, v in os.environ.items() if k != "GOALMAP_TAXONOMY"}
    env["PYTHONPATH"] = str(target)
    code = ("from goalmap.export.rdf import shapes_path; p = shapes_path(); "
            "print(p); print(p.read_text()[:200])")
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(str(target))
    assert "@prefix sh:" in result.stdout
