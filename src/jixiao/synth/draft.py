"""The mutable draft of a generated package (texts as they will be written) and its conversion to the model.

The builder fills a :class:`Draft` with consistent texts, defects edit those texts, and
:func:`to_package` turns the result into the immutable model. Figures are read from their texts
with the same helper the readers use, so a written and re-read package has the same values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Literal

from jixiao.model import (
    NOWHERE,
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
    GroupLabel,
    Indicator,
    IndicatorBlock,
    Package,
    ProjectTable,
    SignOff,
    Staffing,
)
from jixiao.readers.blocks import Para
from jixiao.readers.grid import TableContext, norm
from jixiao.readers.narrative_text import build_cover, build_narratives

IndicatorKind = Literal["ge", "le", "time", "qual", "rate"]
_WEIGHT_IN_LABEL = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]")


@lru_cache(maxsize=65536)
def figure(text: str, unit: str | None = "万元") -> Figure:
    """The figure a reader makes of a cell's text (cached: figures are immutable)."""
    return TableContext.figure_of(text, NOWHERE, unit)


@dataclass(slots=True)
class FundsLine:
    key: str  # total, current_appropriation, carryover, other_funds
    label: str
    initial: str
    adjusted: str
    executed: str
    weight: str = ""
    rate: str = ""
    score: str = ""


@dataclass(slots=True)
class IndLine:
    level1: str
    level2: str
    name: str
    target: str
    actual: str
    weight: str
    score: str
    reason: str = ""
    kind: IndicatorKind = "qual"
    met: bool = True


@dataclass(slots=True)
class EvalTable:
    kind: Literal["department", "project"]
    attachment: str  # "附件2", "附件3-1"
    title: str  # "2023年度项目支出绩效自评表"
    name: str
    competent: str = ""
    implementing: str = ""
    funds: list[FundsLine] = field(default_factory=list)
    income: list[tuple[str, str]] = field(default_factory=list)
    nature: list[tuple[str, str]] = field(default_factory=list)
    goals: list[tuple[str, str]] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # level1 → label text "产出指标（40分）"
    indicators: list[IndLine] = field(default_factory=list)
    total_weight: str = "100"
    total_score: str = ""
    signoff: list[str] = field(default_factory=lambda: ["", "", "", ""])

    @property
    def total(self) -> FundsLine:
        return self.funds[0]


@dataclass(slots=True)
class ExpLine:
    label: str
    category: ExpenseCategory
    previous: str
    budget: str
    final: str


@dataclass(slots=True)
class BasicTable:
    attachment: str
    title: str
    year: int
    staffing: tuple[str, str, str]
    rows: list[ExpLine] = field(default_factory=list)
    savings: str = ""
    signoff: list[str] = field(default_factory=lambda: ["", "", "", ""])

    def row(self, category: ExpenseCategory) -> ExpLine:
        return next(r for r in self.rows if r.category == category)


@dataclass(slots=True)
class Draft:
    unit: str
    year: int
    basic: BasicTable
    department: EvalTable
    projects: list[EvalTable]
    narrative: list[str] = field(default_factory=list)  # the report's lines, cover first

    @property
    def tables(self) -> list[BasicTable | EvalTable]:
        return [self.basic, self.department, *self.projects]


def _signoff(values: list[str]) -> SignOff:
    return SignOff(Cell(values[0]), Cell(values[1]), Cell(values[2]), Cell(values[3]))


def _funds_row(line: FundsLine) -> FundsRow:
    return FundsRow(
        label=Cell(line.label),
        initial_budget=figure(line.initial),
        adjusted_budget=figure(line.adjusted),
        executed=figure(line.executed),
        weight=figure(line.weight, "分"),
        execution_rate=figure(line.rate, "%"),
        score=figure(line.score, "分"),
    )


def _indicators(table: EvalTable) -> IndicatorBlock:
    indicators: list[Indicator] = []
    groups: list[GroupLabel] = []
    seen: set[str] = set()
    for line in table.indicators:
        if line.level1 not in seen:
            seen.add(line.level1)
            label = table.labels[line.level1]
            match = _WEIGHT_IN_LABEL.search(norm(label))
            weight = Figure(match.group(0), Decimal(match.group(1)), "分") if match else Figure()
            groups.append(GroupLabel(line.level1, label, weight))
        indicators.append(
            Indicator(
                level1=line.level1,
                level2=norm(line.level2),
                name=Cell(line.name),
                target=Cell(line.target),
                actual=Cell(line.actual),
                weight=figure(line.weight, "分"),
                score=figure(line.score, "分"),
                deviation_reason=Cell(line.reason),
            )
        )
    return IndicatorBlock(tuple(indicators), tuple(groups))


def _year(title: str) -> int | None:
    match = re.search(r"(20\d\d)\s*年", title)
    return int(match.group(1)) if match else None


def _goals(table: EvalTable) -> tuple[Goal, ...]:
    # An empty goal row stays a (blank) Goal: the form always has the row, and the reader keeps it.
    return tuple(Goal(Cell(e), Cell(a)) for e, a in table.goals)


def eval_document(table: EvalTable) -> DepartmentTable | ProjectTable:
    title = Cell(f"{table.attachment} {table.title}")
    funds = {line.key: _funds_row(line) for line in table.funds}
    common = {
        "title": title,
        "year": _year(table.title),
        "total": funds["total"],
        "goals": _goals(table),
        "indicators": _indicators(table),
        "claimed_total": figure(table.total_score, "分"),
        "total_weight": figure(table.total_weight, "分"),
        "signoff": _signoff(table.signoff),
    }
    if table.kind == "department":
        return DepartmentTable(
            name=table.name,
            by_income=tuple(Amount(label, figure(amount)) for label, amount in table.income),
            by_nature=tuple(Amount(label, figure(amount)) for label, amount in table.nature),
            **common,  # type: ignore[arg-type]
        )
    return ProjectTable(
        name=table.name,
        competent_department=Cell(table.competent),
        implementing_unit=Cell(table.implementing),
        current_appropriation=funds.get("current_appropriation"),
        carryover=funds.get("carryover"),
        other_funds=funds.get("other_funds"),
        **common,  # type: ignore[arg-type]
    )


def basic_document(table: BasicTable) -> BasicData:
    authorized, actual, rate = table.staffing
    return BasicData(
        title=Cell(f"{table.attachment} {table.title}"),
        year=_year(table.title),
        staffing=Staffing(figure(authorized, "人"), figure(actual, "人"), figure(rate, "%")),
        column_labels=(f"{table.year - 1}年决算数", f"{table.year}年预算数", f"{table.year}年决算数"),
        expenses=tuple(
            ExpenseRow(Cell(r.label), r.category, figure(r.previous), figure(r.budget), figure(r.final))
            for r in table.rows
        ),
        savings_measures=Cell(table.savings),
        signoff=_signoff(table.signoff),
    )


def to_package(draft: Draft, framework: str | None = None) -> Package:
    documents: list[Document] = [basic_document(draft.basic), eval_document(draft.department)]
    documents += [eval_document(p) for p in draft.projects]
    paras = [Para(text, number) for number, text in enumerate(draft.narrative, start=1) if text.strip()]
    # Narrative lines are written first, one per line, so their sources are the layout's lines.
    narratives = build_narratives(paras, None)
    cover = build_cover(paras, None)
    return Package(
        unit=draft.unit,
        year=draft.year,
        framework=framework,
        cover=cover,
        documents=tuple(documents),
        narratives=narratives,
    )
