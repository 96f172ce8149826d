"""Drafted sentences of the department narrative, one builder per standard section (domain.md §2).

Every figure comes from the package or its score: amounts are the tables' Decimals shown with two
decimals, rates are recomputed from the same figures (half up, two decimals, written as "%").
The year-on-year pattern is :func:`jixiao.synth.prose.change`, shared with the generator.
Builders return plain sentences; :mod:`jixiao.narrative.drafting` marks and places them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from jixiao.frameworks.results import DocumentScore, PackageScore
from jixiao.model import (
    BasicData,
    DepartmentTable,
    Document,
    ExpenseCategory,
    ExpenseRow,
    Figure,
    Package,
    ProjectTable,
)
from jixiao.synth.money import score_text
from jixiao.synth.prose import change

_CENT = Decimal("0.01")
_HUNDRED = Decimal(100)
_SPACE = re.compile(r"[\s\u3000]+")


def wan(value: Decimal) -> str:
    """An amount in 万元 with two decimals ("118.50")."""
    return f"{value.quantize(_CENT, rounding=ROUND_HALF_UP)}"


def cents(value: Decimal) -> int:
    return int((value * _HUNDRED).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def rate_text(part: Decimal, whole: Decimal) -> str:
    """part / whole as "56.83%"."""
    return f"{(part * _HUNDRED / whole).quantize(_CENT, rounding=ROUND_HALF_UP)}%"


def fraction_text(rate: Decimal) -> str:
    """A rate held as a fraction (0.9969) as "99.69%"."""
    return f"{(rate * _HUNDRED).quantize(_CENT, rounding=ROUND_HALF_UP)}%"


def flat(text: str) -> str:
    """Cell text on one line: line breaks and runs of spaces inside a cell are dropped."""
    return _SPACE.sub("", text.strip())


def _value(figure: Figure) -> Decimal | None:
    return figure.value if figure.unit in (None, "万元") else None


def _row(basic: BasicData | None, category: ExpenseCategory) -> ExpenseRow | None:
    if basic is None:
        return None
    return next((e for e in basic.expenses if e.category == category), None)


def _amount(document: DepartmentTable | None, word: str, income: bool = False) -> Decimal | None:
    if document is None:
        return None
    amounts = document.by_income if income else document.by_nature
    return next((a.figure.value for a in amounts if word in a.label and _value(a.figure) is not None), None)


@dataclass(frozen=True, slots=True)
class Shortfall:
    """An indicator scored below its weight, with the table it stands in."""

    document: str
    name: str
    target: str
    actual: str
    weight: Decimal
    score: Decimal
    reason: str


def shortfalls(package: Package) -> list[Shortfall]:
    """Every indicator whose claimed score is below its weight, in table order."""
    out: list[Shortfall] = []
    tables: list[DepartmentTable | ProjectTable] = []
    if package.department is not None:
        tables.append(package.department)
    tables += package.projects
    for table in tables:
        label = "部门整体支出绩效自评表" if isinstance(table, DepartmentTable) else f"“{table.name}”项目"
        for indicator in table.indicators.indicators:
            weight, score = indicator.weight.value, indicator.score.value
            if weight is None or score is None or score >= weight:
                continue
            out.append(
                Shortfall(
                    label,
                    flat(indicator.name.text),
                    flat(indicator.target.text),
                    flat(indicator.actual.text),
                    weight,
                    score,
                    flat(indicator.deviation_reason.text),
                )
            )
    return out


def basic_situation(package: Package) -> list[str]:
    """一、部门（单位）基本情况: functions and staffing."""
    out: list[str] = []
    department, basic = package.department, package.basic
    if department is not None and not department.functions.blank:
        functions = flat(department.functions.text).rstrip("。")
        out.append(f"本单位主要职能职责：{functions}。")
    if basic is not None:
        authorized, actual = basic.staffing.authorized.value, basic.staffing.actual.value
        year = f"{package.year}年末，" if package.year else ""
        if authorized is not None and actual is not None:
            sentence = f"{year}本单位编制{authorized}人，实有在职人员{actual}人"
            if authorized > 0:
                sentence += f"，人员控制率{rate_text(actual, authorized)}"
            out.append(sentence + "。")
    return out


def execution_sentence(department: DepartmentTable, score: DocumentScore | None, year: int | None) -> str | None:
    """本单位年初预算…，全年预算数…，全年执行数…，预算执行率…。"""
    total = department.total
    parts: list[str] = []
    if _value(total.initial_budget) is not None:
        assert total.initial_budget.value is not None
        parts.append(f"本单位年初预算{wan(total.initial_budget.value)}万元")
    if _value(total.adjusted_budget) is not None:
        assert total.adjusted_budget.value is not None
        parts.append(f"全年预算数{wan(total.adjusted_budget.value)}万元")
    if _value(total.executed) is not None:
        assert total.executed.value is not None
        parts.append(f"全年执行数{wan(total.executed.value)}万元")
    rate = score.execution.rate if score is not None and score.execution is not None else None
    if rate is not None:
        parts.append(f"预算执行率{fraction_text(rate)}")
    if not parts:
        return None
    if not parts[0].startswith("本单位"):
        parts[0] = "本单位" + parts[0]
    prefix = f"{year}年度，" if year else ""
    return prefix + "，".join(parts) + "。"


def general_budget(package: Package, score: PackageScore) -> list[str]:
    """二、一般公共预算支出情况: budget, execution and the split into basic and project spending."""
    department = package.department
    if department is None:
        return []
    out: list[str] = []
    sentence = execution_sentence(department, score.for_document(department), package.year)
    if sentence:
        out.append(sentence)
    basic, project = _amount(department, "基本"), _amount(department, "项目")
    if basic is not None and project is not None and basic + project > 0:
        whole = basic + project
        out.append(
            f"按支出性质分，基本支出和项目支出合计{wan(whole)}万元。其中：基本支出{wan(basic)}万元，"
            f"占合计的{rate_text(basic, whole)}；项目支出{wan(project)}万元，占合计的{rate_text(project, whole)}。"
        )
    return out


def _change(label: str, row: ExpenseRow | None) -> str | None:
    if row is None or _value(row.final) is None or _value(row.previous_final) is None:
        return None
    assert row.final.value is not None and row.previous_final.value is not None
    return change(label, cents(row.final.value), cents(row.previous_final.value)) + "。"


def basic_spending(package: Package) -> list[str]:
    """（一）基本支出: the basic data's rows against last year."""
    basic = package.basic
    out: list[str] = []
    total = _change("部门基本支出决算数", _row(basic, "basic_total"))
    if total:
        out.append(total)
    three = _row(basic, "three_public")
    sentence = _change("三公经费支出", three)
    if sentence:
        parts = [(_row(basic, "car"), "公务用车购置和维护经费"), (_row(basic, "abroad"), "出国经费")]
        parts.append((_row(basic, "reception"), "公务接待费"))
        values = [v for row, _ in parts if row is not None and (v := _value(row.final)) is not None]
        assert three is not None and three.final.value is not None
        if len(values) == len(parts) and sum(values, Decimal(0)) == three.final.value:
            listed = "、".join(f"{label}{wan(v)}万元" for (_, label), v in zip(parts, values, strict=True))
            sentence += f"其中：{listed}。"
        out.append(sentence)
    items: tuple[tuple[ExpenseCategory, str], ...] = (("public_funds", "公用经费支出"), ("procurement", "政府采购金额"))
    for category, label in items:
        sentence = _change(label, _row(basic, category))
        if sentence:
            out.append(sentence)
    return out


def project_spending(package: Package, score: PackageScore) -> list[str]:
    """（二）项目支出: the list of projects, then each project's budget, execution and rate."""
    projects = package.projects
    out: list[str] = []
    basic_rows = [e for e in package.basic.expenses if e.category == "project"] if package.basic else []
    if basic_rows and all(_value(e.final) is not None and _value(e.previous_final) is not None for e in basic_rows):
        final = sum((e.final.value for e in basic_rows if e.final.value is not None), Decimal(0))
        previous = sum((e.previous_final.value for e in basic_rows if e.previous_final.value is not None), Decimal(0))
        out.append(change("基础数据表所列项目支出决算数合计", cents(final), cents(previous)) + "。")
    if not projects:
        return out
    names = "、".join(p.name for p in projects)
    out.append(f"本年度共有项目支出绩效自评表{len(projects)}张，分别为：{names}。")
    for number, project in enumerate(projects, start=1):
        line = _project_line(project, score.for_document(project))
        if line:
            out.append(f"{number}．{project.name}：{line}")
    return out


def _project_line(project: ProjectTable, score: DocumentScore | None) -> str | None:
    total = project.total
    parts: list[str] = []
    for figure, label in (
        (total.initial_budget, "年初预算数"),
        (total.adjusted_budget, "全年预算数"),
        (total.executed, "全年执行数"),
    ):
        if _value(figure) is not None:
            assert figure.value is not None
            parts.append(f"{label}{wan(figure.value)}万元")
    rate = score.execution.rate if score is not None and score.execution is not None else None
    if rate is not None:
        parts.append(f"预算执行率{fraction_text(rate)}")
    return "，".join(parts) + "。" if parts else None


def other_budgets(package: Package) -> dict[str, list[str]]:
    """三、四、五: government funds from the department table; the other two are not in the tables."""
    funds = _amount(package.department, "政府性基金", income=True)
    fund_text = (
        [f"政府性基金拨款{wan(funds)}万元。"]
        if funds
        else ["本单位无政府性基金预算支出（自评表中政府性基金拨款未填或为零）。"]
    )
    return {
        "政府性基金": fund_text,
        "国有资本": ["本单位无国有资本经营预算支出（表格中未列此项，请核实）。"],
        "社会保险": ["本单位无社会保险基金预算支出（表格中未列此项，请核实）。"],
    }


def _claimed(package: Package, score: PackageScore) -> tuple[Document, DocumentScore] | None:
    for document in (package.department, package.scoring):
        if document is not None:
            ds = score.for_document(document)
            if ds is not None:
                return document, ds
    return None


def performance(package: Package, score: PackageScore) -> list[str]:
    """六、部门整体支出绩效情况: the score and grade (as claimed, else as computed)."""
    found = _claimed(package, score)
    if found is None:
        return []
    _, ds = found
    total = ds.claimed_total if ds.claimed_total is not None else ds.computed_total
    if total is None:
        return []
    grade = ds.claimed_grade if ds.claimed_total is not None else ds.computed_grade
    if not grade:
        from jixiao.frameworks import grade_for

        grade = grade_for(total, score.framework)
    how = "经自评" if ds.claimed_total is not None else "按评价框架计算"
    return [f"{how}，部门整体支出综合得分{score_text(total)}分，评价等级为{grade}。"]


def problems(items: Sequence[Shortfall], package: Package, score: PackageScore) -> list[str]:
    """七、存在的问题及原因分析: every indicator scored below its weight, with its reason."""
    out: list[str] = []
    low = _low_execution(package, score)
    for number, item in enumerate(items, start=1):
        reason = item.reason.rstrip("。") if item.reason else "自评表未填写偏差原因，请补充"
        out.append(
            f"{number}．{item.document}“{item.name}”未完全达成：年度指标值{item.target or '未填'}，"
            f"实际完成值{item.actual or '未填'}，分值{score_text(item.weight)}分，"
            f"扣{score_text(item.weight - item.score)}分。偏差原因：{reason}。"
        )
    if low:
        out.append(f"{len(items) + 1}．{'、'.join(low)}的预算未全部执行完毕。")
    if not out:
        out.append("自评表各项指标均取得满分，预算全部执行，未发现需要说明的问题。")
    return out


def _low_execution(package: Package, score: PackageScore) -> list[str]:
    names: list[str] = []
    tables: list[DepartmentTable | ProjectTable] = [d for d in (package.department,) if d is not None]
    for table in [*tables, *package.projects]:
        ds = score.for_document(table)
        if ds is not None and ds.execution is not None and ds.execution.rate is not None and ds.execution.rate < 1:
            names.append("部门整体" if isinstance(table, DepartmentTable) else f"“{table.name}”")
    return names


def measures(items: Sequence[Shortfall], package: Package, score: PackageScore) -> list[str]:
    """八、下一步改进措施: one measure for each kind of problem found."""
    out: list[str] = []
    if items:
        out.append(
            f"针对{len(items)}项未达成的绩效指标，逐项分析偏差原因，落实整改责任，确保下一年度绩效目标如期实现。"
        )
    if _low_execution(package, score):
        out.append("加强预算执行管理，按进度拨付和使用资金，提高预算执行率。")
    out.append("科学设定绩效目标和指标值，强化绩效运行监控，及时纠正执行中的偏差。")
    return [f"{number}．{text}" for number, text in enumerate(out, start=1)]
