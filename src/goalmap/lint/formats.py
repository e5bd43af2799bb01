"""Lint output formats: each a pure function from problems to text.

- ``text``: grouped by file, for people;
- ``parsable``: ``file:line:col: [level] message (rule)``, one per line, for editors and grep;
- ``json``: a list of problem objects;
- ``github``: workflow commands that GitHub Actions shows as annotations;
- ``sarif``: SARIF 2.1.0, for code-scanning services.

Messages quote values from the taxonomy and file names can hold any byte, so
every format escapes for its medium through ``goalmap.textsafe``: file names
are shown the same way in all formats (a control character or a byte that was
not UTF-8 as ``\\x1b``, ``\\xff``), text and parsable lines hold no control
character (one problem stays one line), and JSON and SARIF stay valid JSON.
"""

from __future__ import annotations

import dataclasses
from typing import Callable

from goalmap.errors import Problem
from goalmap.textsafe import github_data, github_property, json_dumps, terminal

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def summary(problems: list[Problem]) -> str:
    counts = {lv: sum(p.level == lv for p in problems) for lv in ("error", "warning", "info")}
    if not problems:
        return "no problems found"
    parts = [f"{n} {lv}{'s' if n != 1 else ''}" for lv, n in counts.items() if n]
    return ", ".join(parts)


def text(problems: list[Problem], **_: object) -> str:
    lines: list[str] = []
    current = None
    for p in problems:
        if p.file != current:
            if current is not None:
                lines.append("")
            lines.append(p.file)
            current = p.file
        where = f"{p.line}:{p.column}" if p.line else "-"
        lines.append(f"  {where:<8} {p.level:<8} {terminal(p.message)}  ({terminal(p.rule)})")
        if p.hint:
            lines.append(f"  {'':<8} {'':<8} hint: {terminal(p.hint)}")
    if lines:
        lines.append("")
    lines.append(summary(problems))
    return "\n".join(lines) + "\n"


def parsable(problems: list[Problem], **_: object) -> str:
    return "".join(f"{p.where}: [{p.level}] {terminal(p.message)} ({terminal(p.rule)})\n"
                   for p in problems)


def as_json(problems: list[Problem], **_: object) -> str:
    return json_dumps([p.to_dict() for p in problems], indent=1) + "\n"


def github(problems: list[Problem], **_: object) -> str:
    out = []
    for p in problems:
        props = [f"file={github_property(p.file)}"]
        if p.line:
            props += [f"line={p.line}", f"col={p.column}"]
        props.append(f"title={github_property(p.rule)}")
        out.append(f"::{_GITHUB_LEVEL[p.level]} {','.join(props)}::{github_data(p.message)}\n")
    return "".join(out)


def sarif(problems: list[Problem], *, rules: tuple = (), version: str = "") -> str:
    """A SARIF 2.1.0 log with one run; ``rules`` are the rule modules (for descriptions)."""
    index = {rule.ID: i for i, rule in enumerate(rules)}
    driver = {
        "name": "goalmap",
        "rules": [
            {
                "id": rule.ID,
                "name": rule.ID,
                "shortDescription": {"text": (rule.__doc__ or rule.ID).strip().splitlines()[0]},
                "defaultConfiguration": {"level": _SARIF_LEVEL[rule.LEVEL]},
                "help": {"text": "goalmap lint --explain " + rule.ID},
            }
            for rule in rules
        ],
    }
    if version:
        driver["version"] = version
    results = []
    for p in problems:
        location: dict = {"artifactLocation": {"uri": p.file}}
        if p.line:
            location["region"] = {"startLine": p.line, "startColumn": max(p.column, 1)}
        result = {
            "ruleId": p.rule,
            "level": _SARIF_LEVEL[p.level],
            "message": {"text": p.message + (f" ({p.hint})" if p.hint else "")},
            "locations": [{"physicalLocation": location}],
        }
        if p.rule in index:
            result["ruleIndex"] = index[p.rule]
        results.append(result)
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{"tool": {"driver": driver}, "results": results,
                  "columnKind": "unicodeCodePoints"}],
    }
    return json_dumps(log, indent=1) + "\n"


FORMATS: dict[str, Callable[..., str]] = {
    "text": text,
    "parsable": parsable,
    "json": as_json,
    "github": github,
    "sarif": sarif,
}


def render(name: str, problems: list[Problem], **kw: object) -> str:
    """``problems`` in the format ``name``; file names shown alike in every format."""
    shown = [dataclasses.replace(p, file=terminal(p.file)) for p in problems]
    return FORMATS[name](shown, **kw)
