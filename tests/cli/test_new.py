"""`goalmap new work`: writes an entry that lints clean, refuses an existing id."""

from __future__ import annotations

from typer.testing import CliRunner

from goalmap.cli import app
from goalmap.lint import lint

runner = CliRunner()
ARGS = ["new", "work", "--id", "smith2020example", "--title", "An Example: Of Things",
        "--author", "Jane Smith", "--author", "Ada Lovelace", "--year", "2020",
        "--arxiv", "2001.01234"]


def test_new_work_writes_a_file_that_passes_lint(mini):
    result = runner.invoke(app, ["--taxonomy", str(mini), *ARGS])
    assert result.exit_code == 0, result.output
    path = mini / "works" / "smith2020example.yaml"
    assert f"wrote {path}" in result.output
    problems = [p for p in lint(mini) if p.level != "info"
                and p.rule not in ("orphan-work", "missing-summary")]
    assert problems == []
    import yaml

    text = path.read_text()
    assert text.startswith("# yaml-language-server: $schema=../../docs/schema/work.json\n")
    data = yaml.safe_load(text)
    assert data["arxiv"] == "2001.01234" and data["url"] == "https://arxiv.org/abs/2001.01234"
    assert data["authors"] == ["Jane Smith", "Ada Lovelace"] and data["year"] == 2020


def test_new_work_refuses_an_existing_id(mini):
    result = runner.invoke(app, ["--taxonomy", str(mini), "new", "work", "--id",
                                 "jiang2021delphi", "--title", "X", "--author", "A B",
                                 "--year", "2021"])
    assert result.exit_code == 2
    assert "exists already" in result.output
    scheme_id = runner.invoke(app, ["--taxonomy", str(mini), "new", "work", "--id",
                                    "mini2021values", "--title", "X", "--author", "A B",
                                    "--year", "2021"])
    assert scheme_id.exit_code == 0  # a fresh id is fine


def test_new_work_refuses_an_id_used_by_another_kind(mini):
    (mini / "resources" / "lee2021x.yaml").write_text("id: lee2021x\nname: X\nkind: model\n")
    result = runner.invoke(app, ["--taxonomy", str(mini), "new", "work", "--id", "lee2021x",
                                 "--title", "X", "--author", "A B", "--year", "2021"])
    assert result.exit_code == 2 and "resources/lee2021x.yaml" in result.output


def test_new_work_refuses_what_lint_would_reject(mini):
    result = runner.invoke(app, ["--taxonomy", str(mini), "new", "work", "--id", "smith-2020",
                                 "--title", "X", "--author", "et al.", "--year", "2020"])
    assert result.exit_code == 1
    assert "id-format" in result.output and "author-format" in result.output
    assert not (mini / "works" / "smith-2020.yaml").exists()


def test_new_work_refuses_an_id_that_breaks_the_id_rule(mini):
    """Checked before anything is written, --no-lint or not: the id names the file."""
    for extra in ((), ("--no-lint",)):
        result = runner.invoke(app, ["--taxonomy", str(mini), "new", "work", "--id", "Smith",
                                     "--title", "X", "--author", "A B", "--year", "2020",
                                     *extra])
        assert result.exit_code == 1
        assert "not a valid work id" in result.stderr and "BibTeX-style key" in result.stderr
        assert "nothing written" in result.stderr
        assert not (mini / "works" / "Smith.yaml").exists()


def test_new_never_writes_into_the_installed_package(tmp_path, monkeypatch):
    """With no --taxonomy and no ./taxonomy, new refuses instead of editing the package's copy."""
    from goalmap.workspace import packaged_taxonomy

    monkeypatch.chdir(tmp_path)
    before = sorted(p.name for p in (packaged_taxonomy() / "works").iterdir())
    result = runner.invoke(app, ARGS)
    assert result.exit_code == 2
    assert "no taxonomy folder" in result.stderr
    assert sorted(p.name for p in (packaged_taxonomy() / "works").iterdir()) == before


def test_new_writes_into_taxonomy_of_the_current_folder(mini, monkeypatch):
    monkeypatch.chdir(mini.parent)
    result = runner.invoke(app, ARGS)
    assert result.exit_code == 0, result.output
    assert (mini / "works" / "smith2020example.yaml").exists()


# ---------------------------------------------------------------- issue 10, findings 2 and 12
def _victim(folder):
    folder.mkdir(parents=True, exist_ok=True)
    victim = folder / "victim.yaml"
    victim.write_text("precious: true\n")
    return victim


def _new(mini, work_id, *extra):
    return runner.invoke(app, ["--taxonomy", str(mini), "new", "work", "--id", work_id,
                               "--title", "A Title", "--author", "Jane Smith", "--year",
                               "2020", *extra])


def test_an_id_that_climbs_out_of_works_writes_nothing(mini, tmp_path, monkeypatch):
    """`--id ../../outside/victim` used to overwrite the file: the lint pre-check wrote
    it under a temporary folder before anything checked the id."""
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    victims = [_victim(temp / "outside"), _victim(mini.parent / "outside")]
    for extra in ((), ("--no-lint",)):
        result = _new(mini, "../../outside/victim", *extra)
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output and "id" in result.stderr
        assert all(v.read_text() == "precious: true\n" for v in victims)
    assert sorted(p.name for p in (mini / "works").iterdir()) == [
        "bai2022constitutional.yaml", "jiang2021delphi.yaml", "ouyang2022training.yaml"]


def test_an_absolute_id_writes_nothing(mini, tmp_path):
    victim = _victim(tmp_path / "elsewhere")
    for extra in ((), ("--no-lint",)):
        result = _new(mini, str(victim.with_suffix("")), *extra)
        assert result.exit_code == 1, result.output
        assert victim.read_text() == "precious: true\n"


def test_an_id_naming_a_missing_folder_is_a_clean_error(mini):
    result = _new(mini, "smith2020x/y", "--no-lint")
    assert result.exit_code == 1
    assert "Traceback" not in result.output and result.exception is None or \
        isinstance(result.exception, SystemExit)
    assert not (mini / "works" / "smith2020x").exists()


def test_a_missing_works_folder_is_created(mini):
    import shutil

    shutil.rmtree(mini / "works")
    (mini / "schemes" / "mini.yaml").unlink()
    result = _new(mini, "smith2020title")
    assert result.exit_code == 0, result.output
    assert (mini / "works" / "smith2020title.yaml").is_file()


def test_a_missing_taxonomy_folder_is_a_clean_error(tmp_path):
    result = runner.invoke(app, ["--taxonomy", str(tmp_path / "nope"), "new", "work", "--id",
                                 "smith2020title", "--title", "T", "--author", "A B",
                                 "--year", "2020"])
    assert result.exit_code == 2
    assert "not found" in result.stderr
    assert not (tmp_path / "nope").exists()


def test_a_duplicate_work_is_refused_with_exit_1(mini):
    """The same arXiv id as bai2022constitutional: lint's duplicate-work error. It used to be
    written anyway, with exit 0."""
    result = _new(mini, "smith2022constitutional", "--arxiv", "2212.08073")
    assert result.exit_code == 1, result.output
    assert "duplicate-work" in result.stderr and "bai2022constitutional" in result.stderr
    assert not (mini / "works" / "smith2022constitutional.yaml").exists()


def test_no_lint_writes_a_duplicate_anyway(mini):
    result = _new(mini, "smith2022constitutional", "--arxiv", "2212.08073", "--no-lint")
    assert result.exit_code == 0, result.output
    assert (mini / "works" / "smith2022constitutional.yaml").exists()


def test_a_url_with_a_hash_survives(mini):
    """`--url "https://example.org/page #section"` was cut at ` #` (written unquoted)."""
    import yaml

    url = "https://example.org/page #section"
    result = _new(mini, "smith2020title", "--url", url, "--no-lint")
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((mini / "works" / "smith2020title.yaml").read_text())
    assert data["url"] == url


def test_awkward_titles_and_authors_round_trip(mini):
    import yaml

    title = "Yes: No? #1 - 'quoted' \"double\" & *star* [x] {y} % @at `tick`"
    result = runner.invoke(app, ["--taxonomy", str(mini), "new", "work", "--id",
                                 "smith2020yes", "--title", title, "--author", "José Núñez",
                                 "--author", "null", "--year", "2020", "--no-lint"])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load((mini / "works" / "smith2020yes.yaml").read_text())
    assert data["title"] == title and data["authors"] == ["José Núñez", "null"]
