"""Run Graphviz: DOT text in, SVG or PNG bytes out."""

from __future__ import annotations

import shutil
import subprocess

from goalmap.errors import ToolMissing

INSTALL_HINT = ("install Graphviz: 'apt-get install graphviz' (Debian/Ubuntu), "
                "'brew install graphviz' (macOS) or 'conda install graphviz'")


def render(dot_text: str, fmt: str, dot: str = "dot", args: tuple[str, ...] = ()) -> bytes:
    """``dot -T<fmt> ARGS`` on ``dot_text``; ToolMissing when Graphviz is absent or fails."""
    exe = shutil.which(dot)
    if exe is None:
        raise ToolMissing(f"Graphviz's '{dot}' program is not on PATH; it is needed for {fmt}",
                          hint=INSTALL_HINT + "; or export 'dot' and render it elsewhere")
    try:
        done = subprocess.run([exe, f"-T{fmt}", *args], input=dot_text.encode("utf-8"),
                              capture_output=True, check=False, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ToolMissing(f"Graphviz failed to run: {exc}", hint=INSTALL_HINT) from None
    if done.returncode != 0:
        err = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise ToolMissing(f"Graphviz failed ({fmt}): " + (err[0] if err else
                                                           f"exit code {done.returncode}"),
                          hint="if the graph is not unusually large, this is a bug in goalmap's "
                          "DOT output; please report it")
    return done.stdout
