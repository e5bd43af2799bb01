"""Time the commands that grow the knowledge base, each beside a baseline from the same run.

    python benchmarks/grow.py [--runs 5]

- ``place`` + ``unplace`` on a copy of the shipped taxonomy (figure2, the largest
  scheme file) against ``goalmap lint`` of the same copy: both lint the whole
  knowledge base once, so the ratio is the cost of the round-trip edit itself.
- ``lint --online``'s link check over 64 local URLs that each take 50 ms to
  answer, at concurrency 8 against concurrency 1 (the speed-up bounded concurrency
  buys; no network: a local threaded server).

Medians of fresh processes (place/lint) or of in-process runs (link check). Not
part of the test suite; nothing here is asserted.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _median_process(args: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=False, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def place_vs_lint(runs: int) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "taxonomy"
        shutil.copytree(REPO / "taxonomy", root)
        goalmap = [sys.executable, "-m", "goalmap", "--no-cache", "--taxonomy", str(root)]
        lint = _median_process(goalmap + ["lint", "--format", "parsable"], runs)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(goalmap + ["place", "rafailov2023direct", "--in",
                                      "figure2/fig2-def-instructions"], check=True,
                           capture_output=True)
            subprocess.run(goalmap + ["unplace", "rafailov2023direct", "--in",
                                      "figure2/fig2-def-instructions"], check=True,
                           capture_output=True)
            times.append((time.perf_counter() - start) / 2)
        return statistics.median(times), lint


def link_check(runs: int) -> tuple[float, float]:
    import logging

    from pytest_httpserver import HTTPServer
    from werkzeug import Response

    from goalmap import linkcheck

    def slow(request):
        time.sleep(0.05)
        return Response("ok")

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = HTTPServer(threaded=True)
    server.start()
    server.expect_request("/page").respond_with_handler(slow)
    urls = [server.url_for("/page") + f"?n={i}" for i in range(64)]
    out = []
    try:
        for concurrency in (1, 8):
            times = []
            for _ in range(runs):
                start = time.perf_counter()
                linkcheck.run(urls, concurrency=concurrency, cache_days=0, timeout=5,
                              cache_path=Path(tempfile.mkdtemp()) / "links.json")
                times.append(time.perf_counter() - start)
            out.append(statistics.median(times))
    finally:
        server.stop()
    return out[0], out[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    edit, lint = place_vs_lint(runs)
    print(f"place or unplace (figure2): {edit:.2f} s; lint baseline {lint:.2f} s; "
          f"ratio {edit / lint:.2f}")
    one, eight = link_check(max(1, runs // 2))
    print(f"link check, 64 URLs x 50 ms: concurrency 1 {one:.2f} s, 8 {eight:.2f} s; "
          f"speed-up {one / eight:.1f}x")


if __name__ == "__main__":
    main()
