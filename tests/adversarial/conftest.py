"""Helpers for the adversarial suite: a hostile copy of the mini taxonomy, and goalmap run
as a real process (so a traceback, a hang or a raw control character is seen as a user sees it).

Each module of this folder is one class of hostile input (see SECURITY.md). Cases that need
root (device nodes made with ``mknod``) or a normal user (``os.setuid`` in a child process)
skip with the reason when the test run does not have what they need.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from fixturetree import MINI, write_tree  # noqa: F401 - the suite imports them from here

# A raw control character (C0 but tab and newline, DEL, C1) or a bidi override: what must
# never reach a human-facing output.
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
RAW_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]"
                               rb"|\xe2\x81[\xa6-\xa9]")

# A title with every kind of terminal trick: OSC (set the window title), BEL, clear screen,
# an 8-bit CSI, a right-to-left override, and a C0 control.
HOSTILE_TITLE = r"Evil \e]0;pwned\a\e[2J title \x9b31m bell \u202e and \x01 end"

needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="needs root (mknod, chown, setuid)")


@dataclass
class Run:
    code: int
    stdout: bytes
    stderr: bytes

    @property
    def out(self) -> str:
        return self.stdout.decode("utf-8", "replace")

    @property
    def err(self) -> str:
        return self.stderr.decode("utf-8", "replace")


def goalmap(*args: str, cwd: Path | None = None, env: dict | None = None, timeout: float = 60,
            stdin: bytes | None = None, preexec_fn=None) -> Run:
    """Run ``python -m goalmap ARGS`` and return its exit code and output (bytes)."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    proc = subprocess.run([sys.executable, "-m", "goalmap", *args], cwd=cwd, env=full_env,
                          input=stdin if stdin is not None else b"", capture_output=True,
                          timeout=timeout, preexec_fn=preexec_fn)
    return Run(proc.returncode, proc.stdout, proc.stderr)


def clean(run: Run, codes=(0, 1, 2, 3, 4)) -> None:
    """No traceback, and an exit code from goalmap's table."""
    assert "Traceback" not in run.err, run.err
    assert run.code in codes, (run.code, run.err)


def cite(root: Path, work_id: str) -> None:
    """Cite ``work_id`` from the mini scheme's Delphi citation, so exports draw it."""
    scheme = root / "schemes" / "mini.yaml"
    text = scheme.read_text(encoding="utf-8")
    scheme.write_text(text.replace("works: [jiang2021delphi]",
                                   f"works: [jiang2021delphi, {work_id}]", 1), encoding="utf-8")


@pytest.fixture
def hostile(tmp_path) -> Path:
    """The mini taxonomy plus a cited work whose title, author and venue are terminal tricks."""
    root = write_tree(tmp_path / "taxonomy", {"works/evil2020ctrl.yaml": f'''
        id: evil2020ctrl
        title: "{HOSTILE_TITLE}"
        authors: ["Eve \\e[31mRed\\e[0m Evil"]
        year: 2020
        venue: "Venue \\x85 next line \\x00 nul"
        url: https://example.org/evil
        aliases: ["Evil \\e[2J alias"]
        summary: "Clears \\e[2J\\e[H the screen\\rand rewrites the line"
        '''})
    cite(root, "evil2020ctrl")
    return root


def on_a_terminal(*args: str, env: dict | None = None, timeout: float = 60) -> bytes:
    """Run goalmap with stdout on a pseudo-terminal (colour on); return the bytes it printed."""
    from ptyrun import run_on_terminal

    _, out, err = run_on_terminal(args, env, columns=120, timeout=timeout)
    assert b"Traceback" not in err
    return out


def as_nobody(*args: str, warm: tuple = (), uid: int = 65534) -> Run:
    """Run the CLI in a forked child that has dropped root for ``uid`` (nobody).

    The child runs the CLI in process (``os.setuid`` then typer's test runner), because
    the interpreter's own files may not be readable by that user (a pyenv under /root);
    ``warm`` is a command run first as root, so that every module the child needs is
    already imported. What the child printed, and any traceback, come back through a pipe.
    """
    import json
    import traceback

    from typer.testing import CliRunner

    from goalmap.cli import app

    if warm:
        CliRunner().invoke(app, list(warm))

    leader, follower = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        code = 0
        try:
            os.close(leader)
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            from typer.testing import CliRunner

            from goalmap.cli import app

            res = CliRunner().invoke(app, list(args))
            err = res.stderr
            if res.exception is not None and not isinstance(res.exception, SystemExit):
                err += "".join(traceback.format_exception(res.exception))
            payload = {"code": res.exit_code, "out": res.stdout, "err": err}
            with os.fdopen(follower, "w") as fh:
                json.dump(payload, fh)
        except BaseException:  # noqa: BLE001 - report anything to the parent
            code = 70
        finally:
            os._exit(code)
    os.close(follower)
    with os.fdopen(leader) as fh:
        text = fh.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0 and text, "the child failed"
    data = json.loads(text)
    return Run(data["code"], data["out"].encode(), data["err"].encode())
