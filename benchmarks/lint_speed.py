"""Time `goalmap lint` on a synthetic knowledge base against a bare C-loader parse.

    python benchmarks/lint_speed.py [N]      # N one-file works (default 10000)

Writes the synthetic taxonomy to a temporary folder: N works, each cited once
by one scheme, so that a correct linter reports nothing.  Prints the best of
three runs of (a) yaml.load with CSafeLoader over every file and (b)
goalmap.lint.lint, and their ratio (issue 6 asks for lint within ~2x).
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

import yaml

from goalmap.lint import lint


def generate(root: Path, n: int) -> None:
    (root / "works").mkdir(parents=True)
    (root / "schemes").mkdir()
    ids = []
    for i in range(n):
        letters = "".join(chr(97 + (i // 26 ** k) % 26) for k in range(3))
        work_id = f"auth{letters}2021word{i}"
        ids.append(work_id)
        month = f"{i % 12 + 1:02d}"
        (root / "works" / f"{work_id}.yaml").write_text(
            f"id: {work_id}\ntype: preprint\n"
            f'title: "A synthetic work number {i} on alignment goals"\n'
            f"authors: [Jane Doe, John Smith{i}, Ada Lovelace]\net_al: true\nyear: 2021\n"
            f'venue: arXiv preprint\narxiv: "21{month}.{i:05d}"\n'
            f"url: https://arxiv.org/abs/21{month}.{i:05d}\n"
            f'links:\n  - {{type: code, url: "https://github.com/example/repo{i}"}}\n'
            f"aliases: [Synth{i}]\nsummary: A generated entry used to time the linter.\n",
            encoding="utf-8")
    lines = ["id: synth", "name: Synthetic", "categories:", "  - id: synth-root",
             "    label: Root", "    citations:"]
    lines += [f"      - {{label: {w}, works: [{w}]}}" for w in ids]
    (root / "schemes" / "synth.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def best(fn, runs: int = 3):
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "taxonomy"
        generate(root, n)
        files = sorted(root.rglob("*.yaml"))

        def bare() -> None:
            for f in files:
                yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

        t_bare, _ = best(bare)
        t_lint, problems = best(lambda: lint(root))
        print(f"{len(files)} files: CSafeLoader {t_bare:.2f}s, goalmap lint {t_lint:.2f}s "
              f"({t_lint / t_bare:.2f}x), {len(problems)} problems")


if __name__ == "__main__":
    main()
