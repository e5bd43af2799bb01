"""Read one YAML document into plain data while remembering where each node stood.

PyYAML's composer (the C one where available) builds a node tree with start
marks; we construct plain Python values from it ourselves, so that we can
- record the line and column of every value and every mapping key,
- reject duplicate keys (PyYAML keeps the last one silently),
- refuse tags that would construct Python objects,
- keep timestamps as text (``2023-01-01`` stays a string).
"""

from __future__ import annotations

from typing import Any

import yaml

try:  # the C composer is several times faster
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

from goalmap.errors import Problem

_T = "tag:yaml.org,2002:"
_STR = _T + "str"
_constructor = yaml.constructor.SafeConstructor()
_SCALARS = {
    _T + "str": lambda n: n.value,
    _T + "timestamp": lambda n: n.value,
    _T + "null": lambda n: None,
    _T + "bool": _constructor.construct_yaml_bool,
    _T + "int": _constructor.construct_yaml_int,
    _T + "float": _constructor.construct_yaml_float,
}

Pos = tuple  # (line, column), both 1-based

# Limits for untrusted files (SECURITY.md): deeper nesting is refused (the knowledge base
# needs 9 levels; libyaml itself stops at 1,000, deeper than Python's recursion allows),
# and so are anchors and aliases, which no taxonomy file needs and which let a file of
# a few hundred bytes expand into gigabytes.
MAX_DEPTH = 64


class _Refused(Exception):
    """Stop building: the document breaks a limit (the problem is already recorded)."""


class Positions:
    """Where each value (and each mapping key) of a document starts."""

    __slots__ = ("values", "keys")

    def __init__(self) -> None:
        self.values: dict[tuple, Pos] = {}
        self.keys: dict[tuple, Pos] = {}

    def of_value(self, path: tuple) -> Pos:
        """The position of the value at ``path``, or of its nearest ancestor."""
        path = tuple(path)
        while path and path not in self.values:
            path = path[:-1]
        return self.values.get(path, (1, 1))

    def of_key(self, path: tuple) -> Pos:
        """The position of the key that introduces ``path`` (else its value)."""
        return self.keys.get(tuple(path)) or self.of_value(path)


def _mark(node: yaml.Node) -> Pos:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, file: str, positions: Positions | None, text: str):
        self.file = file
        self.pos = positions
        self.text = text
        self.problems: list[Problem] = []
        # Nodes built: a node met twice is an alias.  Without an '&' there is no anchor,
        # so no alias either (an alias to no anchor is a syntax error): nothing to track.
        self.seen: set[int] | None = set() if _has_anchor(text) else None
        # Plain strings (most values) are taken as they are, without a call of build per
        # value, when there is nothing to record for them (no positions, no anchors).
        self.plain = positions is None and self.seen is None

    def problem(self, node: yaml.Node, msg: str, rule: str, path: tuple) -> None:
        line, col = _mark(node)
        self.problems.append(Problem(self.file, line, col, msg, rule=rule, path=path))

    def refuse_alias(self, node: yaml.Node) -> None:
        line, col = _alias_mark(self.text, node)
        self.problems.append(Problem(
            self.file, line, col, "YAML anchors and aliases are not allowed in taxonomy "
            "files; write the value out where it is used", rule="yaml-syntax"))
        raise _Refused

    def build(self, node: yaml.Node, path: tuple) -> Any:
        if len(path) > MAX_DEPTH:
            line, col = _mark(node)
            self.problems.append(Problem(self.file, line, col, f"the document is nested more "
                                         f"than {MAX_DEPTH} levels deep", rule="yaml-syntax"))
            raise _Refused
        if self.seen is not None:
            if id(node) in self.seen:
                self.refuse_alias(node)
            self.seen.add(id(node))
        if self.pos is not None:
            self.pos.values[path] = _mark(node)
        if isinstance(node, yaml.ScalarNode):
            make = _SCALARS.get(node.tag)
            if make is None:
                self.problem(node, f"the tag '{node.tag}' is not allowed here; "
                             "write plain YAML values", "yaml-syntax", path)
                return None
            try:
                return make(node)
            except (ValueError, yaml.YAMLError):
                self.problem(node, f"cannot read '{node.value}' as {node.tag[len(_T):]}",
                             "yaml-syntax", path)
                return None
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _T + "seq":
                self.problem(node, f"the tag '{node.tag}' is not allowed here", "yaml-syntax", path)
            if self.plain and len(path) < MAX_DEPTH:
                return [item.value if item.tag == _STR and type(item) is yaml.ScalarNode
                        else self.build(item, path + (i,)) for i, item in enumerate(node.value)]
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        if node.tag != _T + "map":
            self.problem(node, f"the tag '{node.tag}' is not allowed here", "yaml-syntax", path)
        out: dict[str, Any] = {}
        first: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _T + "merge":
                self.problem(key_node, "mapping keys must be plain words "
                             "(no lists, mappings or '<<' merges)", "yaml-syntax", path)
                continue
            key = key_node.value
            sub = path + (key,)
            if key in first:
                line = first[key].start_mark.line + 1
                self.problem(key_node, f"duplicate key '{key}' (first given on line {line}); "
                             "YAML would silently keep only the last one", "duplicate-key", sub)
                continue
            first[key] = key_node
            if self.pos is not None:
                self.pos.keys[sub] = _mark(key_node)
            if (self.plain and value_node.tag == _STR and type(value_node) is yaml.ScalarNode
                    and len(sub) <= MAX_DEPTH):
                out[key] = value_node.value
            else:
                out[key] = self.build(value_node, sub)
        return out


def parse(text: str, file: str, positions: Positions | None = None) -> tuple[Any, list[Problem]]:
    """Parse ``text`` (one YAML document) into plain data.

    Returns the data (None for an empty document) and the problems found.
    Pass a ``Positions`` to have it filled with every node's place.
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = exc.problem or "invalid YAML"
        if exc.context:
            what = f"{exc.context}: {what}"
        return None, [Problem(file, line, col, f"YAML syntax error: {what}", rule="yaml-syntax")]
    except yaml.YAMLError as exc:  # e.g. more than one document
        return None, [Problem(file, 1, 1, f"YAML error: {exc}", rule="yaml-syntax")]
    if node is None:
        return None, []
    builder = _Builder(file, positions, text)
    try:
        data = builder.build(node, ())
    except _Refused:
        return None, builder.problems
    if _has_anchor(text) and not builder.problems:
        line, col = _anchor_mark(text)
        if line:  # an anchor used nowhere: refused all the same, to keep one rule
            return None, [Problem(file, line, col, "YAML anchors and aliases are not allowed "
                                  "in taxonomy files; write the value out where it is used",
                                  rule="yaml-syntax")]
    return data, builder.problems


def _has_anchor(text: str) -> bool:
    return "&" in text


def _scan(text: str, kinds: str) -> Pos:
    """Where the first anchor (``&``) or alias (``*``) token stands, by the scanner."""
    try:
        for token in yaml.scan(text, Loader=_Loader):
            if ("*" in kinds and isinstance(token, yaml.AliasToken)) or (
                    "&" in kinds and isinstance(token, yaml.AnchorToken)):
                return (token.start_mark.line + 1, token.start_mark.column + 1)
    except yaml.YAMLError:
        pass
    return (0, 0)


def _alias_mark(text: str, node: yaml.Node) -> Pos:
    found = _scan(text, "*")
    return found if found[0] else _mark(node)


def _anchor_mark(text: str) -> Pos:
    return _scan(text, "&")
