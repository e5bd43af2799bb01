"""Time and memory of every command over hostile files of at most 1 MB (issue 10).

    python benchmarks/adversarial.py             # all cases, all commands
    python benchmarks/adversarial.py --out results.md

Each case is the test fixture ``tests/fixtures/mini`` plus one hostile file (or
special file) of at most 1 MB: the classes of SECURITY.md.  Each command runs as
a fresh process (``python -m goalmap``, cache off, stdout to a pipe); wall time and
the child's peak RSS (``wait4``'s ru_maxrss, which covers Graphviz for svg/png)
are recorded.  The target: no command over 10 s or 200 MiB.  The baseline is
the same command on the unmodified fixture, measured in the same run.  Nothing
here is asserted by the test suite; the figures go to ``benchmarks/results.md``
between the ``adversarial`` markers.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
MINI = REPO / "tests" / "fixtures" / "mini"
MB = 1_000_000
TIMEOUT = 60

COMMANDS = (
    [("show", ["show", "values"]), ("show id", ["show", "bai2022constitutional"]),
     ("search", ["search", "constitutional"])]
    + [(f"lint {f}", ["lint", "--format", f]) for f in ("text", "parsable", "json", "github",
                                                          "sarif")]
    + [(f"export {f}", ["export", f]) for f in ("markdown", "dot", "svg", "png", "mermaid",
                                                 "json", "graphml", "bibtex", "html")]
)


def _work(title: str, extra: str = "") -> str:
    return (f'id: evil2020work\ntitle: "{title}"\nyear: 2020\n'
            f"url: https://example.org/evil\n{extra}")


def case_alias_bomb(root: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 9):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    (root / "works" / "bomb.yaml").write_text("\n".join(lines) + "\n")


def case_deep_flow(root: Path) -> None:
    depth = MB // 2 - 20
    (root / "works" / "deep.yaml").write_text("a: " + "[" * depth + "]" * depth + "\n")


def case_deep_block(root: Path) -> None:
    lines, depth = [], 997  # indentation makes each level longer: 997 levels are ~1 MB
    for i in range(depth):
        lines.append(" " * (2 * i) + "k:")
    lines[-1] += " leaf"
    (root / "works" / "deep.yaml").write_text("\n".join(lines) + "\n")


def case_huge_title(root: Path) -> None:
    unit = "\\e]0;pwned\\a\\e[2J \\x9b31m \\u202e "
    title = (unit * (MB // len(unit) - 10))
    (root / "works" / "evil2020work.yaml").write_text(_work(title))
    _cite(root, "evil2020work")


def case_wide_scheme(root: Path) -> None:
    cats = [f"  - {{id: w{i}, label: W{i}, perspective: definition, order: {i}}}"
            for i in range(MB // 70)]
    (root / "schemes" / "wide.yaml").write_text("id: wide\nname: Wide\ncategories:\n"
                                                + "\n".join(cats) + "\n")


def case_deep_categories(root: Path) -> None:
    cats = [f"  - {{id: d{i}, label: D, order: {i}" + (f", parent: d{i - 1}}}" if i else "}")
            for i in range(17_000)]  # 0.96 MB, under the reader's 1 MiB cap
    (root / "schemes" / "deep.yaml").write_text("id: deep\nname: Deep\ncategories:\n"
                                                + "\n".join(cats) + "\n")


def case_many_citations(root: Path) -> None:
    scheme = root / "schemes" / "mini.yaml"
    text = scheme.read_text()
    cites = "".join("      - {label: \"C\\e[2J%d\", works: [jiang2021delphi]}\n" % i
                    for i in range(MB // 60))
    scheme.write_text(text.replace("    citations:\n", "    citations:\n" + cites, 1))


def case_many_keys(root: Path) -> None:
    keys = "".join(f"k{i}: v\n" for i in range(90_000))  # 0.89 MB
    (root / "works" / "evil2020work.yaml").write_text(_work("Many keys", keys))


def case_random_bytes(root: Path) -> None:
    rng = random.Random(10)
    (root / "works" / "noise.yaml").write_bytes(bytes(rng.getrandbits(8) for _ in range(MB)))


def case_odd_names(root: Path) -> None:
    for name in (b"bad\xff\xfe.yaml", b"new\nline.yaml", b"esc\x1b[2J.yaml"):
        with open(os.path.join(os.fsencode(root / "works"), name), "wb") as fh:
            fh.write(b"id: odd2020" + str(len(name)).encode() + b"\ntitle: Webgpt\nyear: 2020\n")


def case_special_files(root: Path) -> None:
    os.mkfifo(root / "works" / "fifo.yaml")
    (root / "works" / "zero.yaml").symlink_to("/dev/zero")
    (root / "works" / "stdin.yaml").symlink_to("/dev/stdin")
    if os.geteuid() == 0:
        os.mknod(root / "works" / "null.yaml", 0o666 | stat.S_IFCHR, os.makedev(1, 3))


def _cite(root: Path, work_id: str) -> None:
    scheme = root / "schemes" / "mini.yaml"
    scheme.write_text(scheme.read_text().replace(
        "works: [jiang2021delphi]", f"works: [jiang2021delphi, {work_id}]", 1))


CASES = {
    "baseline (mini fixture)": None,
    "alias bomb (9x9 laughs)": case_alias_bomb,
    "flow nesting 500k deep": case_deep_flow,
    "block nesting 997 deep": case_deep_block,
    "1 MB title of control sequences": case_huge_title,
    "scheme of 14k categories": case_wide_scheme,
    "category chain 17k deep": case_deep_categories,
    "16k citations in one category": case_many_citations,
    "90k unknown keys": case_many_keys,
    "1 MB of random bytes": case_random_bytes,
    "odd file names": case_odd_names,
    "FIFO, /dev/zero, /dev/stdin, device": case_special_files,
}


def run_one(root: Path, args: list[str]) -> tuple[float, float, str]:
    """(seconds, peak MiB, exit code or 'timeout') of one goalmap process."""
    env = {**os.environ, "GOALMAP_NO_CACHE": "1", "NO_COLOR": "1"}
    err_file = tempfile.TemporaryFile()  # not a pipe: a flood of messages must not block
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "goalmap", "--taxonomy", str(root), *args],
                            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=err_file, env=env)
    deadline = start + TIMEOUT
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            _, status, usage = os.wait4(proc.pid, 0)
            return time.perf_counter() - start, usage.ru_maxrss / 1024, "timeout"
        time.sleep(0.01)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err_file.seek(0)
    err = err_file.read().decode("utf-8", "replace")
    err_file.close()
    code = str(proc.returncode) + ("!" if "Traceback" in err else "")
    return seconds, usage.ru_maxrss / 1024, code


def measure() -> list[tuple[str, str, float, float, str]]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n, (name, make) in enumerate(CASES.items()):
            root = Path(tmp) / f"case{n}" / "taxonomy"
            shutil.copytree(MINI, root)
            if make is not None:
                make(root)
            for label, args in COMMANDS:
                seconds, mib, code = run_one(root, args)
                rows.append((name, label, seconds, mib, code))
                print(f"{name:38} {label:16} {seconds:6.2f} s {mib:7.1f} MiB  exit {code}",
                      flush=True)
    return rows


def report(rows) -> str:
    base = {label: (s, m) for case, label, s, m, _ in rows if case.startswith("baseline")}
    lines = [
        "<!-- adversarial: written by benchmarks/adversarial.py -->",
        "## Hostile files of at most 1 MB (issue 10)",
        "",
        f"{datetime.date.today().isoformat()}, {platform.machine()}, Python "
        f"{platform.python_version()}, {os.cpu_count()} cores shared with other jobs; "
        f"`python benchmarks/adversarial.py`. Each command is one fresh process, cache off. "
        f"Target: every command at most 10 s and 200 MiB on every case. Baseline: the same "
        f"command on the unmodified fixture, in the same run.",
        "",
        "Worst case per command (max over the hostile cases):",
        "",
        "| command | max time | on | peak memory | on | baseline time, memory | exit codes |",
        "|---|---|---|---|---|---|---|",
    ]
    for label, _ in COMMANDS:
        hostile = [r for r in rows if r[1] == label and not r[0].startswith("baseline")]
        slow = max(hostile, key=lambda r: r[2])
        big = max(hostile, key=lambda r: r[3])
        codes = ", ".join(sorted({r[4] for r in hostile}))
        b = base[label]
        lines.append(f"| {label} | {slow[2]:.2f} s | {slow[0]} | {big[3]:.0f} MiB | {big[0]} | "
                     f"{b[0]:.2f} s, {b[1]:.0f} MiB | {codes} |")
    worst_t = max(rows, key=lambda r: r[2])
    worst_m = max(rows, key=lambda r: r[3])
    bad = [r for r in rows if r[4] == "timeout" or r[4].endswith("!") or r[4] not in
           ("0", "1", "2", "3", "4")]
    lines += [
        "",
        f"Overall: slowest {worst_t[2]:.2f} s ({worst_t[1]} on {worst_t[0]}), largest "
        f"{worst_m[3]:.0f} MiB ({worst_m[1]} on {worst_m[0]}); "
        + ("every run ended with a documented exit code and no traceback."
           if not bad else f"{len(bad)} runs broke a guarantee: "
           + "; ".join(f"{r[1]} on {r[0]} ({r[4]})" for r in bad)),
        "",
        "Per case (max over its commands):",
        "",
        "| case | max time | max memory | exit codes |",
        "|---|---|---|---|",
    ]
    for case in CASES:
        mine = [r for r in rows if r[0] == case]
        lines.append(f"| {case} | {max(r[2] for r in mine):.2f} s | "
                     f"{max(r[3] for r in mine):.0f} MiB | "
                     f"{', '.join(sorted({r[4] for r in mine}))} |")
    lines.append("<!-- /adversarial -->")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(HERE / "results.md"))
    args = parser.parse_args()
    text = report(measure())
    print(text)
    out = Path(args.out)
    old = out.read_text(encoding="utf-8") if out.exists() else ""
    start, end = "<!-- adversarial:", "<!-- /adversarial -->"
    if start in old:
        head, rest = old.split(start, 1)
        tail = rest.split(end, 1)[1].lstrip("\n") if end in rest else ""
        new = head + text + ("\n" + tail if tail else "")
    else:
        new = old.rstrip("\n") + ("\n\n" if old else "") + text
    out.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
