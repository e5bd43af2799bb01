"""``goalmap lint``: located, explained, configurable checks of a taxonomy folder.

The library side only: ``lint(root, config, paths)`` returns sorted problems;
``formats`` turns them into text, JSON, GitHub annotations or SARIF; the CLI
prints and chooses the exit code.
"""

from __future__ import annotations

from goalmap.lint.config import LintConfig, load_config
from goalmap.lint.linter import exit_code, lint
from goalmap.lint.problem import LEVELS, Problem

__all__ = ["LEVELS", "LintConfig", "Problem", "exit_code", "lint", "load_config"]
