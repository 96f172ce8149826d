"""Jixiao's core benchmarks: medians, targets, and the ratio to a baseline.

    make bench                      # or: .venv/bin/python benchmarks/run.py [--quick] [--write]

Every measurement prints its median (wall and CPU time) and the ratio to a fixed pure-Python
baseline workload measured in the same run, so results from a loaded or slow machine can be
compared with a quiet one. ``--write`` replaces benchmarks/RESULTS.md's core section.

``--instructions`` also counts the instructions of one read + score (+ audit) of seed 003 under
valgrind's callgrind: the same count on every run of the same code, whatever else the machine is
doing, so two versions of the code can be compared on a shared machine (about three minutes).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_003 = ROOT.parent / "shared" / "seeds" / "003_9d52f206333e3630.txt"
VENV_BIN = Path(sys.executable).parent


def _baseline() -> float:
    """A fixed pure-Python workload (ms): the yardstick every ratio is taken against."""

    def work() -> None:
        total = 0
        for i in range(300_000):
            total += i * i % 7
        "".join(str(i) for i in range(20_000))

    return _median_ms(work, 7)[1]


def _median_ms(func: Callable[[], object], runs: int) -> tuple[float, float]:
    func()
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        func()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


Row = tuple[str, str, str, str, str]


def _row(name: str, wall: float, cpu: float, baseline: float, target: str, unit: str = "ms") -> Row:
    return (name, f"{wall:.1f} {unit}", f"{cpu:.1f} {unit}", f"{cpu / baseline:.2f}", target)


def bench_seed(baseline: float, runs: int) -> list[Row]:
    from jixiao.audit import run_audit
    from jixiao.frameworks import detect_framework, score_package
    from jixiao.narrative.figures import _sums_and_shares
    from jixiao.readers.text import read_text

    forget_prose_figures = _sums_and_shares.cache_clear
    if not SEED_003.is_file():
        print("  seed 003 not found (../shared/seeds): skipped")
        return []
    text = SEED_003.read_text(encoding="utf-8")

    def read_score() -> object:
        package = read_text(text, file=str(SEED_003))
        return score_package(package, detect_framework(package))

    def read_score_audit() -> object:
        # The prose's sums and shares are remembered by the paragraphs' content (the web app re-audits
        # a package whose narrative did not change after each saved cell). Reading the same seed again
        # would hit that memory on every run: a first audit does not.
        forget_prose_figures()
        package = read_text(text, file=str(SEED_003))
        score = score_package(package, detect_framework(package))
        return run_audit(package, score)

    rows = []
    wall, cpu = _median_ms(read_score, runs)
    rows.append(_row("read + score seed 003 (in-process)", wall, cpu, baseline, "≤ 20 ms"))
    wall, cpu = _median_ms(read_score_audit, runs)
    rows.append(_row("read + score + audit seed 003", wall, cpu, baseline, "≤ 30 ms"))
    return rows


_COUNTED = """
import sys
from pathlib import Path
from jixiao.audit import run_audit
from jixiao.frameworks import detect_framework, score_package
from jixiao.narrative.figures import _sums_and_shares
from jixiao.readers.text import read_text
path, audit, extra = sys.argv[1], sys.argv[2] == "audit", int(sys.argv[3])
text = Path(path).read_text(encoding="utf-8")
for _ in range(2 + extra):  # two warm-up rounds, as the timed benchmark has
    _sums_and_shares.cache_clear()  # as the timed benchmark does (see bench_seed)
    package = read_text(text, file=path)
    score = score_package(package, detect_framework(package))
    if audit:
        run_audit(package, score)
"""


def _instructions(audit: bool, extra: int) -> int:
    """Instructions callgrind counts for the whole process with ``extra`` rounds after the warm-up."""
    with tempfile.TemporaryDirectory(prefix="jixiao-callgrind-") as folder:
        done = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={folder}/out",
                sys.executable,
                "-c",
                _COUNTED,
                str(SEED_003),
                "audit" if audit else "score",
                str(extra),
            ],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},  # the same dict and set orders on every run
        )
    for line in done.stderr.splitlines():
        if "Collected :" in line:
            return int(line.rsplit(":", 1)[1])
    raise RuntimeError("callgrind printed no instruction count")


def bench_instructions(rounds: int = 4) -> list[Row]:
    """Instructions per read + score (+ audit) of seed 003: (count with ``rounds`` more) / ``rounds``."""
    if shutil.which("valgrind") is None or not SEED_003.is_file():
        print("  valgrind or seed 003 not found: instruction counts skipped")
        return []
    rows = []
    for audit, name in ((False, "read + score seed 003"), (True, "read + score + audit seed 003")):
        per_round = (_instructions(audit, rounds) - _instructions(audit, 0)) / rounds
        rows.append((f"{name}, instructions (callgrind)", "—", f"{per_round / 1e6:.1f} M", "—", "same on every run"))
    return rows


def bench_cold_start(baseline: float, runs: int) -> list[Row]:
    jixiao = VENV_BIN / "jixiao"
    if not jixiao.exists():
        return []
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(jixiao), "--help"], check=True, capture_output=True)
        walls.append((time.perf_counter() - start) * 1000)
    wall = statistics.median(walls)
    return [_row("jixiao --help cold start", wall, wall, baseline, "≤ 300 ms (wall)")]


def bench_throughput(baseline: float, count: int) -> list[Row]:
    """Audit `count` generated packages of ten projects each, in one process (one core)."""
    try:
        from jixiao.synth import generate_package
    except ImportError:
        print("  jixiao.synth not available: throughput skipped")
        return []
    from jixiao.pipeline import evaluate

    packages = [generate_package(seed, projects=10)[0] for seed in range(count)]
    start, cpu = time.perf_counter(), time.process_time()
    for index, package in enumerate(packages):
        evaluate(package, path=f"p{index}", audit=True)
    wall = time.perf_counter() - start
    cpu_s = time.process_time() - cpu
    rate = count / cpu_s
    return [
        (
            f"audit {count} generated packages (10 projects each)",
            f"{count / wall:.0f} pkg/s",
            f"{rate:.0f} pkg/s",
            f"{(1000 / rate) / baseline:.2f}",
            "≥ 200 pkg/s",
        )
    ]


def bench_folder_memory(files: int) -> list[Row]:
    """`jixiao audit --format json DIR` over `files` text packages: peak memory of the process."""
    try:
        from jixiao.synth import generate_package
        from jixiao.writers.text_layout import write_cell_per_line
    except ImportError:
        print("  jixiao.synth not available: folder memory skipped")
        return []
    folder = Path(tempfile.mkdtemp(prefix="jixiao-bench-"))
    try:
        distinct = [write_cell_per_line(generate_package(seed, projects=3)[0]) for seed in range(50)]
        for index in range(files):
            (folder / f"p{index:05d}.txt").write_text(distinct[index % len(distinct)], encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        with open(os.devnull, "w") as sink:
            subprocess.run([str(VENV_BIN / "jixiao"), "audit", "--format", "json", str(folder)], stdout=sink)
        elapsed = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        peak_mb = max(peak, before) / 1024
        return [
            (
                f"audit a folder of {files} files (streamed)",
                f"{elapsed:.0f} s",
                f"peak {peak_mb:.0f} MB",
                "—",
                "peak ≤ 300 MB",
            )
        ]
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()} ({sys.executable}), "
        f"{platform.system()} {platform.release()}, load average {load:.1f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="fewer runs, 100 packages, 500 files")
    parser.add_argument("--write", action="store_true", help="update benchmarks/RESULTS.md")
    parser.add_argument("--instructions", action="store_true", help="also count instructions under callgrind")
    args = parser.parse_args()
    runs = 5 if args.quick else 21
    print(f"machine: {machine()}")
    baseline = _baseline()
    print(f"baseline workload: {baseline:.1f} ms CPU (ratios below are CPU time / baseline)")
    rows: list[Row] = []
    rows += bench_seed(baseline, runs)
    rows += bench_cold_start(baseline, 5 if args.quick else 11)
    rows += bench_throughput(baseline, 100 if args.quick else 1000)
    rows += bench_folder_memory(500 if args.quick else 10_000)
    if args.instructions:
        rows += bench_instructions()
    header = ("benchmark", "median (wall)", "median (CPU)", "ratio to baseline", "target")
    table = [header, ("---",) * 5, *rows]
    text = "\n".join("| " + " | ".join(r) + " |" for r in table)
    print(text)
    if args.write:
        results = ROOT / "benchmarks" / "RESULTS.md"
        stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        section = (
            f"## Core (benchmarks/run.py)\n\nMeasured {stamp} on {machine()}; "
            f"baseline workload {baseline:.1f} ms CPU.\n\n{text}\n"
        )
        old = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n\n"
        start = old.find("## Core (benchmarks/run.py)")
        if start >= 0:
            end = old.find("\n## ", start + 1)
            old = old[:start] + old[end + 1 :] if end >= 0 else old[:start]
        results.write_text(old.rstrip() + "\n\n" + section, encoding="utf-8")


if __name__ == "__main__":
    main()
