"""Small builders so each test states its package in a few readable lines.

table = project(("产出指标", "数量指标", "建设套数", "≥100套", "95套", "10", "9"))
score = score_package(package(table), get_framework("hunan-2023"))
"""

from __future__ import annotations

from jixiao.model import (
    BasicData,
    Cell,
    DepartmentTable,
    ExpenseCategory,
    ExpenseRow,
    Figure,
    FundsRow,
    GroupLabel,
    Indicator,
    IndicatorBlock,
    Narrative,
    Package,
    ProjectTable,
    ScoringItem,
    ScoringSheet,
    Staffing,
    Statement,
    StatementKind,
)
from jixiao.values import parse_amount

Row = tuple[str, ...]  # (level1, level2, name, target, actual, weight[, score])


def fig(text: str) -> Figure:
    value, unit = parse_amount(text)
    return Figure(text, value, unit)


def indicator(row: Row) -> Indicator:
    level1, level2, name, target, actual, weight, *rest = row
    score = rest[0] if rest else ""
    return Indicator(level1, level2, Cell(name), Cell(target), Cell(actual), fig(weight), fig(score))


def block(rows: tuple[Row, ...], labels: dict[str, str] | None = None) -> IndicatorBlock:
    groups = tuple(GroupLabel(level1, f"{level1}（{w}分）", fig(w)) for level1, w in (labels or {}).items())
    return IndicatorBlock(tuple(indicator(r) for r in rows), groups)


def funds(
    adjusted: str = "100", executed: str = "100", weight: str = "10", score: str = "", rate: str = ""
) -> FundsRow:
    return FundsRow(
        Cell("年度资金总额"), fig(adjusted), fig(adjusted), fig(executed), fig(weight), fig(rate), fig(score)
    )


def project(
    *rows: Row,
    name: str = "测试项目",
    total: FundsRow | None = None,
    labels: dict[str, str] | None = None,
    claimed_total: str = "",
) -> ProjectTable:
    return ProjectTable(
        name,
        total=total or funds(score="10"),
        indicators=block(rows, labels),
        claimed_total=fig(claimed_total),
    )


def department(*rows: Row, name: str = "测试单位", total: FundsRow | None = None) -> DepartmentTable:
    return DepartmentTable(name, total=total or funds(score="10"), indicators=block(rows))


def expense(category: ExpenseCategory, previous: str, budget: str, final: str) -> ExpenseRow:
    return ExpenseRow(Cell(category), category, fig(previous), fig(budget), fig(final))


def basic(authorized: str = "", actual: str = "", *rows: ExpenseRow) -> BasicData:
    return BasicData(staffing=Staffing(fig(authorized), fig(actual)), expenses=rows)


def sheet(*items: tuple[str, str, str, str, str], total: str = "", grade: str = "") -> ScoringSheet:
    """Items as (level1, level2, name, weight, claimed score)."""
    return ScoringSheet(
        items=tuple(ScoringItem(l1, l2, Cell(name), fig(w), score=fig(s)) for l1, l2, name, w, s in items),
        claimed_total=fig(total),
        claimed_grade=Cell(grade),
    )


def statement(kind: StatementKind, text: str, sentence: str, subject: str = "") -> Statement:
    value, unit = parse_amount(text)
    return Statement(kind, text, value, unit, subject, sentence)


def package(*documents: object, unit: str | None = None, statements: tuple[Statement, ...] = ()) -> Package:
    narratives = (Narrative(statements=statements),) if statements else ()
    return Package(unit=unit, documents=documents, narratives=narratives)  # type: ignore[arg-type]
