"""New packages: blank from a framework, a copy of last year's, or an uploaded file.

The blank builder of the core (jixiao.templates.build_template) is used when it exists; otherwise
a minimal skeleton is laid out from the framework's table specs (one row per level-2 indicator).
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import replace
from typing import Any

from jixiao.model import (
    BasicData,
    Cell,
    DepartmentTable,
    Figure,
    FundsRow,
    Goal,
    GoalsTable,
    Indicator,
    IndicatorBlock,
    Package,
    ProjectTable,
    ScoringSheet,
    TaskRow,
)
from jixiao.readers import ReadError, read_package
from jixiao.web.packages.stamping import stamp_package

UPLOAD_SUFFIXES = (".docx", ".xlsx", ".txt", ".json")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def framework_choices() -> list[tuple[str, str]]:
    from jixiao.frameworks import builtin_frameworks

    return [(f.id, f.name) for f in builtin_frameworks() if f.tables]


def _skeleton(framework_id: str, year: int, projects: int, unit: str) -> Package:
    from jixiao.frameworks import get_framework

    framework = get_framework(framework_id)
    documents: list[Any] = []
    for spec in framework.tables:
        rows: list[Indicator] = []
        for level1 in spec.level1:
            for level2 in level1.level2 or ("",):
                rows.append(Indicator(level1=level1.name, level2=level2, name=Cell("")))
        block = IndicatorBlock(indicators=tuple(rows))
        total = FundsRow(label=Cell("年度资金总额"), weight=Figure("10", framework.settings.execution_weight, "分"))
        if spec.kind == "department":
            documents.append(DepartmentTable(name=unit, year=year, total=total, goals=(Goal(),), indicators=block))
        elif spec.kind == "project":
            for number in range(1, max(projects, 1) + 1):
                documents.append(
                    ProjectTable(
                        name=f"项目{number}",
                        title=Cell(f"附件3-{number} {year}年度项目支出绩效自评表"),
                        year=year,
                        implementing_unit=Cell(unit),
                        total=total,
                        goals=(Goal(),),
                        indicators=block,
                    )
                )
    return Package(unit=unit, year=year, framework=framework.id, documents=tuple(documents))


def blank_package(framework_id: str, year: int, projects: int, unit: str) -> Package:
    try:
        from jixiao.templates import build_template  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return stamp_package(_skeleton(framework_id, year, projects, unit))
    package: Package = build_template(framework_id, year, projects)
    return stamp_package(replace(package, unit=unit))  # sources for its cells: findings link to fields


def _blank(value: Any) -> Any:
    """A cell or figure emptied in place: its Source stays, so findings about it still link to it."""
    if isinstance(value, Figure):
        return Figure("", None, None, value.source)
    return Cell("", value.source)


def _clear_row(row: FundsRow | None) -> FundsRow | None:
    if row is None:
        return None
    return replace(
        row, executed=_blank(row.executed), execution_rate=_blank(row.execution_rate), score=_blank(row.score)
    )


def _shift_years(text: str, delta: int) -> str:
    """ "2022年决算数" → "2023年决算数" for a package one year on."""
    return _YEAR.sub(lambda m: str(int(m.group(0)) + delta), text) if delta else text


def _cleared_indicators(block: IndicatorBlock) -> IndicatorBlock:
    rows = tuple(
        replace(i, actual=_blank(i.actual), score=_blank(i.score), deviation_reason=_blank(i.deviation_reason))
        for i in block.indicators
    )
    return replace(block, indicators=rows)


def _carry_table(document: ProjectTable | DepartmentTable, year: int, delta: int) -> ProjectTable | DepartmentTable:
    changes: dict[str, Any] = {
        "year": year,
        "total": _clear_row(document.total),
        "goals": tuple(Goal(expected=g.expected, actual=_blank(g.actual)) for g in document.goals),
        "indicators": _cleared_indicators(document.indicators),
        "claimed_total": _blank(document.claimed_total),
    }
    if isinstance(document, ProjectTable):
        changes.update(
            current_appropriation=_clear_row(document.current_appropriation),
            carryover=_clear_row(document.carryover),
            other_funds=_clear_row(document.other_funds),
            title=Cell(_shift_years(document.title.text, delta), document.title.source),
        )
    return replace(document, **changes)


def _carry_basic(basic: BasicData, year: int, delta: int) -> BasicData:
    """This year's 决算 becomes last year's column; the budget and final columns are to fill in."""
    expenses = tuple(
        replace(
            row,
            previous_final=Figure(row.final.text, row.final.value, row.final.unit, row.previous_final.source),
            budget=_blank(row.budget),
            final=_blank(row.final),
        )
        for row in basic.expenses
    )
    labels = basic.column_labels
    staffing = basic.staffing
    return replace(
        basic,
        year=year,
        title=Cell(_shift_years(basic.title.text, delta), basic.title.source),
        column_labels=(_shift_years(labels[0], delta), _shift_years(labels[1], delta), _shift_years(labels[2], delta)),
        staffing=replace(staffing, actual=_blank(staffing.actual), control_rate=_blank(staffing.control_rate)),
        expenses=expenses,
        buildings=(),  # buildings completed last year are not this year's
        savings_measures=_blank(basic.savings_measures),
    )


def _carry_sheet(sheet: ScoringSheet, year: int, delta: int) -> ScoringSheet:
    return replace(
        sheet,
        year=year,
        title=Cell(_shift_years(sheet.title.text, delta), sheet.title.source),
        items=tuple(replace(item, score=_blank(item.score)) for item in sheet.items),
        claimed_total=_blank(sheet.claimed_total),
        claimed_grade=_blank(sheet.claimed_grade),
    )


def _cleared_task(task: TaskRow) -> TaskRow:
    return replace(
        task,
        status=_blank(task.status),
        budget=_blank(task.budget),
        budget_fiscal=_blank(task.budget_fiscal),
        executed=_blank(task.executed),
        executed_fiscal=_blank(task.executed_fiscal),
    )


def _carry_goals(table: GoalsTable, year: int, delta: int) -> GoalsTable:
    return replace(
        table,
        year=year,
        title=Cell(_shift_years(table.title.text, delta), table.title.source),
        tasks=tuple(_cleared_task(task) for task in table.tasks),
        task_total=_cleared_task(table.task_total) if table.task_total is not None else None,
        goals=tuple(Goal(expected=g.expected, actual=_blank(g.actual)) for g in table.goals),
        indicators=_cleared_indicators(table.indicators),
    )


def carry_forward(previous: Package, year: int) -> Package:
    """Last year's package as this year's starting point: targets and structure kept, results cleared.

    Project and department tables keep their goals, indicators and targets; the basic data table moves
    this year's 决算 into last year's column; scoring sheets keep their items and weights; goals tables
    keep their tasks, goals and targets. Every cleared cell keeps its Source, so findings link to it.
    """
    delta = year - previous.year if previous.year else 0
    documents: list[Any] = []
    for document in previous.documents:
        if isinstance(document, ProjectTable | DepartmentTable):
            documents.append(_carry_table(document, year, delta))
        elif isinstance(document, BasicData):
            documents.append(_carry_basic(document, year, delta))
        elif isinstance(document, ScoringSheet):
            documents.append(_carry_sheet(document, year, delta))
        else:
            documents.append(_carry_goals(document, year, delta))
    return replace(previous, year=year, documents=tuple(documents), narratives=(), notes=())


class UploadRejected(Exception):
    def __init__(self, message: str, message_en: str) -> None:
        super().__init__(message)
        self.message = message
        self.message_en = message_en


def read_upload(name: str, chunks: Any, size: int, limit: int) -> Package:
    """Read an uploaded file through jixiao.readers (on a private temporary file)."""
    suffix = os.path.splitext(name.lower())[1]
    if suffix not in UPLOAD_SUFFIXES:
        raise UploadRejected(
            f"不支持的文件类型「{suffix or name}」，请上传 .docx、.xlsx、.txt 或 .json 文件",
            f"unsupported file type {suffix or name!r}: upload .docx, .xlsx, .txt or .json",
        )
    if size > limit:
        raise UploadRejected(
            f"文件过大（{size / 1048576:.1f} MB），上限为 {limit // 1048576} MB",
            f"the file is too large ({size / 1048576:.1f} MB); the limit is {limit // 1048576} MB",
        )
    with tempfile.TemporaryDirectory(prefix="jixiao-upload-") as folder:
        path = os.path.join(folder, "upload" + suffix)
        written = 0
        with open(path, "wb") as handle:
            for chunk in chunks:
                written += len(chunk)
                if written > limit:
                    raise UploadRejected("文件过大", "the file is too large")
                handle.write(chunk)
        try:
            return read_package(path, display=os.path.basename(name)[:200])
        except ReadError as error:
            raise UploadRejected(error.message, error.message_en) from None
        except (RecursionError, MemoryError):
            raise UploadRejected("文件结构过深或过大，无法读取", "the file is nested too deeply or too large") from None
