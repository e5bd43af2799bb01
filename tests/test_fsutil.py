"""goalmap.fsutil.write_atomic: whole files or none, and never a device replaced by a file."""

from __future__ import annotations

import os
import stat

import pytest

from goalmap.fsutil import write_atomic


def test_chunks_are_written_whole(tmp_path):
    target = tmp_path / "out.txt"
    write_atomic(target, iter(["a", b"b", "c\n"]))
    assert target.read_bytes() == b"abc\n"


def test_a_failing_chunk_leaves_the_old_file(tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("old\n")

    def pieces():
        yield "new"
        raise RuntimeError("the exporter failed half way")

    with pytest.raises(RuntimeError):
        write_atomic(target, pieces())
    assert target.read_text() == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_written_into_not_replaced(tmp_path):
    """-o /dev/null or -o a FIFO: renaming a temporary file over it would replace the
    device or pipe with a plain file (as root, /dev/null itself)."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # so the writer's open never waits
    try:
        write_atomic(fifo, b"through the pipe\n")
        try:
            got = os.read(reader, 1024)
        except BlockingIOError:
            got = b""
    finally:
        os.close(reader)
    assert got == b"through the pipe\n"
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]
