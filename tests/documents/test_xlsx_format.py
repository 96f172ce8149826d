"""What the written workbook holds: formulas, safe text, validation lists, panes, protection."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import replace
from pathlib import Path

from openpyxl import load_workbook

from jixiao.model import Cell, Indicator, IndicatorBlock, Package, ProjectTable
from jixiao.readers import read_package
from jixiao.readers.xlsx_reader import read_xlsx
from jixiao.templates import build_template
from jixiao.writers.xlsx_embed import DATA_SHEET
from jixiao.writers.xlsx_writer import sheet_name, write_xlsx

HOSTILE = ('=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(A1)", "\t=1+1", "\r=1+1")


def _hostile_package() -> Package:
    template = build_template("hunan-2023", 2024, 1)
    project = template.projects[0]
    indicators = tuple(
        Indicator("产出指标", "数量指标", Cell(text), target=Cell(text), actual=Cell(text)) for text in HOSTILE
    )
    hostile = replace(project, name="=cmd|' /C calc'!A0", indicators=IndicatorBlock(indicators))
    return replace(template, documents=(*template.documents[:-1], hostile))


def _sheet_xml(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/sheet")}


def test_text_never_becomes_a_formula(tmp_path: Path) -> None:
    package = _hostile_package()
    data = write_xlsx(package, None)
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook[workbook.sheetnames[-2]]
    hostile_cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value in HOSTILE]
    assert len(hostile_cells) >= len(HOSTILE)
    assert all(c.data_type == "s" for c in hostile_cells)
    coordinates = {c.coordinate for c in hostile_cells}
    for xml in _sheet_xml(data).values():
        for coordinate in coordinates:
            # no <f> element in a cell that holds hostile text
            assert not re.search(rf'<c r="{coordinate}"[^>]*>\s*<f>'.encode(), xml)
    path = tmp_path / "hostile.xlsx"
    path.write_bytes(data)
    back = read_xlsx(str(path))
    assert back == package


def test_live_formulas_and_recalculation_on_open(seed003: Path) -> None:
    data = write_xlsx(read_package(str(seed003)), None)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert b'fullCalcOnLoad="1"' in archive.read("xl/workbook.xml")
    workbook = load_workbook(io.BytesIO(data))
    sheet = workbook["部门整体自评表"]
    formulas = [c.value for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert any("MIN(MAX(" in f and "ISNUMBER" in f for f in formulas)  # execution and indicator scores
    assert any(f.startswith("=SUM(") for f in formulas)  # subtotals
    assert any('"优"' in f and ">=90" in f for f in formulas)  # grade with the framework's thresholds
    basic = workbook["基础数据表"]
    basic_formulas = [c.value for row in basic.iter_rows() for c in row if c.data_type == "f"]
    assert any(f.count("+") >= 2 and f.startswith("=N(") for f in basic_formulas)  # 三公 = 车 + 出国 + 接待
    assert any("/" in f for f in basic_formulas)  # control rate = 在职 / 编制


def test_validation_panes_protection_formats(seed003: Path) -> None:
    workbook = load_workbook(io.BytesIO(write_xlsx(read_package(str(seed003)), None)))
    sheet = workbook["项目3-1 帮代办工作经费"]
    lists = {v.formula1 for v in sheet.data_validations.dataValidation}
    assert '"≥,≤,=,>,<"' in lists
    assert '"达成,部分达成,未达成"' in lists
    assert sheet.freeze_panes is not None
    assert sheet.protection.sheet is True
    assert not sheet.protection.password
    cells = [c for row in sheet.iter_rows() for c in row]
    formulas = [c for c in cells if c.data_type == "f"]
    assert formulas and all(c.protection.locked for c in formulas)
    budget = next(c for c in cells if c.value == "年度资金总额")
    amount = sheet.cell(row=budget.row, column=4)
    assert amount.protection.locked is False
    assert amount.number_format == "0.00"
    rates = [c for c in formulas if c.number_format == "0.00%"]
    assert rates
    fonts = {c.font.name for c in cells if c.value}
    assert fonts <= {"宋体", "黑体", "仿宋"}
    assert sheet.column_dimensions["C"].width > 10
    assert workbook[DATA_SHEET].sheet_state == "veryHidden"


def test_sheet_names_are_valid_and_unique() -> None:
    used: set[str] = set()
    names = [sheet_name("项目3-1 " + "很长的项目名称" * 10 + "[]:*?/\\", used) for _ in range(3)]
    assert len(set(names)) == 3
    assert all(len(n) <= 31 and not re.search(r"[\[\]:*?/\\]", n) for n in names)
    package = build_template("hunan-2023", 2024, 3)
    projects = [replace(p, name="同名项目") for p in package.projects]
    same = replace(package, documents=(*package.documents[:2], *projects))
    workbook = load_workbook(io.BytesIO(write_xlsx(same, None)))
    assert len(set(workbook.sheetnames)) == len(workbook.sheetnames) == 6


def test_project_sheet_keeps_operator_and_unit_columns(tmp_path: Path) -> None:
    template = build_template("mof-2020-project", 2024, 1)
    project: ProjectTable = template.projects[0]
    row = Indicator("产出指标", "数量指标", Cell("培训人数"), target=Cell("800"), actual=Cell("820"),
                    operator=Cell("≥"), unit=Cell("人次"))  # fmt: skip
    package = replace(template, documents=(replace(project, indicators=IndicatorBlock((row,))),))
    path = tmp_path / "ops.xlsx"
    path.write_bytes(write_xlsx(package, None))
    workbook = load_workbook(path)
    sheet = workbook.worksheets[0]
    headers = {c.value for r in sheet.iter_rows() for c in r}
    assert {"指标性质", "计量单位"} <= headers
    assert read_xlsx(str(path)) == package
