"""Writing files so that a failure never leaves a half-written one: the one atomic writer."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable, Union

from goalmap.errors import OutputError


def _replace(target: Path, raw: Union[bytes, Iterable[bytes]], mode: int) -> None:
    """Write ``raw`` (bytes, or chunks of bytes) to a temporary file beside ``target``
    (fsync'ed, with ``mode``) and rename it over ``target``; OSError on failure, the old
    file left whole."""
    folder = target.parent if str(target.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(raw, (bytes, bytearray)):
                fh.write(raw)
            else:
                for chunk in raw:
                    fh.write(chunk)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_atomic(path: str | os.PathLike, data: Union[str, bytes, Iterable[Union[str, bytes]]]
                 ) -> Path:
    """Write ``data`` to ``path`` atomically, keeping an existing file's mode.

    ``data`` may be an iterable of chunks (text or bytes), written as they come, so a
    large export is never held whole.  On any failure the old file (if any) is left
    whole and OutputError says why.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"cannot write {target}: the folder {folder} does not exist",
                          hint="create the folder first, or choose another path with -o")
    if target.is_dir():
        raise OutputError(f"cannot write {target}: it is a folder", hint="give a file name")
    if isinstance(data, str):
        raw: Union[bytes, Iterable[bytes]] = data.encode("utf-8")
    elif isinstance(data, (bytes, bytearray)):
        raw = data
    else:
        raw = (c.encode("utf-8") if isinstance(c, str) else c for c in data)
    if target.exists() and not target.is_file():
        # A device, FIFO or socket (-o /dev/null, -o /dev/stdout, a named pipe): write into
        # it; renaming a file over it would replace the device itself.
        try:
            with open(target, "wb") as fh:
                for chunk in ([raw] if isinstance(raw, (bytes, bytearray)) else raw):
                    fh.write(chunk)
        except OSError as exc:
            raise OutputError(f"cannot write {target}: {exc.strerror or exc}",
                              hint="check the path and its permissions") from None
        return target
    if target.exists():
        mode = target.stat().st_mode & 0o7777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        _replace(target, raw, mode)
    except OSError as exc:
        raise OutputError(f"cannot write {target}: {exc.strerror or exc}",
                          hint="check the path and its permissions") from None
    return target


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
