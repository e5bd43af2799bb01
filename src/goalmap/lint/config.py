"""Lint configuration: ``[tool.goalmap.lint]`` in pyproject.toml, or ``.goalmap.yaml``.

Both hold the same keys::

    [tool.goalmap.lint]
    select = ["dangling-reference", "url-format"]   # only these rules (default: all)
    ignore = ["missing-arxiv"]                      # never these
    levels = { orphan-work = "error", title-case = "off" }
    options = { year-range = { min = 1950 } }

    # .goalmap.yaml
    lint:
      ignore: [missing-arxiv]
      levels: {orphan-work: error}

The file is looked for in the taxonomy folder and then in each parent folder,
stopping at the first one that has a ``.goalmap.yaml``, a pyproject.toml with a
``[tool.goalmap.lint]`` table, or a ``.git`` folder.  A bad configuration is a
``UsageError`` (exit code 2), never a silent default.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from goalmap.errors import UsageError
from goalmap.lint.problem import LEVELS, OFF

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

KEYS = ("select", "ignore", "levels", "options")


class ConfigError(UsageError):
    """The lint configuration cannot be used as written."""


@dataclass
class LintConfig:
    select: Optional[list[str]] = None  # None: every rule
    ignore: list[str] = field(default_factory=list)
    levels: dict[str, str] = field(default_factory=dict)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    source: Optional[str] = None  # the file it was read from

    def enabled(self, rule_id: str) -> bool:
        if self.select is not None and rule_id not in self.select:
            return False
        return rule_id not in self.ignore and self.levels.get(rule_id) != OFF

    def level(self, rule) -> str:
        return self.levels.get(rule.ID, rule.LEVEL)

    def options_for(self, rule) -> dict[str, Any]:
        defaults = {name: opt.default for name, opt in rule.OPTIONS.items()}
        return {**defaults, **self.options.get(rule.ID, {})}

    def merged(self, select: Optional[list[str]] = None,
               ignore: Optional[list[str]] = None) -> "LintConfig":
        """This configuration with command-line ``--select``/``--ignore`` on top."""
        out = LintConfig(self.select, list(self.ignore), dict(self.levels),
                         dict(self.options), self.source)
        if select:
            out.select = list(select)
        if ignore:
            out.ignore = out.ignore + list(ignore)
        check(out, "the command line")
        return out


def _rule_ids() -> dict[str, Any]:
    from goalmap.lint.rules import BY_ID

    return BY_ID


def _unknown(rule_id: str, where: str) -> ConfigError:
    import difflib

    close = difflib.get_close_matches(rule_id, list(_rule_ids()), n=3)
    hint = ("did you mean: " + ", ".join(close) + "?") if close else \
        "run 'goalmap rules' to list the rules"
    return ConfigError(f"{where}: unknown lint rule '{rule_id}'", hint)


def check(config: LintConfig, where: str) -> None:
    """Raise ConfigError for unknown rules, levels or options."""
    rules = _rule_ids()
    for rule_id in (config.select or []) + config.ignore:
        if rule_id not in rules:
            raise _unknown(rule_id, where)
    for rule_id, level in config.levels.items():
        if rule_id not in rules:
            raise _unknown(rule_id, where)
        if level not in LEVELS + (OFF,):
            raise ConfigError(f"{where}: level '{level}' for {rule_id} is not one of "
                              f"{', '.join(LEVELS + (OFF,))}")
    for rule_id, opts in config.options.items():
        if rule_id not in rules:
            raise _unknown(rule_id, where)
        if not isinstance(opts, dict):
            raise ConfigError(f"{where}: options for {rule_id} must be a table of name = value")
        for name, value in opts.items():
            declared = rules[rule_id].OPTIONS.get(name)
            if declared is None:
                known = ", ".join(rules[rule_id].OPTIONS) or "none"
                raise ConfigError(f"{where}: {rule_id} has no option '{name}' (its options: "
                                  f"{known})")
            if not declared.accepts(value):
                raise ConfigError(f"{where}: options.{rule_id}.{name} must be "
                                  f"{declared.describe()}, not {value!r}",
                                  hint=f"default: {declared.default!r}")


def from_mapping(data: Any, where: str) -> LintConfig:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: the lint settings must be a table/mapping")
    for key in data:
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown setting '{key}'",
                              f"the settings are: {', '.join(KEYS)}")

    def id_list(key: str) -> Optional[list[str]]:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ConfigError(f"{where}: '{key}' must be a list of rule ids")
        return value

    levels = data.get("levels") or {}
    options = data.get("options") or {}
    if not isinstance(levels, dict) or not isinstance(options, dict):
        raise ConfigError(f"{where}: 'levels' and 'options' must be tables/mappings")
    config = LintConfig(select=id_list("select"), ignore=id_list("ignore") or [],
                        levels={str(k): str(v) for k, v in levels.items()},
                        options=dict(options), source=where)
    check(config, where)
    return config


def read_config_file(path: Path) -> Optional[LintConfig]:
    """The lint settings in ``path`` (pyproject.toml or .goalmap.yaml); None if it has none."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read {path}: {exc}") from None
    if path.name.endswith(".toml"):
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from None
        section = data.get("tool", {}).get("goalmap", {})
        if not isinstance(section, dict) or "lint" not in section:
            return None
        return from_mapping(section["lint"], f"{path} [tool.goalmap.lint]")
    import yaml

    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: invalid YAML: {exc}") from None
    if data is None:
        return LintConfig(source=str(path))
    if not isinstance(data, dict) or set(data) - {"lint"}:
        raise ConfigError(f"{path}: expected a mapping with one key, 'lint'")
    return from_mapping(data.get("lint"), str(path))


CONFIG_NAMES = (".goalmap.yaml", ".goalmap.yml", "pyproject.toml")


def find_config(start: Path) -> Optional[Path]:
    """The configuration file that applies to the taxonomy at ``start``: the first
    ``.goalmap.yaml`` or pyproject.toml with ``[tool.goalmap.lint]`` in it or a parent,
    stopping at the folder that holds ``.git``."""
    folder = Path(start).resolve()
    for here in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            candidate = here / name
            if candidate.is_file() and read_config_file(candidate) is not None:
                return candidate
        if (here / ".git").exists():
            break
    return None


def load_config(start: Path, explicit: Optional[Path] = None) -> LintConfig:
    """The configuration that applies to the taxonomy at ``start`` (or ``explicit``)."""
    if explicit is not None:
        if not Path(explicit).is_file():
            raise ConfigError(f"configuration file not found: {explicit}")
        found = read_config_file(Path(explicit))
        return found if found is not None else LintConfig(source=str(explicit))
    path = find_config(start)
    return (read_config_file(path) or LintConfig()) if path else LintConfig()
