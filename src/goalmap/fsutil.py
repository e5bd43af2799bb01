"""Writing and reading the files a command names (``-o FILE``, ``--check FILE``), safely:
the one atomic writer.

The path comes from the person running goalmap, but what it names may come from a
pull request (a symlink, a FIFO) and goalmap often runs as root in CI.  So:

- A regular file is replaced atomically: a temporary file in the same folder,
  fsync, rename.  It keeps its mode (and, when root writes it, its owner).  A
  failure leaves the old file whole.
- A character device (``/dev/null``, a terminal) or a FIFO is written in place
  and never replaced.  A FIFO that nothing reads is an error at once, not a hang
  (it is opened with ``O_NONBLOCK``).
- ``/dev/stdout``, ``/dev/fd/N`` and ``/proc/self/fd/N`` (and links to them) are
  written to that open descriptor, as a shell redirection would.
- Refused: a folder, a block device, a socket; a symbolic link to a regular file
  or to nothing (goalmap writes where the path says, never through a link to
  some other file); and a relative path that a symbolic link on the way leads out
  of the working folder (a pull request can hold ``docs -> /etc``).
- ``read_regular`` reads only a regular file, under the same link rules, and no
  more than a given number of bytes: a FIFO, ``/dev/zero`` or a huge file cannot
  hang it or exhaust memory.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from pathlib import Path
from typing import Iterable, Optional, Union

from goalmap.errors import OutputError, UsageError

Chunks = Union[bytes, Iterable[bytes]]  # a whole text, or its pieces as they are made


def _pieces(raw: Chunks) -> Iterable[bytes]:
    return [raw] if isinstance(raw, (bytes, bytearray)) else raw


_FD_LINK = re.compile(r"^/(?:proc/self|dev)/fd/(\d+)$")
_MAX_LINKS = 40
_KIND = {stat.S_IFBLK: "a block device", stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder",
         stat.S_IFCHR: "a character device", stat.S_IFIFO: "a FIFO", stat.S_IFREG: "a file"}


def kind_of(mode: int) -> str:
    """``a FIFO``, ``a block device``...: how a message names a file's type."""
    return _KIND.get(stat.S_IFMT(mode), "a special file")


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _follow(path: str) -> tuple[str, bool, Optional[int]]:
    """Follow the symlinks of the last component of the absolute ``path``.

    Returns the path they end at, whether there was a link, and the descriptor
    number when they lead to ``/proc/self/fd/N`` or ``/dev/fd/N``.
    """
    linked = False
    for _ in range(_MAX_LINKS):
        match = _FD_LINK.match(path)
        if match:
            return path, linked, int(match.group(1))
        try:
            target = os.readlink(path)
        except OSError:  # not a link, or nothing there
            return path, linked, None
        linked = True
        path = os.path.normpath(os.path.join(os.path.dirname(path), target))
    raise OutputError(f"cannot use {path}: too many levels of symbolic links")


def _check_folder(given: str, error: type) -> None:
    """A relative path must not be led out of the working folder by a link on the way."""
    if os.path.isabs(given):
        return
    folder = os.path.dirname(given) or "."
    cwd = os.getcwd()
    lexical = os.path.normpath(os.path.join(cwd, folder))
    real = os.path.realpath(folder)
    if real != lexical and not _inside(real, os.path.realpath(cwd)):
        raise error(f"cannot use {given}: a symbolic link on the way leads outside the "
                          f"working folder (to {real})",
                          hint="give the real path if that is where you mean it")


def _resolve(given: str, error: type = OutputError
             ) -> tuple[str, Optional[os.stat_result], Optional[int]]:
    """(path to use, its stat or None when absent, descriptor for /dev/stdout-like links);
    ``error`` is what a refused path raises."""
    _check_folder(given, error)
    path, linked, fd = _follow(os.path.abspath(given))
    if fd is not None:
        return path, None, fd
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise error(f"cannot use {given}: {exc.strerror or exc}") from None
    if linked and (st is None or stat.S_ISREG(st.st_mode)):
        what = "nothing" if st is None else path
        raise error(f"{given} is a symbolic link to {what}; goalmap does not follow a "
                          "link to a regular file",
                          hint="name the file itself, or remove the link")
    return path, st, None


def _write_all(fd: int, raw: Chunks, shown: str) -> None:
    try:
        for piece in _pieces(raw):
            view = memoryview(piece)
            while view:
                view = view[os.write(fd, view):]
    except BrokenPipeError:
        raise OutputError(f"cannot write {shown}: the reader went away") from None
    except OSError as exc:
        raise OutputError(f"cannot write {shown}: {exc.strerror or exc}") from None


def _write_descriptor(fd: int, raw: Chunks, shown: str) -> None:
    try:
        os.fstat(fd)
    except OSError:
        raise OutputError(f"cannot write {shown}: descriptor {fd} is not open") from None
    _write_all(fd, raw, shown)


def _write_in_place(path: str, raw: Chunks, shown: str) -> None:
    """Write to a character device or FIFO without replacing it."""
    flags = os.O_WRONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == 6:  # ENXIO: a FIFO with no reader
            raise OutputError(f"cannot write {shown}: nothing is reading the FIFO",
                              hint="start the reader first, or write to a regular file") from None
        raise OutputError(f"cannot write {shown}: {exc.strerror or exc}") from None
    try:
        mode = os.fstat(fd).st_mode
        if not (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
            raise OutputError(f"cannot write {shown}: it changed while being opened")
        os.set_blocking(fd, True)
        _write_all(fd, raw, shown)
    finally:
        os.close(fd)


def _replace(target: Path, raw: Chunks, mode: int, owner: Optional[tuple[int, int]] = None
             ) -> None:
    """Write ``raw`` (bytes, or chunks written as they come) to a temporary file beside ``target`` (fsync'ed, with ``mode`` and, if
    given, ``owner``) and rename it over ``target``; OSError on failure, the old file whole."""
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in _pieces(raw):
                fh.write(piece)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        if owner is not None:
            os.chown(tmp, *owner)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _replace_regular(target: Path, raw: Chunks, old: Optional[os.stat_result]) -> None:
    """Replace (or create) the regular file ``target``, keeping its mode and owner."""
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"cannot write {target}: the folder {folder} does not exist",
                          hint="create the folder first, or choose another path with -o")
    owner = None
    if old is not None:
        mode = old.st_mode & 0o7777
        if os.geteuid() == 0 and (old.st_uid, old.st_gid) != (0, 0):
            owner = (old.st_uid, old.st_gid)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        _replace(target, raw, mode, owner)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}",
                          hint="check the path and its permissions") from None


def write_atomic(path: str | os.PathLike,
                 data: Union[str, bytes, Iterable[Union[str, bytes]]]) -> Path:
    """Write ``data`` to ``path`` by the rules in this module's docstring.

    ``data`` may be an iterable of chunks (text or bytes), written as they come, so a
    large export is never held whole.  On any failure the old file (if any) is left
    whole and OutputError says why.
    """
    given = os.fspath(path)
    if isinstance(data, str):
        raw: Chunks = data.encode("utf-8")
    elif isinstance(data, (bytes, bytearray)):
        raw = data
    else:
        raw = (c.encode("utf-8") if isinstance(c, str) else c for c in data)
    real, st, fd = _resolve(given)
    if fd is not None:
        _write_descriptor(fd, raw, given)
    elif st is None or stat.S_ISREG(st.st_mode):
        _replace_regular(Path(given), raw, st)
    elif stat.S_ISCHR(st.st_mode) or stat.S_ISFIFO(st.st_mode):
        _write_in_place(real, raw, given)
    elif stat.S_ISDIR(st.st_mode):
        raise OutputError(f"cannot write {given}: it is a folder", hint="give a file name")
    else:
        raise OutputError(f"cannot write {given}: it is {kind_of(st.st_mode)}",
                          hint="goalmap writes regular files, character devices and FIFOs")
    return Path(given)


def read_regular(path: str | os.PathLike, limit: int) -> tuple[bytes, int]:
    """The first ``limit`` bytes (at most) of the regular file at ``path``, and its size.

    UsageError for anything but a regular file (a FIFO, a device, a folder);
    OSError when it cannot be read (missing, no permission).
    """
    given = os.fspath(path)
    real, st, fd = _resolve(given, UsageError)
    if fd is not None or st is None:
        if st is None and fd is None:
            raise FileNotFoundError(2, "No such file or directory", given)
        raise UsageError(f"{given} is not a regular file (it names an open descriptor)",
                         hint="compare with a file in the working tree")
    if not stat.S_ISREG(st.st_mode):
        raise UsageError(f"{given} is not a regular file (it is {kind_of(st.st_mode)})",
                         hint="compare with a file in the working tree")
    fd = os.open(real, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_NOFOLLOW | os.O_CLOEXEC)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise UsageError(f"{given} is not a regular file (it is {kind_of(st.st_mode)})")
        chunks, got = [], 0
        while got < limit:
            chunk = os.read(fd, min(limit - got, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        return b"".join(chunks), st.st_size
    finally:
        os.close(fd)


def write_private(path: str | os.PathLike, data: bytes) -> bool:
    """Write ``data`` atomically to a file only the current user may read or write, in a
    folder made with mode 0700 if missing; False (nothing raised) when it cannot be done."""
    target = Path(path)
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _replace(target, data, 0o600)
    except (OSError, ValueError):
        return False
    return True
