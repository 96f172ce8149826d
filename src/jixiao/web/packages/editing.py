"""The edit form of one table ↔ the model: apply posted fields to a document, move indicator rows.

Field names: ``funds-<row>-<field>``, ``goal-<i>-expected|actual``, ``ind-<i>-<field>`` with
``ind-count``, and ``claimed_total``. Cells keep their original Source; only the text (and the
number read from it by jixiao.values.parse_amount) changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from jixiao.model import Cell, Figure, FundsRow, Goal, Indicator, IndicatorBlock, Package
from jixiao.values import parse_amount

INDICATOR_TEXT_FIELDS = ("name", "target", "actual", "deviation_reason")
INDICATOR_FIGURE_FIELDS = ("weight", "score")
FUNDS_ROW_NAMES = ("total", "current_appropriation", "carryover", "other_funds")
FUNDS_AMOUNT_FIELDS = ("initial_budget", "adjusted_budget", "executed")
FUNDS_SCORE_FIELDS = ("weight", "execution_rate", "score")
MAX_INDICATORS = 400
MAX_TEXT = 4000


def is_editable(document: Any) -> bool:
    """Tables with a funds block and an indicator block are edited in the form."""
    return getattr(document, "kind", "") in ("project", "department")


def _text(data: Mapping[str, str], key: str, default: str) -> str:
    value = data.get(key)
    if value is None:
        return default
    return value.replace("\r\n", "\n").strip()[:MAX_TEXT]


def figure(text: str, old: Figure, default_unit: str | None) -> Figure:
    if text == old.text:
        return old
    value, unit = parse_amount(text)
    if value is not None and unit is None:
        unit = default_unit
    return Figure(text, value, unit, old.source)


def cell(text: str, old: Cell) -> Cell:
    return old if text == old.text else Cell(text, old.source)


def _funds_row(data: Mapping[str, str], name: str, row: FundsRow | None) -> FundsRow | None:
    prefix = f"funds-{name}-"
    if not any(key.startswith(prefix) for key in data):
        return row
    base = row or FundsRow(label=Cell({"total": "年度资金总额"}.get(name, name)))
    changes: dict[str, Figure] = {}
    for field in FUNDS_AMOUNT_FIELDS + (FUNDS_SCORE_FIELDS if name == "total" else ()):
        old: Figure = getattr(base, field)
        unit = "%" if field == "execution_rate" else ("分" if field in ("weight", "score") else "万元")
        changes[field] = figure(_text(data, prefix + field, old.text), old, unit)
    updated = replace(base, **changes)
    if row is None and all(not getattr(updated, f).text for f in changes):
        return None
    return updated


def _indicator(data: Mapping[str, str], index: int, old: Indicator | None) -> Indicator:
    base = old or Indicator(level1="", level2="", name=Cell(""))
    key = f"ind-{index}-"
    return replace(
        base,
        level1=_text(data, key + "level1", base.level1),
        level2=_text(data, key + "level2", base.level2),
        name=cell(_text(data, key + "name", base.name.text), base.name),
        target=cell(_text(data, key + "target", base.target.text), base.target),
        actual=cell(_text(data, key + "actual", base.actual.text), base.actual),
        deviation_reason=cell(_text(data, key + "deviation_reason", base.deviation_reason.text), base.deviation_reason),
        weight=figure(_text(data, key + "weight", base.weight.text), base.weight, "分"),
        score=figure(_text(data, key + "score", base.score.text), base.score, "分"),
    )


def apply_form(document: Any, data: Mapping[str, str]) -> Any:
    """The document with the posted fields applied (fields not posted keep their value)."""
    changes: dict[str, Any] = {}
    for name in FUNDS_ROW_NAMES:
        if hasattr(document, name):  # department tables have only the total row
            changes[name] = _funds_row(data, name, getattr(document, name))
    if changes["total"] is None:
        changes["total"] = document.total
    goals = list(document.goals)
    for index, goal in enumerate(goals):
        goals[index] = Goal(
            cell(_text(data, f"goal-{index}-expected", goal.expected.text), goal.expected),
            cell(_text(data, f"goal-{index}-actual", goal.actual.text), goal.actual),
        )
    changes["goals"] = tuple(goals)
    old_rows = document.indicators.indicators
    try:
        count = min(int(data.get("ind-count", len(old_rows))), MAX_INDICATORS)
    except ValueError:
        count = len(old_rows)
    rows = [_indicator(data, i, old_rows[i] if i < len(old_rows) else None) for i in range(count)]
    changes["indicators"] = replace(document.indicators, indicators=tuple(rows))
    changes["claimed_total"] = figure(
        _text(data, "claimed_total", document.claimed_total.text), document.claimed_total, "分"
    )
    return replace(document, **changes)


def apply_row_operation(document: Any, operation: str) -> Any:
    """``add:i`` inserts an empty row after i (same level 1 and 2), ``del:i``, ``up:i``, ``down:i``."""
    verb, _, raw = operation.partition(":")
    rows = list(document.indicators.indicators)
    try:
        index = int(raw)
    except ValueError:
        return document
    if verb == "add" and len(rows) < MAX_INDICATORS:
        near = rows[index] if 0 <= index < len(rows) else None
        new = Indicator(level1=near.level1 if near else "", level2=near.level2 if near else "", name=Cell(""))
        rows.insert(min(max(index + 1, 0), len(rows)), new)
    elif verb == "del" and 0 <= index < len(rows):
        del rows[index]
    elif verb == "up" and 0 < index < len(rows):
        rows[index - 1], rows[index] = rows[index], rows[index - 1]
    elif verb == "down" and 0 <= index < len(rows) - 1:
        rows[index + 1], rows[index] = rows[index], rows[index + 1]
    else:
        return document
    block: IndicatorBlock = document.indicators
    return replace(document, indicators=replace(block, indicators=tuple(rows)))


def replace_document(package: Package, index: int, document: Any) -> Package:
    documents = list(package.documents)
    documents[index] = document
    return replace(package, documents=tuple(documents))
