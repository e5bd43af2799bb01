"""Running the CLI with stdout on a pseudo-terminal, for the tests that need a terminal."""

from __future__ import annotations


def run_on_terminal(args, env=None, columns=100, lines=None, timeout=None):
    """Run ``python -m goalmap ARGS`` with stdout on a pseudo-terminal of ``columns`` (and
    ``lines``), NO_COLOR unset unless ``env`` sets it; (exit code, stdout bytes, stderr bytes)."""
    import os
    import pty
    import subprocess
    import sys

    full_env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    full_env["COLUMNS"] = str(columns)
    if lines is not None:
        full_env["LINES"] = str(lines)
    full_env.update(env or {})
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "goalmap", *args], stdout=follower,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, env=full_env)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    code = proc.wait(timeout=timeout)
    os.close(leader)
    return code, b"".join(chunks), proc.stderr.read()
