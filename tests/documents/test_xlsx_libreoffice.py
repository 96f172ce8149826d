"""Acceptance: the workbook's live formulas give Jixiao's own results after a headless LibreOffice
recalculation, also after an actual value is changed in the workbook."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.frameworks import DocumentScore, PackageScore, detect_framework, score_package
from jixiao.model import Cell, Package, ProjectTable
from jixiao.readers import read_package
from jixiao.synth import generate_package
from jixiao.writers.xlsx_writer import write_xlsx

pytestmark = pytest.mark.slow
TOLERANCE = Decimal("0.01")


def _recalculate(source: Path, tmp_path: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui")
    out = tmp_path / "recalculated"
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [soffice, f"-env:UserInstallation={profile}", "--headless", "--calc", "--convert-to", "xlsx",
         "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    result = out / source.name
    assert result.is_file()
    return result


def _find(sheet: Worksheet, text: str) -> tuple[int, int]:
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == text:
                return cell.row, cell.column
    raise AssertionError(f"{text} not found in {sheet.title}")


def _close(got: Any, want: Decimal | None, what: str) -> None:
    if want is None:
        assert got in (None, ""), what
        return
    assert got not in (None, ""), f"{what}: empty, expected {want}"
    assert abs(Decimal(str(got)) - want) <= TOLERANCE, f"{what}: {got} != {want}"


def _expected_indicator(score: Any) -> Decimal:
    if score.status == "skipped":
        return Decimal(0)
    return score.computed if score.computed is not None else (score.claimed or Decimal(0))


def _check_table(sheet: Worksheet, document: DocumentScore) -> None:
    funds_row, rate_col = _find(sheet, "核算执行比例")
    _, score_col = _find(sheet, "核算分数")
    execution = document.execution
    assert execution is not None
    _close(sheet.cell(funds_row + 1, rate_col).value, execution.rate, f"{sheet.title} 执行率")
    exec_score = execution.computed if execution.computed is not None else (execution.claimed or Decimal(0))
    _close(sheet.cell(funds_row + 1, score_col).value, exec_score, f"{sheet.title} 执行得分")
    header, _ = _find(sheet, "三级指标")
    for index, score in enumerate(document.indicators):
        _close(
            sheet.cell(header + 1 + index, score_col).value,
            _expected_indicator(score),
            f"{sheet.title} 指标{index + 1}",
        )
    _, sub1_col = _find(sheet, "一级小计")
    subtotals = [sheet.cell(header + 1 + i, sub1_col).value for i in range(len(document.indicators))]
    sums = [v for v in subtotals if v not in (None, "")]
    groups = [g.computed_sum for g in document.groups if g.level2]
    assert len(sums) >= 1 if groups else True
    _close(
        sum((Decimal(str(v)) for v in sums), Decimal(0)), sum((g or Decimal(0) for g in groups), Decimal(0)), "一级小计"
    )
    total_row, _ = _find(sheet, "总分")
    _close(sheet.cell(total_row, score_col).value, document.computed_total, f"{sheet.title} 总分")
    assert sheet.cell(total_row, score_col + 1).value == document.computed_grade


def _check(path: Path, score: PackageScore, package: Package) -> None:
    workbook = load_workbook(path, data_only=True)
    tables = [d for d in score.documents if d.kind in ("project", "department")]
    sheets = [ws for ws in workbook.worksheets if ws.title.startswith(("项目", "部门整体"))]
    assert len(tables) == len(sheets)
    for document, sheet in zip(tables, sheets, strict=True):
        _check_table(sheet, document)
    basic = package.basic
    if basic is not None:
        sheet = workbook["基础数据表"]
        row, column = _find(sheet, "核算控制比例")
        staffing = basic.staffing
        if staffing.authorized.value and staffing.actual.value is not None:
            _close(sheet.cell(row + 1, column).value, staffing.actual.value / staffing.authorized.value, "控制率")
        three = next((e for e in basic.expenses if e.category == "three_public"), None)
        parts = [next((e for e in basic.expenses if e.category == c), None) for c in ("car", "abroad", "reception")]
        if three is not None and all(parts):
            label_row, _ = _find(sheet, three.label.text)
            _, helper = _find(sheet, "核算合计（本年）")
            want = sum((p.final.value or Decimal(0) for p in parts if p is not None), Decimal(0))
            _close(sheet.cell(label_row, helper).value, want, "三公 = 车 + 出国 + 接待")


def _packages(request: pytest.FixtureRequest) -> list[Package]:
    packages = [read_package(str(request.getfixturevalue(name))) for name in ("seed000", "seed003")]
    packages += [generate_package(seed, projects=3, defects=False)[0] for seed in (11, 12)]
    return packages


def test_recalculated_workbook_matches_score_package(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    for index, package in enumerate(_packages(request)):
        score = score_package(package, detect_framework(package))
        source = tmp_path / f"package{index}.xlsx"
        source.write_bytes(write_xlsx(package, score))
        _check(_recalculate(source, tmp_path / f"run{index}"), score, package)


def _changed_actual(package: Package, score: PackageScore) -> tuple[Package, int, int, str, Decimal]:
    """Halve the actual of the first met ratio indicator of a project: (package, project, row, text, number)."""
    for p_index, project in enumerate(package.projects):
        document = score.for_document(project)
        assert document is not None
        for s in document.indicators:
            target, actual = s.target, s.actual
            if (s.status == "scored" and s.explanation.rule == "ratio_capped" and target.number
                    and target.number > 0 and actual.unit == target.unit and s.weight):  # fmt: skip
                number = (target.number / 2).quantize(Decimal("0.01"))
                text = f"{number.normalize():f}{actual.unit or ''}"
                indicators = list(project.indicators.indicators)
                indicators[s.index] = replace(indicators[s.index], actual=Cell(text))
                changed: ProjectTable = replace(
                    project, indicators=replace(project.indicators, indicators=tuple(indicators))
                )
                documents = tuple(changed if d is project else d for d in package.documents)
                return replace(package, documents=documents), p_index, s.index, text, number
    raise AssertionError("no quantitative indicator to change")


def test_changed_actual_value_changes_the_total(seed003: Path, tmp_path: Path) -> None:
    package = read_package(str(seed003))
    framework = detect_framework(package)
    score = score_package(package, framework)
    changed, project_index, indicator_index, text, number = _changed_actual(package, score)
    source = tmp_path / "edit.xlsx"
    source.write_bytes(write_xlsx(package, score))
    workbook = load_workbook(source)  # formulas kept
    sheet = [ws for ws in workbook.worksheets if ws.title.startswith("项目")][project_index]
    header, actual_col = _find(sheet, "实际完成值")
    _, helper_col = _find(sheet, "实际数值")
    sheet.cell(header + 1 + indicator_index, actual_col).value = text
    sheet.cell(header + 1 + indicator_index, helper_col).value = number
    workbook.save(source)
    recalculated = load_workbook(_recalculate(source, tmp_path), data_only=True)
    result = [ws for ws in recalculated.worksheets if ws.title.startswith("项目")][project_index]
    new_score = score_package(changed, framework)
    expected = new_score.for_document(changed.projects[project_index])
    old = score.for_document(package.projects[project_index])
    assert expected is not None and old is not None
    assert expected.computed_total != old.computed_total
    _check_table(result, expected)
