"""Package → .xlsx → package: exact through the embedded JSON, the same figures through the tables."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from jixiao.model import Package
from jixiao.readers import read_package
from jixiao.readers.xlsx_reader import read_xlsx
from jixiao.synth import generate_package
from jixiao.writers.xlsx_embed import DATA_SHEET
from jixiao.writers.xlsx_writer import write_xlsx


def _write(tmp_path: Path, package: Package, name: str = "out.xlsx") -> Path:
    path = tmp_path / name
    path.write_bytes(write_xlsx(package, None))
    return path


def _without_json(path: Path) -> Path:
    workbook = load_workbook(path)
    del workbook[DATA_SHEET]
    target = path.with_name("tables-only.xlsx")
    workbook.save(target)
    return target


@pytest.mark.parametrize("fixture", ["seed000", "seed002", "seed003"])
def test_seed_round_trip_is_exact(fixture: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    package = read_package(str(request.getfixturevalue(fixture)))
    assert read_xlsx(str(_write(tmp_path, package))) == package


@pytest.mark.parametrize("seed", range(6))
def test_generated_round_trip_is_exact(seed: int, tmp_path: Path) -> None:
    package, _ = generate_package(seed, projects=2 + seed % 3, defects=False)
    assert read_xlsx(str(_write(tmp_path, package))) == package


@pytest.mark.parametrize("fixture", ["seed000", "seed003"])
def test_table_route_gives_the_same_figures(
    fixture: str, request: pytest.FixtureRequest, tmp_path: Path, summarize: Any, differ: Any
) -> None:
    package = read_package(str(request.getfixturevalue(fixture)))
    back = read_xlsx(str(_without_json(_write(tmp_path, package))))
    assert [type(d) for d in back.documents] == [type(d) for d in package.documents]
    for original, read in zip(package.documents, back.documents, strict=True):
        if not hasattr(original, "indicators"):
            continue
        assert original.name == read.name
        assert original.total.adjusted_budget.value == read.total.adjusted_budget.value
        assert original.total.executed.value == read.total.executed.value
        assert original.total.score.value == read.total.score.value
        assert original.claimed_total.value == read.claimed_total.value
        assert original.total_weight.value == read.total_weight.value
        before = [(i.level1, i.level2, i.name.text, i.target.text, i.actual.text, i.weight.value, i.score.value)
                  for i in original.indicators.indicators]  # fmt: skip
        after = [(i.level1, i.level2, i.name.text, i.target.text, i.actual.text, i.weight.value, i.score.value)
                 for i in read.indicators.indicators]  # fmt: skip
        assert before == after, differ(before, after)
    # Sources point at the sheet and its Excel row.
    project = back.projects[0]
    assert project.total.adjusted_budget.source.table is not None
    assert project.total.adjusted_budget.source.table.startswith("项目3-1")
    assert project.total.adjusted_budget.source.line == project.total.adjusted_budget.source.row


@pytest.mark.parametrize("seed", range(4))
def test_table_route_on_generated_packages(seed: int, tmp_path: Path, summarize: Any, differ: Any) -> None:
    package, _ = generate_package(seed, projects=2, defects=False)
    back = read_xlsx(str(_without_json(_write(tmp_path, package))))
    for original, read in zip(summarize(package), summarize(back), strict=True):
        if original[0] in ("project", "department"):
            # funds, indicators, claimed total and total weight
            assert original[:6] == read[:6], differ(original[:6], read[:6])


def test_edited_workbook_is_read_from_its_tables(seed003: Path, tmp_path: Path) -> None:
    package = read_package(str(seed003))
    path = _write(tmp_path, package)
    workbook = load_workbook(path)
    sheet = workbook["部门整体自评表"]
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == "年度资金总额")
    sheet.cell(row=cell.row, column=5).value = 1234.5  # 全年执行数
    workbook.save(path)
    back = read_xlsx(str(path))
    assert back.department is not None
    assert str(back.department.total.executed.value) == "1234.5"
    assert any("修改" in note.message for note in back.notes)


def test_workbook_bytes_load_in_openpyxl(seed002: Path) -> None:
    package = read_package(str(seed002))
    workbook = load_workbook(io.BytesIO(write_xlsx(package, None)))
    assert workbook[DATA_SHEET].sheet_state == "veryHidden"
    assert workbook.sheetnames[:2] == ["绩效目标表", "绩效评分表"]
