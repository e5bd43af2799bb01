"""A cache of loaded taxonomy files, so that a re-run skips the YAML parse and validation.

It holds the records of each file as plain data (tuples, strings, numbers; written
with ``marshal``), never pickled objects, and the shape of the records, so a warm
run needs no pydantic.  Every value is type-checked when it is turned back into a
record: a damaged, stale or crafted cache costs time, never a wrong answer or a
traceback.  Any anomaly is a silent miss.

- Keyed by the cache format, the goalmap and Python versions, a fingerprint of the
  models' schema (``records.fingerprint``) and the taxonomy folder's real path.
- A file's records are reused only while its size, mtime_ns, ctime_ns and inode
  are all unchanged (git's index keeps the same stat data).  As in git, an entry
  whose mtime or ctime is not older than the cache file itself is "racily clean"
  and is read again: an edit in the same clock tick as the cache write is caught.
- Trust: the folder is made with mode 0700, and a cache file is read only when it
  is a regular file owned by the current user and writable by no one else, so in
  a shared cache folder another user cannot feed us their data.
- Written to a temporary file and renamed into place, so concurrent writers never
  leave a torn file: the last complete one wins.

This module sits below the loader: it imports neither the loader nor the models.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import stat
import sys
from pathlib import Path
from typing import Any, Optional

from goalmap.version import __version__
from goalmap.fsutil import write_private

FORMAT = 3
MAGIC = b"GMC3"  # then the payload's SHA-256, then the marshal payload


def cache_dir() -> Path:
    """``$GOALMAP_CACHE_DIR``, else ``$XDG_CACHE_HOME/goalmap``, else ``~/.cache/goalmap``."""
    explicit = os.environ.get("GOALMAP_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "goalmap"


def cache_file(root: Path, directory: Optional[Path] = None) -> Path:
    real = os.path.realpath(root)
    digest = hashlib.sha256(real.encode("utf-8", "surrogateescape")).hexdigest()[:20]
    return (directory or cache_dir()) / f"kb-{digest}.marshal"


def encode(data: dict) -> bytes:
    """The bytes of a cache file: a magic tag, the payload's SHA-256, the marshal payload."""
    payload = marshal.dumps(data)
    return MAGIC + hashlib.sha256(payload).digest() + payload


def decode(raw: bytes) -> Optional[Any]:
    """The data of a cache file, or None when it is torn, damaged or of another format."""
    head, digest, payload = raw[:4], raw[4:36], raw[36:]
    if head != MAGIC or hashlib.sha256(payload).digest() != digest:
        return None
    try:
        # loads on bytes: marshal.load on a file reads it in many small pieces (10x slower)
        return marshal.loads(payload)
    except Exception:  # noqa: BLE001 - crafted payloads raise anything (even MemoryError)
        return None


def stamp(path: str | Path) -> Optional[tuple]:
    """The stat data a cached file is checked against (None when it cannot be stat'ed)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino)


def _key(root: Path, schema: str) -> tuple:
    return (FORMAT, __version__, tuple(sys.version_info[:2]), schema, os.path.realpath(root))


def _read_trusted(path: Path) -> tuple[Optional[bytes], int]:
    """The bytes of ``path`` and its mtime_ns, if it is ours alone to have written."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(
            os, "O_NONBLOCK", 0))
    except OSError:
        return None, 0
    try:
        st = os.fstat(fd)
        if (not stat.S_ISREG(st.st_mode) or st.st_mode & 0o022
                or (hasattr(os, "geteuid") and st.st_uid != os.geteuid())):
            return None, 0
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read(), st.st_mtime_ns
    except (OSError, MemoryError):
        return None, 0
    finally:
        os.close(fd)


class Store:
    """The cached files of one taxonomy folder."""

    def __init__(self, root: Path, path: Path, schema: str):
        self.root = root
        self.path = path
        self.key = _key(root, schema)
        self.shape: Optional[dict] = None
        self.files: dict[str, tuple] = {}
        self.written_ns = 0  # the cache file's mtime: entries not older than it are racy
        self.seen: set[str] = set()
        self.stamps: dict[str, Optional[tuple]] = {}
        self.clean: Optional[tuple] = None  # the files (and stamps) last found free of problems
        self.dirty = False
        self._read()

    def _read(self) -> None:
        raw, mtime = _read_trusted(self.path)
        if raw is None:
            return
        data = decode(raw)
        try:
            if (data["key"] == self.key and type(data["files"]) is dict
                    and type(data["shape"]) is dict):
                self.files, self.shape = data["files"], data["shape"]
                self.clean = data.get("clean")
                self.written_ns = mtime
                return
        except Exception:  # noqa: BLE001 - anything malformed is a miss
            pass
        self.dirty = True  # torn, damaged, foreign or of another schema: rebuild it

    def _fresh(self, cached_stamp: Any, now: Optional[tuple]) -> bool:
        if now is None or cached_stamp != now:
            return False
        _, mtime, ctime, _ = now
        return mtime < self.written_ns and ctime < self.written_ns  # else racily clean

    def get(self, path: str | Path, rel: str) -> Optional[list[tuple[tuple, Any]]]:
        """The records of ``rel`` if the cache holds its current version, else None."""
        self.seen.add(rel)
        now = self.stamps[rel] = stamp(path)  # before the caller reads the file
        cached = self.files.get(rel)
        if not cached or self.shape is None:
            return None
        try:
            if not self._fresh(cached[0], now):
                return None
            from goalmap.records import adopt

            records = adopt(self.shape)
            return [(tuple(prefix), records.from_plain(model, plain))
                    for prefix, model, plain in cached[1]]
        except Exception:  # noqa: BLE001 - a wrong-shaped entry is a miss, never a traceback
            self.files.pop(rel, None)
            self.dirty = True
            return None

    def put(self, path: str | Path, rel: str, entries: list[tuple[tuple, Any]]) -> None:
        from goalmap.records import current, to_plain

        now = self.stamps.get(rel) or stamp(path)
        if now is None:
            return
        self.seen.add(rel)
        self.shape = current().shape
        self.files[rel] = (now, [(prefix, type(e).__name__, to_plain(e)) for prefix, e in entries])
        self.dirty = True

    def signature(self) -> tuple:
        """The files seen in this load with their stamps: what a clean check is valid for."""
        return tuple(sorted((rel, self.stamps.get(rel)) for rel in self.seen))

    def is_clean(self) -> bool:
        """True when exactly these files, unchanged and none racy, were last found clean."""
        if self.clean is None or self.clean != self.signature():
            return False
        return all(s is not None and s[1] < self.written_ns and s[2] < self.written_ns
                   for s in self.stamps.values())

    def mark_clean(self) -> None:
        signature = self.signature()
        if signature != self.clean:
            self.clean = signature
            self.dirty = True

    def save(self) -> None:
        gone = set(self.files) - self.seen
        for rel in gone:
            del self.files[rel]
        if not (self.dirty or gone) or self.shape is None:
            return
        blob = encode({"key": self.key, "shape": self.shape, "files": self.files,
                       "clean": self.clean})
        write_private(self.path, blob)  # an unwritable cache only costs speed
        self.dirty = False


def open_cache(root: Path, directory: Optional[Path] = None) -> Store:
    from goalmap.records import fingerprint

    return Store(root, cache_file(root, directory), fingerprint())
