"""The edit form of one table ↔ the model: apply posted fields to a document, move rows.

Every kind of table has a form (project, department, basic data, scoring sheet, goals table); this
module holds the funds tables (project and department) and sends the others to editing_basic and
editing_shenzhen. Field names of the funds tables: ``funds-<row>-<field>``, ``goal-<i>-expected|actual``,
``ind-<i>-<field>`` with ``ind-count``, ``claimed_total``; every table also has ``signoff-*``. Cells keep
their original Source; only the text (and the number read from it by jixiao.values.parse_amount) changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from jixiao.model import Cell, Figure, FundsRow, Package
from jixiao.web.packages.editing_basic import apply_basic, basic_row_operation
from jixiao.web.packages.editing_cells import (
    apply_goals,
    apply_indicators,
    apply_signoff,
    blank_indicator,
    move_rows,
    parse_operation,
    posted_figure,
)
from jixiao.web.packages.editing_shenzhen import apply_goals_table, apply_scoring, goals_row_operation

EDITABLE_KINDS = ("project", "department", "basic", "scoring", "goals")
FUNDS_ROW_NAMES = ("total", "current_appropriation", "carryover", "other_funds")
FUNDS_AMOUNT_FIELDS = ("initial_budget", "adjusted_budget", "executed")
FUNDS_SCORE_FIELDS = ("weight", "execution_rate", "score")


def is_editable(document: Any) -> bool:
    return getattr(document, "kind", "") in EDITABLE_KINDS


def _funds_row(data: Mapping[str, str], name: str, row: FundsRow | None) -> FundsRow | None:
    prefix = f"funds-{name}-"
    if not any(key.startswith(prefix) for key in data):
        return row
    base = row or FundsRow(label=Cell({"total": "年度资金总额"}.get(name, name)))
    changes: dict[str, Figure] = {}
    for field in FUNDS_AMOUNT_FIELDS + (FUNDS_SCORE_FIELDS if name == "total" else ()):
        unit = "%" if field == "execution_rate" else ("分" if field in ("weight", "score") else "万元")
        changes[field] = posted_figure(data, prefix + field, getattr(base, field), unit)
    updated = replace(base, **changes)
    if row is None and all(not getattr(updated, f).text for f in changes):
        return None
    return row if row is not None and updated == row else updated


def _apply_funds_table(document: Any, data: Mapping[str, str]) -> Any:
    changes: dict[str, Any] = {}
    for name in FUNDS_ROW_NAMES:
        if hasattr(document, name):  # department tables have only the total row
            changes[name] = _funds_row(data, name, getattr(document, name))
    if changes["total"] is None:
        changes["total"] = document.total
    changes["goals"] = apply_goals(data, document.goals)
    changes["indicators"] = apply_indicators(data, document.indicators)
    changes["claimed_total"] = posted_figure(data, "claimed_total", document.claimed_total, "分")
    return replace(document, **changes)


def apply_form(document: Any, data: Mapping[str, str]) -> Any:
    """The document with the posted fields applied (fields not posted keep their value)."""
    kind = document.kind
    if kind == "basic":
        new = apply_basic(document, data)
    elif kind == "scoring":
        new = apply_scoring(document, data)
    elif kind == "goals":
        new = replace(apply_goals_table(document, data), goals=apply_goals(data, document.goals))
    else:
        new = _apply_funds_table(document, data)
    if hasattr(new, "signoff"):
        new = replace(new, signoff=apply_signoff(data, new.signoff))
    return document if new == document else new


def apply_row_operation(document: Any, operation: str) -> Any:
    """``add:i`` inserts an empty indicator row after i (same level 1 and 2), ``del:i``, ``up:i``,
    ``down:i``; ``exp-…``, ``bld-…`` and ``task-…`` do the same for expense, building and task rows."""
    parsed = parse_operation(operation)
    if parsed is None:
        return document
    block, verb, index = parsed
    if document.kind == "basic":
        return basic_row_operation(document, block, verb, index)
    if document.kind == "goals":
        return goals_row_operation(document, block, verb, index)
    if block != "ind" or not hasattr(document, "indicators"):
        return document
    rows = move_rows(document.indicators.indicators, verb, index, blank_indicator)
    if rows is None:
        return document
    return replace(document, indicators=replace(document.indicators, indicators=rows))


def replace_document(package: Package, index: int, document: Any) -> Package:
    documents = list(package.documents)
    documents[index] = document
    return replace(package, documents=tuple(documents))
