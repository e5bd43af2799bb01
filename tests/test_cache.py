"""The cache of validated taxonomy files: reused while files are unchanged, never trusted
when it is damaged, skipped by --no-cache, and never torn by two writers."""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from goalmap import cache, loader
from goalmap.cli import app
from goalmap.errors import LoadError

NEW_WORK = """\
id: smith2023fresh
title: A fresh work added after the cache was written
authors: [Ann Smith]
year: 2023
url: https://example.org/fresh
"""


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The files the loader parses (cache misses), in order."""
    seen: list[str] = []
    real = loader.read_entries

    def counting(text, rel, positions=None):
        seen.append(rel)
        return real(text, rel, positions)

    monkeypatch.setattr(loader, "read_entries", counting)
    return seen


def cache_path(root: Path) -> Path:
    return cache.cache_file(root)


def test_warm_cache_parses_nothing(mini, reads):
    first = loader.load(mini)
    assert len(reads) == len(loader.discover(mini))
    reads.clear()
    second = loader.load(mini)
    assert reads == []
    assert sorted(second.works) == sorted(first.works)
    assert second.works["jiang2021delphi"] == first.works["jiang2021delphi"]
    assert cache_path(mini).parent == Path(os.environ["GOALMAP_CACHE_DIR"])


def test_editing_a_file_invalidates_its_entry(mini, reads):
    loader.load(mini)
    reads.clear()
    path = mini / "works" / "jiang2021delphi.yaml"
    path.write_text(path.read_text().replace("The Delphi Experiment", "Delphi, revised"))
    kb = loader.load(mini)
    assert reads == ["works/jiang2021delphi.yaml"]
    assert kb.works["jiang2021delphi"].title == "Can Machines Learn Morality? Delphi, revised"


def test_same_size_edit_is_seen_through_mtime(mini, reads):
    loader.load(mini)
    reads.clear()
    path = mini / "works" / "jiang2021delphi.yaml"
    before = path.stat()
    path.write_text(path.read_text().replace("year: 2021", "year: 2022"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
    assert path.stat().st_size == before.st_size
    assert loader.load(mini, check=False).works["jiang2021delphi"].year == 2022
    assert reads == ["works/jiang2021delphi.yaml"]


def test_adding_and_removing_files(mini, reads):
    loader.load(mini)
    reads.clear()
    (mini / "works" / "smith2023fresh.yaml").write_text(NEW_WORK)
    kb = loader.load(mini)
    assert reads == ["works/smith2023fresh.yaml"]
    assert "smith2023fresh" in kb.works

    reads.clear()
    (mini / "works" / "smith2023fresh.yaml").unlink()
    kb = loader.load(mini)
    assert reads == []
    assert "smith2023fresh" not in kb.works
    stored = cache.decode(cache_path(mini).read_bytes())
    assert "works/smith2023fresh.yaml" not in stored["files"]


def test_removing_a_cited_file_is_still_an_error(mini):
    loader.load(mini)
    (mini / "works" / "jiang2021delphi.yaml").unlink()
    with pytest.raises(LoadError) as info:
        loader.load(mini)
    assert any(p.rule == "dangling-reference" and "jiang2021delphi" in p.message
               for p in info.value.problems)


@pytest.mark.parametrize("damage", [
    b"",  # empty
    b"\x00\xffnot marshal at all",
    "truncated",
    marshal.dumps([1, 2, 3]),  # marshal without the header
    "wrong-shape",
    "flipped",  # one byte of the payload changed: the checksum no longer holds
    "wrong-key",
    "bad-entries",
])
def test_corrupt_cache_is_ignored_and_rebuilt(mini, reads, damage):
    expected = loader.load(mini, use_cache=False)
    loader.load(mini)
    path = cache_path(mini)
    good = path.read_bytes()
    if damage == "truncated":
        blob = good[: len(good) // 2]
    elif damage == "wrong-shape":
        blob = cache.encode([1, 2, 3])
    elif damage == "flipped":
        blob = good[:-10] + bytes([good[-10] ^ 0xFF]) + good[-9:]
    elif damage == "wrong-key":
        data = cache.decode(good)
        data["key"] = (0, "0.0.0")
        blob = cache.encode(data)
    elif damage == "bad-entries":
        data = cache.decode(good)
        for rel, (stamp, _) in data["files"].items():
            data["files"][rel] = (stamp, [((), {"id": 5, "nonsense": True})])
        blob = cache.encode(data)
    else:
        blob = damage
    path.write_bytes(blob)
    reads.clear()
    kb = loader.load(mini)
    assert kb.works == expected.works
    assert kb.categories == expected.categories
    assert reads  # parsed afresh
    rebuilt = cache.decode(path.read_bytes())
    assert rebuilt["key"] == cache.open_cache(mini).key
    assert set(rebuilt["files"]) == {p.relative_to(mini).as_posix()
                                     for p in loader.discover(mini)}
    reads.clear()
    loader.load(mini)
    assert reads == []


def test_unwritable_cache_folder_is_not_fatal(mini, monkeypatch, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("GOALMAP_CACHE_DIR", str(blocker / "cache"))
    assert "jiang2021delphi" in loader.load(mini).works


def _poison(root: Path) -> None:
    """Rewrite a cached title (stamps kept) so that reading the cache shows."""
    path = cache_path(root)
    data = cache.decode(path.read_bytes())
    stamp, entries = data["files"]["works/jiang2021delphi.yaml"]
    entries[0][1]["title"] = "FROM THE CACHE"
    path.write_bytes(cache.encode(data))


def test_no_cache_neither_reads_nor_writes(mini):
    runner = CliRunner()
    cache_dir = Path(os.environ["GOALMAP_CACHE_DIR"])
    result = runner.invoke(app, ["--taxonomy", str(mini), "--no-cache", "show",
                                 "jiang2021delphi"])
    assert result.exit_code == 0, result.output
    assert not any(cache_dir.iterdir())  # nothing written

    loader.load(mini)  # write a cache, then make it say something the files do not
    _poison(mini)
    assert loader.load(mini).works["jiang2021delphi"].title == "FROM THE CACHE"
    planted = cache_path(mini).read_bytes()
    result = runner.invoke(app, ["--taxonomy", str(mini), "--no-cache", "show",
                                 "jiang2021delphi", "--json"])
    assert result.exit_code == 0, result.output
    assert "FROM THE CACHE" not in result.output
    assert "Can Machines Learn Morality" in result.output
    assert cache_path(mini).read_bytes() == planted  # untouched


def test_goalmap_no_cache_environment(mini, monkeypatch):
    monkeypatch.setenv("GOALMAP_NO_CACHE", "1")
    result = CliRunner().invoke(app, ["--taxonomy", str(mini), "show", "values"])
    assert result.exit_code == 0, result.output
    assert not any(Path(os.environ["GOALMAP_CACHE_DIR"]).iterdir())


def test_cache_folder_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("GOALMAP_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.cache_dir() == tmp_path / "xdg" / "goalmap"


WRITER = textwrap.dedent("""
    import os, sys
    from goalmap.loader import load
    root, mine, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    for i in range(rounds):
        st = os.stat(mine)
        os.utime(mine, ns=(st.st_atime_ns, st.st_mtime_ns + 1000 + i))  # new stamp: a save
        kb = load(root, check=False)
        assert "jiang2021delphi" in kb.works
""")


def test_concurrent_writers_never_leave_a_torn_cache(mini):
    """Four processes that each change a file and save the cache, over and over."""
    for i in range(40):  # a bigger cache file makes a torn write likelier to show
        (mini / "works" / f"gen{i:02d}2020work.yaml").write_text(
            f"id: gen{i:02d}2020work\ntitle: Generated work {i}\nyear: 2020\n"
            f"summary: {'padding ' * 200}\n")
    mine = sorted((mini / "works").glob("*.yaml"))[:4]
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, str(mini), str(m), "15"],
                              env=dict(os.environ))
             for m in mine]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]

    path = cache_path(mini)
    data = cache.decode(path.read_bytes())  # complete, readable, checksum intact
    assert data["key"] == cache.open_cache(mini).key
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    fresh = loader.load(mini, use_cache=False, check=False)
    assert loader.load(mini, check=False).works == fresh.works


def test_read_only_load_gives_the_same_answers_from_the_cache(mini, reads):
    """show and search read cached entries as records; they must say what the models say."""
    models_kb = loader.load(mini)  # cold: parsed, validated, cached
    reads.clear()
    records_kb = loader.load(mini, read_only=True)
    assert reads == []
    work = records_kb.works["ouyang2022training"]
    assert type(work).__name__ == "Record"
    assert work.title == models_kb.works["ouyang2022training"].title
    assert work.links[0].url == models_kb.works["ouyang2022training"].links[0].url
    with pytest.raises(AttributeError):
        work.no_such_field  # noqa: B018 - behaves like a model, not like a dict

    from goalmap.views import view

    for target in ("values", "preferences", "InstructGPT", "constitutional-ai", "goals", "rlhf"):
        assert view(records_kb, target) == view(models_kb, target), target


def test_warm_and_cold_show_print_the_same_bytes(mini):
    runner = CliRunner()
    args = ["--taxonomy", str(mini), "show", "values", "--json"]
    cold = runner.invoke(app, ["--no-cache", *args[:2], *args[2:]]).stdout
    runner.invoke(app, args)  # writes the cache
    warm = runner.invoke(app, args).stdout
    assert warm == cold and "Delphi" in warm


def test_records_know_every_mapping_field_of_the_models():
    import typing

    from goalmap import models
    from goalmap.records import MAPPING_FIELDS

    mappings = {
        name
        for model in vars(models).values()
        if isinstance(model, type) and issubclass(model, models.Strict)
        for name, info in model.model_fields.items()
        if typing.get_origin(info.annotation) is dict
    }
    assert mappings == MAPPING_FIELDS
