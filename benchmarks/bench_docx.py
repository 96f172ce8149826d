"""Word export/import and PDF timings on seed 003 (14 project tables). Prints medians and ratios.

    .venv/bin/python benchmarks/bench_docx.py [--runs 7] [--no-pdf]

* reading every table of the .docx (our lxml reader, logical grid with merges) vs docx2python
  and pandoc (``pandoc -t json``) when installed;
* the whole read (tables route, recognize included) and the embedded-JSON route;
* writing the full .docx vs a naive python-docx build of the same tables;
* PDF time per document and per batch of 3 (LibreOffice, one process per document).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "003_9d52f206333e3630.txt"


def median_time(func: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def naive_python_docx(package: object, spec_tables: list[object]) -> bytes:
    """The same tables through python-docx's object model (cell by cell, merges via cell.merge)."""
    import io

    import docx

    document = docx.Document()
    for spec in spec_tables:
        rows = spec.rows  # type: ignore[attr-defined]
        width = len(spec.widths)  # type: ignore[attr-defined]
        table = document.add_table(rows=len(rows), cols=width)
        for r, row in enumerate(rows):
            column = 0
            for cell in row.cells:
                target = table.cell(r, column)
                if cell.span > 1:
                    target = target.merge(table.cell(r, column + cell.span - 1))
                if cell.text and cell.vmerge != "continue":
                    target.text = cell.text
                column += cell.span
        document.add_page_break()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-pdf", action="store_true")
    args = parser.parse_args()
    if not SEED.is_file():
        sys.exit(f"seed not found: {SEED}")
    from jixiao.pipeline import process_file
    from jixiao.readers.docx_reader import read_docx, read_tables
    from jixiao.writers.docx_writer import _table_spec as table_spec
    from jixiao.writers.docx_writer import write_docx

    result = process_file(str(SEED))
    package, score = result.package, result.score
    assert package is not None
    folder = Path(tempfile.mkdtemp(prefix="jixiao-bench-"))
    path = folder / "seed003.docx"
    path.write_bytes(write_docx(package, score))
    runs = args.runs
    print(f"seed 003: {len(package.documents)} tables, {path.stat().st_size // 1024} KB .docx, median of {runs} runs")

    ours = median_time(lambda: read_tables(str(path)), runs)
    print(f"read all tables, jixiao (lxml, logical grid):  {ours * 1000:8.1f} ms")
    try:
        from docx2python import docx2python

        def with_docx2python() -> object:
            with docx2python(str(path)) as content:
                return content.body

        theirs = median_time(with_docx2python, runs)
        print(f"read all tables, docx2python:                  {theirs * 1000:8.1f} ms   ratio {theirs / ours:6.1f}×")
    except ImportError:
        print("docx2python not installed (pip install docx2python)")
    if shutil.which("pandoc"):
        command = ["pandoc", "-f", "docx", "-t", "json", str(path)]
        pandoc = median_time(lambda: subprocess.run(command, capture_output=True, check=True), max(3, runs // 2))
        print(f"read all tables, pandoc -t json:               {pandoc * 1000:8.1f} ms   ratio {pandoc / ours:6.1f}×")
    else:
        print("pandoc not installed (apt-get install pandoc)")
    route = median_time(lambda: read_docx(str(path), use_embedded=False), runs)
    embedded = median_time(lambda: read_docx(str(path)), runs)
    print(f"read_docx, tables route (recognize included):  {route * 1000:8.1f} ms")
    print(f"read_docx, embedded JSON route:                {embedded * 1000:8.1f} ms")

    write_docx(package, score)
    write = median_time(lambda: write_docx(package, score), runs)
    specs = [table_spec(d, score) for d in package.documents]
    naive = median_time(lambda: naive_python_docx(package, specs), max(3, runs // 2))
    print(f"write full .docx (jixiao):                     {write * 1000:8.1f} ms   (target ≤ 400 ms)")
    print(f"write tables, naive python-docx:               {naive * 1000:8.1f} ms   ratio {naive / write:6.1f}×")

    if not args.no_pdf:
        from jixiao.writers.pdf_writer import find_soffice, write_pdf

        if find_soffice() is None:
            print("LibreOffice not installed: PDF skipped (scripts/setup-system.sh)")
        else:
            one = median_time(lambda: write_pdf(package, score), 3)
            start = time.perf_counter()
            for _ in range(3):
                write_pdf(package, score)
            batch = time.perf_counter() - start
            print(f"PDF per document (LibreOffice):                {one:8.2f} s")
            print(f"PDF batch of 3 (sequential):                   {batch:8.2f} s   ({batch / 3:.2f} s each)")
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
