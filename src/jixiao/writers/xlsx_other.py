"""The basic data table (附件1), scoring sheets and goals tables as worksheets."""

from __future__ import annotations

from jixiao.frameworks import DocumentScore, Framework
from jixiao.model import BasicData, BuildingRow, ExpenseRow, GoalsTable, ScoringSheet, SignOff
from jixiao.writers import xlsx_formulas as fx
from jixiao.writers.xlsx_sheet import SheetWriter, col, ref
from jixiao.writers.xlsx_tables import write_titles

BASIC_WIDTH = 7
_BUILDING_HEADERS = (
    "批复规模（㎡）",
    "实际规模（㎡）",
    "规模控制率",
    "预算投资（万元）",
    "实际投资（万元）",
    "投资概算控制率",
)


def _signoff(w: SheetWriter, signoff: SignOff, width: int) -> None:
    text = (
        f"填表人：{signoff.preparer.text}\u3000\u3000填报日期：{signoff.date.text}\u3000\u3000"
        f"联系电话：{signoff.phone.text}\u3000\u3000单位负责人签字：{signoff.head.text}"
    )
    w.next_row()
    row = w.next_row()
    w.text(row, 1, text, "jx_note", to_column=width)


def write_basic(w: SheetWriter, basic: BasicData) -> None:
    helper = BASIC_WIDTH + 2
    write_titles(w, basic.title.text, "部门整体支出绩效评价基础数据表", BASIC_WIDTH)
    header = w.next_row(24)
    w.label(header, 1, "财政供养人员情况", to_row=header + 1)
    for offset, text in enumerate(("编制数", "实际在职人数", "控制率")):
        w.label(header, 2 + offset, text, "jx_header")
    w.blank(header, 5, "jx_header", to_column=BASIC_WIDTH)
    w.label(header, helper, "核算控制比例", "jx_h_header")
    row = w.next_row()
    staffing = basic.staffing
    authorized = w.figure(row, 2, staffing.authorized, "jx_count")
    actual = w.figure(row, 3, staffing.actual, "jx_count")
    w.figure(row, 4, staffing.control_rate, "jx_text")
    w.blank(row, 5, to_column=BASIC_WIDTH)
    numerator = ref(row, 3) if actual else fx.lit(staffing.actual.value)
    denominator = ref(row, 2) if authorized else fx.lit(staffing.authorized.value)
    w.formula(row, helper, fx.ratio(numerator, denominator), "jx_f_rate")

    header = w.next_row(24)
    w.label(header, 1, "经费控制情况（万元）")
    for offset, text in enumerate(basic.column_labels):
        w.label(header, 2 + offset, text, "jx_header")
    w.blank(header, 5, "jx_header", to_column=BASIC_WIDTH)
    w.label(header, helper, "核算合计（上年）", "jx_h_header")
    w.label(header, helper + 1, "核算合计（预算）", "jx_h_header")
    w.label(header, helper + 2, "核算合计（本年）", "jx_h_header")
    w.label(header, helper + 3, "合计核对", "jx_h_header")
    rows: list[tuple[int, ExpenseRow]] = []
    for expense in basic.expenses:
        row = w.next_row()
        w.text(row, 1, expense.label.text, "jx_label")
        for offset, figure in enumerate((expense.previous_final, expense.budget, expense.final)):
            w.figure(row, 2 + offset, figure, "jx_amount")
        w.blank(row, 5, to_column=BASIC_WIDTH)
        rows.append((row, expense))
    _three_public(w, rows, helper)

    header = w.next_row(30)
    w.label(header, 1, "楼堂馆所控制情况", to_row=header + max(len(basic.buildings), 1))
    for offset, text in enumerate(_BUILDING_HEADERS):
        w.label(header, 2 + offset, text, "jx_header")
    w.label(header, helper, "核算规模比例", "jx_h_header")
    w.label(header, helper + 1, "核算投资比例", "jx_h_header")
    buildings: list[BuildingRow | None] = [*basic.buildings] or [None]
    for building in buildings:
        row = w.next_row()
        if building is None:
            for offset in range(6):
                w.blank(row, 2 + offset)
            continue
        figures = (
            building.approved_area, building.actual_area, building.area_control_rate,
            building.budget_investment, building.actual_investment, building.investment_control_rate,
        )  # fmt: skip
        for offset, figure in enumerate(figures):
            w.figure(row, 2 + offset, figure, "jx_text" if offset in (2, 5) else "jx_amount")
        w.formula(row, helper, fx.ratio(ref(row, 3), ref(row, 2)), "jx_f_rate")
        w.formula(row, helper + 1, fx.ratio(ref(row, 6), ref(row, 5)), "jx_f_rate")
    row = w.next_row(40)
    w.label(row, 1, "厉行节约保障措施")
    w.text(row, 2, basic.savings_measures.text, to_column=BASIC_WIDTH)
    _signoff(w, basic.signoff, BASIC_WIDTH)
    w.widths(
        {1: 30.0, 2: 14.0, 3: 14.0, 4: 14.0, 5: 14.0, 6: 14.0, 7: 14.0, 8: 2.0, **{helper + i: 12.0 for i in range(4)}}
    )


def _three_public(w: SheetWriter, rows: list[tuple[int, ExpenseRow]], helper: int) -> None:
    """三公 = 车 + 出国 + 接待 (and 车 = 购置 + 运行 when both rows are there), live."""
    for total_category, parts in (
        ("three_public", ("car", "abroad", "reception")),
        ("car", ("car_purchase", "car_running")),
    ):
        total = next((r for r, e in rows if e.category == total_category), None)
        if total is None:
            continue
        members = [r for r, e in rows if e.category in parts and r > total]
        chosen: dict[str, int] = {}
        for r, e in rows:
            if r in members and e.category not in chosen:
                chosen[e.category] = r
        if len(chosen) < 2:
            continue
        tests = []
        for offset in range(3):
            column = 2 + offset
            terms = "+".join(f"N({ref(r, column)})" for r in chosen.values())
            w.formula(total, helper + offset, f"={terms}")
            tests.append(f"ABS(N({ref(total, column)})-{ref(total, helper + offset)})<=0.01")
        w.formula(total, helper + 3, f'=IF(AND({",".join(tests)}),"一致","不一致")', "jx_f_text")


def write_scoring(w: SheetWriter, sheet: ScoringSheet, score: DocumentScore | None, framework: Framework) -> None:
    width, helper = 7, 9
    write_titles(w, sheet.title.text, sheet.name or "部门整体支出绩效评分表", width)
    header = w.next_row(30)
    for offset, text in enumerate(("一级指标", "二级指标", "三级指标", "分值", "指标说明", "评分标准", "得分")):
        w.label(header, 1 + offset, text, "jx_header")
    w.label(header, helper, "核算分数", "jx_h_header")
    w.label(header, helper + 1, "一级小计", "jx_h_header")
    items = sheet.items
    first = header + 1
    labels = {g.level1: g.text for g in reversed(sheet.groups)}
    start = 0
    for index, item in enumerate(items):
        row = w.next_row()
        w.text(row, 3, item.name.text)
        w.figure(row, 4, item.weight, "jx_score")
        w.text(row, 5, item.description.text)
        w.text(row, 6, item.criteria.text)
        w.figure(row, 7, item.score, "jx_score")
        scored = score.items[index] if score is not None and index < len(score.items) else None
        value = None
        if scored is not None:
            value = scored.computed if scored.computed is not None else scored.claimed
        w.formula(row, helper, f"={fx.lit(value) if value is not None else 0}")
        last = index == len(items) - 1 or items[index + 1].level1 != item.level1
        if last:
            top = first + start
            w.label(top, 1, labels.get(item.level1, item.level1), to_row=row)
            w.formula(top, helper + 1, f"=SUM({col(helper)}{top}:{col(helper)}{row})")
            if row > top:
                w.merge(top, helper + 1, row, helper + 1)
            start = index + 1
        if index == 0 or items[index - 1].level2 != item.level2 or items[index - 1].level1 != item.level1:
            end = index
            while end + 1 < len(items) and (items[end + 1].level1, items[end + 1].level2) == (item.level1, item.level2):
                end += 1
            w.label(row, 2, item.level2, to_row=first + end)
    row = w.next_row()
    w.label(row, 1, "综合评分", to_column=6)
    w.figure(row, 7, sheet.claimed_total, "jx_score")
    last_item = first + len(items) - 1
    w.formula(row, helper, f"=SUM({col(helper)}{first}:{col(helper)}{last_item})" if items else "=0")
    total_ref = ref(row, helper)
    row = w.next_row()
    w.label(row, 1, "评分等级", to_column=6)
    w.text(row, 7, sheet.claimed_grade.text)
    w.formula(row, helper, fx.grade(total_ref, framework), "jx_f_text")
    _signoff(w, sheet.signoff, width)
    w.widths({1: 12.0, 2: 14.0, 3: 22.0, 4: 8.0, 5: 30.0, 6: 36.0, 7: 8.0, 8: 2.0, helper: 10.0, helper + 1: 10.0})


def write_goals_table(w: SheetWriter, table: GoalsTable) -> None:
    width = 6
    write_titles(w, table.title.text, table.name or "部门整体支出绩效目标完成情况自评表", width)
    row = w.next_row()
    w.label(row, 1, "部门（单位）名称")
    w.text(row, 2, table.unit.text, to_column=4)
    w.label(row, 5, "预算年度")
    w.text(row, 6, str(table.year) if table.year else "")
    header = w.next_row()
    for column, text in ((1, "任务名称"), (2, "完成情况"), (3, "预算数（万元）"), (5, "执行数（万元）")):
        w.label(header, column, text, "jx_header", to_column=column + 1 if column >= 3 else None)
    sub = w.next_row()
    for column, text in ((3, "全额"), (4, "其中：财政拨款"), (5, "全额"), (6, "其中：财政拨款")):
        w.label(sub, column, text, "jx_header")
    tasks = list(table.tasks) + ([table.task_total] if table.task_total is not None else [])
    for task in tasks:
        row = w.next_row()
        w.text(row, 1, task.name.text)
        w.text(row, 2, task.status.text)
        for offset, figure in enumerate((task.budget, task.budget_fiscal, task.executed, task.executed_fiscal)):
            w.figure(row, 3 + offset, figure)
    header = w.next_row()
    w.label(header, 1, "预期目标", "jx_header", to_column=3)
    w.label(header, 4, "实际完成情况", "jx_header", to_column=width)
    for goal in table.goals:
        row = w.next_row()
        w.text(row, 1, goal.expected.text, to_column=3)
        w.text(row, 4, goal.actual.text, to_column=width)
    header = w.next_row()
    for offset, text in enumerate(
        ("一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "偏差原因分析及改进措施")
    ):
        w.label(header, 1 + offset, text, "jx_header")
    for indicator in table.indicators.indicators:
        row = w.next_row()
        texts = (indicator.level1, indicator.level2, indicator.name.text, indicator.target.text,
                 indicator.actual.text, indicator.deviation_reason.text)  # fmt: skip
        for offset, text in enumerate(texts):
            w.text(row, 1 + offset, text)
    w.widths({1: 22.0, 2: 22.0, 3: 22.0, 4: 16.0, 5: 16.0, 6: 28.0})
