"""A cache of validated taxonomy files, so that a re-run skips the YAML parse.

It holds plain data (dicts, lists, strings, numbers; written with ``marshal``),
never pickled objects, and every cached entry is validated again on reading:
a stale or corrupt cache can cost time but never give a wrong answer.

- Keyed by the goalmap and Python versions and the taxonomy folder's real path.
- Each file is reused only while its size and mtime (ns) are unchanged; added
  files are parsed, removed files are dropped when the cache is saved.
- A cache that cannot be read is ignored and rebuilt; one that cannot be
  written is skipped silently (the cache is an optimisation only).
- Written to a temporary file and renamed into place, so concurrent writers
  never leave a torn file: the last complete one wins.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, Optional

from goalmap import __version__

FORMAT = 2
MAGIC = b"GMC2"  # then the payload's SHA-256, then the marshal payload


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
    except (EOFError, ValueError, TypeError):
        return None


def _key(root: Path) -> tuple:
    return (FORMAT, __version__, sys.version_info[:2], os.path.realpath(root))


class Store:
    """The cached files of one taxonomy folder."""

    def __init__(self, root: Path, path: Path):
        self.root = root
        self.path = path
        self.key = _key(root)
        self.files: dict[str, tuple] = {}
        self.seen: set[str] = set()
        self.stamps: dict[str, Optional[tuple]] = {}
        self.clean: Optional[tuple] = None  # the files (and stamps) last found free of problems
        self.dirty = False
        self._read()

    def _read(self) -> None:
        try:
            with open(self.path, "rb") as fh:
                data = decode(fh.read())
        except OSError:
            return
        if data is None:
            self.dirty = True  # torn, damaged or foreign: rebuild it
            return
        if (isinstance(data, dict) and data.get("key") == self.key
                and isinstance(data.get("files"), dict)):
            self.files = data["files"]
            self.clean = data.get("clean")
        else:
            self.dirty = True

    @staticmethod
    def _stamp(path: str | Path) -> Optional[tuple]:
        try:
            st = os.stat(path)
        except OSError:
            return None
        return (st.st_size, st.st_mtime_ns)

    def get(self, path: str | Path, rel: str,
            trusted: bool = False) -> Optional[list[tuple[tuple, Any]]]:
        """The entries of ``rel`` if the cache holds its current version.

        They are validated again into models, unless ``trusted``: then they come
        back as read-only records (the checksum has vouched for the bytes, and
        they were validated when written by this very version).
        """
        from goalmap.kinds import kind_of_file

        self.seen.add(rel)
        stamp = self.stamps[rel] = self._stamp(path)  # before the caller reads the file
        kind = kind_of_file(rel)
        cached = self.files.get(rel)
        if kind is None or not cached or cached[0] != stamp:
            return None
        if trusted:
            from goalmap.records import wrap

            try:
                return [(tuple(prefix), wrap(data)) for prefix, data in cached[1]]
            except (TypeError, ValueError):
                pass
        from pydantic import ValidationError

        try:
            model = kind.model_class()
            return [(tuple(prefix), model.model_validate(data)) for prefix, data in cached[1]]
        except (ValidationError, TypeError, ValueError, IndexError, KeyError):
            self.files.pop(rel, None)
            self.dirty = True
            return None

    def put(self, path: str | Path, rel: str, entries: list[tuple[tuple, Any]]) -> None:
        stamp = self.stamps.get(rel) or self._stamp(path)
        if stamp is None:
            return
        self.seen.add(rel)
        self.files[rel] = (stamp, [(prefix, e.model_dump()) for prefix, e in entries])
        self.dirty = True

    def signature(self) -> tuple:
        """The files seen in this load with their stamps: what a clean check is valid for."""
        return tuple(sorted((rel, self.stamps.get(rel)) for rel in self.seen))

    def is_clean(self) -> bool:
        """True when exactly these files, unchanged, were last checked and found clean."""
        return self.clean is not None and self.clean == self.signature()

    def mark_clean(self) -> None:
        signature = self.signature()
        if signature != self.clean:
            self.clean = signature
            self.dirty = True

    def save(self) -> None:
        gone = set(self.files) - self.seen
        for rel in gone:
            del self.files[rel]
        if not (self.dirty or gone):
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            blob = encode({"key": self.key, "files": self.files, "clean": self.clean})
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".kb-", suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(blob)
                os.replace(tmp, self.path)
            except BaseException:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
                raise
        except (OSError, ValueError):
            pass  # an unwritable cache only costs speed
        self.dirty = False


def open_cache(root: Path, directory: Optional[Path] = None) -> Store:
    return Store(root, cache_file(root, directory))

