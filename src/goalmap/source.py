"""One taxonomy file, read, parsed and validated: the per-file gate load and lint share.

``read_source`` is the only place a taxonomy file is opened.  It turns the file
into records (``goalmap.records``) plus located problems; nothing downstream
sees YAML or pydantic.  Untrusted-input limits are enforced here, once.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

from goalmap.errors import Problem, format_path
from goalmap.kinds import folders_text, kind_of_file

if TYPE_CHECKING:
    from pydantic import ValidationError

    from goalmap.yamlread import Positions


@dataclass
class SourceFile:
    """A file of the taxonomy as read: its records, its problems, and (for lint, on
    demand) its text and where each value stands."""

    rel: str  # relative to the taxonomy root, with "/"
    path: str
    root: str  # the taxonomy folder's real path
    entries: list = field(default_factory=list)  # (prefix in the file, record)
    problems: list[Problem] = field(default_factory=list)
    claimed: set[str] = field(default_factory=set)  # ids a file with problems meant to define
    _text: Optional[str] = None
    _positions: Optional[Positions] = None

    @property
    def text(self) -> str:
        """The file's text, read again on first use (and then kept)."""
        if self._text is None:
            self._text, _ = read_text(self.path, self.rel, self.root)
            self._text = self._text or ""
        return self._text

    @property
    def positions(self) -> Positions:
        """Where each value and key of the file stands, parsed again on first use."""
        if self._positions is None:
            from goalmap.yamlread import Positions, parse

            self._positions = Positions()
            parse(self.text, self.rel, self._positions)
        return self._positions


# The largest taxonomy file read (SECURITY.md): 1 MiB, fifty times the largest real one.
# A knowledge base far larger than the survey's (a scheme citing 100,000 works is 7 MB)
# raises it with $GOALMAP_MAX_FILE_MIB.
MAX_FILE_BYTES = 1 << 20


def max_file_bytes() -> int:
    try:
        return max(1, int(os.environ["GOALMAP_MAX_FILE_MIB"])) << 20
    except (KeyError, ValueError):
        return MAX_FILE_BYTES


_BENEATH = (os.open in os.supports_dir_fd and hasattr(os, "O_NOFOLLOW")
            and hasattr(os, "O_DIRECTORY"))


def _open_beneath(root: str, rel: str, flags: int) -> int:
    """Open ``rel`` (with ``/``) inside the folder ``root`` one name at a time, never
    following a link: a file that is a link raises ELOOP (EMLINK on some BSDs), a folder
    that is one ENOTDIR (Linux) or ELOOP.

    Nothing outside ``root`` can be reached this way, even if a folder is swapped for a
    link while the files are read, and it costs fewer system calls than resolving each
    path.  Where the platform cannot open relative to a folder, OSError with no errno
    sends the caller to the resolving check.
    """
    if not _BENEATH:
        raise OSError("cannot open beneath a folder here")
    *folders, name = rel.split("/")
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        for folder in folders:
            inner = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW, dir_fd=fd)
            os.close(fd)
            fd = inner
        return os.open(name, flags | os.O_NOFOLLOW, dir_fd=fd)
    finally:
        os.close(fd)


def read_text(path: str, rel: str, root: str) -> tuple[Optional[str], list[Problem]]:
    """The text of a taxonomy file, or a located problem saying why it is not read.

    Only a regular file that resolves inside ``root`` (a link may point within the
    folder, never out of it), of at most MAX_FILE_BYTES, in UTF-8.  A FIFO, a device or
    a socket is refused without waiting on it; nothing outside the folder is opened.
    ``root`` is the folder's real path (``os.path.realpath``), resolved once per load
    by the caller rather than once per file.
    """

    def refuse(message: str, hint: str) -> tuple[None, list[Problem]]:
        return None, [Problem(rel, 0, 0, message, rule="yaml-syntax", hint=hint)]

    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = _open_beneath(root, rel, flags)
    except OSError as exc:
        if exc.errno not in (errno.ELOOP, errno.EMLINK, errno.ENOTDIR, None):
            return refuse(f"cannot read the file: {exc.strerror or exc}",
                          "check the file's permissions")
        # A link (or no way to open without following links): read it only when it
        # resolves inside the folder.
        try:
            real = os.path.realpath(path)
            inside = os.path.commonpath([real, root]) == root
        except (OSError, ValueError):
            inside = False
        if not inside:
            return refuse("the file is a link to something outside the taxonomy folder; it "
                          "is not read", "replace the link with the file itself")
        try:
            fd = os.open(real, flags)
        except OSError as exc:
            return refuse(f"cannot read the file: {exc.strerror or exc}",
                          "check the file's permissions")
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return refuse("the file is not a regular file (a FIFO, a device or a socket); "
                          "it is not read", "replace it with a YAML file")
        cap = max_file_bytes()
        raw = b""
        if st.st_size <= cap:
            chunks: list[bytes] = []
            size = 0
            while size <= cap:
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
            raw = b"".join(chunks)
        if st.st_size > cap or len(raw) > cap:
            return refuse(f"the file is larger than {cap:,} bytes; it is not read",
                          "split it, or raise the limit with $GOALMAP_MAX_FILE_MIB "
                          "(SECURITY.md)")
    except OSError as exc:
        return refuse(f"cannot read the file: {exc.strerror or exc}",
                      "check the file's permissions")
    finally:
        os.close(fd)
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        return refuse(f"the file is not UTF-8 text (byte {exc.start})", "save it as UTF-8")


def read_source(path: str, rel: str, root: str) -> SourceFile:
    """Read, parse and validate one file."""
    text, problems = read_text(path, rel, root)
    if text is None:
        return SourceFile(rel, path, root, [], problems,
                          {rel.rsplit("/", 1)[-1].split(".")[0]})
    entries, problems = read_entries(text, rel)
    claimed = claimed_ids(text, rel) if problems else set()
    return SourceFile(rel, path, root, entries, problems, claimed)


def source_from_text(path: str, rel: str, root: str, text: str) -> SourceFile:
    """A file as it would be with ``text`` in it (a change checked before it is written)."""
    entries, problems = read_entries(text, rel)
    claimed = claimed_ids(text, rel) if problems else set()
    return SourceFile(rel, path, root, entries, problems, claimed, _text=text)


def read_entries(text: str, rel: str, positions: Optional[Positions] = None) -> tuple[
        list[tuple[tuple, Any]], list[Problem]]:
    """Parse and validate one file's text: (entry prefix, record) pairs and the problems."""
    kind = kind_of_file(rel)
    if kind is None:
        return [], [Problem(rel, 0, 0, f"files belong in one of the folders {folders_text()}",
                            rule="schema")]
    model = kind.model_class()
    from pydantic import ValidationError

    from goalmap.records import current
    from goalmap.yamlread import Positions, parse  # not needed when the cache answers

    if positions is None:
        positions = Positions()
    data, problems = parse(text, rel, positions)
    if data is None and not problems:
        return [], [Problem(rel, 1, 1, "the file holds no entry", rule="schema",
                            hint="write the entry in it, or delete the file")]
    if data is None or any(p.rule == "yaml-syntax" for p in problems):
        return [], problems  # a duplicate key alone still lets the rest be checked
    if isinstance(data, dict):
        items = [((), data)]
    elif isinstance(data, list):
        items = [((i,), item) for i, item in enumerate(data)]
    else:
        return [], [Problem(rel, 1, 1, "a taxonomy file holds a mapping (one entry) "
                            "or a list of mappings", rule="schema")]
    records = current()
    entries = []
    for prefix, item in items:
        try:
            entries.append((prefix, records.from_model(model.model_validate(item))))
        except ValidationError as exc:
            problems.extend(_schema_problems(exc, rel, prefix, positions))
    return entries, problems


# At most this many schema problems are reported per entry (SECURITY.md): a hostile file
# with 90,000 unknown keys would otherwise cost 90,000 located problems, and lint's
# SARIF of them half a gigabyte.
MAX_SCHEMA_PROBLEMS = 100


def _schema_problems(exc: ValidationError, rel: str, prefix: tuple,
                     positions: Positions) -> list[Problem]:
    out = []
    total = exc.error_count()
    errors = exc.errors(include_url=False, include_context=False)
    if total > MAX_SCHEMA_PROBLEMS:
        del errors[MAX_SCHEMA_PROBLEMS:]
        line, col = positions.of_value(prefix)
        out.append(Problem(rel, line, col, f"{total - MAX_SCHEMA_PROBLEMS} more schema problems "
                           f"in this entry are not shown (the first {MAX_SCHEMA_PROBLEMS} are)",
                           rule="schema", path=prefix))
    for err in errors:
        loc = prefix + tuple(err["loc"])
        kind = err["type"]
        if kind == "missing":
            line, col = positions.of_value(loc[:-1])
            msg = f"missing required field '{loc[-1]}'"
        elif kind == "extra_forbidden":
            line, col = positions.of_key(loc)
            msg = f"unknown field '{loc[-1]}'"
        elif kind == "string_pattern_mismatch" and loc[-1] == "id":
            line, col = positions.of_value(loc)
            msg = (f"the id {err.get('input')!r} may hold only lower-case letters, digits, "
                   "'.', '_' and '-'")
        else:
            line, col = positions.of_value(loc)
            got = err.get("input")
            shown = repr(got) if not isinstance(got, (dict, list)) else type(got).__name__
            msg = f"{err['msg']} (got {shown})"
        field_path = _clean_loc(loc)
        if kind not in ("missing", "extra_forbidden", "string_pattern_mismatch") and field_path:
            msg = f"{format_path(field_path)}: {msg}"
        out.append(Problem(rel, line, col, msg, rule="schema", path=field_path))
    return out


def _clean_loc(loc: tuple) -> tuple:
    """Drop pydantic's union-member markers (``'str'``, ``"literal['a']"``) from a location."""
    markers = {"str", "int", "float", "bool"}
    return tuple(p for p in loc if not (isinstance(p, str) and (p in markers or "[" in p)))


def claimed_ids(text: str, rel: str) -> set[str]:
    """Ids a file that failed to load meant to define, so that references to them
    are not reported a second time as dangling."""
    ids = {rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]}
    for match in re.finditer(r"^\s*-?\s*id:\s*['\"]?([\w.-]+)", text, re.MULTILINE):
        ids.add(match.group(1))
    return ids
