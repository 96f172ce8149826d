"""附件1 部门整体支出绩效评价基础数据表 from its rows."""

from __future__ import annotations

from jixiao.model import BasicData, BuildingRow, Cell, ExpenseCategory, ExpenseRow, SignOff, Staffing
from jixiao.readers.blocks import Row
from jixiao.readers.grid import TableContext, clean, find_cell, first_nonblank, norms

# (keyword test, category), tried in order on the normalised label.
_CATEGORIES: tuple[tuple[tuple[str, ...], ExpenseCategory], ...] = (
    (("基本支出预算调整", "预算调整"), "budget_adjustment"),
    (("基本支出",), "basic_total"),
    (("三公经费",), "three_public"),
    (("公务用车购置和维护", "公务用车购置及运行"), "car"),
    (("公车购置", "公交车购置", "车辆购置"), "car_purchase"),
    (("公车运行", "公交车运行", "运行维护费（公务用车）"), "car_running"),
    (("出国",), "abroad"),
    (("公务接待",), "reception"),
    (("业务工作经费", "运行维护经费", "专项资金", "事业发展"), "project_group"),
    (("项目支出",), "project_total"),
    (("其中：办公经费", "办公经费"), "office"),
    (("公用经费",), "public_funds"),
    (("水费", "电费", "差旅费"), "utilities_travel"),
    (("会议费", "培训费"), "meetings_training"),
    (("政府采购",), "procurement"),
)


def _category(label: str, in_projects: bool) -> ExpenseCategory:
    for words, category in _CATEGORIES:
        if any(w in label for w in words):
            return category
    return "project" if in_projects else "other"


def read_basic(ctx: TableContext, rows: list[Row], title: Cell, year: int | None, signoff: SignOff) -> BasicData:
    staffing = Staffing()
    expenses: list[ExpenseRow] = []
    buildings: list[BuildingRow] = []
    labels: tuple[str, str, str] = ("上年决算数", "本年预算数", "本年决算数")
    savings = Cell()
    staff_columns: dict[str, int] | None = None
    expense_columns: list[int] | None = None
    building_columns: list[int] | None = None
    in_projects = False
    for number, raw in enumerate(rows, start=1):
        texts = norms(raw)
        if find_cell(raw, "编制数") is not None:
            staff_columns = {}
            for index, text in enumerate(texts):
                if "编制数" in text:
                    staff_columns["authorized"] = index
                elif "在职" in text:
                    staff_columns["actual"] = index
                elif "控制率" in text:
                    staff_columns["rate"] = index
            continue
        if staff_columns is not None:
            staffing = Staffing(
                authorized=ctx.figure(raw, staff_columns.get("authorized", 1), number, default_unit="人"),
                actual=ctx.figure(raw, staff_columns.get("actual", 2), number, default_unit="人"),
                control_rate=ctx.figure(raw, staff_columns.get("rate", 3), number, default_unit="%"),
                source=ctx.row_source(raw, number),
            )
            staff_columns = None
            continue
        money_headers = [i for i, t in enumerate(texts) if "决算数" in t or "预算数" in t]
        if len(money_headers) >= 3:
            expense_columns = money_headers[:3]
            labels = (
                clean(raw.cells[money_headers[0]].text),
                clean(raw.cells[money_headers[1]].text),
                clean(raw.cells[money_headers[2]].text),
            )
            continue
        if find_cell(raw, "批复规模") is not None:
            building_columns = list(range(1, len(raw.cells)))
            continue
        savings_at = find_cell(raw, "厉行节约")
        if savings_at is not None:
            value_at = first_nonblank(raw, savings_at + 1)
            if value_at is not None:
                savings = ctx.cell(raw, value_at, number)
            expense_columns = None
            building_columns = None
            continue
        if building_columns is not None:
            if any(texts[1:]):
                figures = [ctx.figure(raw, i, number, default_unit=None) for i in building_columns[:6]]
                figures += [ctx.figure(raw, len(raw.cells) + 9, number)] * (6 - len(figures))
                buildings.append(
                    BuildingRow(
                        approved_area=figures[0],
                        actual_area=figures[1],
                        area_control_rate=figures[2],
                        budget_investment=figures[3],
                        actual_investment=figures[4],
                        investment_control_rate=figures[5],
                        source=ctx.row_source(raw, number),
                    )
                )
            continue
        if expense_columns is None:
            continue
        label_at = first_nonblank(raw)
        if label_at is None or label_at >= expense_columns[0]:
            continue
        label = texts[label_at]
        if not label.strip("…．.·") or label in {"……", "..."}:
            continue
        category = _category(label, in_projects)
        if category in ("project_total", "project_group"):
            in_projects = True
        elif category not in ("project", "other"):
            in_projects = False
        # Values follow the label: one per money column, counted from the label.
        offset = label_at + 1
        figures = [ctx.figure(raw, offset + k, number) for k in range(3)]
        expenses.append(
            ExpenseRow(
                label=ctx.cell(raw, label_at, number),
                category=category,
                previous_final=figures[0],
                budget=figures[1],
                final=figures[2],
                source=ctx.row_source(raw, number),
            )
        )
    return BasicData(
        title=title,
        year=year,
        staffing=staffing,
        column_labels=labels,
        expenses=tuple(expenses),
        buildings=tuple(buildings),
        savings_measures=savings,
        signoff=signoff,
        source=ctx.row_source(rows[0], 1) if rows else ctx.source(None),
    )
