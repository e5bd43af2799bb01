"""Issue 10, the read side: what a hostile pull request can put in taxonomy/.

Each case was reproduced on the first version (a traceback, a hang, a leak); every
command must answer with located errors and exit 1 or 2 instead.  Commands run in a
subprocess with a timeout, so a hang fails the test instead of stalling the suite.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import MINI

COMMANDS = [["show", "values"], ["search", "delphi"], ["export", "markdown"],
            ["export", "bibtex"], ["lint", "--format", "json"]]
ROOT = os.geteuid() == 0 if hasattr(os, "geteuid") else False


def goalmap(root: Path, *args: str, timeout: float = 30) -> subprocess.CompletedProcess:
    env = {**os.environ, "GOALMAP_NO_CACHE": "1", "GOALMAP_DEBUG": ""}
    return subprocess.run([sys.executable, "-m", "goalmap", "--taxonomy", str(root), *args],
                          capture_output=True, text=True, timeout=timeout, env=env,
                          stdin=subprocess.DEVNULL)


def goalmap_as_nobody(root: Path, *args: str) -> subprocess.CompletedProcess:
    """Run goalmap in a forked child that dropped root for 'nobody' (root reads every file,
    so permission cases need another user; the interpreter itself may live where nobody
    cannot go, so the child keeps the modules its parent already imported)."""
    from typer.testing import CliRunner

    from goalmap.cli import app

    argv = ["--taxonomy", str(root), "--no-cache", *args]
    CliRunner().invoke(app, argv)  # import everything the command needs, as root
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        try:
            os.close(read_end)
            os.setgid(65534)
            os.setuid(65534)
            result = CliRunner().invoke(app, argv)
            payload = json.dumps([result.exit_code, result.stdout, result.stderr,
                                  repr(result.exception) if result.exception and not
                                  isinstance(result.exception, SystemExit) else ""])
            os.write(write_end, payload.encode())
        finally:
            os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end) as fh:
        code, out, err, exc = json.loads(fh.read())
    os.waitpid(pid, 0)
    return subprocess.CompletedProcess(argv, code, out, err + exc)


@pytest.fixture
def tax(tmp_path) -> Path:
    root = tmp_path / "taxonomy"
    shutil.copytree(MINI, root)
    return root


def assert_refused(root: Path, needle: str, file: str, codes=(1,)) -> None:
    """Every command exits with a code of ``codes``, naming ``file`` (``works/x.yaml`` or,
    to check the place too, ``works/x.yaml:3:``) and saying ``needle``."""
    name = file.split(":")[0]
    for args in COMMANDS:
        done = goalmap(root, *args)
        out = done.stdout + done.stderr
        assert done.returncode in codes, (args, done.returncode, out[-2000:])
        assert "Traceback" not in done.stderr, (args, done.stderr[-2000:])
        assert name in out and needle in out, (args, out[-2000:])
    shown = goalmap(root, "show", "values")
    assert file in shown.stderr, shown.stderr[-2000:]


BOMB = """\
id: bomb2020x
title: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
year: 2020
"""


def test_alias_bomb_is_refused_at_the_alias(tax):
    """A 400-byte file exhausted 3 GiB and ended in MemoryError."""
    (tax / "works" / "bomb2020x.yaml").write_text(BOMB)
    assert_refused(tax, "aliases are not allowed", "works/bomb2020x.yaml:3:")


def test_a_single_alias_is_refused_too(tax):
    (tax / "works" / "alias2020x.yaml").write_text(
        "id: alias2020x\ntitle: &t Title\naliases: [*t]\nyear: 2020\n")
    assert_refused(tax, "aliases are not allowed", "works/alias2020x.yaml:3:")


@pytest.mark.parametrize("style", ["flow", "block"])
def test_deep_nesting_is_capped(tax, style):
    """495 to 1,000 levels gave a RecursionError traceback."""
    n = 600
    if style == "flow":
        text = "id: deep2020x\ntitle: T\nyear: 2020\nsummary: " + "[" * n + "]" * n + "\n"
    else:
        text = "id: deep2020x\ntitle: T\nyear: 2020\nsummary:\n" + "".join(
            " " * (i + 1) + "k:\n" for i in range(n)) + " " * (n + 1) + "v\n"
    (tax / "works" / "deep2020x.yaml").write_text(text)
    assert_refused(tax, "nested more than", "works/deep2020x.yaml")


def test_fifo_is_refused_not_waited_on(tax):
    os.mkfifo(tax / "works" / "pipe2020x.yaml")
    assert_refused(tax, "not a regular file", "works/pipe2020x.yaml")


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/stdin"])
def test_symlink_to_a_device_is_refused(tax, device):
    if not os.path.exists(device):
        pytest.skip(f"{device} does not exist here")
    os.symlink(device, tax / "works" / "dev2020x.yaml")
    assert_refused(tax, "outside the taxonomy folder", "works/dev2020x.yaml")


def test_symlink_outside_is_not_followed_and_nothing_leaks(tax, tmp_path):
    secret = tmp_path / "secrets.json"
    secret.write_text('{"id": "ghp_SECRETTOKEN123", "title": "ghp_SECRETTOKEN123"}\n')
    os.symlink(secret, tax / "works" / "leak2020x.yaml")
    assert_refused(tax, "outside the taxonomy folder", "works/leak2020x.yaml")
    for args in COMMANDS:
        done = goalmap(tax, *args)
        assert "ghp_SECRETTOKEN123" not in done.stdout + done.stderr


def test_symlink_inside_the_folder_is_read(tax):
    real = tax / "works" / "jiang2021delphi.yaml"
    (tax / ".store").mkdir()  # hidden folders are not read themselves
    shutil.move(real, tax / ".store" / "jiang2021delphi.yaml")
    os.symlink(tax / ".store" / "jiang2021delphi.yaml", real)
    done = goalmap(tax, "show", "jiang2021delphi")
    assert done.returncode == 0, done.stderr


def test_symlinked_folder_is_reported_not_followed(tax, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "evil2020x.yaml").write_text("id: evil2020x\ntitle: Evil\nyear: 2020\n")
    os.symlink(outside, tax / "works" / "more")
    done = goalmap(tax, "lint", "--format", "parsable")
    assert done.returncode == 1 and "works/more" in done.stdout
    assert "evil2020x" not in done.stdout + done.stderr


def test_a_folder_swapped_for_a_link_after_the_walk_is_not_read_through(tax, tmp_path):
    """The gate opens a file one name at a time without following links, so a folder that
    became a link between listing and reading (a race) leads nowhere outside."""
    from goalmap.source import read_text

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "jiang2021delphi.yaml").write_text("id: ghp_SECRETTOKEN123\n")
    works = tax / "works"
    path = str(works / "jiang2021delphi.yaml")
    shutil.move(works, tax / ".works-before")
    os.symlink(outside, works)
    text, problems = read_text(path, "works/jiang2021delphi.yaml", os.path.realpath(tax))
    assert text is None
    assert [(p.file, p.rule) for p in problems] == [("works/jiang2021delphi.yaml",
                                                     "yaml-syntax")]
    assert "outside the taxonomy folder" in problems[0].message


def test_oversized_file_is_refused_unread(tax):
    big = tax / "works" / "big2020x.yaml"
    big.write_text("id: big2020x\ntitle: T\nyear: 2020\nsummary: " + "x" * (2 << 20) + "\n")
    assert_refused(tax, "larger than", "works/big2020x.yaml")


@pytest.mark.parametrize("text", ["", "# only a comment\n", "---\n"])
def test_file_with_no_entry_is_an_error_naming_it(tax, text):
    """An empty or comment-only file was not reported, only the dangling references it left."""
    (tax / "works" / "jiang2021delphi.yaml").write_text(text)
    done = goalmap(tax, "lint", "--format", "parsable")
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert any("works/jiang2021delphi.yaml:1:1: [error] the file holds no entry" in ln
               for ln in lines), lines
    assert not any("dangling-reference" in ln for ln in lines), lines


def _private_copy() -> Path:
    """A taxonomy another user may read: a world-readable folder outside pytest's 0700 tmp."""
    base = Path(tempfile.mkdtemp(prefix="goalmap-adv-"))
    os.chmod(base, 0o755)
    root = base / "taxonomy"
    shutil.copytree(MINI, root)
    for dirpath, dirnames, filenames in os.walk(base):
        for d in dirnames:
            os.chmod(os.path.join(dirpath, d), 0o755)
        for f in filenames:
            os.chmod(os.path.join(dirpath, f), 0o644)
    return root


@pytest.mark.parametrize("what", ["folder", "file"])
def test_unreadable_folder_or_file_is_an_error_naming_it(what):
    """An unreadable subfolder was skipped silently; an unreadable file also gave a
    spurious dangling-reference.  Run as 'nobody' when root (root reads everything)."""
    root = _private_copy()
    try:
        if what == "folder":
            target = root / "works"
            os.chmod(target, 0)
            name = "works"
        else:
            target = root / "works" / "jiang2021delphi.yaml"
            os.chmod(target, 0)
            name = "works/jiang2021delphi.yaml"
        if ROOT:
            done = goalmap_as_nobody(root, "lint", "--format", "parsable")
        else:
            done = goalmap(root, "lint", "--format", "parsable")
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr
        lines = done.stdout.splitlines()
        assert any(f"{name}: [error] cannot read" in ln for ln in lines), lines
        assert not any("dangling-reference" in ln for ln in lines), lines
    finally:
        for dirpath, dirnames, _ in os.walk(root.parent):
            for d in dirnames:
                os.chmod(os.path.join(dirpath, d), 0o755)
        os.chmod(root / "works", stat.S_IRWXU)
        shutil.rmtree(root.parent, ignore_errors=True)


def test_injected_id_is_refused_at_load_not_exported(tax):
    """An id holding ',\\n note = {...}}\\n@misc{...' injected a field and an entry into
    export bibtex: lint flagged it, but export does not lint first."""
    evil = 'id: "x2020y,\\n  note = {pwned}}\\n@misc{injected2020,\\n"\ntitle: T\nyear: 2020\n'
    (tax / "works" / "x2020y.yaml").write_text(evil)
    done = goalmap(tax, "export", "bibtex")
    assert done.returncode == 1
    assert "@misc{injected2020" not in done.stdout and "pwned" not in done.stdout
    assert "works/x2020y.yaml:1:" in done.stderr


def test_the_size_cap_can_be_raised_for_a_large_knowledge_base(tax, monkeypatch):
    big = tax / "works" / "big2020x.yaml"
    big.write_text("id: big2020x\ntitle: T\nyear: 2020\nsummary: " + "x" * (2 << 20) + "\n")
    monkeypatch.setenv("GOALMAP_MAX_FILE_MIB", "4")
    done = goalmap(tax, "lint", "--format", "parsable")
    assert "larger than" not in done.stdout
