"""The indicator block (一级/二级/三级指标 …) and the funds block (年度资金总额 …) of a table."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache

from jixiao.model import (
    BENEFIT,
    COST,
    EMPTY_CELL,
    EMPTY_FIGURE,
    OUTPUT,
    SATISFACTION,
    Cell,
    Figure,
    FundsRow,
    GroupLabel,
    Indicator,
    IndicatorBlock,
    Source,
)
from jixiao.readers.blocks import RawCell, Row
from jixiao.readers.grid import TableContext, clean, norm, norms

_WEIGHT_IN_LABEL = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[）)]")
_LEVEL2 = re.compile(
    r"^(数量|质量|时效|成本|经济成本|社会成本|生态环境成本|生态成本|环境成本|经济效益|社会效益|生态效益|"
    r"可持续影响|服务对象满意度|社会公众满意度|满意度)指?标?$"
)

# Indicator header words → field names.
_HEADER_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("level1", ("一级指标",)),
    ("level2", ("二级指标",)),
    ("name", ("三级指标",)),
    ("operator", ("指标性质",)),
    ("unit", ("计量单位", "度量单位")),
    ("target", ("年度指标值", "预期指标值", "指标值", "目标值")),
    ("actual", ("实际完成值", "实际完成指标值", "完成值", "实际值")),
    ("weight", ("分值", "权重")),
    ("score", ("得分",)),
    ("reason", ("偏差原因", "原因分析", "改进措施")),
)

# Funds header words → FundsRow fields, most specific first.
_FUNDS_FIELDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("initial_budget", ("年初预算数", "年初预算")),
    ("adjusted_budget", ("全年预算数", "调整后预算数", "调整预算数", "全年预算")),
    ("execution_rate", ("执行率",)),
    ("executed", ("全年执行数", "执行数", "决算数")),
    ("weight", ("分值",)),
    ("score", ("得分",)),
)

# Any funds header word: most rows hold none, and one search tells.
_FUNDS_WORD = re.compile("|".join(word for _, words in _FUNDS_FIELDS for word in words))


def canonical_level1(text: str) -> str:
    body = norm(text)
    if "满意" in body:
        return SATISFACTION
    if "成本" in body:
        return COST
    if "效益" in body:
        return BENEFIT
    if "产出" in body:
        return OUTPUT
    return ""


def is_level1(text: str) -> bool:
    body = _WEIGHT_IN_LABEL.sub("", norm(text))
    return body in {"产出指标", "效益指标", "满意度指标", "成本指标", "产出", "效益", "满意度", "成本"}


def is_level2(text: str) -> bool:
    return bool(_LEVEL2.match(norm(text)))


@lru_cache(maxsize=16384)
def _levels(text: str) -> tuple[bool, bool]:
    """(is_level1, is_level2) of a cell text: asked of every cell of every indicator row."""
    return is_level1(text), is_level2(text)


def indicator_header(raw: Row) -> dict[str, int] | None:
    """Column map of an indicator header row, or None if the row is not one."""
    texts = norms(raw)
    return indicator_header_of(texts, "\n".join(texts))


def indicator_header_of(texts: Sequence[str], cells: str) -> dict[str, int] | None:
    """indicator_header of a row's normalised texts (``cells``: the texts joined by newlines)."""
    if "三级指标" not in cells or "一级指标" not in cells:
        return None
    columns: dict[str, int] = {}
    for index, text in enumerate(texts):
        for key, words in _HEADER_FIELDS:
            if key not in columns and any(w in text for w in words):
                columns[key] = index
                break
    return columns


def funds_header(raw: Row) -> list[tuple[int, str]]:
    """(column, field) pairs of a funds header row, in order."""
    return funds_header_of(norms(raw))


def funds_header_of(texts: Sequence[str], cells: str | None = None) -> list[tuple[int, str]]:
    """funds_header of a row's normalised texts (``cells``: the texts joined by newlines, if known)."""
    if not _FUNDS_WORD.search("\n".join(texts) if cells is None else cells):
        return []
    found: list[tuple[int, str]] = []
    for index, text in enumerate(texts):
        for key, words in _FUNDS_FIELDS:
            if any(w in text for w in words):
                found.append((index, key))
                break
    return found


@dataclass(slots=True)
class IndicatorParser:
    """Reads indicator rows after a header row; merged cells carry level names down."""

    ctx: TableContext
    columns: dict[str, int]
    width: int
    loose: bool = False  # row-per-line extractions: cells may be shifted, read by content
    indicators: list[Indicator] = field(default_factory=list)
    groups: list[GroupLabel] = field(default_factory=list)
    level1: str = ""
    level2: str = ""
    pending: Row | None = None
    _at: tuple[int | None, ...] = field(default=(), init=False, repr=False)

    def feed(self, raw: Row, row_number: int) -> None:
        if self.pending is not None:
            merged = Row(self.pending.cells + raw.cells, self.pending.line)
            self.pending = None
            if len(merged.cells) <= self.width:
                raw = merged
        if not self.loose and len(raw.cells) < self.width and len(raw.cells) <= self.width - 3:
            # A row cut in two by blank lines inside a merged cell: wait for the rest.
            self.pending = raw
            return
        cells = self._align(raw)
        self._read(cells, raw, row_number)

    def finish(self, row_number: int) -> IndicatorBlock:
        if self.pending is not None:
            pending, self.pending = self.pending, None
            self._read(self._align(pending), pending, row_number)
        return IndicatorBlock(tuple(self.indicators), tuple(self.groups))

    def _align(self, raw: Row) -> list[RawCell | None]:
        cells: list[RawCell | None] = list(raw.cells)
        l2 = self.columns.get("level2")
        l1 = self.columns.get("level1")
        anchor = None
        for index, cell in enumerate(cells):
            if cell is None:
                continue
            level1, level2 = _levels(cell.text)
            if (level1 or level2) and index in (l1, l2):
                break  # a level label already in a level column: the row is aligned
            if level2 and l2 is not None:
                anchor = (index, l2)
                break
            if level1 and l1 is not None:
                anchor = (index, l1)
                break
        if anchor is not None and anchor[0] != anchor[1]:
            shift = anchor[1] - anchor[0]
            if shift > 0:
                padding: list[RawCell | None] = [None] * shift
                cells = padding + cells
            elif all(c is None or not norm(c.text) for c in cells[:-shift]):
                cells = cells[-shift:]
        if self.loose:
            cells = self._collapse(cells)
        if len(cells) < self.width:
            # Cells missing at the left are merged label columns.
            missing: list[RawCell | None] = [None] * (self.width - len(cells))
            cells = missing + cells if not self.loose else cells + missing
        return cells

    def _collapse(self, cells: list[RawCell | None]) -> list[RawCell | None]:
        """Row-per-line rows: the non-empty cells after the level-2 column, in order."""
        start = self.columns.get("name", 3)
        head = cells[:start]
        rest = [c for c in cells[start:] if c is not None and norm(c.text)]
        l2 = self.columns.get("level2")
        if l2 is not None and l2 < len(head) and head[l2] is not None:
            label = head[l2]
            if label is not None and norm(label.text) and not is_level2(label.text) and not rest[:1]:
                rest = [label]
                head[l2] = None
            elif label is not None and norm(label.text) and not is_level2(label.text):
                rest = [label, *rest]
                head[l2] = None
        return head + rest

    def __post_init__(self) -> None:
        get = self.columns.get
        self._at = tuple(get(key) for key in _ROW_KEYS)

    def _read(self, cells: list[RawCell | None], raw: Row, row: int) -> None:
        # The hot loop of reading a package: one call per indicator row, so kept flat.
        file, table = self.ctx.file, self.ctx.table
        l1_at, l2_at, name_at, target_at, actual_at, weight_at, score_at, reason_at, operator_at, unit_at = self._at
        l1_text, l1_raw = _text_at(cells, l1_at)
        l1_body = norm(l1_text)
        if l1_body:
            group = canonical_level1(l1_text)
            if group:
                if group != self.level1:
                    self.level2 = ""
                self.level1 = group
                label_weight = _WEIGHT_IN_LABEL.search(l1_body)
                source = Source(
                    file,
                    l1_raw.line if l1_raw is not None else None,
                    table,
                    row,
                    l1_at + 1 if l1_at is not None else None,
                )
                self.groups.append(
                    GroupLabel(
                        group,
                        l1_text,
                        Figure(label_weight.group(0), Decimal(label_weight.group(1)), "分", source)
                        if label_weight
                        else EMPTY_FIGURE,
                        source,
                    )
                )
        l2_body = norm(_text_at(cells, l2_at)[0])
        if l2_body:
            self.level2 = l2_body
        name = _cell_at(cells, name_at, file, table, row)
        target = _cell_at(cells, target_at, file, table, row)
        actual = _cell_at(cells, actual_at, file, table, row)
        weight = _figure_at(cells, weight_at, file, table, row)
        score = _figure_at(cells, score_at, file, table, row)
        # Cells are clean(): their text is empty exactly when they are blank.
        if not (name.text or target.text or actual.text or weight.text or score.text):
            return
        wrapped = name.text and not (l1_body or l2_body or target.text or actual.text or weight.text)
        if self.loose and self.indicators and wrapped:
            # A wrapped line of the previous indicator's name (pdf extraction).
            last = self.indicators[-1]
            self.indicators[-1] = _replace_name(last, last.name.text + name.text)
            return
        level1 = self.level1
        if level1 == BENEFIT and not l1_body and not l2_body and norm(name.text).endswith(("满意度", "满意率")):
            # A satisfaction row left without its level-1 label after the benefit rows.
            level1, self.level1, self.level2 = SATISFACTION, SATISFACTION, ""
        self.indicators.append(
            Indicator(
                level1,
                self.level2,
                name,
                target,
                actual,
                weight,
                score,
                _cell_at(cells, reason_at, file, table, row) if reason_at is not None else EMPTY_CELL,
                _cell_at(cells, operator_at, file, table, row) if operator_at is not None else None,
                _cell_at(cells, unit_at, file, table, row) if unit_at is not None else None,
                Source(file, raw.line, table, row),
            )
        )


_ROW_KEYS = ("level1", "level2", "name", "target", "actual", "weight", "score", "reason", "operator", "unit")


def _text_at(cells: list[RawCell | None], index: int | None) -> tuple[str, RawCell | None]:
    if index is None or index >= len(cells):
        return "", None
    cell = cells[index]
    return ("", None) if cell is None else (clean(cell.text), cell)


def _cell_at(cells: list[RawCell | None], index: int | None, file: str | None, table: str, row: int) -> Cell:
    """The cell in column ``index`` of an aligned indicator row, with its source."""
    if index is None:
        return Cell("", Source(file, None, table, row, None))
    cell = cells[index] if index < len(cells) else None
    if cell is None:
        return Cell("", Source(file, None, table, row, index + 1))
    return Cell(clean(cell.text), Source(file, cell.line, table, row, index + 1))


def _figure_at(cells: list[RawCell | None], index: int | None, file: str | None, table: str, row: int) -> Figure:
    """The points (分) figure in column ``index`` of an aligned indicator row."""
    cell = cells[index] if index is not None and index < len(cells) else None
    if cell is None:
        return Figure("", None, None, Source(file, None, table, row, index + 1 if index is not None else None))
    return TableContext.figure_of(cell.text, Source(file, cell.line, table, row, index + 1), "分")  # type: ignore[operator]


def _replace_name(indicator: Indicator, text: str) -> Indicator:
    return replace(indicator, name=Cell(text, indicator.name.source))


_FUNDS_UNITS = {"weight": "分", "score": "分", "execution_rate": "%"}


def read_funds_row(ctx: TableContext, raw: Row, label_index: int, header: list[str], row: int) -> FundsRow:
    """A funds row: the label, then one cell per header field in order.

    A label carrying its own amount ("资金总额：533.49") gives the budget when the table has no
    budget column for it (or leaves that cell blank).
    """
    values: dict[str, Figure] = {}
    label_raw = raw.cells[label_index]
    label_text = clean(label_raw.text)
    position = label_index + 1
    for key in header:
        if position >= len(raw.cells):
            break
        values[key] = ctx.figure(raw, position, row, _FUNDS_UNITS.get(key, "万元"))
        position += 1
    inline = label_text.rsplit("：", 1)[1] if "：" in label_text else ""
    budget = values.get("adjusted_budget")
    if any(ch.isdigit() for ch in inline) and (budget is None or budget.blank):
        values["adjusted_budget"] = ctx.figure_of(inline, ctx.source(label_raw, row, label_index + 1))
    label = Cell(label_text, ctx.source(label_raw, row, label_index + 1))
    return FundsRow(label=label, source=ctx.row_source(raw, row), **values)
