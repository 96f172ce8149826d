"""Shared pieces of the edit forms: posted text → Cell/Figure (keeping the Source), row counts, row moves.

A field that is not posted keeps its value; a cell whose text did not change keeps its object, so an
unchanged table stays the very same object (and compares equal cheaply).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import TypeVar

from jixiao.model import Cell, Figure, Goal, Indicator, IndicatorBlock, SignOff
from jixiao.values import parse_amount

MAX_ROWS = 400
MAX_TEXT = 4000
SIGNOFF_FIELDS = ("preparer", "date", "phone", "head")
ROW = TypeVar("ROW")


def text_field(data: Mapping[str, str], key: str, default: str) -> str:
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


def posted_figure(data: Mapping[str, str], key: str, old: Figure, default_unit: str | None) -> Figure:
    return figure(text_field(data, key, old.text), old, default_unit)


def posted_cell(data: Mapping[str, str], key: str, old: Cell) -> Cell:
    return cell(text_field(data, key, old.text), old)


def row_count(data: Mapping[str, str], key: str, current: int) -> int:
    try:
        return max(0, min(int(data.get(key, current)), MAX_ROWS))
    except ValueError:
        return current


def posted_rows(
    data: Mapping[str, str], key: str, rows: Sequence[ROW], apply: Callable[[int, ROW | None], ROW]
) -> tuple[ROW, ...]:
    """Rows 0..count-1 (count from ``<key>-count``), each built by ``apply(index, old row or None)``."""
    count = row_count(data, f"{key}-count", len(rows))
    out = tuple(apply(i, rows[i] if i < len(rows) else None) for i in range(count))
    return tuple(rows) if len(out) == len(rows) and all(a is b for a, b in zip(out, rows, strict=True)) else out


def apply_signoff(data: Mapping[str, str], old: SignOff) -> SignOff:
    if not any(f"signoff-{name}" in data for name in SIGNOFF_FIELDS):
        return old
    changes = {name: posted_cell(data, f"signoff-{name}", getattr(old, name)) for name in SIGNOFF_FIELDS}
    if all(changes[name] is getattr(old, name) for name in SIGNOFF_FIELDS):
        return old
    return replace(old, **changes)


def indicator(data: Mapping[str, str], index: int, old: Indicator | None) -> Indicator:
    base = old or Indicator(level1="", level2="", name=Cell(""))
    key = f"ind-{index}-"
    new = replace(
        base,
        level1=text_field(data, key + "level1", base.level1),
        level2=text_field(data, key + "level2", base.level2),
        name=posted_cell(data, key + "name", base.name),
        target=posted_cell(data, key + "target", base.target),
        actual=posted_cell(data, key + "actual", base.actual),
        deviation_reason=posted_cell(data, key + "deviation_reason", base.deviation_reason),
        weight=posted_figure(data, key + "weight", base.weight, "分"),
        score=posted_figure(data, key + "score", base.score, "分"),
    )
    return base if old is not None and new == base else new


def apply_indicators(data: Mapping[str, str], block: IndicatorBlock) -> IndicatorBlock:
    rows = posted_rows(data, "ind", block.indicators, lambda i, old: indicator(data, i, old))
    return block if rows is block.indicators else replace(block, indicators=rows)


def move_rows(rows: Sequence[ROW], verb: str, index: int, blank: Callable[[ROW | None], ROW]) -> tuple[ROW, ...] | None:
    """``add`` inserts ``blank(near)`` after index (-1: at the top), ``del``, ``up``, ``down``.

    None when the operation does not apply (an index out of range, an unknown verb).
    """
    out = list(rows)
    if verb == "add" and len(out) < MAX_ROWS and -1 <= index < max(len(out), 1):
        near = out[index] if 0 <= index < len(out) else None
        out.insert(index + 1, blank(near))
    elif verb == "del" and 0 <= index < len(out):
        del out[index]
    elif verb == "up" and 0 < index < len(out):
        out[index - 1], out[index] = out[index], out[index - 1]
    elif verb == "down" and 0 <= index < len(out) - 1:
        out[index + 1], out[index] = out[index], out[index + 1]
    else:
        return None
    return tuple(out)


def blank_indicator(near: Indicator | None) -> Indicator:
    return Indicator(level1=near.level1 if near else "", level2=near.level2 if near else "", name=Cell(""))


def parse_operation(operation: str) -> tuple[str, str, int] | None:
    """``add:3`` → ("ind", "add", 3); ``exp-del:2`` → ("exp", "del", 2)."""
    head, _, raw = operation.partition(":")
    block, _, verb = head.rpartition("-")
    try:
        return (block or "ind", verb, int(raw))
    except ValueError:
        return None


def apply_goals(data: Mapping[str, str], goals: tuple[Goal, ...]) -> tuple[Goal, ...]:
    out = []
    for index, goal in enumerate(goals):
        expected = posted_cell(data, f"goal-{index}-expected", goal.expected)
        actual = posted_cell(data, f"goal-{index}-actual", goal.actual)
        out.append(goal if expected is goal.expected and actual is goal.actual else Goal(expected, actual))
    return goals if all(a is b for a, b in zip(out, goals, strict=True)) else tuple(out)
