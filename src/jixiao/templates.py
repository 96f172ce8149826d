"""Blank report packages with a framework's structure, for preparers to fill in (as .xlsx).

``build_template`` gives the basic data table with its standard rows, the department table with
the framework's level-1 and level-2 indicator rows (one empty level-3 row under each level-2),
and N project tables. Nothing is claimed: every figure is blank, so scoring and auditing the
blank package give completeness findings, not errors.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.frameworks import Framework, TableSpec, get_framework
from jixiao.model import (
    Amount,
    BasicData,
    Cell,
    DepartmentTable,
    Document,
    ExpenseCategory,
    ExpenseRow,
    Figure,
    FundsRow,
    Goal,
    GoalsTable,
    GroupLabel,
    Indicator,
    IndicatorBlock,
    Package,
    ProjectTable,
)

__all__ = ["BASIC_ROWS", "build_template"]

BASIC_ROWS: tuple[tuple[str, ExpenseCategory], ...] = (
    ("三公经费", "three_public"),
    ("1、公务用车购置和维护经费", "car"),
    ("其中：公车购置", "car_purchase"),
    ("公车运行维护", "car_running"),
    ("2、出国经费", "abroad"),
    ("3、公务接待", "reception"),
    ("项目支出：", "project_total"),
    ("1、业务工作经费", "project_group"),
    ("2、运行维护经费", "project_group"),
    ("3、专项资金", "project_group"),
    ("公用经费", "public_funds"),
    ("其中：办公经费", "office"),
    ("水费、电费、差旅费", "utilities_travel"),
    ("会议费、培训费", "meetings_training"),
    ("政府采购金额", "procurement"),
    ("部门基本支出预算调整", "budget_adjustment"),
)
_INCOME = ("一般公共预算", "政府性基金拨款", "纳入专户管理的非税收入拨款", "其他资金")
_NATURE = ("基本支出", "项目支出")
_GOALS = 3
_DEFAULT_LEVEL1 = (
    ("产出指标", ("数量指标", "质量指标", "时效指标")),
    ("成本指标", ("经济成本指标", "社会成本指标", "生态环境成本指标")),
    ("效益指标", ("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标")),
    ("满意度指标", ("服务对象满意度指标",)),
)


def _points(value: Decimal) -> Figure:
    text = f"{value.normalize():f}"
    return Figure(text, value, "分")


def _indicators(spec: TableSpec | None) -> IndicatorBlock:
    levels = (
        [(s.name, s.level2 or ("",), s.weight) for s in spec.level1]
        if spec is not None and spec.level1
        else [(name, level2, None) for name, level2 in _DEFAULT_LEVEL1]
    )
    indicators: list[Indicator] = []
    groups: list[GroupLabel] = []
    for level1, level2s, weight in levels:
        text = f"{level1}（{weight.normalize():f}分）" if weight is not None else level1
        groups.append(GroupLabel(level1, text, _points(weight) if weight is not None else Figure()))
        indicators.extend(Indicator(level1, level2, Cell()) for level2 in level2s)
    return IndicatorBlock(tuple(indicators), tuple(groups))


def _funds(framework: Framework) -> FundsRow:
    return FundsRow(label=Cell("年度资金总额"), weight=_points(framework.settings.execution_weight))


def _total_weight(spec: TableSpec | None, framework: Framework) -> Figure:
    return _points(spec.total if spec is not None else framework.settings.total_weight)


def _basic(year: int, projects: int) -> BasicData:
    rows: list[ExpenseRow] = []
    for label, category in BASIC_ROWS:
        rows.append(ExpenseRow(Cell(label), category))
        if label == "3、专项资金":
            rows.extend(ExpenseRow(Cell(f"项目{i}"), "project") for i in range(1, projects + 1))
    return BasicData(
        title=Cell(f"附件1 {year}年度部门整体支出绩效评价基础数据表"),
        year=year,
        column_labels=(f"{year - 1}年决算数", f"{year}年预算数", f"{year}年决算数"),
        expenses=tuple(rows),
    )


def _department(framework: Framework, year: int, unit: str | None) -> DepartmentTable:
    spec = framework.table("department")
    return DepartmentTable(
        name=unit or "",
        title=Cell(f"附件2 {year}年度部门整体支出绩效自评表"),
        year=year,
        total=_funds(framework),
        by_income=tuple(Amount(label) for label in _INCOME),
        by_nature=tuple(Amount(label) for label in _NATURE),
        goals=tuple(Goal() for _ in range(_GOALS)),
        indicators=_indicators(spec),
        total_weight=_total_weight(spec, framework),
    )


def _project(framework: Framework, year: int, unit: str | None, index: int) -> ProjectTable:
    spec = framework.table("project") or framework.table("department")
    return ProjectTable(
        name="",
        title=Cell(f"附件3-{index} {year}年度项目支出绩效自评表"),
        year=year,
        competent_department=Cell(unit or ""),
        implementing_unit=Cell(unit or ""),
        total=_funds(framework),
        current_appropriation=FundsRow(label=Cell("其中：当年财政拨款")),
        carryover=FundsRow(label=Cell("上年结转资金")),
        other_funds=FundsRow(label=Cell("其他资金")),
        goals=tuple(Goal() for _ in range(_GOALS)),
        indicators=_indicators(spec),
        total_weight=_total_weight(spec, framework),
    )


def build_template(framework_id: str, year: int, projects: int, unit: str | None = None) -> Package:
    """An empty package with the framework's structure. Raises FrameworkError for an unknown id."""
    from jixiao.frameworks.scheme_scoring import synthesize_sheet

    if projects < 0 or projects > 200:
        raise ValueError("projects must be between 0 and 200")
    framework = get_framework(framework_id)
    wanted = set(framework.required_documents) or {spec.kind for spec in framework.tables}
    documents: list[Document] = []
    if "basic" in wanted or "department" in wanted:
        documents.append(_basic(year, projects))
    if "department" in wanted:
        documents.append(_department(framework, year, unit))
    if "goals" in wanted:
        documents.append(
            GoalsTable(title=Cell(f"{year}年度部门整体支出绩效目标完成情况自评表"), year=year, unit=Cell(unit or ""))
        )
    if framework.scheme is not None:
        sheet = synthesize_sheet(framework.scheme)
        documents.append(
            type(sheet)(name=sheet.name, title=Cell(f"{year}年度{sheet.name}"), year=year, items=sheet.items)
        )
    documents.extend(_project(framework, year, unit, i) for i in range(1, projects + 1))
    return Package(unit=unit, year=year, framework=framework.id, documents=tuple(documents))
