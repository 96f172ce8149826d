"""Helpers for the document tests: a summary of every table figure, to compare two packages."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pytest

from jixiao.model import (
    BasicData,
    DepartmentTable,
    Figure,
    FundsRow,
    GoalsTable,
    IndicatorBlock,
    Package,
    ProjectTable,
    ScoringSheet,
)

_WHITE = re.compile(r"[\s\u3000\xa0]+")


def _t(text: str) -> str:
    return _WHITE.sub("", text)


def _v(figure: Figure) -> Decimal | None:
    return figure.value


def _funds(row: FundsRow | None) -> tuple[Decimal | None, ...]:
    row = row or FundsRow()
    return tuple(
        _v(f)
        for f in (row.initial_budget, row.adjusted_budget, row.executed, row.weight, row.execution_rate, row.score)
    )


def _block(block: IndicatorBlock) -> list[Any]:
    rows = [
        (
            i.level1,
            i.level2,
            _t(i.name.text),
            _t(i.target.text),
            _t(i.actual.text),
            _v(i.weight),
            _v(i.score),
            _t(i.deviation_reason.text),
        )
        for i in block.indicators
    ]
    # A level-1 name standing alone (no weight) is how the writer labels indicators whose label the
    # source left implicit; it carries no figure, so it is left out of the comparison.
    groups = [
        (g.level1, _t(g.text), _v(g.weight))
        for g in block.groups
        if not (g.weight.value is None and _t(g.text) == g.level1)
    ]
    return [rows, groups]


def table_figures(package: Package) -> list[Any]:
    """Every figure and text of every table, white space ignored, amounts as Decimals."""
    out: list[Any] = []
    for document in package.documents:
        entry: list[Any] = [document.kind, _t(document.name)]
        if isinstance(document, (ProjectTable, DepartmentTable)):
            entry += [_funds(document.total), _block(document.indicators)]
            entry += [_v(document.claimed_total), _v(document.total_weight)]
            entry += [
                [
                    (_t(g.expected.text), _t(g.actual.text))
                    for g in document.goals
                    if _t(g.expected.text + g.actual.text)
                ]
            ]
            signoff = document.signoff
            entry += [tuple(_t(c.text) for c in (signoff.preparer, signoff.date, signoff.phone, signoff.head))]
        if isinstance(document, ProjectTable):
            entry += [_funds(document.current_appropriation), _funds(document.carryover), _funds(document.other_funds)]
            entry += [_t(document.competent_department.text), _t(document.implementing_unit.text)]
        if isinstance(document, DepartmentTable):
            entry += [[(_t(a.label), _v(a.figure)) for a in document.by_income]]
            entry += [[(_t(a.label), _v(a.figure)) for a in document.by_nature]]
            entry += [_t(document.functions.text)]
        if isinstance(document, BasicData):
            s = document.staffing
            entry += [(_v(s.authorized), _v(s.actual), _v(s.control_rate))]
            entry += [
                [
                    (_t(e.label.text), e.category, _v(e.previous_final), _v(e.budget), _v(e.final))
                    for e in document.expenses
                ]
            ]
            entry += [
                [
                    tuple(
                        _t(f.text)
                        for f in (
                            b.approved_area,
                            b.actual_area,
                            b.area_control_rate,
                            b.budget_investment,
                            b.actual_investment,
                            b.investment_control_rate,
                        )
                    )
                    for b in document.buildings
                ]
            ]
            entry += [_t(document.savings_measures.text), tuple(_t(x) for x in document.column_labels)]
        if isinstance(document, ScoringSheet):
            entry += [
                [
                    (i.level1, i.level2, _t(i.name.text), _v(i.weight), _t(i.criteria.text), _v(i.score))
                    for i in document.items
                ]
            ]
            entry += [_v(document.claimed_total), _t(document.claimed_grade.text)]
        if isinstance(document, GoalsTable):
            entry += [_t(document.unit.text)]
            tasks = [*document.tasks, *([document.task_total] if document.task_total else [])]
            entry += [
                [
                    (
                        _t(t.name.text),
                        _t(t.status.text),
                        _v(t.budget),
                        _v(t.budget_fiscal),
                        _v(t.executed),
                        _v(t.executed_fiscal),
                    )
                    for t in tasks
                ]
            ]
            entry += [[(_t(g.expected.text), _t(g.actual.text)) for g in document.goals]]
            entry += [_block(document.indicators)]
        out.append(entry)
    return out


def first_difference(a: Any, b: Any, path: str = "") -> str | None:
    """Where two nested summaries first differ (for readable assertion messages)."""
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        if len(a) != len(b):
            return f"{path}: length {len(a)} != {len(b)}"
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            found = first_difference(x, y, f"{path}[{index}]")
            if found:
                return found
        return None
    return None if a == b else f"{path}: {a!r} != {b!r}"


@pytest.fixture
def summarize() -> Any:
    """``summarize(package)``: every table figure (see table_figures)."""
    return table_figures


@pytest.fixture
def differ() -> Any:
    """``differ(a, b)``: where two summaries first differ, or None."""
    return first_difference
