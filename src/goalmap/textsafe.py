"""Text made safe for the medium it goes to: one helper per medium.

Values from the taxonomy (titles, names, ids, file names) are untrusted: a YAML
escape such as ``"\\e]0;title\\a"`` or ``"\\x9b2J"`` puts a terminal control
sequence in a title, and a file name can hold any byte but ``/`` and NUL,
including invalid UTF-8 (Python hands it over as a lone surrogate,
``\\udcff``).  Every output goes through the helper for its medium:

- ``terminal``: people read it (``show``, ``search``, lint's text and parsable
  formats, error messages).  Each unsafe character, and tab and newline, becomes
  a visible escape: ``\\x1b``, ``\\u202e``, and for a byte that was not UTF-8 in
  a file name, ``\\xff``.  The line stays one line and means what it shows.
- ``github_data`` and ``github_property``: GitHub Actions workflow commands
  (``::error file=F,line=L::message``).  ``%``, CR and LF are percent-encoded
  as the syntax requires (and ``:`` and ``,`` in properties); every other
  unsafe character is a visible escape, as for a terminal.
- ``json_dumps``: JSON for programs.  JSON escapes C0 itself; DEL, C1, line
  and bidi controls are written as ``\\uXXXX`` escapes too, and a lone
  surrogate (which no UTF-8 encoder writes) becomes U+FFFD.
- ``document``: exported documents (Markdown, DOT, Mermaid, BibTeX, GraphML).
  Unsafe characters become U+FFFD, the replacement character: none of these
  formats can hold a control character (XML 1.0 forbids most of C0 outright,
  Graphviz rejects them), and a reader sees that something was replaced.

``UNSAFE`` is the set these helpers neutralise and the ``control-character``
lint rule rejects in text fields: C0 controls except tab and newline, DEL, C1
controls, the line and paragraph separators, the bidirectional overrides and
isolates (which reorder how a line reads), lone surrogates, and U+FFFE/U+FFFF.

Pure functions; nothing here prints.
"""

from __future__ import annotations

import json
import re
from typing import Any

_C0 = "\x00-\x08\x0b-\x1f"  # C0 controls but tab (\x09) and newline (\x0a)
_WIDE = ("\x7f-\x9f"  # DEL and the C1 controls (\x9b is an 8-bit CSI)
         "\u2028\u2029"  # line and paragraph separators (line breaks to some readers)
         "\u202a-\u202e\u2066-\u2069"  # bidi embeddings, overrides and isolates
         "\ud800-\udfff"  # lone surrogates (file names that were not UTF-8)
         "\ufffe\uffff")  # noncharacters XML 1.0 forbids

UNSAFE = re.compile(f"[{_C0}{_WIDE}]")
_TERMINAL = re.compile(f"[\x00-\x1f{_WIDE}]")
_JSON = re.compile(f"[{_WIDE}]")

REPLACEMENT = "\ufffd"

_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "BS", 0x0D: "CR", 0x1B: "ESC", 0x7F: "DEL",
          0x85: "NEL", 0x9B: "CSI", 0x9D: "OSC", 0x2028: "LINE SEPARATOR",
          0x2029: "PARAGRAPH SEPARATOR", 0x202E: "RIGHT-TO-LEFT OVERRIDE",
          0x202D: "LEFT-TO-RIGHT OVERRIDE"}


def visible(ch: str) -> str:
    """The escape a person sees for one unsafe character: ``\\x1b``, ``\\u202e``; a byte
    that was not UTF-8 (a surrogate-escaped ``\\udcff``) as that byte, ``\\xff``."""
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def describe(ch: str) -> str:
    """``U+001B (ESC)``: how a message names an unsafe character."""
    code = ord(ch)
    name = _NAMES.get(code)
    if name is None and 0xD800 <= code <= 0xDFFF:
        name = "lone surrogate"
    return f"U+{code:04X}" + (f" ({name})" if name else "")


def terminal(text: Any) -> str:
    """``text`` for a person's screen: every control character as a visible escape."""
    return _TERMINAL.sub(lambda m: visible(m.group()), str(text))


def paragraph(text: Any) -> str:
    """A paragraph on one terminal line (a tree's node): line breaks read as spaces, every
    other control character a visible escape."""
    return terminal(" ".join(str(text).split("\n")))


def github_data(text: Any) -> str:
    """The message part of a workflow command (after the second ``::``)."""
    text = str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return terminal(text)


def github_property(text: Any) -> str:
    """A property value of a workflow command (``file=...``, ``title=...``)."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


def _json_escape(match: re.Match) -> str:
    code = ord(match.group())
    return "\\ufffd" if 0xD800 <= code <= 0xDFFF else f"\\u{code:04x}"


def json_text(text: str) -> str:
    """A JSON text (from ``json.dumps(..., ensure_ascii=False)``) with DEL, C1, line and
    bidi controls escaped and lone surrogates replaced; it stays valid JSON, because
    outside strings JSON holds none of these characters."""
    return _JSON.sub(_json_escape, text)


def json_dumps(data: Any, **kw: Any) -> str:
    """``json.dumps`` (UTF-8 kept readable) whose text holds no raw control character."""
    return json_text(json.dumps(data, ensure_ascii=False, **kw))


def document(text: Any) -> str:
    """``text`` for an exported document: every unsafe character replaced by U+FFFD."""
    return UNSAFE.sub(REPLACEMENT, str(text))


def first_unsafe(text: str) -> re.Match | None:
    """Where the first unsafe character of ``text`` is, or None."""
    return UNSAFE.search(text)
