"""Scoring sheets (部门整体支出绩效评分表) and goals tables (绩效目标完成情况自评表)."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from jixiao.model import (
    Cell,
    Figure,
    Goal,
    GoalsTable,
    GroupLabel,
    IndicatorBlock,
    ScoringItem,
    ScoringSheet,
    SignOff,
    TaskRow,
)
from jixiao.readers.blocks import Row
from jixiao.readers.grid import TableContext, clean, find_cell, first_nonblank, norm
from jixiao.readers.indicators import IndicatorParser, indicator_header

_GROUP = re.compile(r"^(.*?)[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]$")
_GRADES = ("优", "良", "中", "差")


_SCORING_HEADERS = {
    "三级指标": "name",
    "分值": "weight",
    "指标说明": "description",
    "评分标准": "criteria",
    "分数": "score",
    "得分": "score",
    "评分": "score",
    "自评得分": "score",
}


def read_scoring(ctx: TableContext, rows: list[Row], title: Cell, year: int | None, signoff: SignOff) -> ScoringSheet:
    columns = {"level1": 0, "level2": 1, "name": 2, "weight": 3, "description": 4, "criteria": 5, "score": 6}
    items: list[ScoringItem] = []
    groups: list[GroupLabel] = []
    level1 = level2 = ""
    total = Figure()
    grade = Cell()
    for number, raw in enumerate(rows, start=1):
        texts = [norm(c.text) for c in raw.cells]
        if not any(texts):
            continue
        first_header = any("评分标准" in t for t in texts) and any("评价指标" in t or "指标说明" in t for t in texts)
        if first_header or texts[0] == "一级指标" or ("三级指标" in texts and "分值" in texts):
            # Either header row may say where a column is (a sheet may order them its own way).
            for index, text in enumerate(texts):
                key = _SCORING_HEADERS.get(text)
                if key is not None:
                    columns[key] = index
            continue
        if texts[0] in ("综合评分", "总分", "合计"):
            at = first_nonblank(raw, 1)
            if at is not None:
                total = ctx.figure(raw, at, number, default_unit="分")
            continue
        if texts[0] in ("评分等级", "评价等级", "等级"):
            at = first_nonblank(raw, 1)
            if at is not None:
                grade = ctx.cell(raw, at, number)
            continue
        if texts[0] in ("填表人", "填报人"):
            at = first_nonblank(raw, 1)
            if at is not None:
                signoff = replace(signoff, preparer=ctx.cell(raw, at, number))
            continue
        if texts[0]:
            match = _GROUP.match(texts[0])
            level1 = match.group(1) if match else texts[0]
            source = ctx.source(raw.cells[0], number, 1)
            weight = Figure(match.group(2), Decimal(match.group(2)), "分", source) if match else Figure()
            groups.append(GroupLabel(level1, clean(raw.cells[0].text), weight, source))
        if len(texts) > 1 and texts[1]:
            level2 = texts[1]
        name = ctx.cell(raw, columns["name"], number)
        weight = ctx.figure(raw, columns["weight"], number, default_unit="分")
        if name.blank and weight.blank:
            # A row continued from the previous page: more description or criteria.
            if items:
                last = items[-1]
                more_description = ctx.cell(raw, columns["description"], number)
                more_criteria = ctx.cell(raw, columns["criteria"], number)
                items[-1] = replace(
                    last,
                    description=Cell(last.description.text + more_description.text, last.description.source),
                    criteria=Cell(last.criteria.text + more_criteria.text, last.criteria.source),
                )
            continue
        items.append(
            ScoringItem(
                level1=level1,
                level2=level2,
                name=name,
                weight=weight,
                description=ctx.cell(raw, columns["description"], number),
                criteria=ctx.cell(raw, columns["criteria"], number),
                score=ctx.figure(raw, columns["score"], number, default_unit="分"),
                source=ctx.row_source(raw, number),
            )
        )
    return ScoringSheet(
        title=title,
        year=year,
        items=tuple(items),
        groups=tuple(groups),
        claimed_total=total,
        claimed_grade=grade,
        signoff=signoff,
        source=ctx.row_source(rows[0], 1) if rows else ctx.source(None),
    )


def read_goals(
    ctx: TableContext, rows: list[Row], title: Cell, year: int | None, signoff: SignOff, loose: bool = True
) -> GoalsTable:
    unit = Cell()
    tasks: list[TaskRow] = []
    task_total: TaskRow | None = None
    goals: list[Goal] = []
    parser: IndicatorParser | None = None
    mode = ""
    task_name_at: int | None = None  # the 任务名称 column of the tasks header
    for number, raw in enumerate(rows, start=1):
        texts = [norm(c.text) for c in raw.cells]
        if parser is not None:
            parser.feed(raw, number)
            continue
        columns = indicator_header(raw)
        if columns is not None:
            parser = IndicatorParser(ctx, columns, len(raw.cells), loose=loose)
            continue
        name_at = find_cell(raw, "名称")
        if name_at is not None and not unit.text and "任务名称" not in texts[name_at]:
            at = first_nonblank(raw, name_at + 1)
            if at is not None:
                unit = ctx.cell(raw, at, number)
            year_at = find_cell(raw, "预算年度")
            if year_at is not None and year is None:
                value = first_nonblank(raw, year_at + 1)
                if value is not None and texts[value].isdigit():
                    year = int(texts[value])
            mode = "unit"
            continue
        if any("任务名称" in t for t in texts):
            mode = "tasks"
            task_name_at = next(i for i, t in enumerate(texts) if "任务名称" in t)
            continue
        if any("预期目标" in t for t in texts):
            mode = "goals"
            continue
        if mode == "unit" and unit.text and any(texts) and not any("全额" in t for t in texts):
            at = first_nonblank(raw)
            if at is not None:
                unit = Cell(unit.text + clean(raw.cells[at].text), unit.source)
            continue
        if mode == "tasks":
            if any("全额" in t for t in texts):
                continue
            name_index = first_nonblank(raw)
            if name_index is None:
                continue
            if task_name_at is not None and name_index > task_name_at and len(raw.cells) >= task_name_at + 6:
                # A complete row whose name cell is blank: its cells are in the header's columns.
                name_index = task_name_at
            task = _task(ctx, raw, number, name_index)
            if "合计" in texts[name_index]:
                task_total = task
            else:
                tasks.append(task)
            continue
        if mode == "goals":
            filled = [i for i, t in enumerate(texts) if t]
            if filled:
                goals.append(
                    Goal(ctx.cell(raw, filled[0], number), ctx.cell(raw, filled[-1], number))
                    if len(filled) > 1
                    else Goal(ctx.cell(raw, filled[0], number))
                )
    block = parser.finish(len(rows)) if parser is not None else IndicatorBlock()
    return GoalsTable(
        title=title,
        year=year,
        unit=unit,
        tasks=tuple(tasks),
        task_total=task_total,
        goals=tuple(goals),
        indicators=block,
        source=ctx.row_source(rows[0], 1) if rows else ctx.source(None),
    )


def _task(ctx: TableContext, raw: Row, number: int, name_index: int) -> TaskRow:
    figures = [ctx.figure(raw, name_index + 2 + k, number) for k in range(4)]
    return TaskRow(
        name=ctx.cell(raw, name_index, number),
        status=ctx.cell(raw, name_index + 1, number),
        budget=figures[0],
        budget_fiscal=figures[1],
        executed=figures[2],
        executed_fiscal=figures[3],
        source=ctx.row_source(raw, number),
    )


__all__ = ["_GRADES", "read_goals", "read_scoring"]
