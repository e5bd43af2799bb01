"""The terminal view: pager as git uses one, links, hanging indents, ids; shell completion."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import MINI, TAXONOMY
from ptyrun import run_on_terminal


def on_a_terminal(args, env_extra=None, lines=200, columns=100):
    """Run goalmap with stdout on a pseudo-terminal of this size; return what it printed."""
    return run_on_terminal(args, env_extra, columns, lines)[1].decode("utf-8", "replace")


def _pager(tmp_path):
    """A pager that records what it was given, to a file."""
    out = tmp_path / "paged.txt"
    return out, {"PAGER": f"{sys.executable} -c \"import sys; open({str(out)!r}, 'w')"
                          ".write(sys.stdin.read())\""}


def test_tall_output_goes_through_the_pager(tmp_path):
    out, env = _pager(tmp_path)
    on_a_terminal(["--taxonomy", str(TAXONOMY), "show", "values"], env, lines=20)
    assert out.exists() and "HH-RLHF (Bai et al., 2022a)" in out.read_text()


def test_no_pager_when_it_fits_or_with_no_pager_or_piped(tmp_path):
    out, env = _pager(tmp_path)
    shown = on_a_terminal(["--taxonomy", str(TAXONOMY), "show", "values"], env, lines=2000)
    assert not out.exists() and "Bai et al., 2022a" in shown
    shown = on_a_terminal(["--taxonomy", str(TAXONOMY), "show", "values", "--no-pager"], env,
                          lines=20)
    assert not out.exists() and "Bai et al., 2022a" in shown
    piped = subprocess.run([sys.executable, "-m", "goalmap", "--taxonomy", str(TAXONOMY), "show",
                            "values"], capture_output=True, text=True,
                           env={**os.environ, **env, "LINES": "20"})
    assert not out.exists() and "Bai et al., 2022a" in piped.stdout


def test_links_are_osc8_and_never_split():
    url = "https://github.com/openai/following-instructions-human-feedback"
    shown = on_a_terminal(["--taxonomy", str(MINI), "show", "ouyang2022training"], columns=40)
    assert f"\x1b]8;" in shown and url in shown  # an OSC 8 hyperlink, the URL in one piece


def test_wrapped_fields_hang_under_their_value():
    shown = on_a_terminal(["--taxonomy", str(TAXONOMY), "show", "ouyang2022training",
                           "--no-pager"], columns=60)
    import re

    plain = re.sub(r"\x1b\[[0-9;]*m|\x1b\]8;[^\x1b]*\x1b\\", "", shown)
    lines = plain.splitlines()
    i = next(n for n, ln in enumerate(lines) if "Authors:" in ln)
    start = lines[i].index("Authors:") + len("Authors: ")
    assert lines[i + 1][:start].strip(" │") == ""  # the continuation starts under the value
    assert lines[i + 1][start:start + 1].strip()


def test_ids_alike_in_plain_and_rich():
    args = ["--taxonomy", str(MINI), "show", "constitutional-ai", "--no-pager"]
    plain = subprocess.run([sys.executable, "-m", "goalmap", *args], capture_output=True,
                           text=True).stdout
    rich = on_a_terminal(args)
    for marker in ("[constitutional-ai]", "[bai2022constitutional]"):
        assert marker in plain and marker in rich


def test_completion_script_and_requests():
    script = subprocess.run([sys.executable, "-m", "goalmap", "--show-completion", "bash"],
                            capture_output=True, text=True)
    assert script.returncode == 0 and "_GOALMAP_COMPLETE=complete_bash" in script.stdout
    env = {**os.environ, "_GOALMAP_COMPLETE": "complete_bash", "GOALMAP_TAXONOMY": str(TAXONOMY)}

    def complete(words, cword):
        return subprocess.run([sys.executable, "-m", "goalmap"],
                              env={**env, "COMP_WORDS": words, "COMP_CWORD": str(cword)},
                              capture_output=True, text=True).stdout.split()

    assert complete("goalmap show --scheme rev", 3) == ["revised-2024"]
    assert complete("goalmap show ouyang", 2) == ["ouyang2022training"]
    assert "show" in complete("goalmap sh", 1)
    fish = subprocess.run([sys.executable, "-m", "goalmap"], capture_output=True, text=True,
                          env={**os.environ, "_GOALMAP_COMPLETE": "complete_fish",
                               "_TYPER_COMPLETE_ARGS": "goalmap diff fig",
                               "_TYPER_COMPLETE_FISH_ACTION": "get-args",
                               "GOALMAP_TAXONOMY": str(TAXONOMY)}).stdout
    assert fish.split() == ["figure2"]


def test_no_color_terminal_wraps_plain_text_with_a_hanging_indent():
    shown = on_a_terminal(["--taxonomy", str(TAXONOMY), "show", "ouyang2022training",
                           "--no-pager"], {"NO_COLOR": "1"}, columns=60)
    assert "\x1b[" not in shown
    lines = shown.replace("\r", "").splitlines()
    i = next(n for n, ln in enumerate(lines) if ln.startswith("  Authors: "))
    assert len(lines[i]) <= 60 and lines[i + 1].startswith(" " * len("  Authors: "))
    assert lines[i + 1][len("  Authors: ")] != " "
    url = next(ln for ln in lines if "URL: " in ln)
    assert url.strip().startswith("URL: https://")  # a URL is kept whole on its line
    piped = subprocess.run([sys.executable, "-m", "goalmap", "--taxonomy", str(TAXONOMY), "show",
                            "ouyang2022training"], capture_output=True, text=True,
                           env={**os.environ, "COLUMNS": "60"}).stdout
    assert any(len(ln) > 60 for ln in piped.splitlines())  # piped: never wrapped
