"""Named facts taken from a package, each with its sources (inputs of framework formulas).

Tables come first (基础数据表, 整体自评表, 目标完成情况表); the narrative's stated figures
fill what the tables lack. Rates are fractions, amounts 万元 (元 are converted), counts numbers.
:data:`FACT_NAMES` lists every key; a framework file may name only these (and its own derived keys).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal

from jixiao.frameworks.indicators import read_value
from jixiao.frameworks.registry import Fact
from jixiao.model import (
    SATISFACTION,
    BasicData,
    ExpenseCategory,
    Figure,
    IndicatorBlock,
    Package,
    Source,
    Statement,
)

HUNDRED = Decimal(100)
TEN_THOUSAND = Decimal(10_000)

FACT_NAMES: dict[str, tuple[str, str]] = {
    "staff_authorized": ("编制数", "人"),
    "staff_actual": ("实际在职人数", "人"),
    "staff_control_rate_claimed": ("在职人员控制率（填报数）", "rate"),
    "three_public_previous": ("上年三公经费决算数", "万元"),
    "three_public_budget": ("本年三公经费预算数", "万元"),
    "three_public_final": ("本年三公经费决算数", "万元"),
    "public_funds_previous": ("上年公用经费决算数", "万元"),
    "public_funds_budget": ("本年公用经费预算数", "万元"),
    "public_funds_final": ("本年公用经费决算数", "万元"),
    "daily_public_budget": ("日常公用经费预算数", "万元"),
    "daily_public_final": ("日常公用经费决算数", "万元"),
    "procurement_plan": ("政府采购预算（计划）金额", "万元"),
    "procurement_actual": ("政府采购实际金额", "万元"),
    "budget_initial": ("年初预算数", "万元"),
    "budget_adjusted": ("全年预算数（调整后）", "万元"),
    "budget_executed": ("全年执行数", "万元"),
    "quarter_1": ("第一季度末预算执行进度", "rate"),
    "quarter_2": ("第二季度末预算执行进度", "rate"),
    "quarter_3": ("第三季度末预算执行进度", "rate"),
    "quarter_4": ("第四季度末预算执行进度", "rate"),
    "projects_planned": ("计划完成项目数", "个"),
    "projects_done": ("已完成项目数", "个"),
    "project_completion_rate": ("项目完成率", "rate"),
    "key_tasks_unfinished": ("未完成重点工作数", "项"),
    "satisfaction_rate": ("服务对象满意度", "rate"),
    "fixed_asset_utilization": ("固定资产利用率", "rate"),
    "non_staff_rate": ("编外人员控制率", "rate"),
}

_QUARTER = re.compile(r"第?([一二三四1-4])季度")
_QUARTER_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_CLAUSE_END = re.compile(r"[，,；;。：:]")
_SPACES = re.compile(r"\s+")


class Facts:
    """The facts of one package (a :class:`~jixiao.frameworks.registry.FactLookup`)."""

    def __init__(self, facts: Iterable[Fact] = ()) -> None:
        self._facts: dict[str, Fact] = {}
        for fact in facts:
            self.add(fact)

    def add(self, fact: Fact) -> None:
        """Keep the first value found for a key (tables are read before prose)."""
        known = self._facts.get(fact.key)
        if known is None or known.value is None:
            self._facts[fact.key] = fact

    def fact(self, key: str) -> Fact:
        known = self._facts.get(key)
        if known is not None:
            return known
        name, unit = FACT_NAMES.get(key, (key, ""))
        return Fact(key, name, None, unit)

    def all(self) -> tuple[Fact, ...]:
        return tuple(self._facts[key] for key in FACT_NAMES if key in self._facts) + tuple(
            fact for key, fact in self._facts.items() if key not in FACT_NAMES
        )


def _fact(key: str, value: Decimal | None, sources: tuple[Source, ...], note: str | None = None) -> Fact:
    name, unit = FACT_NAMES[key]
    return Fact(key, name, value, unit, sources, note)


def _rate(figure: Figure) -> Decimal | None:
    if figure.value is None:
        return None
    return figure.value / HUNDRED if figure.unit == "%" or figure.value > 2 else figure.value


def resolve_facts(package: Package) -> Facts:
    facts = Facts()
    basic = package.basic
    if basic is not None:
        for fact in _basic_facts(basic):
            facts.add(fact)
    for fact in _table_facts(package):
        facts.add(fact)
    for fact in _narrative_facts(package):
        facts.add(fact)
    done, planned = facts.fact("projects_done"), facts.fact("projects_planned")
    if done.value is not None and planned.value:
        rate = done.value / planned.value
        note = "由已完成项目数 ÷ 计划完成项目数算出"
        facts.add(_fact("project_completion_rate", rate, done.sources + planned.sources, note))
    return facts


def _basic_facts(basic: BasicData) -> Iterator[Fact]:
    staffing = basic.staffing
    yield _fact("staff_authorized", staffing.authorized.value, (staffing.authorized.source,))
    yield _fact("staff_actual", staffing.actual.value, (staffing.actual.source,))
    yield _fact("staff_control_rate_claimed", _rate(staffing.control_rate), (staffing.control_rate.source,))
    columns = (("previous", "previous_final"), ("budget", "budget"), ("final", "final"))
    categories: tuple[ExpenseCategory, ...] = ("three_public", "public_funds")
    for category in categories:
        prefix = category
        for suffix, column in columns:
            value, sources, note = _expense(basic, category, column)
            yield _fact(f"{prefix}_{suffix}", value, sources, note)
    for key, column in (("procurement_plan", "budget"), ("procurement_actual", "final")):
        value, sources, note = _expense(basic, "procurement", column)
        yield _fact(key, value, sources, note)


def _expense(
    basic: BasicData, category: ExpenseCategory, column: str
) -> tuple[Decimal | None, tuple[Source, ...], str | None]:
    row = next((r for r in basic.expenses if r.category == category), None)
    if row is not None:
        figure: Figure = getattr(row, column)
        if figure.value is not None:
            return figure.in_wan, (figure.source,), None
    if category != "three_public":
        return None, (), None
    # The 三公 total row is blank: add up its parts where they are written.
    parts: list[Figure] = []
    for part in ("car", "abroad", "reception"):
        part_row = next((r for r in basic.expenses if r.category == part), None)
        if part == "car" and (part_row is None or getattr(part_row, column).value is None):
            parts.extend(getattr(r, column) for r in basic.expenses if r.category in ("car_purchase", "car_running"))
        elif part_row is not None:
            parts.append(getattr(part_row, column))
    present = [(value, f.source) for f in parts if (value := f.in_wan) is not None]
    if not present:
        return None, (), None
    total = sum((value for value, _ in present), Decimal(0))
    return (
        total,
        tuple(source for _, source in present),
        "三公经费合计行为空，由公务用车、出国、公务接待分项相加",
    )


def _table_facts(package: Package) -> Iterator[Fact]:
    department = package.department
    if department is not None:
        total = department.total
        yield _fact("budget_initial", total.initial_budget.in_wan, (total.initial_budget.source,))
        yield _fact("budget_adjusted", total.adjusted_budget.in_wan, (total.adjusted_budget.source,))
        yield _fact("budget_executed", total.executed.in_wan, (total.executed.source,))
        yield from _satisfaction(department.indicators)
    goals = package.goals_table
    if goals is not None:
        if goals.task_total is not None:
            row = goals.task_total
            note = "取自年度主要任务完成情况金额合计"
            yield _fact("budget_adjusted", row.budget.in_wan, (row.budget.source,), note)
            yield _fact("budget_executed", row.executed.in_wan, (row.executed.source,), note)
        yield from _satisfaction(goals.indicators)


def _satisfaction(block: IndicatorBlock) -> Iterator[Fact]:
    for indicator in block.indicators:
        if indicator.level1 != SATISFACTION and "满意" not in indicator.name.text:
            continue
        value = read_value(indicator.actual.text)
        if value.number is not None and value.unit in ("%", "％"):
            yield _fact("satisfaction_rate", value.number / HUNDRED, (indicator.actual.source,))
            return


def _narrative_facts(package: Package) -> Iterator[Fact]:
    from jixiao.narrative.figures import statements_of

    narratives = sorted(package.narratives, key=lambda n: n.kind != "department")
    for narrative in narratives:
        cursor: dict[str, int] = {}
        for statement in statements_of(narrative):
            clause, following, sentence = _context(statement, cursor)
            for key, note in _classify(statement, clause, following, sentence):
                yield _fact(key, _statement_value(statement, key), (statement.source,), note)


def _context(statement: Statement, cursor: dict[str, int]) -> tuple[str, str, str]:
    """(the clause before the figure, the words after it, the whole sentence), spaces removed."""
    sentence = _SPACES.sub("", statement.sentence)
    text = _SPACES.sub("", statement.text)
    start = sentence.find(text, cursor.get(sentence, 0)) if text else -1
    if start < 0:
        return _SPACES.sub("", statement.subject), "", sentence
    cursor[sentence] = start + len(text)
    before = _CLAUSE_END.split(sentence[:start])[-1]
    after = _CLAUSE_END.split(sentence[start + len(text) :])[0]
    return _SPACES.sub("", statement.subject) + before, after, sentence


def _statement_value(statement: Statement, key: str) -> Decimal | None:
    value = statement.value
    if value is None:
        return None
    if FACT_NAMES[key][1] == "rate":
        return value / HUNDRED
    if FACT_NAMES[key][1] == "万元" and (statement.unit or "").strip() == "元":
        return value / TEN_THOUSAND
    return value


def _classify(statement: Statement, clause: str, following: str, sentence: str) -> Iterator[tuple[str, str | None]]:
    kind = statement.kind
    if kind == "rate":
        quarters = _QUARTER.findall(clause)
        if quarters and ("进度" in clause or "执行" in clause):
            yield f"quarter_{_QUARTER_NUMBERS[quarters[-1]]}", None
        elif "固定资产利用率" in clause:
            yield "fixed_asset_utilization", None
        elif "编外" in clause:
            yield "non_staff_rate", None
        elif "满意" in clause:
            yield "satisfaction_rate", None
        elif "完成率" in clause and "项目" in sentence:
            yield "project_completion_rate", None
    elif kind == "amount":
        yield from _classify_amount(clause, sentence)
    elif kind == "count":
        if "重点工作" in sentence and following.startswith("未完成"):
            yield "key_tasks_unfinished", None
        elif "项目" in sentence and "重点工作" not in sentence:
            if following.startswith("已完成") or clause.endswith("已完成"):
                yield "projects_done", None
            elif "共" in clause and "项目" in clause + following:
                yield "projects_planned", None


def _classify_amount(clause: str, sentence: str) -> Iterator[tuple[str, str | None]]:
    budget = "预算" in clause or "计划" in clause
    spent = any(word in clause for word in ("决算", "支出", "实际", "执行数"))
    if "日常公用经费" in sentence:
        if budget and not spent:
            yield "daily_public_budget", "以年初预算数代替调整预算数" if "年初" in clause else None
        elif spent and not budget:
            yield "daily_public_final", None
    elif "三公" in sentence:
        if budget and not spent:
            yield "three_public_budget", None
        elif spent and not budget:
            yield "three_public_final", None
    elif "政府采购" in sentence:
        if budget and not spent:
            yield "procurement_plan", None
        elif spent or "金额" in clause:
            yield "procurement_actual", None
    elif "年初预算" in clause:
        yield "budget_initial", None
    elif "调整至" in clause or "调整后" in clause or "全年预算" in clause:
        yield "budget_adjusted", None
    elif ("决算数" in clause or "执行数" in clause) and "预算" in sentence:
        yield "budget_executed", None
