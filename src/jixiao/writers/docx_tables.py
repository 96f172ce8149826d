"""The evaluation tables as the forms have them: 附件1 basic data, 附件2 department, 附件3-n project.

Each function returns a :class:`TableSpec` (rows of cells with spans and vertical merges). The
layouts are the Hunan forms; the shared recognizer reads them back (see readers/recognize.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING

from jixiao.model import (
    BasicData,
    Cell,
    DepartmentTable,
    Figure,
    FundsRow,
    Goal,
    Indicator,
    IndicatorBlock,
    ProjectTable,
)
from jixiao.writers.docx_format import Shown, filled, show_figure
from jixiao.writers.docx_xml import (
    COMPUTED_SHADE,
    TEXT_W_LANDSCAPE,
    TEXT_W_PORTRAIT,
    CellSpec,
    TableSpec,
)

if TYPE_CHECKING:
    from jixiao.frameworks import DocumentScore


def C(text: str = "", span: int = 1, **options: object) -> CellSpec:
    return CellSpec(text, span, **options)  # type: ignore[arg-type]


def shown_cell(shown: Shown, span: int = 1) -> CellSpec:
    return CellSpec(shown.text, span, shade=COMPUTED_SHADE if shown.computed else None)


def scale(widths: Sequence[int], total: int) -> tuple[int, ...]:
    """Widths scaled to add up to ``total`` exactly."""
    whole = sum(widths)
    scaled = [w * total // whole for w in widths]
    scaled[-1] += total - sum(scaled)
    return tuple(scaled)


def _fig(figure: Figure, kind: str = "amount") -> CellSpec:
    return CellSpec(show_figure(figure, kind))


# ----------------------------------------------------------------------------- indicator block


def indicator_columns(block: IndicatorBlock, *, weighted: bool = True, reason: bool = True) -> list[str]:
    columns = ["level1", "level2", "name"]
    if any(i.operator is not None for i in block.indicators):
        columns.append("operator")
    if any(i.unit is not None for i in block.indicators):
        columns.append("unit")
    columns += ["target", "actual"]
    if weighted:
        columns += ["weight", "score"]
    if reason:
        columns.append("reason")
    return columns


INDICATOR_HEADINGS = {
    "level1": "一级指标", "level2": "二级指标", "name": "三级指标", "operator": "指标性质", "unit": "计量单位",
    "target": "年度指标值", "actual": "实际完成值", "weight": "分值", "score": "得分",
    "reason": "偏差原因分析及改进措施",
}  # fmt: skip
_WIDTHS = {
    "level1": 1000, "level2": 1300, "name": 2500, "operator": 800, "unit": 800, "target": 1800,
    "actual": 1800, "weight": 1000, "score": 1000, "reason": 2817,
}  # fmt: skip


def level1_plan(block: IndicatorBlock) -> tuple[list[str], dict[int, list[str]]]:
    """The level-1 cell of each indicator (the label as written, "产出指标（30分）", where known) and
    labels that head no indicator, to be written as label-only rows before indicator ``i``."""
    groups = list(block.groups)
    used = [False] * len(groups)
    texts: list[str] = []
    orphans: dict[int, list[str]] = {}
    previous: str | None = None
    for index, indicator in enumerate(block.indicators):
        if indicator.level1 == previous:
            texts.append("")
            continue
        previous = indicator.level1
        found = next((k for k, g in enumerate(groups) if not used[k] and g.level1 == indicator.level1), None)
        if found is None:
            texts.append(indicator.level1)
            continue
        for k in range(found):
            if not used[k]:
                used[k] = True
                orphans.setdefault(index, []).append(groups[k].text)
        used[found] = True
        texts.append(groups[found].text if groups[found].text.strip() else indicator.level1)
    rest = [g.text for k, g in enumerate(groups) if not used[k]]
    if rest:
        orphans.setdefault(len(block.indicators), []).extend(rest)
    return texts, orphans


def indicator_rows(
    spec: TableSpec,
    block: IndicatorBlock,
    columns: list[str],
    label: str,
    computed: dict[int, Decimal | None],
    name_span: int = 1,
) -> None:
    """The header and one row per indicator, level-1/level-2 cells merged over their rows."""
    spec.add(
        C(label, vmerge="restart", bold=True),
        *(C(INDICATOR_HEADINGS[c], name_span if c == "name" else 1, bold=True) for c in columns),
        header=True,
    )
    level1_texts, orphans = level1_plan(block)
    indicators = block.indicators
    blank_row = [C() for _ in columns]
    for index in range(len(indicators) + 1):
        for text in orphans.get(index, ()):
            spec.add(C(vmerge="continue"), C(text), *(blank_row[1:]))
        if index == len(indicators):
            break
        indicator = indicators[index]
        previous: Indicator | None = indicators[index - 1] if index else None
        new_level1 = (
            previous is None or previous.level1 != indicator.level1 or bool(level1_texts[index]) or index in orphans
        )
        new_level2 = new_level1 or previous is None or previous.level2 != indicator.level2
        cells: list[CellSpec] = [C(vmerge="continue")]
        for column in columns:
            if column == "level1":
                cells.append(C(level1_texts[index], vmerge="restart") if new_level1 else C(vmerge="continue"))
            elif column == "level2":
                cells.append(C(indicator.level2, vmerge="restart") if new_level2 else C(vmerge="continue"))
            elif column == "name":
                cells.append(C(indicator.name.text, name_span, align="left"))
            elif column == "operator":
                cells.append(C(indicator.operator.text if indicator.operator else ""))
            elif column == "unit":
                cells.append(C(indicator.unit.text if indicator.unit else ""))
            elif column == "target":
                cells.append(C(indicator.target.text))
            elif column == "actual":
                cells.append(C(indicator.actual.text))
            elif column == "weight":
                cells.append(_fig(indicator.weight, "points"))
            elif column == "score":
                cells.append(shown_cell(filled(indicator.score, computed.get(index), "points")))
            else:
                cells.append(C(indicator.deviation_reason.text, align="left"))
        spec.add(*cells)


# ----------------------------------------------------------------------------- funds and goals


def _funds_rows(spec: TableSpec, label: str, rows: list[FundsRow], width: int, score: DocumentScore | None) -> None:
    label_span = width - 7
    spec.add(
        C(label, vmerge="restart", bold=True),
        C("", label_span),
        *(C(t, bold=True) for t in ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")),
    )
    execution = score.execution if score is not None else None
    for position, row in enumerate(rows):
        cells = [
            C(vmerge="continue"),
            C(_plain_label(row.label.text), label_span),
            _fig(row.initial_budget),
            _fig(row.adjusted_budget),
            _fig(row.executed),
        ]
        if position == 0:
            rate = execution.rate * 100 if execution is not None and execution.rate is not None else None
            cells += [
                shown_cell(filled(row.weight, execution.weight if execution else None, "points")),
                shown_cell(filled(row.execution_rate, rate, "rate")),
                shown_cell(filled(row.score, execution.computed if execution else None, "points")),
            ]
        else:
            cells += [_fig(row.weight, "points"), _fig(row.execution_rate, "rate"), _fig(row.score, "points")]
        spec.add(*cells)


def _plain_label(text: str) -> str:
    """ "资金总额：533.49" → "资金总额": the amount has its own column."""
    head, colon, tail = text.rpartition("：")
    return head if colon and any(ch.isdigit() for ch in tail) else text


def _goal_rows(spec: TableSpec, label: str, goals: tuple[Goal, ...], width: int) -> None:
    left = (width - 2) // 2
    right = width - 2 - left
    spec.add(
        C(label, 2, vmerge="restart", bold=True),
        C("预期目标", left, bold=True),
        C("实际完成情况", right, bold=True),
    )
    for goal in goals or (Goal(),):
        spec.add(
            C(vmerge="continue", span=2),
            C(goal.expected.text, left, align="left"),
            C(goal.actual.text, right, align="left"),
        )


def _total_row(spec: TableSpec, width: int, weight: Figure, claimed: Figure, score: DocumentScore | None) -> None:
    spec.add(
        C("总分", width - 3, bold=True),
        shown_cell(filled(weight, score.weight_total if score else None, "points")),
        shown_cell(filled(claimed, score.computed_total if score else None, "points")),
        C(),
    )


def _indicator_score_map(score: DocumentScore | None) -> dict[int, Decimal | None]:
    return {s.index: s.computed for s in score.indicators} if score is not None else {}


def _evaluation_widths(columns: list[str]) -> tuple[int, ...]:
    return scale([560, *(_WIDTHS[c] for c in columns)], TEXT_W_LANDSCAPE)


def project_table(table: ProjectTable, score: DocumentScore | None) -> TableSpec:
    columns = indicator_columns(table.indicators)
    width = 1 + len(columns)
    spec = TableSpec(_evaluation_widths(columns))
    name_span = width - 2
    spec.add(C("项目支出名称", 2, bold=True), C(table.name, name_span))
    first = (width - 3) // 2
    spec.add(
        C("主管部门", 2, bold=True),
        C(table.competent_department.text, first),
        C("实施单位", bold=True),
        C(table.implementing_unit.text, width - 3 - first),
    )
    funds = [
        table.total,
        table.current_appropriation or FundsRow(label=_label("其中：当年财政拨款")),
        table.carryover or FundsRow(label=_label("上年结转资金")),
        table.other_funds or FundsRow(label=_label("其他资金")),
    ]
    if not funds[0].label.text.strip():
        funds[0] = _relabel(funds[0], "年度资金总额")
    _funds_rows(spec, "项目资金（万元）", funds, width, score)
    _goal_rows(spec, "年度总体目标", table.goals, width)
    indicator_rows(spec, table.indicators, columns, "绩效指标", _indicator_score_map(score))
    _total_row(spec, width, table.total_weight, table.claimed_total, score)
    return spec


def department_table(table: DepartmentTable, score: DocumentScore | None) -> TableSpec:
    columns = indicator_columns(table.indicators)
    width = 1 + len(columns)
    spec = TableSpec(_evaluation_widths(columns))
    spec.add(C("预算部门名称", 2, bold=True), C(table.name, width - 2))
    total = table.total if table.total.label.text.strip() else _relabel(table.total, "年度资金总额")
    _funds_rows(spec, "年度预算申请（万元）", [total], width, score)
    left = (width - 1) // 2
    right = width - 1 - left
    spec.add(
        C(vmerge="continue"),
        C("按收入性质分：", left, bold=True),
        C("按支出性质分：", right, bold=True),
    )
    count = max(len(table.by_income), len(table.by_nature), 1)
    for index in range(count):
        income = table.by_income[index] if index < len(table.by_income) else None
        nature = table.by_nature[index] if index < len(table.by_nature) else None
        spec.add(
            C(vmerge="continue"),
            C(f"{income.label}：{show_figure(income.figure)}" if income else "", left, align="left"),
            C(f"{nature.label}：{show_figure(nature.figure)}" if nature else "", right, align="left"),
        )
    if not table.functions.blank:
        spec.add(C("部门职能职责概述", 2, bold=True), C(table.functions.text, width - 2, align="left"))
    _goal_rows(spec, "年度总体目标", table.goals, width)
    indicator_rows(spec, table.indicators, columns, "绩效指标", _indicator_score_map(score))
    _total_row(spec, width, table.total_weight, table.claimed_total, score)
    return spec


def _label(text: str) -> Cell:
    return Cell(text)


def _relabel(row: FundsRow, text: str) -> FundsRow:
    return replace(row, label=Cell(text, row.label.source))


# ----------------------------------------------------------------------------- basic data


def basic_table(table: BasicData) -> TableSpec:
    spec = TableSpec(scale([2245, 1100, 1100, 1100, 1100, 1100, 1100], TEXT_W_PORTRAIT))
    staffing = table.staffing
    spec.add(
        C("财政供养人员情况（人）", vmerge="restart", bold=True),
        C("编制数", 2, bold=True),
        C("实际在职人数", 2, bold=True),
        C("控制率", 2, bold=True),
    )
    spec.add(
        C(vmerge="continue"),
        C(show_figure(staffing.authorized, "points"), 2),
        C(show_figure(staffing.actual, "points"), 2),
        C(show_figure(staffing.control_rate, "rate"), 2),
    )
    spec.add(C("经费控制情况（万元）", bold=True), *(C(label, 2, bold=True) for label in table.column_labels))
    for row in table.expenses:
        spec.add(
            C(row.label.text, align="left"),
            C(show_figure(row.previous_final), 2),
            C(show_figure(row.budget), 2),
            C(show_figure(row.final), 2),
        )
    heads = (
        "批复规模（㎡）",
        "实际规模（㎡）",
        "规模控制率",
        "预算投资（万元）",
        "实际投资（万元）",
        "投资概算控制率",
    )
    spec.add(C("楼堂馆所控制情况（本年完工项目）", vmerge="restart", bold=True), *(C(h, bold=True) for h in heads))
    for building in table.buildings or (None,):
        if building is None:
            spec.add(C(vmerge="continue"), *(C() for _ in heads))
            continue
        kinds = ("points", "points", "rate", "amount", "amount", "rate")
        figures = (
            building.approved_area, building.actual_area, building.area_control_rate,
            building.budget_investment, building.actual_investment, building.investment_control_rate,
        )  # fmt: skip
        spec.add(C(vmerge="continue"), *(C(figure.text.strip()) for figure, _ in zip(figures, kinds, strict=True)))
    spec.add(C("厉行节约保障措施", bold=True), C(table.savings_measures.text, 6, align="left"))
    return spec
