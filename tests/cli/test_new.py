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
    problems = [p for p in lint(mini) if p.level != "info" and p.rule != "orphan-work"]
    assert problems == []
    text = path.read_text()
    assert 'arxiv: "2001.01234"' in text and "url: https://arxiv.org/abs/2001.01234" in text


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
