"""Excel export and import speed on seed 003 (14 project tables).

Run: .venv/bin/python benchmarks/bench_xlsx.py [--repeat N]
Prints the median times of writing the workbook (score given, as the pipeline does; wall and CPU time), reading it
back through the embedded JSON, and reading it through the tables (JSON sheet removed).
Target: writing ≤ 0.2 s median.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "003_9d52f206333e3630.txt"
TARGET_WRITE = 0.2


def _median(action: Callable[[], object], repeat: int) -> float:
    return _medians(action, repeat)[0]


def _medians(action: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median wall time and median CPU time of this process (less sensitive to a loaded machine)."""
    times, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(times), statistics.median(cpu)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=11)
    args = parser.parse_args()
    if not SEED.is_file():
        print(f"seed not found: {SEED}")
        return 1
    from openpyxl import load_workbook

    from jixiao.frameworks import detect_framework, score_package
    from jixiao.readers import read_package
    from jixiao.readers.xlsx_reader import read_xlsx
    from jixiao.writers.xlsx_embed import DATA_SHEET
    from jixiao.writers.xlsx_writer import write_xlsx

    package = read_package(str(SEED))
    score = score_package(package, detect_framework(package))
    data = write_xlsx(package, score)  # warm-up (imports, pydantic adapter)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "seed003.xlsx"
        path.write_bytes(data)
        tables = Path(folder) / "tables.xlsx"
        workbook = load_workbook(path)
        del workbook[DATA_SHEET]
        workbook.save(tables)
        read_xlsx(str(path))
        write, write_cpu = _medians(lambda: write_xlsx(package, score), args.repeat)
        write_unscored = _median(lambda: write_xlsx(package, None), args.repeat)
        read_json = _median(lambda: read_xlsx(str(path)), args.repeat)
        read_tables = _median(lambda: read_xlsx(str(tables)), args.repeat)
    print(f"seed 003: {len(package.projects)} project tables, workbook {len(data) / 1024:.0f} KiB")
    print(
        f"write_xlsx (score given)      median {write:.3f} s"
        f"  (target {TARGET_WRITE} s, ratio {write / TARGET_WRITE:.2f}; CPU median {write_cpu:.3f} s)"
    )
    print(f"write_xlsx (scored inside)    median {write_unscored:.3f} s")
    print(f"read_xlsx (embedded JSON)     median {read_json:.3f} s")
    print(
        f"read_xlsx (tables, no JSON)   median {read_tables:.3f} s  (ratio to JSON route {read_tables / read_json:.2f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
