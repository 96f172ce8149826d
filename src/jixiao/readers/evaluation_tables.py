"""Project (附件3) and department (附件2) self-evaluation tables from their rows."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from jixiao.model import (
    EMPTY_CELL,
    Amount,
    Cell,
    DepartmentTable,
    Figure,
    FundsRow,
    Goal,
    IndicatorBlock,
    ProjectTable,
    SignOff,
)
from jixiao.readers.blocks import Row
from jixiao.readers.grid import TableContext, clean, find_text, first_nonblank, norm, norms, split_label_amount
from jixiao.readers.indicators import IndicatorParser, funds_header_of, indicator_header_of, read_funds_row

_FUNDS_LABELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("total", ("年度资金总额", "资金总额")),
    ("current_appropriation", ("当年财政拨款", "财政拨款")),
    ("carryover", ("上年结转资金", "上年结转")),
    ("other_funds", ("其他资金",)),
)
_TOTAL_LABELS = frozenset({"总分", "合计", "综合得分"})
_FUNDS_WORDS = re.compile("资金总额|财政拨款|上年结转|其他资金")


@dataclass(slots=True)
class _Parts:
    name: str = ""
    competent: Cell = EMPTY_CELL
    implementing: Cell = EMPTY_CELL
    funds: dict[str, FundsRow] = field(default_factory=dict)
    by_income: list[Amount] = field(default_factory=list)
    by_nature: list[Amount] = field(default_factory=list)
    functions: Cell = EMPTY_CELL
    goals: list[Goal] = field(default_factory=list)
    indicators: IndicatorBlock = field(default_factory=IndicatorBlock)
    total_weight: Figure = field(default_factory=Figure)
    claimed_total: Figure = field(default_factory=Figure)


def _read(ctx: TableContext, rows: list[Row], loose: bool) -> _Parts:
    parts = _Parts()
    header: list[str] = []
    parser: IndicatorParser | None = None
    mode = ""  # "breakdown", "goals", "indicators"
    for number, raw in enumerate(rows, start=1):
        texts = norms(raw)
        total_at = None if _TOTAL_LABELS.isdisjoint(texts) else _first_total(texts)
        if total_at is not None:
            if parser is not None:
                parts.indicators = parser.finish(number)
                parser = None
            # The weight and the claimed total are the first cells with a number after the label
            # (a workbook may carry labels of its own helper columns on the same row).
            figures = [i for i in range(total_at + 1, len(texts)) if any(ch.isdigit() for ch in texts[i])]
            if figures:
                parts.total_weight = ctx.figure(raw, figures[0], number, default_unit="分")
            if len(figures) > 1:
                parts.claimed_total = ctx.figure(raw, figures[1], number, default_unit="分")
            mode = "done"
            continue
        if parser is not None:
            parser.feed(raw, number)
            continue
        cells = "\n".join(texts)  # one cell per line: a word found here is inside one cell
        columns = indicator_header_of(texts, cells)
        if columns is not None:
            parser = IndicatorParser(ctx, columns, len(raw.cells), loose=loose)
            mode = "indicators"
            continue
        name_at = find_text(texts, "项目支出名称", "项目名称", "部门名称", "预算部门名称", "单位名称")
        if name_at is not None and not parts.name:
            value_at = first_nonblank(raw, name_at + 1)
            if value_at is not None and not funds_header_of((texts[value_at],)):
                parts.name = clean(raw.cells[value_at].text).replace("\n", "")
        competent_at = find_text(texts, "主管部门")
        if competent_at is not None:
            parts.competent = ctx.cell(raw, competent_at + 1, number)
            implementing_at = find_text(texts, "实施单位")
            if implementing_at is not None:
                parts.implementing = ctx.cell(raw, implementing_at + 1, number)
            continue
        found = funds_header_of(texts, cells)
        if len(found) >= 2:
            header = [key for _, key in found]
            continue
        if "按收入性质分" in cells or "按支出性质分" in cells:
            mode = "breakdown"
            continue
        if mode == "breakdown" and not ("目标" in cells or "职能" in cells):
            _breakdown(ctx, raw, number, parts)
            continue
        label = _funds_label(texts) if header and _FUNDS_WORDS.search("".join(texts)) else None
        if label is not None and header:
            key, index = label
            if key not in parts.funds:
                parts.funds[key] = read_funds_row(ctx, raw, index, header, number)
                continue
        functions_at = find_text(texts, "职能职责", "部门职能")
        if functions_at is not None:
            parts.functions = ctx.cell(raw, functions_at + 1, number)
            mode = ""
            continue
        if "预期目标" in cells:
            mode = "goals"
            continue
        if mode == "goals" or "总体目标" in cells or "绩效目标" in cells:
            goal = _goal(ctx, raw, number, texts)
            if goal is not None:
                parts.goals.append(goal)
    if parser is not None:
        parts.indicators = parser.finish(len(rows))
    return parts


def _first_total(texts: Sequence[str]) -> int:
    return next(i for i, t in enumerate(texts) if t in _TOTAL_LABELS)


# Each funds label's words, also after "其中：" or "其中", as one tuple for str.startswith.
_FUNDS_PREFIXES = tuple(
    (key, tuple(prefix + word for word in words for prefix in ("", "其中：", "其中"))) for key, words in _FUNDS_LABELS
)


def _funds_label(texts: Sequence[str]) -> tuple[str, int] | None:
    for index, text in enumerate(texts):
        for key, prefixes in _FUNDS_PREFIXES:
            if text.startswith(prefixes):
                return key, index
    return None


def _breakdown(ctx: TableContext, raw: Row, number: int, parts: _Parts) -> None:
    texts = [(i, c) for i, c in enumerate(raw.cells) if norm(c.text)]
    for position, (index, item) in enumerate(texts):
        label, amount = split_label_amount(item.text)
        if not label:
            continue
        figure = ctx.figure_of(amount, ctx.source(item, number, index + 1))
        target = parts.by_income if (position == 0 and len(texts) > 1) or _is_income(label) else parts.by_nature
        if _is_nature(label):
            target = parts.by_nature
        target.append(Amount(label, figure))


def _is_income(label: str) -> bool:
    return any(w in label for w in ("一般公共预算", "政府性基金", "非税收入", "其他资金"))


def _is_nature(label: str) -> bool:
    return any(w in label for w in ("基本支出", "项目支出"))


def _goal(ctx: TableContext, raw: Row, number: int, texts: Sequence[str]) -> Goal | None:
    filled = [i for i, t in enumerate(texts) if t and "总体目标" not in t and "绩效目标" not in t]
    if not filled and len(raw.cells) >= 2 and not any(texts):
        # An empty goal row: kept, so that a finding can point at it.
        return Goal(ctx.cell(raw, len(raw.cells) - 2, number), ctx.cell(raw, len(raw.cells) - 1, number))
    if not filled:
        label_at = next((i for i, t in enumerate(texts) if "目标" in t), None)
        if label_at is None or label_at + 1 >= len(raw.cells):
            return None
        return Goal(ctx.cell(raw, label_at + 1, number), EMPTY_CELL)
    if len(filled) == 1:
        return Goal(ctx.cell(raw, filled[0], number), EMPTY_CELL)
    return Goal(ctx.cell(raw, filled[0], number), ctx.cell(raw, filled[-1], number))


def read_project(
    ctx: TableContext, rows: list[Row], title: Cell, year: int | None, signoff: SignOff, loose: bool = False
) -> ProjectTable:
    parts = _read(ctx, rows, loose)
    return ProjectTable(
        name=parts.name or ctx.table,
        title=title,
        year=year,
        competent_department=parts.competent,
        implementing_unit=parts.implementing,
        total=parts.funds.get("total", FundsRow()),
        current_appropriation=parts.funds.get("current_appropriation"),
        carryover=parts.funds.get("carryover"),
        other_funds=parts.funds.get("other_funds"),
        goals=tuple(parts.goals),
        indicators=parts.indicators,
        claimed_total=parts.claimed_total,
        total_weight=parts.total_weight,
        signoff=signoff,
        source=ctx.row_source(rows[0], 1) if rows else ctx.source(None),
    )


def read_department(
    ctx: TableContext, rows: list[Row], title: Cell, year: int | None, signoff: SignOff, loose: bool = False
) -> DepartmentTable:
    parts = _read(ctx, rows, loose)
    return DepartmentTable(
        name=parts.name,
        title=title,
        year=year,
        total=parts.funds.get("total", FundsRow()),
        by_income=tuple(parts.by_income),
        by_nature=tuple(parts.by_nature),
        functions=parts.functions,
        goals=tuple(parts.goals),
        indicators=parts.indicators,
        claimed_total=parts.claimed_total,
        total_weight=parts.total_weight,
        signoff=signoff,
        source=ctx.row_source(rows[0], 1) if rows else ctx.source(None),
    )
