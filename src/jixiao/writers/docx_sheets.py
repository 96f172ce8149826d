"""Shenzhen's tables: the goals table (目标完成情况自评表) and the scoring sheet (绩效评分表)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jixiao.model import GoalsTable, IndicatorBlock, ScoringSheet, TaskRow
from jixiao.writers.docx_format import filled, filled_text, show_figure
from jixiao.writers.docx_tables import C, indicator_columns, indicator_rows, scale, shown_cell
from jixiao.writers.docx_xml import TEXT_W_LANDSCAPE, CellSpec, TableSpec

if TYPE_CHECKING:
    from jixiao.frameworks import DocumentScore


def scoring_table(sheet: ScoringSheet, score: DocumentScore | None) -> TableSpec:
    spec = TableSpec(scale([1400, 1500, 2000, 700, 3000, 4177, 1000], TEXT_W_LANDSCAPE))
    spec.add(
        *(C(t, bold=True) for t in ("一级指标", "二级指标", "三级指标", "分值", "指标说明", "评分标准", "得分")),
        header=True,
    )
    computed = {id(s.item): s.computed for s in score.items} if score is not None else {}
    unused = list(sheet.groups)
    previous_level1: str | None = None
    previous_level2: str | None = None
    for item in sheet.items:
        cells: list[CellSpec] = []
        if item.level1 != previous_level1:
            group = next((g for g in unused if g.level1 == item.level1), None)
            if group is not None:
                unused.remove(group)
            cells.append(C(group.text if group is not None else item.level1, vmerge="restart"))
            previous_level2 = None
        else:
            cells.append(C(vmerge="continue"))
        if item.level2 != previous_level2:
            cells.append(C(item.level2, vmerge="restart"))
        else:
            cells.append(C(vmerge="continue"))
        previous_level1, previous_level2 = item.level1, item.level2
        cells += [
            C(item.name.text, align="left"),
            C(show_figure(item.weight, "points")),
            C(item.description.text, align="left"),
            C(item.criteria.text, align="left"),
            shown_cell(filled(item.score, computed.get(id(item)), "points")),
        ]
        spec.add(*cells)
    spec.add(
        C("综合评分", 3, bold=True),
        shown_cell(filled(sheet.claimed_total, score.computed_total if score else None, "points"), 4),
    )
    grade = filled_text(sheet.claimed_grade.text, score.computed_grade if score else None)
    spec.add(C("评分等级", 3, bold=True), shown_cell(grade, 4))
    return spec


def _task_cells(task: TaskRow) -> list[CellSpec]:
    return [
        C(task.name.text, align="left"),
        C(task.status.text, align="left"),
        C(show_figure(task.budget)),
        C(show_figure(task.budget_fiscal)),
        C(show_figure(task.executed)),
        C(show_figure(task.executed_fiscal)),
    ]


def goals_columns(block: IndicatorBlock) -> list[str]:
    """The indicator columns of a goals table: 分值/得分 and 偏差原因 only when some indicator fills them."""
    weighted = any(not i.weight.blank or not i.score.blank for i in block.indicators)
    reason = any(not i.deviation_reason.blank for i in block.indicators)
    return indicator_columns(block, weighted=weighted, reason=reason)


def goals_table(table: GoalsTable) -> TableSpec:
    block = table.indicators
    columns = goals_columns(block)
    name_span = max(1, 8 - len(columns))
    width = len(columns) + name_span
    widths = [900, 1000, 1300, *([2500 // name_span] * name_span), *([800] * (len(columns) - 3))]
    spec = TableSpec(scale(widths, TEXT_W_LANDSCAPE))
    spec.add(C("部门（单位）名称", 2, bold=True), C(table.unit.text, width - 2))
    money = width - 3
    budget_span = money // 2
    spec.add(
        C("年度主要任务完成情况", vmerge="restart", bold=True),
        C("任务名称", bold=True),
        C("完成情况", bold=True),
        C("预算数（万元）", budget_span, bold=True),
        C("执行数（万元）", money - budget_span, bold=True),
        header=False,
    )
    _fit = _spans(money)
    spec.add(
        C(vmerge="continue"),
        C(),
        C(),
        *(
            C(t, span, bold=True)
            for t, span in zip(("全额", "其中：财政拨款", "全额", "其中：财政拨款"), _fit, strict=True)
        ),
    )
    tasks = list(table.tasks)
    if table.task_total is not None:
        tasks.append(table.task_total)
    for task in tasks:
        cells = _task_cells(task)
        spec.add(
            C(vmerge="continue"),
            *cells[:2],
            *(CellSpec(c.text, s) for c, s in zip(cells[2:], _fit, strict=True)),
        )
    left = (width - 1) // 2
    spec.add(
        C("年度总体目标完成情况", vmerge="restart", bold=True),
        C("预期目标", left, bold=True),
        C("实际完成情况", width - 1 - left, bold=True),
    )
    for goal in table.goals:
        spec.add(
            C(vmerge="continue"),
            C(goal.expected.text, left, align="left"),
            C(goal.actual.text, width - 1 - left, align="left"),
        )
    indicator_rows(spec, block, columns, "年度绩效指标完成情况", {}, name_span)
    return spec


def _spans(total: int) -> tuple[int, int, int, int]:
    """Four money columns over ``total`` grid columns (at least one each)."""
    base = [total // 4] * 4
    for index in range(total - sum(base)):
        base[index] += 1
    return base[0], base[1], base[2], base[3]
