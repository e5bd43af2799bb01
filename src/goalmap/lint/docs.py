"""Rule documentation from the rules' own docstrings: ``--explain`` and docs/lint-rules.md."""

from __future__ import annotations

import inspect
import re

from goalmap.lint.rules import ALL

HEADER = """\
# Lint rules

<!-- Generated from the rules' docstrings by goalmap.lint.docs.render_rules_doc();
     tests/lint/test_docs.py fails when this file is stale.  Regenerate with:
     python -c "from goalmap.lint.docs import write_rules_doc; write_rules_doc()" -->

`goalmap lint` runs these rules; see [lint.md](lint.md) for the command, the
configuration and the exit codes.  `goalmap lint --explain RULE` prints one of
these sections.

| rule | default level | checks |
|---|---|---|
"""


def _md(text: str) -> str:
    """reStructuredText's double-backtick literals as Markdown code."""
    return re.sub(r"``([^`]+)``", r"`\1`", text)


def summary(rule) -> str:
    return _md(inspect.getdoc(rule).splitlines()[0])


def _options(rule) -> str:
    if not rule.OPTIONS:
        return "none"
    return ", ".join(f"`{k}` ({v.describe()}; default: {v.default!r})"
                     for k, v in rule.OPTIONS.items())


def _literal_block(lines: list[str], i: int) -> tuple[list[str], int]:
    """The indented ``::`` block starting after line ``i - 1``, dedented, and the line after it."""
    while i < len(lines) and not lines[i].strip():
        i += 1
    block = []
    while i < len(lines) and (not lines[i].strip() or lines[i].startswith("    ")):
        block.append(lines[i][4:])
        i += 1
    while block and not block[-1].strip():
        block.pop()
    return block, i


def _markdown_body(doc: str) -> str:
    """The docstring with ``::`` literal blocks as fenced YAML."""
    out: list[str] = []
    lines = doc.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.rstrip().endswith("::"):
            out.append(_md(line.rstrip()[:-1]))
            block, i = _literal_block(lines, i + 1)
            out += ["", "```yaml", *block, "```", ""]
            continue
        out.append(_md(line))
        i += 1
    return "\n".join(out).strip()


def explain(rule) -> str:
    """One rule's documentation as Markdown."""
    doc = inspect.getdoc(rule)
    head, _, body = doc.partition("\n")
    return (f"## {rule.ID}\n\n{_md(head)}\n\nDefault level: **{rule.LEVEL}**. "
            f"Options: {_options(rule)}.\n\n{_markdown_body(body)}\n")


def render_rules_doc() -> str:
    table = "".join(f"| [`{r.ID}`](#{r.ID}) | {r.LEVEL} | {summary(r)} |\n" for r in ALL)
    return HEADER + table + "\n" + "\n".join(explain(r) for r in ALL)


def write_rules_doc(path: str = "docs/lint-rules.md") -> None:
    from goalmap.fsutil import write_atomic

    write_atomic(path, render_rules_doc())


_EXAMPLE = re.compile(r"^(Failing|Passing) example(?: \(``([^`]+)``[^)]*\))?[^:]*::\s*$")


def examples(rule) -> list[tuple[str, str, str]]:
    """(``failing``/``passing``, file, YAML) for each example block of a rule's docstring.

    An example names its file in its header; a passing example that names none
    replaces the failing one's file.  The test suite runs every example.
    """
    out: list[tuple[str, str, str]] = []
    lines = inspect.getdoc(rule).splitlines()
    last_file = ""
    for i, line in enumerate(lines):
        match = _EXAMPLE.match(line.strip())
        if not match:
            continue
        verdict = "failing" if match.group(1) == "Failing" else "passing"
        file = match.group(2) or last_file
        last_file = file
        block, _ = _literal_block(lines, i + 1)
        out.append((verdict, file, "\n".join(block).strip() + "\n"))
    return out
