"""The tasks of a goals table (绩效目标完成情况自评表) are read in the header's columns."""

from __future__ import annotations

from jixiao.model import D, GoalsTable
from jixiao.readers.text import read_text

_TABLE = """某区某中心2021年度部门整体支出绩效目标完成情况自评表
部门（单位）名称\t某区某中心\t预算年度\t2021
年度主要任务完成情况\t任务名称\t完成情况\t预算数（万元）\t\t执行数（万元）\t
\t\t\t全额\t其中：财政拨款\t全额\t其中：财政拨款
\t基本支出\t已完成。\t300.00\t300.00\t290.50\t290.50
{blank_row}
\t金额合计\t\t420.00\t420.00\t400.50\t400.50
"""


def _goals(blank_row: str) -> GoalsTable:
    package = read_text(_TABLE.format(blank_row=blank_row), file="goals.txt")
    tables = [d for d in package.documents if isinstance(d, GoalsTable)]
    assert len(tables) == 1, package.notes
    return tables[0]


def test_a_task_with_its_name_is_read_column_by_column() -> None:
    goals = _goals("\t平台运维\t部分完成。\t120.00\t120.00\t110.00\t110.00")
    rows = [(t.name.text, t.status.text, t.budget.value, t.executed.value) for t in goals.tasks]
    assert rows == [
        ("基本支出", "已完成。", D("300.00"), D("290.50")),
        ("平台运维", "部分完成。", D("120.00"), D("110.00")),
    ]
    assert goals.task_total is not None and goals.task_total.executed.value == D("400.50")


def test_a_task_whose_name_is_blank_keeps_its_figures_in_their_columns() -> None:
    # Before: the status was taken for the name and every figure moved one column to the left.
    goals = _goals("\t\t部分完成。\t120.00\t120.00\t110.00\t110.00")
    second = goals.tasks[1]
    assert (second.name.text, second.status.text) == ("", "部分完成。")
    assert (second.budget.value, second.budget_fiscal.value) == (D("120.00"), D("120.00"))
    assert (second.executed.value, second.executed_fiscal.value) == (D("110.00"), D("110.00"))
    assert (second.budget.source.line, second.budget.source.column) == (6, 4)
