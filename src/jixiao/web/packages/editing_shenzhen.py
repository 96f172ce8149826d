"""The edit forms of the Shenzhen tables ↔ the model: the scoring sheet (评分表) and the goals table.

Scoring sheet: ``item-<i>-name|weight|score``, ``claimed_total``, ``claimed_grade`` (the 指标说明 and
评分标准 columns are shown, not edited: they are the bureau's). Goals table: ``unit``, ``task-count`` and
``task-<i>-name|status|budget|budget_fiscal|executed|executed_fiscal``, ``task_total-<field>``,
``goal-<i>-expected|actual`` and the indicator rows ``ind-<i>-*``. Row operations: ``task-add:i`` …,
``add:i`` … for indicators.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from jixiao.model import Cell, GoalsTable, ScoringItem, ScoringSheet, TaskRow
from jixiao.web.packages.editing_cells import (
    apply_indicators,
    blank_indicator,
    move_rows,
    posted_cell,
    posted_figure,
    row_count,
)

TASK_AMOUNTS = ("budget", "budget_fiscal", "executed", "executed_fiscal")


def _item(data: Mapping[str, str], index: int, old: ScoringItem) -> ScoringItem:
    key = f"item-{index}-"
    new = replace(
        old,
        name=posted_cell(data, key + "name", old.name),
        weight=posted_figure(data, key + "weight", old.weight, "分"),
        score=posted_figure(data, key + "score", old.score, "分"),
    )
    return old if new == old else new


def apply_scoring(document: ScoringSheet, data: Mapping[str, str]) -> ScoringSheet:
    items = tuple(_item(data, i, item) for i, item in enumerate(document.items))
    new = replace(
        document,
        items=items,
        claimed_total=posted_figure(data, "claimed_total", document.claimed_total, "分"),
        claimed_grade=posted_cell(data, "claimed_grade", document.claimed_grade),
    )
    return document if new == document else new


def _task(data: Mapping[str, str], key: str, old: TaskRow | None) -> TaskRow:
    base = old or TaskRow(name=Cell(""))
    amounts = {name: posted_figure(data, f"{key}-{name}", getattr(base, name), "万元") for name in TASK_AMOUNTS}
    new = replace(
        base,
        name=posted_cell(data, f"{key}-name", base.name),
        status=posted_cell(data, f"{key}-status", base.status),
        **amounts,
    )
    return base if old is not None and new == base else new


def apply_goals_table(document: GoalsTable, data: Mapping[str, str]) -> GoalsTable:
    count = row_count(data, "task-count", len(document.tasks))
    tasks = tuple(
        _task(data, f"task-{i}", document.tasks[i] if i < len(document.tasks) else None) for i in range(count)
    )
    total = document.task_total
    if total is not None or any(key.startswith("task_total-") and value.strip() for key, value in data.items()):
        total = _task(data, "task_total", total)
        if document.task_total is None:
            total = replace(total, name=Cell(total.name.text or "金额合计"))
    new = replace(
        document,
        unit=posted_cell(data, "unit", document.unit),
        tasks=tasks,
        task_total=total,
        indicators=apply_indicators(data, document.indicators),
    )
    return document if new == document else new


def goals_row_operation(document: GoalsTable, block: str, verb: str, index: int) -> GoalsTable:
    if block == "task":
        tasks = move_rows(document.tasks, verb, index, lambda near: TaskRow(name=Cell("")))
        return document if tasks is None else replace(document, tasks=tasks)
    if block == "ind":
        rows = move_rows(document.indicators.indicators, verb, index, blank_indicator)
        return document if rows is None else replace(document, indicators=replace(document.indicators, indicators=rows))
    return document
