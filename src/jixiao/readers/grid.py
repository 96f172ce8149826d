"""Helpers shared by the table parsers: normalised text, figures and sources from raw rows."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from jixiao.model import Cell, Figure, Source
from jixiao.readers.blocks import RawCell, Row
from jixiao.values import parse_amount

_SPACE = re.compile(r"[\s\u3000\xa0]+")
_YEAR = re.compile(r"(20\d\d|19\d\d)\s*年")
_LABEL_NUMBER = re.compile(r"^(.*?)[：:]\s*(.*)$", re.S)


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Text with every kind of white space removed, for matching labels."""
    return _SPACE.sub("", text)


@lru_cache(maxsize=65536)
def clean(text: str) -> str:
    """Text trimmed of spaces (incl. U+3000) at both ends, inner line breaks kept."""
    return "\n".join(part.strip(" \u3000\t\xa0") for part in text.strip(" \u3000\t\xa0\n").split("\n"))


@lru_cache(maxsize=16384)
def _amount(text: str) -> tuple[Decimal | None, str | None]:
    return parse_amount(text)


def norms(raw: Row) -> tuple[str, ...]:
    """The row's cell texts without white space, computed once per row."""
    found = raw.normalized
    if found is None:
        found = raw.normalized = tuple([norm(cell.text) for cell in raw.cells])
    return found


def year_in(text: str) -> int | None:
    match = _YEAR.search(text)
    return int(match.group(1)) if match else None


@dataclass(slots=True)
class TableContext:
    """Where the rows of one table come from: file and table name, for sources."""

    file: str | None
    table: str

    def source(self, cell: RawCell | None, row: int | None = None, column: int | None = None) -> Source:
        # Positional arguments: a frozen dataclass is built noticeably faster without keywords.
        return Source(self.file, cell.line if cell is not None else None, self.table, row, column)

    def row_source(self, raw: Row, row: int) -> Source:
        return Source(self.file, raw.line, self.table, row)

    def cell(self, raw: Row, index: int, row: int) -> Cell:
        if 0 <= index < len(raw.cells):
            item = raw.cells[index]
            return Cell(clean(item.text), Source(self.file, item.line, self.table, row, index + 1))
        return Cell("", Source(self.file, None, self.table, row, index + 1))

    def figure(self, raw: Row, index: int, row: int, default_unit: str | None = "万元") -> Figure:
        if 0 <= index < len(raw.cells):
            item = raw.cells[index]
            return self.figure_of(item.text, Source(self.file, item.line, self.table, row, index + 1), default_unit)
        return Figure("", None, None, Source(self.file, None, self.table, row, index + 1))

    @staticmethod
    def figure_of(text: str, source: Source, default_unit: str | None = "万元") -> Figure:
        shown = clean(text)
        value, unit = _amount(shown)
        if value is not None and unit is None:
            unit = default_unit
        return Figure(shown, value, unit, source)


def split_label_amount(text: str) -> tuple[str, str]:
    """ "其中： 一般公共预算：15438.43" → ("一般公共预算", "15438.43")."""
    body = norm(text)
    if body.startswith("其中"):
        body = body[2:].lstrip("：:")
    match = _LABEL_NUMBER.match(body)
    if not match:
        return body, ""
    return match.group(1), match.group(2)


def first_nonblank(raw: Row, start: int = 0) -> int | None:
    texts = norms(raw)
    for index in range(start, len(texts)):
        if texts[index]:
            return index
    return None


def find_cell(raw: Row, *needles: str, exact: bool = False) -> int | None:
    """Index of the first cell whose normalised text contains (or equals) one of the needles."""
    return find_text(norms(raw), *needles, exact=exact)


def find_text(texts: Sequence[str], *needles: str, exact: bool = False) -> int | None:
    """Index of the first normalised text that contains (or equals) one of the needles."""
    if exact:
        return next((index for index, text in enumerate(texts) if text in needles), None)
    joined = "\n".join(texts)  # one search rules most rows out: texts hold no white space
    if not any(needle in joined for needle in needles):
        return None
    for index, text in enumerate(texts):
        for needle in needles:
            if needle in text:
                return index
    return None
