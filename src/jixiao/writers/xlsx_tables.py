"""Project (附件3) and department (附件2) self-evaluation tables as worksheets.

The official columns hold what the package says (the preparer's inputs: amounts, texts,
claimed rates and scores). Grey helper columns to the right recompute with live formulas:
the execution rate and score, every indicator's score under the framework's rules, the
level-2 and level-1 subtotals, the total and the grade. Yellow helper cells hold the numbers
the formulas use (the parsed target and actual, the comparison, the achievement level).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.frameworks import DocumentScore, Framework, IndicatorScore
from jixiao.frameworks.units import conversion
from jixiao.model import DepartmentTable, Figure, FundsRow, GroupLabel, Indicator, IndicatorBlock, ProjectTable
from jixiao.values import Kind, Op
from jixiao.writers import xlsx_formulas as fx
from jixiao.writers.xlsx_sheet import SheetWriter, col, plain_number, ref

_ATTACHMENT = re.compile(r"^\s*(附件\s*[0-9０-９]+(?:\s*[-－—]\s*[0-9０-９]+)?)\s*(.*)$", re.S)
FUNDS_WIDTH = 8
SOURCE_LABELS = (
    ("current_appropriation", "其中：当年财政拨款"),
    ("carryover", "上年结转资金"),
    ("other_funds", "其他资金"),
)
TEN_THOUSAND = Decimal(10_000)


@dataclass(frozen=True, slots=True)
class Layout:
    """Column numbers of one table sheet."""

    keys: tuple[str, ...]  # official indicator columns, in order
    width: int = field(init=False)
    helper: int = field(init=False)  # first helper column (after a spacer)
    _columns: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        width = max(FUNDS_WIDTH, len(self.keys))
        object.__setattr__(self, "width", width)
        object.__setattr__(self, "helper", width + 2)
        object.__setattr__(self, "_columns", {key: index for index, key in enumerate(self.keys, start=1)})

    def at(self, key: str) -> int:
        return self._columns[key]

    def h(self, offset: int) -> int:
        return self.helper + offset


# Helper column offsets.
H_OP, H_TARGET, H_ACTUAL, H_QUALITY, H_SCORE, H_CHECK, H_SUB2, H_SUB1 = range(8)
HELPER_HEADERS = ("比较方式", "目标数值", "实际数值", "完成等级", "核算分数", "核对", "二级小计", "一级小计")
_HEADERS = {
    "level1": "一级指标", "level2": "二级指标", "name": "三级指标", "operator": "指标性质", "unit": "计量单位",
    "target": "年度指标值", "actual": "实际完成值", "weight": "分值", "score": "得分",
    "reason": "偏差原因分析及改进措施",
}  # fmt: skip


def layout_for(block: IndicatorBlock) -> Layout:
    keys = ["level1", "level2", "name"]
    if any(i.operator is not None for i in block.indicators):
        keys.append("operator")
    if any(i.unit is not None for i in block.indicators):
        keys.append("unit")
    keys += ["target", "actual", "weight", "score", "reason"]
    return Layout(tuple(keys))


def write_titles(w: SheetWriter, title: str, default: str, width: int) -> None:
    """ "附件3-1 2023年度项目支出绩效自评表" → a row "附件3-1" and a title row."""
    text = title.strip() or default
    match = _ATTACHMENT.match(text)
    if match:
        row = w.next_row()
        w.text(row, 1, re.sub(r"\s+", "", match.group(1)), "jx_note", to_column=width)
        text = match.group(2).strip() or default
    row = w.next_row(28)
    w.text(row, 1, text, "jx_title", to_column=width)


def write_signoff(w: SheetWriter, document: ProjectTable | DepartmentTable, width: int) -> None:
    s = document.signoff
    text = (
        f"填表人：{s.preparer.text}\u3000\u3000填报日期：{s.date.text}\u3000\u3000"
        f"联系电话：{s.phone.text}\u3000\u3000单位负责人签字：{s.head.text}"
    )
    w.next_row()
    row = w.next_row()
    w.text(row, 1, text, "jx_note", to_column=width)


def _number_expr(figure: Figure, cell: str, numeric: bool, *, wan: bool = False) -> str:
    """A formula operand: the cell when it holds a number, else the engine's reading as a constant."""
    if numeric:
        return cell
    value = figure.value
    if value is not None and wan and (figure.unit or "").strip() == "元":
        value = value / TEN_THOUSAND
    return fx.lit(value)


def write_funds(
    w: SheetWriter, layout: Layout, document: ProjectTable | DepartmentTable, framework: Framework, block_label: str
) -> int:
    """The funds block; returns the row of 年度资金总额 (its helper holds the execution score)."""
    rows: list[tuple[str, FundsRow | None]] = [("年度资金总额", document.total)]
    if isinstance(document, ProjectTable):
        rows += [(label, getattr(document, key)) for key, label in SOURCE_LABELS]
    header = w.next_row(30)
    w.label(header, 1, block_label, to_row=header + len(rows))
    w.blank(header, 2, "jx_header")
    for offset, text in enumerate(("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")):
        w.label(header, 3 + offset, text, "jx_header")
    if layout.width > FUNDS_WIDTH:
        w.blank(header, FUNDS_WIDTH + 1, "jx_header", to_column=layout.width)
    w.label(header, layout.h(H_OP), "核算执行比例", "jx_h_header")
    w.label(header, layout.h(H_SCORE), "核算分数", "jx_h_header")
    w.label(header, layout.h(H_CHECK), "来源核对", "jx_h_header")
    total_row = header + 1
    for label, funds in rows:
        row = w.next_row()
        funds = funds or FundsRow()
        w.label(row, 2, _label_without_amount(funds.label.text) or label, "jx_label")
        numeric = [
            w.figure(row, 3 + i, figure, "jx_amount")
            for i, figure in enumerate((funds.initial_budget, funds.adjusted_budget, funds.executed))
        ]
        weight_numeric = w.figure(row, 6, funds.weight, "jx_score")
        w.figure(row, 7, funds.execution_rate, "jx_text")
        claimed_numeric = w.figure(row, 8, funds.score, "jx_score")
        if layout.width > FUNDS_WIDTH:
            w.blank(row, FUNDS_WIDTH + 1, to_column=layout.width)
        if row != total_row:
            continue
        adjusted = _number_expr(funds.adjusted_budget, ref(row, 4), numeric[1], wan=True)
        executed = _number_expr(funds.executed, ref(row, 5), numeric[2], wan=True)
        rate_cell = ref(row, layout.h(H_OP))
        w.formula(row, layout.h(H_OP), fx.execution_rate(adjusted, executed), "jx_f_rate")
        weight = (
            f"IF(ISNUMBER({ref(row, 6)}),{ref(row, 6)},{fx.lit(framework.settings.execution_weight)})"
            if weight_numeric or funds.weight.blank
            else fx.lit(funds.weight.value if funds.weight.value is not None else framework.settings.execution_weight)
        )
        claimed = _number_expr(funds.score, ref(row, 8), claimed_numeric)
        w.formula(row, layout.h(H_SCORE), fx.execution_score(rate_cell, weight, claimed))
    if len(rows) > 1:
        first, last = total_row + 1, total_row + len(rows) - 1
        totals = tuple(ref(total_row, c) for c in (3, 4, 5))
        parts = tuple(f"{col(c)}{first}:{col(c)}{last}" for c in (3, 4, 5))
        w.formula(total_row, layout.h(H_CHECK), fx.sources_check(totals, parts), "jx_f_text")
    return total_row


def _label_without_amount(text: str) -> str:
    """ "资金总额：533.49" → "资金总额" (the amount has its own column)."""
    head, _, tail = text.rpartition("：")
    return head if head and any(ch.isdigit() for ch in tail) else text


def write_goals(w: SheetWriter, layout: Layout, document: ProjectTable | DepartmentTable) -> None:
    goals = list(document.goals) or []
    count = max(len(goals), 1)
    header = w.next_row()
    w.label(header, 1, "年度总体目标", to_row=header + count)
    w.label(header, 2, "预期目标", "jx_header", to_column=5)
    w.label(header, 6, "实际完成情况", "jx_header", to_column=layout.width)
    for index in range(count):
        row = w.next_row()
        goal = goals[index] if index < len(goals) else None
        w.text(row, 2, goal.expected.text if goal else "", to_column=5)
        w.text(row, 6, goal.actual.text if goal else "", to_column=layout.width)


def _runs(indicators: tuple[Indicator, ...], key: str) -> list[tuple[int, int]]:
    """(first, last) index ranges of consecutive rows sharing level1 (or level1+level2)."""
    runs: list[tuple[int, int]] = []
    start = 0
    for index in range(1, len(indicators) + 1):
        if index == len(indicators) or _run_key(indicators[index], key) != _run_key(indicators[start], key):
            runs.append((start, index - 1))
            start = index
    return runs


def _run_key(indicator: Indicator, key: str) -> tuple[str, ...]:
    return (indicator.level1,) if key == "level1" else (indicator.level1, indicator.level2)


def _label_texts(block: IndicatorBlock, runs: list[tuple[int, int]]) -> list[str]:
    unused: list[GroupLabel] = list(block.groups)
    texts = []
    for first, _ in runs:
        level1 = block.indicators[first].level1
        label = next((g for g in unused if g.level1 == level1), None)
        if label is not None:
            unused.remove(label)
            texts.append(label.text or level1)
        else:
            texts.append(level1)
    return texts


def write_indicators(
    w: SheetWriter, layout: Layout, block: IndicatorBlock, scores: tuple[IndicatorScore, ...], framework: Framework
) -> tuple[int, int]:
    """The indicator block; returns the (first, last) rows of indicators (last < first when none)."""
    header = w.next_row(30)
    for key in layout.keys:
        w.label(header, layout.at(key), _HEADERS[key], "jx_header")
    for offset, text in enumerate(HELPER_HEADERS):
        w.label(header, layout.h(offset), text, "jx_h_header")
    indicators = block.indicators
    first_row = header + 1
    for index, indicator in enumerate(indicators):
        score = scores[index] if index < len(scores) else None
        _indicator_row(w, layout, first_row + index, indicator, score, framework)
    w.row = header + len(indicators)
    level1_runs = _runs(indicators, "level1")
    for (first, last), text in zip(level1_runs, _label_texts(block, level1_runs), strict=True):
        w.label(first_row + first, layout.at("level1"), text, to_row=first_row + last)
        _subtotal(w, layout, first_row + first, first_row + last, H_SUB1)
    for first, last in _runs(indicators, "level2"):
        w.label(first_row + first, layout.at("level2"), indicators[first].level2, to_row=first_row + last)
        _subtotal(w, layout, first_row + first, first_row + last, H_SUB2)
    return first_row, first_row + len(indicators) - 1


def _subtotal(w: SheetWriter, layout: Layout, first: int, last: int, offset: int) -> None:
    column = layout.h(offset)
    scores = layout.h(H_SCORE)
    w.formula(first, column, f"=SUM({col(scores)}{first}:{col(scores)}{last})")
    if last > first:
        w.merge(first, column, last, column)


def _indicator_row(
    w: SheetWriter, layout: Layout, row: int, ind: Indicator, score: IndicatorScore | None, framework: Framework
) -> None:
    w.text(row, layout.at("name"), ind.name.text)
    if "operator" in layout.keys:
        w.text(row, layout.at("operator"), ind.operator.text if ind.operator else "")
        w.choice("指标性质", fx.OPERATORS, ref(row, layout.at("operator")))
    if "unit" in layout.keys:
        w.text(row, layout.at("unit"), ind.unit.text if ind.unit else "")
    w.text(row, layout.at("target"), ind.target.text)
    w.text(row, layout.at("actual"), ind.actual.text)
    weight_numeric = w.figure(row, layout.at("weight"), ind.weight, "jx_score")
    claimed_numeric = w.figure(row, layout.at("score"), ind.score, "jx_score")
    w.text(row, layout.at("reason"), ind.deviation_reason.text)
    operator, target, actual, quality = _helper_values(score)
    w.text(row, layout.h(H_OP), operator, "jx_h_input")
    w.choice("比较方式", fx.OPERATORS, ref(row, layout.h(H_OP)), prompt="≥ ≤ = > <")
    for offset, value in ((H_TARGET, target), (H_ACTUAL, actual)):
        if value is not None:
            w.number(row, layout.h(offset), value, "jx_h_input")
        else:
            w.blank(row, layout.h(offset), "jx_h_input")
    w.text(row, layout.h(H_QUALITY), quality, "jx_h_input")
    w.choice("完成等级", fx.QUALITIES, ref(row, layout.h(H_QUALITY)), prompt="达成 / 部分达成 / 未达成")
    cells = fx.IndicatorCells(
        weight=_number_expr(ind.weight, ref(row, layout.at("weight")), weight_numeric),
        claimed=_number_expr(ind.score, ref(row, layout.at("score")), claimed_numeric),
        target=ref(row, layout.h(H_TARGET)),
        actual=ref(row, layout.h(H_ACTUAL)),
        operator=ref(row, layout.h(H_OP)),
        quality=ref(row, layout.h(H_QUALITY)),
        clamp_unknown_band=score is not None and score.status == "band" and not quality,
        skip_without_weight=score is None or score.status != "unscorable",
    )
    w.formula(row, layout.h(H_SCORE), fx.indicator_score(cells, framework))
    w.formula(row, layout.h(H_CHECK), fx.band_check(cells, framework), "jx_f_text")


def _helper_values(score: IndicatorScore | None) -> tuple[str, Decimal | None, Decimal | None, str]:
    """(comparison, target number, actual number in the target's unit, achievement level)."""
    if score is None or score.status == "skipped":
        return "", None, None, ""
    target, actual = score.target, score.actual
    if target.is_quantitative:
        op = _effective_op(score)
        value = None
        if actual.is_quantitative and actual.number is not None:
            factor = conversion(actual.unit, target.unit)
            value = actual.number * factor if factor is not None else None
        return op, target.number, value, ""
    quality = next((v for k, v in score.explanation.inputs if k == "完成等级"), "")
    return "", None, None, quality if quality in fx.QUALITIES else ""


def _effective_op(score: IndicatorScore) -> str:
    rule = score.explanation.rule
    op = score.target.op
    if op is not None:
        return str(op.value)
    if rule in ("inverse_linear", "inverse_ratio"):
        return Op.LE.value
    if rule == "zero_target":
        return Op.EQ.value
    return Op.GE.value if score.target.kind is Kind.NUMBER else ""


def write_total(
    w: SheetWriter, layout: Layout, document: ProjectTable | DepartmentTable, execution_row: int,
    indicator_rows: tuple[int, int], framework: Framework,
) -> int:  # fmt: skip
    row = w.next_row()
    weight_col, score_col = layout.at("weight"), layout.at("score")
    w.label(row, 1, "总分", to_column=weight_col - 1)
    w.figure(row, weight_col, document.total_weight, "jx_score")
    w.figure(row, score_col, document.claimed_total, "jx_score")
    w.blank(row, score_col + 1, to_column=layout.width)
    scores = col(layout.h(H_SCORE))
    first, last = indicator_rows
    parts = f"+SUM({scores}{first}:{scores}{last})" if last >= first else ""
    w.formula(row, layout.h(H_SCORE), f"={scores}{execution_row}{parts}")
    w.formula(row, layout.h(H_CHECK), fx.grade(ref(row, layout.h(H_SCORE)), framework), "jx_f_text")
    w.label(row, layout.h(H_QUALITY), "核算总分/等级", "jx_h_header")
    return row


def write_table(
    w: SheetWriter, document: ProjectTable | DepartmentTable, score: DocumentScore | None, framework: Framework
) -> dict[str, int]:
    """A whole table sheet; returns the rows of the execution score and the total (for tests)."""
    layout = layout_for(document.indicators)
    is_project = isinstance(document, ProjectTable)
    write_titles(w, document.title.text, "项目支出绩效自评表" if is_project else "部门整体支出绩效自评表", layout.width)
    row = w.next_row()
    w.label(row, 1, "项目名称" if is_project else "部门名称")
    w.text(row, 2, document.name, to_column=layout.width)
    if isinstance(document, ProjectTable):
        row = w.next_row()
        w.label(row, 1, "主管部门")
        w.text(row, 2, document.competent_department.text, to_column=4)
        w.label(row, 5, "实施单位")
        w.text(row, 6, document.implementing_unit.text, to_column=layout.width)
    execution_row = write_funds(
        w, layout, document, framework, "项目资金（万元）" if is_project else "预算资金（万元）"
    )
    if isinstance(document, DepartmentTable):
        _write_breakdown(w, layout, document)
    write_goals(w, layout, document)
    scores = score.indicators if score is not None else ()
    indicator_rows = write_indicators(w, layout, document.indicators, scores, framework)
    total_row = write_total(w, layout, document, execution_row, indicator_rows, framework)
    write_signoff(w, document, layout.width)
    widths = {1: 12.0, 2: 14.0, 3: 24.0}
    for key in layout.keys[3:]:
        widths[layout.at(key)] = {"reason": 28.0, "target": 16.0, "actual": 16.0}.get(key, 9.0)
    widths.update({layout.h(i): 10.0 for i in range(len(HELPER_HEADERS))})
    widths[layout.width + 1] = 2.0
    w.widths(widths)
    return {"execution": execution_row, "total": total_row, "first": indicator_rows[0], "last": indicator_rows[1]}


def _write_breakdown(w: SheetWriter, layout: Layout, document: DepartmentTable) -> None:
    count = max(len(document.by_income), len(document.by_nature), 1)
    header = w.next_row()
    w.label(header, 1, "资金构成", to_row=header + count)
    w.label(header, 2, "按收入性质分", "jx_header", to_column=4)
    w.label(header, 5, "按支出性质分", "jx_header", to_column=layout.width)
    for index in range(count):
        row = w.next_row()
        for amounts, start, end in ((document.by_income, 2, 4), (document.by_nature, 5, layout.width)):
            text = f"{amounts[index].label}：{amounts[index].figure.text}" if index < len(amounts) else ""
            w.text(row, start, text, to_column=end)
    row = w.next_row()
    w.label(row, 1, "部门职能职责概述")
    w.text(row, 2, document.functions.text, to_column=layout.width)


__all__ = ["Layout", "layout_for", "plain_number", "write_table"]
