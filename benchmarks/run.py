"""Time goalmap as whole processes, each beside a baseline measured in the same run.

    python benchmarks/run.py              # real knowledge base + synthetic 1k, 10k, 100k works
    python benchmarks/run.py --quick      # real knowledge base + 1k works, few runs
    python benchmarks/run.py --sizes 1000,10000 --runs 5 --out results.md

Every figure is the median of N runs of a fresh process (stdout piped, as in
pre-commit or a pipe).  Baselines: ``python -c pass``; the hello-world typer app
(``benchmarks/hello_typer.py``) for start-up; a bare PyYAML CSafeLoader parse of
the same files for load and lint; ``yamllint -d relaxed`` and
``check-jsonschema`` (against a JSON schema exported from goalmap's pydantic
models) where they are installed.  Peak memory is the child's ru_maxrss.  The
table (each ratio beside the issue-6 target) is printed and written to
``benchmarks/results.md`` with the date and the machine.  Not part of the
test suite; no figure here is asserted anywhere.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PY = sys.executable
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

# What the search benchmark looks for: a misspelt word, so the fuzzy matcher does its work.
SEARCH_TEXT = "alignmnt prefrence"

# A bare parse of every YAML file under a folder: the floor of any YAML linter.
BARE_PARSE = """
import os, sys, yaml
for d, dirs, files in os.walk(sys.argv[1]):
    dirs.sort()
    for f in sorted(files):
        if f.endswith(('.yaml', '.yml')):
            with open(os.path.join(d, f), encoding='utf-8') as fh:
                yaml.load(fh.read(), Loader=yaml.CSafeLoader)
"""
# check-jsonschema takes one schema per run: run it on each folder in turn.
EACH_FOLDER = """
import os, subprocess, sys
tool, schemas, root = sys.argv[1:4]
worst = 0
for folder in sorted(os.listdir(root)):
    files = sorted(os.path.join(root, folder, f) for f in os.listdir(os.path.join(root, folder))
                   if f.endswith(('.yaml', '.yml')))
    if files:
        code = subprocess.run([tool, '--schemafile', os.path.join(schemas, folder + '.json'),
                               *files], stdout=subprocess.DEVNULL).returncode
        worst = max(worst, code)
sys.exit(worst)
"""
# The JSON schema of each folder's files, exported from goalmap's pydantic models.
EXPORT_SCHEMAS = """
import json, sys
from goalmap.kinds import FILE_KINDS
for kind in FILE_KINDS:
    folder = kind.folder
    schema = kind.model_class().model_json_schema()
    # a file holds one entry or a list of entries
    schema = {"$defs": schema.pop("$defs", {}), "anyOf": [schema, {"type": "array", "items": schema}]}
    with open(f"{sys.argv[1]}/{folder}.json", "w") as fh:
        json.dump(schema, fh)
"""


def run_once(cmd: list[str], env: dict, cwd: Path,
             timeout: float | None = None) -> tuple[float, int, int]:
    """(seconds, exit code, peak RSS of the child in KiB) of one run; a run past
    ``timeout`` seconds is killed (exit code -9).  The peak is the larger of the
    child's and of any program it ran and waited for (Graphviz for svg and png)."""
    start = time.perf_counter()
    pid = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                           env=env, cwd=cwd)
    timer = threading.Timer(timeout, pid.kill) if timeout else None
    if timer:
        timer.start()
    # Drain stdout (a pipe, as a reader would) and reap the child for its rusage.
    assert pid.stdout is not None
    while pid.stdout.read(1 << 16):
        pass
    _, status, usage = os.wait4(pid.pid, 0)
    if timer:
        timer.cancel()
    pid.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.perf_counter() - start
    return elapsed, pid.returncode, usage.ru_maxrss


class Bench:
    def __init__(self, runs: int, cache_dir: Path):
        self.runs = runs
        self.cache_dir = cache_dir
        self.rows: list[dict] = []
        # The synthetic scheme cites every work: 7 MB at 100k, over the 1 MiB default cap.
        self.env = dict(os.environ, GOALMAP_CACHE_DIR=str(cache_dir), NO_COLOR="1",
                        GOALMAP_MAX_FILE_MIB="64")
        self.env.pop("GOALMAP_NO_CACHE", None)

    def time(self, name: str, cmd: list[str], runs: int | None = None, before=None,
             ok=(0,), env: dict | None = None, timeout: float | None = None) -> dict:
        """Median seconds and max peak memory of ``runs`` runs; ``before`` runs before each;
        ``env`` adds variables for this command; a run past ``timeout`` seconds is stopped."""
        times, peaks, codes = [], [], set()
        for _ in range(runs or self.runs):
            if before:
                before()
            seconds, code, peak = run_once(cmd, {**self.env, **(env or {})}, REPO, timeout)
            times.append(seconds)
            peaks.append(peak)
            codes.add(code)
        result = {"name": name, "seconds": statistics.median(times), "peak_kib": max(peaks),
                  "codes": sorted(codes), "failed": bool(codes - set(ok))}
        print(f"  {name:<58} {result['seconds'] * 1000:9.1f} ms  {max(peaks) / 1024:7.0f} MiB"
              + ("  (exit " + ",".join(map(str, sorted(codes))) + ")" if result["failed"] else ""),
              file=sys.stderr, flush=True)
        return result

    def clear_cache(self) -> None:
        shutil.rmtree(self.cache_dir, ignore_errors=True)


def goalmap(root: Path | None, *args: str, no_cache: bool = False) -> list[str]:
    cmd = [PY, "-m", "goalmap"]
    if root is not None:
        cmd += ["--taxonomy", str(root)]
    if no_cache:
        cmd.append("--no-cache")
    return cmd + list(args)


def yaml_files(root: Path) -> list[str]:
    return sorted(str(p) for p in root.rglob("*.y*ml"))


def kb_rows(b: Bench, label: str, root: Path, n_works: int, tools: dict, schemas: Path,
            runs: int) -> dict:
    """Every measurement on one knowledge base; returns the figures by key."""
    print(f"{label} ({n_works} works, {len(yaml_files(root))} files)", file=sys.stderr)
    t: dict = {}
    t["bare"] = b.time(f"{label}: CSafeLoader parse (baseline)", [PY, "-c", BARE_PARSE, str(root)],
                       runs)
    b.clear_cache()
    t["show_cold"] = b.time(f"{label}: show values, cold cache", goalmap(root, "show", "values"),
                            runs, before=b.clear_cache)
    b.time(f"{label}: (warming the cache)", goalmap(root, "show", "values"), 1)
    t["show_warm"] = b.time(f"{label}: show values, warm cache", goalmap(root, "show", "values"),
                            runs)
    t["list_works"] = b.time(f"{label}: list works, warm cache", goalmap(root, "list", "works"),
                             runs)
    t["search"] = b.time(f"{label}: search (a typo), warm cache",
                         goalmap(root, "search", SEARCH_TEXT), runs, ok=(0, 1))
    t["complete"] = b.time(f"{label}: completion request (entry ids), warm cache",
                           [PY, "-m", "goalmap"], runs, env={
                               "_GOALMAP_COMPLETE": "complete_bash", "COMP_CWORD": "2",
                               "COMP_WORDS": "goalmap show a", "GOALMAP_TAXONOMY": str(root)})
    t["show_nocache"] = b.time(f"{label}: show values --no-cache",
                               goalmap(root, "show", "values", no_cache=True), runs)
    t["lint"] = b.time(f"{label}: lint", goalmap(root, "lint", "--format", "parsable"), runs,
                       ok=(0, 1))
    t["export_json"] = b.time(f"{label}: export json (warm cache)",
                              goalmap(root, "export", "json"), runs)
    t["export_markdown"] = b.time(f"{label}: export markdown (warm cache)",
                                  goalmap(root, "export", "markdown"), runs)
    if tools.get("check-jsonschema") and n_works <= 10000:
        t["jsonschema"] = b.time(f"{label}: check-jsonschema (each folder's schema)", [
            PY, "-c", EACH_FOLDER, tools["check-jsonschema"], str(schemas), str(root)], 1,
            ok=(0, 1))
    if tools.get("yamllint") and n_works <= 10000:
        t["yamllint"] = b.time(f"{label}: yamllint -d relaxed", [
            tools["yamllint"], "-d", "relaxed", "-f", "parsable", str(root)], 1, ok=(0, 1, 2))
    for v in t.values():
        v["works"] = n_works
    return t


def ratio(a: dict | None, b: dict | None) -> str:
    if not a or not b or not b["seconds"]:
        return "n/a"
    return f"{a['seconds'] / b['seconds']:.2f}x"


def ms(r: dict | None) -> str:
    if not r:
        return "n/a"
    s = r["seconds"]
    return f"{s * 1000:.0f} ms" if s < 10 else f"{s:.1f} s"


def machine() -> str:
    u = platform.uname()
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{u.system} {u.release} {u.machine}; {cpu or u.processor or 'cpu'}; "
            f"{os.cpu_count()} CPUs; Python {platform.python_version()}")


def report(start: dict, kbs: dict[str, dict], runs: int, sizes: list[int]) -> str:
    real = kbs.get("real", {})
    lines = [
        "# goalmap benchmark results",
        "",
        f"- Date: {datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}",
        f"- Machine: {machine()}",
        f"- Medians of {runs} runs of a fresh process (at most 5 at 10k, 2 at 100k; one run for "
        "yamllint and check-jsonschema, which are not run at 100k), stdout piped; memory is the "
        "child's peak RSS.",
        "- Synthetic knowledge bases from `benchmarks/generate.py` (one file per work; "
        "resources, one scheme of categories citing every work, tables, algorithms, challenges).",
        "",
        "## Start-up and small commands (the real knowledge base)",
        "",
        "| measurement | time | baseline | baseline time | ratio | target |",
        "|---|---|---|---|---|---|",
        f"| `python -c pass` | {ms(start['pass'])} | | | | |",
        f"| hello-world typer `--help` | {ms(start['hello_help'])} | `python -c pass` | "
        f"{ms(start['pass'])} | {ratio(start['hello_help'], start['pass'])} | |",
        f"| hello-world typer command | {ms(start['hello_cmd'])} | `python -c pass` | "
        f"{ms(start['pass'])} | {ratio(start['hello_cmd'], start['pass'])} | |",
        f"| `goalmap --help` (cold) | {ms(start['help'])} | hello typer `--help` | "
        f"{ms(start['hello_help'])} | {ratio(start['help'], start['hello_help'])} | <= 1.2x |",
        f"| `goalmap show values`, warm cache | {ms(real.get('show_warm'))} | hello typer command | "
        f"{ms(start['hello_cmd'])} | {ratio(real.get('show_warm'), start['hello_cmd'])} | <= 1.25x |",
        f"| `goalmap show values`, cold cache | {ms(real.get('show_cold'))} | hello typer command | "
        f"{ms(start['hello_cmd'])} | {ratio(real.get('show_cold'), start['hello_cmd'])} | <= 2.5x |",
        f"| `goalmap show values --no-cache` | {ms(real.get('show_nocache'))} | hello typer command | "
        f"{ms(start['hello_cmd'])} | {ratio(real.get('show_nocache'), start['hello_cmd'])} | |",
        f"| `goalmap list works`, warm cache | {ms(real.get('list_works'))} | hello typer command | "
        f"{ms(start['hello_cmd'])} | {ratio(real.get('list_works'), start['hello_cmd'])} | <= 1.25x |",
        f"| `goalmap search`, warm cache | {ms(real.get('search'))} | hello typer command | "
        f"{ms(start['hello_cmd'])} | {ratio(real.get('search'), start['hello_cmd'])} | <= 1.25x |",
        f"| a completion request (entry ids) | {ms(real.get('complete'))} | hello typer command | "
        f"{ms(start['hello_cmd'])} | {ratio(real.get('complete'), start['hello_cmd'])} | <= 1.25x |",
        "",
        "## Load, lint and export by size",
        "",
        "| knowledge base | measurement | time | peak memory | vs CSafeLoader parse | target |",
        "|---|---|---|---|---|---|",
    ]
    targets = {"lint": "<= 2x at 10k"}
    lines_find = ["", "## Finding things by size (warm cache)", "",
                  "| knowledge base | measurement | time | vs show values, warm | target |",
                  "|---|---|---|---|---|"]
    for label, t in kbs.items():
        for key, what in [("list_works", "list works"), ("search", "search (a typo)"),
                          ("complete", "completion request")]:
            r = t.get(key)
            if r:
                target = "<= 2x at 10k" if key == "search" and label == "10k" else ""
                lines_find.append(f"| {label} | {what} | {ms(r)} | "
                                  f"{ratio(r, t.get('show_warm'))} | {target} |")
    for label, t in kbs.items():
        for key, what in [("bare", "CSafeLoader parse (baseline)"),
                          ("show_cold", "show values, cold cache"),
                          ("show_warm", "show values, warm cache"),
                          ("show_nocache", "show values --no-cache (load)"),
                          ("lint", "lint"), ("export_json", "export json"),
                          ("export_markdown", "export markdown")]:
            r = t.get(key)
            if not r:
                continue
            target = targets.get(key, "") if label == "10k" else ""
            fail = " (failed: exit " + ",".join(map(str, r["codes"])) + ")" if r["failed"] else ""
            lines.append(f"| {label} | {what}{fail} | {ms(r)} | {r['peak_kib'] / 1024:.0f} MiB | "
                         f"{ratio(r, t['bare']) if key != 'bare' else ''} | {target} |")
    lines += lines_find
    lines += ["", "## Against other tools (same files)", "",
              "| knowledge base | tool | time | goalmap lint | ratio (lint / tool) | target |",
              "|---|---|---|---|---|---|"]
    for label, t in kbs.items():
        if t.get("jsonschema"):
            lines.append(f"| {label} | check-jsonschema | {ms(t['jsonschema'])} | {ms(t['lint'])} | {ratio(t['lint'], t['jsonschema'])} | "
                         f"{'<= 0.5x at 10k' if label == '10k' else ''} |")
        if t.get("yamllint"):
            lines.append(f"| {label} | yamllint -d relaxed | {ms(t['yamllint'])} | {ms(t['lint'])} | "
                         f"{ratio(t['lint'], t['yamllint'])} | "
                         f"{'<= 0.1x at 10k' if label == '10k' else ''} |")
    small = [label for label in kbs if label != "real"]
    if len(small) >= 2:
        first, last = small[0], small[-1]
        lines += ["", f"## Scale: time per work, {last} against {first}", "",
                  "| measurement | per work at " + first + " | per work at " + last
                  + " | ratio | net of start-up | target |", "|---|---|---|---|---|---|"]
        base = start["help"]["seconds"]
        for key, what in [("show_nocache", "load (show values --no-cache)"), ("lint", "lint"),
                          ("export_json", "export json"), ("export_markdown", "export markdown"),
                          ("bare", "CSafeLoader parse")]:
            a, z = kbs[first].get(key), kbs[last].get(key)
            if not a or not z:
                continue
            pa, pz = a["seconds"] / a["works"], z["seconds"] / z["works"]
            floor = start["pass"]["seconds"] if key == "bare" else base
            na = max(a["seconds"] - floor, 1e-9) / a["works"]
            nz = max(z["seconds"] - floor, 1e-9) / z["works"]
            lines.append(f"| {what} | {pa * 1e6:.0f} us | {pz * 1e6:.0f} us | {pz / pa:.2f}x | "
                         f"{nz / na:.2f}x | <= 1.5x |")
        z = kbs[last]
        peak = max((z[k]["peak_kib"] for k in ("show_nocache", "lint") if k in z), default=0)
        lines += ["", f"Peak memory at {last} (load and lint): {peak / 1024:.0f} MiB "
                  "(target <= 1024 MiB)."]
    lines += ["", "'Net of start-up' subtracts the `goalmap --help` time (`python -c pass` for the "
              "bare parse) from each run before dividing by the number of works.", ""]
    return "\n".join(lines)


def export_rows(b: Bench, label: str, root: Path, n_works: int, runs: int,
                timeout: float) -> dict:
    """Every export format of ``goalmap.export.FORMATS`` on one knowledge base (warm
    cache, output to a pipe that is drained), beside the bare CSafeLoader parse of the
    same files."""
    from goalmap.export import FORMATS

    print(f"{label} exports ({n_works} works)", file=sys.stderr)
    t = {"bare": b.time(f"{label}: CSafeLoader parse (baseline)",
                        [PY, "-c", BARE_PARSE, str(root)], runs)}
    b.clear_cache()
    b.time(f"{label}: (warming the cache)", goalmap(root, "show", "values"), 1)
    for name in FORMATS:
        t[name] = b.time(f"{label}: export {name} (warm cache)",
                         goalmap(root, "export", name), runs, timeout=timeout)
    return t


def export_report(kbs: dict[str, dict]) -> str:
    lines = ["| knowledge base | measurement | time | peak memory | vs CSafeLoader parse |",
             "|---|---|---|---|---|"]
    for label, t in kbs.items():
        for key, r in t.items():
            what = "CSafeLoader parse (baseline)" if key == "bare" else f"export {key}"
            if r["failed"]:
                what += " (timed out)" if -9 in r["codes"] else (
                    " (failed: exit " + ",".join(map(str, r["codes"])) + ")")
            lines.append(f"| {label} | {what} | {ms(r)} | {r['peak_kib'] / 1024:.0f} MiB | "
                         f"{ratio(r, t['bare']) if key != 'bare' else ''} |")
    return "\n".join(lines) + "\n"


def find_tools() -> dict:
    here = Path(PY).parent
    out = {}
    for name in ("yamllint", "check-jsonschema"):
        path = here / name
        out[name] = str(path) if path.exists() else shutil.which(name)
    return out


def compile_installed_package() -> None:
    """Byte-compile goalmap's modules, as ``pip install`` does for an installed package.

    An editable install runs goalmap from ``src/``; under PYTHONDONTWRITEBYTECODE (set on
    some machines, CI among them) no ``.pyc`` is ever written there, so every run would
    compile every module from source while typer, the baseline, runs from the ``.pyc``
    files pip wrote.  Python reads existing ``.pyc`` files whatever that variable says."""
    import compileall

    import goalmap

    compileall.compile_dir(str(Path(goalmap.__file__).parent), quiet=1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="1k works only, 3 runs")
    parser.add_argument("--sizes", help="comma-separated numbers of works (default 1000,10000,100000)")
    parser.add_argument("--runs", type=int, help="runs per measurement (default 10, quick 3)")
    parser.add_argument("--big-runs", type=int, default=2,
                        help="runs at 100k works and more (10k and more: at most 5)")
    parser.add_argument("--no-real", action="store_true", help="skip the real knowledge base")
    parser.add_argument("--no-tools", action="store_true",
                        help="skip yamllint and check-jsonschema")
    parser.add_argument("--work-dir", type=Path, help="where to generate (default: a temp dir)")
    parser.add_argument("--out", type=Path, default=HERE / "results.md", help="the results file")
    parser.add_argument("--exports", action="store_true",
                        help="only every export format at each size (a table of time and peak "
                        "memory), written to --out")
    parser.add_argument("--timeout", type=float, default=1800,
                        help="--exports: seconds before one export run is stopped")
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 10)
    sizes = ([int(s) for s in args.sizes.split(",")] if args.sizes
             else [1000] if args.quick else [1000, 10000, 100000])

    compile_installed_package()
    tmp = Path(tempfile.mkdtemp(prefix="goalmap-bench-"))
    work = args.work_dir or tmp
    try:
        b = Bench(runs, tmp / "cache")
        tools = {} if args.no_tools else find_tools()
        schemas = tmp / "schemas"
        schemas.mkdir()
        subprocess.run([PY, "-c", EXPORT_SCHEMAS, str(schemas)], check=True, env=b.env)
        kbs: dict[str, dict] = {}
        if args.exports:
            for n in sizes:
                label = f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)
                root = work / f"kb-{n}"
                generate(root, n)
                kbs[label] = export_rows(b, label, root, n, runs if n < 100000
                                         else min(runs, args.big_runs), args.timeout)
                if args.work_dir is None:
                    shutil.rmtree(root, ignore_errors=True)
            text = export_report(kbs)
            print(text)
            args.out.write_text(text, encoding="utf-8")
            return 0
        print("start-up", file=sys.stderr)
        hello = str(HERE / "hello_typer.py")
        start = {
            "pass": b.time("python -c pass", [PY, "-c", "pass"]),
            "hello_help": b.time("hello typer --help", [PY, hello, "--help"]),
            "hello_cmd": b.time("hello typer hello", [PY, hello, "hello"]),
            "help": b.time("goalmap --help", goalmap(None, "--help")),
        }
        if not args.no_real:
            from goalmap.workspace import packaged_taxonomy

            real = packaged_taxonomy()
            kbs["real"] = kb_rows(b, "real", real, len(yaml_files(real / "works")), tools,
                                  schemas, runs)
        for n in sizes:
            label = f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)
            root = work / f"kb-{n}"
            began = time.perf_counter()
            generate(root, n)
            print(f"generated {label} in {time.perf_counter() - began:.1f} s", file=sys.stderr)
            kbs[label] = kb_rows(b, label, root, n, tools, schemas,
                                 runs if n < 10000 else min(runs, 5) if n < 100000
                                 else min(runs, args.big_runs))
            if args.work_dir is None:
                shutil.rmtree(root, ignore_errors=True)
        text = report(start, kbs, runs, sizes)
        print(text)
        args.out.write_text(text, encoding="utf-8")
        failed = [r["name"] for t in [start, *kbs.values()] for r in t.values() if r["failed"]]
        if failed:
            print("failed: " + "; ".join(failed), file=sys.stderr)
            return 1
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
