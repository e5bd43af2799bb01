"""Fast start: what a command imports, checked in a fresh process.

``goalmap --help`` must not import networkx, pydantic, rich or the exporters;
``goalmap show`` on a warm cache must not import networkx or the YAML parser;
plain output (stdout not a terminal) must not import rich.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

PROBE = textwrap.dedent("""
    import json, runpy, sys
    out, sys.argv = sys.argv[1], ["goalmap"] + sys.argv[2:]
    code = 0
    try:
        runpy.run_module("goalmap", run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        code = exc.code or 0
    with open(out, "w") as fh:
        json.dump({"code": code, "modules": sorted(sys.modules)}, fh)
""")

# goalmap.export.* are the exporters (the registry, goalmap.export itself, is light and
# names the formats in --help).
HEAVY = ("networkx", "rich", "goalmap.export.", "goalmap.graph", "goalmap.lint")


def imported(tmp_path: Path, *args: str, ok: tuple = (0,)) -> tuple[set[str], str]:
    """Modules loaded by ``goalmap ARGS`` (stdout piped) and what it printed."""
    out = tmp_path / "modules.json"
    env = dict(os.environ)
    env.pop("NO_COLOR", None)
    proc = subprocess.run([sys.executable, "-c", PROBE, str(out), *args], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          timeout=120)
    data = json.loads(out.read_text())
    assert data["code"] in ok, proc.stderr
    return set(data["modules"]), proc.stdout


def top(modules: set[str], name: str) -> bool:
    if name.endswith("."):
        return any(m.startswith(name) for m in modules)
    return any(m == name or m.startswith(name + ".") for m in modules)


@pytest.mark.parametrize("args", [["--help"], [], ["--version"]])
def test_help_imports_nothing_heavy(tmp_path, args):
    modules, out = imported(tmp_path, *args, ok=(0, 2))  # bare 'goalmap' prints help, exit 2
    for name in HEAVY + ("pydantic", "yaml", "goalmap.models", "goalmap.loader"):
        assert not top(modules, name), f"'goalmap {' '.join(args)}' imported {name}"


@pytest.mark.parametrize("command", ["show", "export", "lint", "search", "new"])
def test_command_help_imports_no_library(tmp_path, command):
    """A command's --help needs typer (which brings pydantic for its parameters), not goalmap's
    models, YAML, networkx, rich or the exporters."""
    modules, out = imported(tmp_path, command, "--help")
    assert "Usage" in out
    for name in HEAVY + ("yaml", "goalmap.models", "goalmap.loader"):
        assert not top(modules, name), f"'goalmap {command} --help' imported {name}"


def test_show_on_a_warm_cache_skips_networkx_and_yaml(tmp_path, mini):
    modules, first = imported(tmp_path, "--taxonomy", str(mini), "show", "values")
    assert not top(modules, "networkx") and not top(modules, "rich")
    assert top(modules, "goalmap.yamlread")  # the cold run parsed the files

    modules, second = imported(tmp_path, "--taxonomy", str(mini), "show", "values")
    assert second == first and "Human Values" in second
    for name in HEAVY + ("yaml", "goalmap.yamlread"):
        assert not top(modules, name), f"warm 'show values' imported {name}"


@pytest.mark.parametrize("args", [["show", "values"], ["show", "ouyang2022training"],
                                  ["show", "figure5"], ["search", "constitutional"]])
def test_plain_output_does_not_need_rich(tmp_path, mini, args):
    modules, out = imported(tmp_path, "--taxonomy", str(mini), "--no-cache", *args)
    assert out.strip()
    assert not top(modules, "rich")
    assert not top(modules, "networkx")


GC_PROBE = textwrap.dedent("""
    import gc, json, runpy, sys
    import goalmap.loader

    out, sys.argv = sys.argv[1], ["goalmap"] + sys.argv[2:]
    seen = {"before": gc.isenabled()}
    real = goalmap.loader.load

    def load(*args, **kwargs):  # the first thing the command itself does
        seen["command"] = gc.isenabled()
        seen["frozen"] = gc.get_freeze_count()
        return real(*args, **kwargs)

    goalmap.loader.load = load
    try:
        runpy.run_module("goalmap", run_name="__main__", alter_sys=True)
    except SystemExit as exc:
        seen["code"] = exc.code or 0
    with open(out, "w") as fh:
        json.dump(seen, fh)
""")


def test_the_collector_is_paused_for_start_up_and_on_for_the_command(tmp_path, mini):
    """The entry point pauses the cyclic collector while typer and pydantic load (most of
    the start-up, goalmap.startup), and the command runs with it on again: what start-up
    made is frozen, and garbage the command makes is collected as usual."""
    out = tmp_path / "gc.json"
    subprocess.run([sys.executable, "-c", GC_PROBE, str(out), "--taxonomy", str(mini),
                    "show", "values"], check=True, timeout=120, stdout=subprocess.DEVNULL)
    seen = json.loads(out.read_text())
    assert seen["before"] is True and seen["code"] == 0
    assert seen["command"] is True
    assert seen["frozen"] > 10000  # the start-up's objects, frozen when it ended


def test_importing_goalmap_as_a_library_leaves_the_collector_alone(mini):
    code = textwrap.dedent(f"""
        import gc, goalmap, goalmap.cli
        from typer.testing import CliRunner
        kb = goalmap.load({str(mini)!r})
        result = CliRunner().invoke(goalmap.cli.app, ["--taxonomy", {str(mini)!r}, "show",
                                                      "values"])
        assert result.exit_code == 0, result.output
        print(gc.isenabled(), gc.get_freeze_count(), len(kb.works) > 0)
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=120, check=True).stdout
    assert out.split() == ["True", "0", "True"]
