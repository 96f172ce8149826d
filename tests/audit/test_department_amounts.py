"""narr.department-amounts: the department report's budget and spending against the tables."""

from __future__ import annotations

from pathlib import Path

from jixiao.pipeline import evaluate
from jixiao.readers.text import read_text

# A Shenzhen-style package: the report, then a goals table whose 金额合计 row gives the year's funds.
_PACKAGE = """某区某中心2021年度部门整体支出绩效自评报告
一、部门基本情况
我中心年初预算 400.00 万元，预算调整至 420.00 万元，决算数为 {executed} 万元，预算调整的原因是人员经费有所增加。
二、绩效目标完成情况
某区某中心2021年度部门整体支出绩效目标完成情况自评表
部门（单位）名称\t某区某中心\t预算年度\t2021
年度主要任务完成情况\t任务名称\t完成情况\t预算数（万元）\t\t执行数（万元）\t
\t\t\t全额\t其中：财政拨款\t全额\t其中：财政拨款
\t基本支出\t已完成。\t300.00\t300.00\t290.50\t290.50
\t平台运维\t已完成。\t120.00\t120.00\t110.00\t110.00
\t金额合计\t\t420.00\t420.00\t400.50\t400.50
"""


def _findings(executed: str) -> list[tuple[str, int | None, str | None, str | None]]:
    package = read_text(_PACKAGE.format(executed=executed), file="report.txt")
    result = evaluate(package, path="report.txt", audit=True)
    return [(f.rule, f.line, f.expected, f.found) for f in result.findings if f.rule == "narr.department-amounts"]


def test_spending_that_agrees_with_the_goals_table_is_not_reported() -> None:
    assert _findings("400.50") == []


def test_spending_that_differs_is_reported_although_the_sentence_goes_on_about_personnel_costs() -> None:
    # Before: "人员经费" later in the sentence (the reason for the adjustment) made the whole sentence
    # count as one about personnel costs, and the figure was not checked.
    assert _findings("410.50") == [("narr.department-amounts", 3, "400.50万元", "410.50 万元")]


def test_seed002_spending_is_checked_against_its_goals_table(seed002: Path) -> None:
    # Seed 002 states 决算数为 1680.97 万元, as its goals table's 金额合计 has it; one digit changed is found.
    text = seed002.read_text(encoding="utf-8")
    assert "决算数为 1680.97 万元" in text
    for executed, expected in (
        ("1680.97", []),
        ("1690.97", [("narr.department-amounts", 29, "1680.97万元", "1690.97 万元")]),
    ):
        package = read_text(text.replace("决算数为 1680.97 万元", f"决算数为 {executed} 万元"), file="002.txt")
        result = evaluate(package, path="002.txt", audit=True)
        found = [(f.rule, f.line, f.expected, f.found) for f in result.findings if f.rule == "narr.department-amounts"]
        assert found == expected
