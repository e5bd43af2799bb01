"""Finding 1: ``export -o`` and ``export --check`` on special files.

As root, ``-o /dev/null`` used to replace the device with a regular file and ``-o /dev/stdout``
replaced the symlink. A device, FIFO or terminal is written in place (never replaced); a
regular file is replaced atomically, keeping its mode; ``-o -`` is stdout. ``--check`` reads
only a regular file, and no more of it than the comparison needs.

Device nodes are made with ``mknod`` in a temporary folder (never the real ``/dev/null``);
the null device is (1, 3) and the zero device (1, 5) on Linux.
"""

from __future__ import annotations

import os
import resource
import stat
import sys
import tempfile
import threading
from pathlib import Path

import pytest

from adversarial.conftest import MINI, as_nobody, clean, goalmap, needs_root

linux = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux device numbers")
NULL = (1, 3)
ZERO = (1, 5)


def export(*args: str, **kw):
    return goalmap("--taxonomy", str(MINI), "export", "markdown", *args, **kw)


def expected() -> bytes:
    run = export()
    assert run.code == 0
    return run.stdout


def device(path: Path, numbers=NULL, kind=stat.S_IFCHR) -> Path:
    os.mknod(path, 0o666 | kind, os.makedev(*numbers))
    return path


def is_device(path: Path, numbers=NULL) -> bool:
    st = os.lstat(path)
    return stat.S_ISCHR(st.st_mode) and (os.major(st.st_rdev), os.minor(st.st_rdev)) == numbers


def limit_memory(gib: float = 1.5):
    """preexec_fn: cap the child's address space, so reading a whole device fails fast."""
    def apply():
        size = int(gib * 2**30)
        resource.setrlimit(resource.RLIMIT_AS, (size, size))
    return apply


@needs_root
@linux
def test_a_device_is_written_in_place_not_replaced(tmp_path):
    null = device(tmp_path / "null")
    run = export("-o", str(null))
    clean(run, (0,))
    assert is_device(null)
    assert sorted(os.listdir(tmp_path)) == ["null"]  # no temporary file left behind


@needs_root
@linux
def test_a_symlink_to_a_device_stays_a_symlink(tmp_path):
    null = device(tmp_path / "null")
    link = tmp_path / "out.md"
    link.symlink_to(null)
    clean(export("-o", str(link)), (0,))
    assert link.is_symlink() and os.readlink(link) == str(null)
    assert is_device(null)


@needs_root
@linux
def test_a_block_device_is_refused(tmp_path):
    disk = device(tmp_path / "disk", (7, 0), stat.S_IFBLK)
    run = export("-o", str(disk))
    clean(run, (3,))
    assert stat.S_ISBLK(os.lstat(disk).st_mode)
    assert "block device" in run.err


def test_a_fifo_with_a_reader_gets_the_export(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    try:
        run = export("-o", str(fifo), timeout=60)
    finally:
        if reader.is_alive():  # unblock the reader if goalmap never opened the FIFO
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        reader.join(10)
    clean(run, (0,))
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert got == [expected()]


def test_a_fifo_without_a_reader_fails_at_once(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    run = export("-o", str(fifo), timeout=60)
    clean(run, (3,))
    assert "nothing is reading" in run.err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_terminal_is_written_in_place(tmp_path):
    leader, follower = os.openpty()
    try:
        name = os.ttyname(follower)
        if not os.path.exists(name):  # no /dev/pts in this container: a node for the same tty
            if os.geteuid() != 0:
                pytest.skip(f"{name} has no node here and only root can make one")
            name = str(tmp_path / "tty")
            os.mknod(name, 0o620 | stat.S_IFCHR, os.fstat(follower).st_rdev)
        run = export("-o", name)
        clean(run, (0,))
        assert stat.S_ISCHR(os.stat(name).st_mode)
        os.set_blocking(leader, False)
        data = b""
        try:
            while True:
                data += os.read(leader, 1 << 16)
        except (BlockingIOError, OSError):
            pass
    finally:
        os.close(follower)
        os.close(leader)
    assert data.replace(b"\r\n", b"\n") == expected()


def test_dev_stdout_style_links_write_to_that_descriptor(tmp_path):
    link = tmp_path / "stdout"
    link.symlink_to("/proc/self/fd/1")
    run = export("-o", str(link))
    clean(run, (0,))
    assert run.stdout == expected()
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"


def test_dash_is_stdout(tmp_path):
    run = export("-o", "-", cwd=tmp_path)
    clean(run, (0,))
    assert run.stdout == expected()
    assert os.listdir(tmp_path) == []


def test_a_regular_file_is_replaced_and_keeps_its_mode(tmp_path):
    target = tmp_path / "README.md"
    target.write_text("old\n")
    target.chmod(0o640)
    clean(export("-o", str(target)), (0,))
    assert target.read_bytes() == expected()
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_a_symlink_to_a_regular_file_is_refused(tmp_path):
    secret = tmp_path / "elsewhere.txt"
    secret.write_text("keep me\n")
    link = tmp_path / "README.md"
    link.symlink_to(secret)
    run = export("-o", str(link))
    clean(run, (3,))
    assert "symbolic link" in run.err
    assert link.is_symlink() and secret.read_text() == "keep me\n"


def test_a_relative_path_cannot_leave_the_working_folder_through_a_link(tmp_path):
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    repo.mkdir()
    outside.mkdir()
    (repo / "docs").symlink_to(outside)  # a pull request can hold this link
    run = export("-o", "docs/README.md", cwd=repo)
    clean(run, (3,))
    assert "outside the working folder" in run.err
    assert os.listdir(outside) == []


# ------------------------------------------------------------------ --check
def test_check_refuses_a_fifo_without_hanging(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    run = export("--check", str(fifo), timeout=60)
    clean(run, (2,))
    assert "not a regular file" in run.err


@needs_root
@linux
def test_check_refuses_an_endless_device(tmp_path):
    zero = device(tmp_path / "zero", ZERO)
    run = export("--check", str(zero), timeout=60, preexec_fn=limit_memory())
    clean(run, (2,))
    assert "not a regular file" in run.err


def test_check_reads_no_more_of_a_huge_file_than_it_needs(tmp_path):
    huge = tmp_path / "README.md"
    with open(huge, "wb") as fh:
        fh.truncate(2 * 2**30)  # 2 GiB, sparse: reading it whole needs 2 GiB of memory
    run = export("--check", str(huge), timeout=60, preexec_fn=limit_memory())
    clean(run, (1,))
    assert "out of date" in run.err and "larger than" in run.err


def test_check_of_the_same_bytes_passes(tmp_path):
    target = tmp_path / "README.md"
    target.write_bytes(expected())
    clean(export("--check", str(target)), (0,))


# ------------------------------------------------------------ normal user
@needs_root
def test_an_unwritable_folder_is_a_clean_error_for_a_normal_user():
    base = Path(tempfile.mkdtemp())
    try:
        base.chmod(0o755)  # root's folder: others may read, not write
        run = as_nobody("--taxonomy", str(MINI), "--no-cache", "export", "markdown",
                        "-o", str(base / "README.md"),
                        warm=("--taxonomy", str(MINI), "--no-cache", "export", "markdown"))
        clean(run, (3,))
        assert "cannot write" in run.err and not (base / "README.md").exists()
    finally:
        base.rmdir()
