"""The Shenzhen scoring sheet: formulas computed from facts stated in the package."""

from __future__ import annotations

from decimal import Decimal

from frameworks_builders import package, sheet, statement

from jixiao.frameworks import ItemScore, get_framework, resolve_facts, score_package

D = Decimal
SHENZHEN = get_framework("shenzhen-dept-2020")

QUARTERS = (
    "其中，第一季度预算执行进度为27.22%，第二季度预算执行进度为48.45%，"
    "第三季度预算执行进度为69.22%，第四季度预算执行进度为98.82%。"
)
DAILY = "日常公用经费年初预算数1,035,356.30元，决算数887,400.39元，并未超支。"
THREE = "“三公”经费预算数2.50万元，实际支出2.06万元。"
BUDGET = "我中心年初预算1555.29万元，预算调整至1701.05万元，决算数为1680.97万元。"
STATEMENTS = (
    statement("rate", "27.22%", QUARTERS),
    statement("rate", "48.45%", QUARTERS),
    statement("rate", "69.22%", QUARTERS),
    statement("rate", "98.82%", QUARTERS),
    statement("amount", "1,035,356.30元", DAILY),
    statement("amount", "887,400.39元", DAILY),
    statement("amount", "2.50万元", THREE),
    statement("amount", "2.06万元", THREE),
    statement("amount", "1555.29万元", BUDGET),
    statement("amount", "1701.05万元", BUDGET),
    statement("amount", "1680.97万元", BUDGET),
    statement("rate", "80%", "固定资产利用率为80%。"),
    statement("rate", "6%", "编外人员控制率为6%。"),
    statement("rate", "96%", "服务对象满意度达96%。"),
    statement("count", "1项", "重点工作共5项，其中1项未完成。"),
    statement("amount", "10万元", "政府采购预算10万元，实际采购金额12万元。"),
    statement("amount", "12万元", "政府采购预算10万元，实际采购金额12万元。"),
)
SHEET = sheet(
    ("部门决策", "预算编制", "预算编制合理性", "5", "5"),
    ("部门管理", "资金管理", "政府采购执行情况", "2", "2"),
    ("部门管理", "资金管理", "财务合规性", "3", "3"),
    ("部门管理", "资产管理", "固定资产利用率", "1", "1"),
    ("部门管理", "人员管理", "财政供养人员控制率", "1", "1"),
    ("部门管理", "人员管理", "编外人员控制率", "1", "1"),
    ("部门绩效", "经济性", "公用经费控制率", "6", "6"),
    ("部门绩效", "效率性", "预算执行率", "6", "3"),
    ("部门绩效", "效率性", "重点工作完成情况", "8", "8"),
    ("部门绩效", "公平性", "公众或服务对象满意度", "6", "6"),
    ("部门绩效", "其他", "自创指标", "2", "2"),
    total="38",
    grade="优",
)


def items() -> dict[str, ItemScore]:
    document = score_package(package(SHEET, statements=STATEMENTS), SHENZHEN).documents[0]
    return {item.item.name.text: item for item in document.items}


def test_facts_from_prose() -> None:
    facts = resolve_facts(package(statements=STATEMENTS))
    assert [facts.fact(f"quarter_{n}").value for n in range(1, 5)] == [
        D("0.2722"), D("0.4845"), D("0.6922"), D("0.9882"),
    ]  # fmt: skip
    daily = facts.fact("daily_public_budget")
    assert daily.value == D("103.535630") and daily.unit == "万元"
    assert daily.note is not None and "年初预算数" in daily.note
    assert facts.fact("daily_public_final").value == D("88.740039")
    assert (facts.fact("three_public_budget").value, facts.fact("three_public_final").value) == (
        D("2.50"),
        D("2.06"),
    )
    assert facts.fact("budget_initial").value == D("1555.29")
    assert facts.fact("budget_adjusted").value == D("1701.05")
    assert facts.fact("key_tasks_unfinished").value == D(1)
    assert (facts.fact("procurement_plan").value, facts.fact("procurement_actual").value) == (D(10), D(12))
    assert facts.fact("staff_authorized").value is None


def test_quarterly_execution() -> None:
    item = items()["预算执行率"]
    quarters = D(1) + D("48.45") / 50 + D("69.22") / 75 + D("98.82") / 100
    average = (D("27.22") + D("48.45") + D("69.22") + D("98.82")) / 4 / 100
    assert item.status == "formula"
    assert item.computed == quarters + average * 2
    assert round(item.computed, 2) == D("5.10")
    assert item.claimed == D(3)
    assert item.explanation.rule == "quarterly_execution"
    assert ("全年平均执行率", "60.93%") in item.explanation.inputs


def test_tiered_items() -> None:
    scores = items()
    assert scores["固定资产利用率"].computed == D("0.7")
    assert scores["编外人员控制率"].computed == D("0.5")
    assert scores["公众或服务对象满意度"].computed == D(6)
    assert scores["公用经费控制率"].computed == D(6)  # 三公 82.4% → 3, 日常 85.7% → 3
    assert scores["公用经费控制率"].explanation.rule == "sum_of_parts"
    assert scores["重点工作完成情况"].computed == D(4)


def test_formula_parts_bound_the_preparer_s_judgment() -> None:
    scores = items()
    procurement = scores["政府采购执行情况"]
    assert procurement.band == (D(0), D(1))  # bought more than planned: the formula part is 0
    assert procurement.computed == D(1)
    compliance = scores["财务合规性"]
    assert compliance.band == (D(1), D(3))  # 9.37% adjustment is within 10%
    assert compliance.computed == D(3)


def test_missing_inputs_are_unscorable_and_named() -> None:
    staff = items()["财政供养人员控制率"]
    assert staff.status == "unscorable"
    assert staff.computed is None
    assert staff.explanation.note is not None
    assert "编制数" in staff.explanation.note and "实际在职人数" in staff.explanation.note


def test_checklists_and_unknown_items() -> None:
    scores = items()
    assert scores["预算编制合理性"].status == "checklist"
    assert scores["预算编制合理性"].computed == D(5)
    stray = scores["自创指标"]
    assert stray.status == "checklist"
    assert stray.explanation.note is not None and "框架中没有此指标" in stray.explanation.note


def test_sheet_totals() -> None:
    document = score_package(package(SHEET, statements=STATEMENTS), SHENZHEN).documents[0]
    assert document.kind == "scoring"
    assert document.claimed_total == D(38) and document.claimed_grade == "优"
    assert document.claimed_sum == D(38)
    assert document.estimated  # 财政供养人员控制率 could not be computed
    assert any("预算编制规范性" in note for note in document.notes)  # framework items absent
    assert [g.level1 for g in document.groups] == ["部门决策", "部门管理", "部门绩效"]
    assert document.computed_grade == "差"


def test_derived_figures_are_reported() -> None:
    result = score_package(package(SHEET, statements=STATEMENTS), SHENZHEN)
    adjustment = result.derived_value("budget_adjustment_rate")
    assert adjustment is not None and adjustment.value == (D("1701.05") - D("1555.29")) / D("1555.29")
    staff = result.derived_value("staff_control_rate")
    assert staff is not None and staff.value is None and staff.note is not None
