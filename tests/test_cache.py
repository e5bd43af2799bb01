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
    real = loader.read_source

    def counting(path, rel, root):
        seen.append(rel)
        return real(path, rel, root)

    monkeypatch.setattr(loader, "read_source", counting)
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


def test_same_size_edit_with_the_mtime_put_back_is_seen(mini, reads):
    """An edit of the same length with the old mtime restored (``touch -r``): the cache
    used to keep serving the old title; ctime and inode give it away."""
    loader.load(mini)
    reads.clear()
    path = mini / "works" / "jiang2021delphi.yaml"
    before = path.stat()
    text = path.read_text()
    path.write_text(text.replace("Can Machines Learn Morality?", "Can Machines Learn Morelity?"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    kb = loader.load(mini)
    assert kb.works["jiang2021delphi"].title.startswith("Can Machines Learn Morelity?")
    assert reads == ["works/jiang2021delphi.yaml"]


def test_same_length_invalid_year_is_an_error_not_stale_data(mini):
    loader.load(mini)
    path = mini / "works" / "jiang2021delphi.yaml"
    before = path.stat()
    path.write_text(path.read_text().replace("year: 2021", "year: 20x1"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    with pytest.raises(LoadError) as info:
        loader.load(mini)
    assert [p.file for p in info.value.problems] == ["works/jiang2021delphi.yaml"]


def test_racily_clean_entries_are_read_again(mini, reads):
    """As in git's index: an entry whose mtime is not older than the cache file may have
    changed in the same clock tick as the write, so it is read again."""
    loader.load(mini)
    path = cache_path(mini)
    newest = max(p.stat().st_mtime_ns for p in loader.discover(mini))
    os.utime(path, ns=(newest, newest))  # the cache file no newer than the newest entry
    reads.clear()
    loader.load(mini)
    assert reads  # the racy entries were parsed again
    reads.clear()
    loader.load(mini)  # the cache written just now is newer than every file: all trusted
    assert reads == []


def test_a_schema_change_is_a_miss_never_a_traceback(mini, reads, monkeypatch):
    loader.load(mini)
    reads.clear()
    from goalmap import records

    monkeypatch.setattr(records, "fingerprint", lambda: "another-schema")
    kb = loader.load(mini)
    assert len(reads) == len(loader.discover(mini))
    assert kb.works["jiang2021delphi"].year == 2021


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


def _code_object_payload(good: bytes) -> bytes:
    data = cache.decode(good)
    rel = "works/jiang2021delphi.yaml"
    stamp, entries = data["files"][rel]
    prefix, model, plain = entries[0]
    plain = (compile("1", "x", "eval"),) + plain[1:]  # a code object where the id goes
    data["files"][rel] = (stamp, [(prefix, model, plain)])
    return cache.encode(data)


def _huge_length_header(good: bytes) -> bytes:
    payload = b"[" + (2**31 - 1).to_bytes(4, "little")  # a list claiming 2^31 items
    import hashlib

    return cache.MAGIC + hashlib.sha256(payload).digest() + payload


@pytest.mark.parametrize("damage", [
    b"",  # empty
    b"\x00\xffnot marshal at all",
    "truncated",
    marshal.dumps([1, 2, 3]),  # marshal without the header
    "wrong-shape",
    "flipped",  # one byte of the payload changed: the checksum no longer holds
    "wrong-key",
    "bad-entries",
    "code-object",
    "huge-length",
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
            data["files"][rel] = (stamp, [((), "Work", (5, "nonsense", True))])
        blob = cache.encode(data)
    elif damage == "code-object":
        blob = _code_object_payload(good)
    elif damage == "huge-length":
        blob = _huge_length_header(good)
    else:
        blob = damage
    path.write_bytes(blob)
    os.chmod(path, 0o600)
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


def test_cache_folder_is_private(mini):
    loader.load(mini)
    path = cache_path(mini)
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_cache_file_others_may_write_is_ignored(mini):
    """In a shared cache folder another user rewrote a cached title and the victim's show
    printed it; a file writable by group or others is never read."""
    loader.load(mini)
    _poison(mini)
    path = cache_path(mini)
    os.chmod(path, 0o666)
    assert loader.load(mini).works["jiang2021delphi"].title != "FROM THE CACHE"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="needs root to give the cache file to another user")
def test_a_cache_file_owned_by_another_user_is_ignored(mini):
    loader.load(mini)
    _poison(mini)
    path = cache_path(mini)
    os.chmod(path, 0o600)
    os.chown(path, 65534, 65534)  # nobody
    assert loader.load(mini).works["jiang2021delphi"].title != "FROM THE CACHE"


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
    prefix, model, plain = entries[0]
    title = [f for f, _, _ in data["shape"]["Work"]].index("title")
    plain = plain[:title] + ("FROM THE CACHE",) + plain[title + 1:]
    data["files"]["works/jiang2021delphi.yaml"] = (stamp, [(prefix, model, plain)])
    path.write_bytes(cache.encode(data))
    os.chmod(path, 0o600)


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


@pytest.mark.slow
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


def test_cold_and_warm_loads_give_the_same_frozen_records(mini, reads):
    """One runtime type: parsed or cached, an entry is the same immutable, slotted record."""
    cold = loader.load(mini)
    reads.clear()
    warm = loader.load(mini)
    assert reads == []
    for kb in (cold, warm):
        work = kb.works["ouyang2022training"]
        assert type(work).__name__ == "Work"
        assert work.title == "Training language models to follow instructions with human feedback"
        assert work.links[0].type == "code"
        assert not hasattr(work, "__dict__")  # slotted
        with pytest.raises(AttributeError):
            work.title = "changed"  # frozen
        with pytest.raises(AttributeError):
            work.no_such_field  # noqa: B018
    assert warm.works == cold.works and warm.categories == cold.categories

    from goalmap.views import view

    for target in ("values", "preferences", "InstructGPT", "constitutional-ai", "goals", "rlhf"):
        assert view(warm, target) == view(cold, target), target


def test_warm_and_cold_show_print_the_same_bytes(mini):
    runner = CliRunner()
    args = ["--taxonomy", str(mini), "show", "values", "--json"]
    cold = runner.invoke(app, ["--no-cache", *args[:2], *args[2:]]).stdout
    runner.invoke(app, args)  # writes the cache
    warm = runner.invoke(app, args).stdout
    assert warm == cold and "Delphi" in warm


def test_record_shape_follows_the_models():
    """The record classes come from the models: a mapping field stays a mapping, nested
    models become records, and nothing is listed by hand."""
    from goalmap.records import shape_of_models

    shape = shape_of_models()
    fields = {f: (how, sub) for f, how, sub in shape["Row"]}
    assert fields["cells"] == ("map", None)
    assert dict((f, (h, s)) for f, h, s in shape["Citation"])["includes"] == ("many", "Citation")
    assert [f for f, _, _ in shape["Link"]] == ["type", "url", "label"]


@pytest.mark.parametrize("name, plain", [
    ("Link", ("code", "https://x.org")),  # one field short
    ("Link", ("code", "https://x.org", ["a list"])),  # a list where a scalar goes
    ("Link", ("code", ("https://x.org", {"a": 1}), None)),  # a dict inside a list of scalars
    ("Row", ("r", None, {1: "one"})),  # a mapping with a non-string key
    ("Row", ("r", None, {"a": ("nested",)})),  # a mapping holding a tuple
    ("Row", ("r", None, ("not", "a", "mapping"))),
    ("Citation", ("HH-RLHF", ("bai2022training",), (), None, None, ["not a tuple"])),
    ("Citation", ("HH-RLHF", ("bai2022training",), (), None, None, (("too", "short"),))),
    ("Work", None),
])
def test_cached_plain_data_of_the_wrong_shape_is_refused(name, plain):
    """A cache entry becomes a record only when every value has the type the shape says;
    otherwise ValueError, which the store turns into a miss."""
    from goalmap.records import current

    with pytest.raises(ValueError):
        current().from_plain(name, plain)


def test_cached_plain_data_round_trips_to_equal_records(mini):
    from goalmap.records import current, to_plain

    kb = loader.load(mini, use_cache=False)
    records = current()
    for work in kb.works.values():
        assert records.from_plain("Work", to_plain(work)) == work
    for scheme in kb.schemes.values():
        again = records.from_plain("Scheme", to_plain(scheme))
        assert again == scheme and type(again.categories[0]).__name__ == "Category"
