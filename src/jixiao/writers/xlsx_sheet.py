"""A thin layer over an openpyxl worksheet: safe text, styled cells, merges and formulas.

* Text never becomes a formula: every string cell is written with data type "s", and text that
  starts with = + - @ (or a tab or carriage return) also gets the quote prefix, so editing it in
  Excel or WPS keeps it text.
* A figure whose text is a plain number is written as a number (so formulas can use it); any
  other text is kept as written.
* Every input cell written is recorded, so the workbook's fingerprint can be computed (see
  :mod:`jixiao.writers.xlsx_embed`).
"""

from __future__ import annotations

import re
from copy import copy
from dataclasses import dataclass, field
from decimal import Decimal

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, MergedCell
from openpyxl.cell.cell import Cell as XCell
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from jixiao.model import Figure
from jixiao.writers.xlsx_style import StyleName

MAX_CELL_TEXT = 32_000  # Excel allows 32,767 characters in a cell
_RISKY_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")

CellValue = str | Decimal | int | None


def safe_text(text: str) -> str:
    """Text Excel accepts: no control characters, within the cell limit."""
    cleaned = ILLEGAL_CHARACTERS_RE.sub("", text)
    return cleaned[:MAX_CELL_TEXT]


def plain_number(text: str) -> Decimal | None:
    """The number a cell holds when its text is just a number ("12.50", "-3"), else None."""
    body = text.strip().replace(",", "")
    if not _PLAIN_NUMBER.match(body):
        return None
    return Decimal(body)


def col(index: int) -> str:
    return get_column_letter(index)


def ref(row: int, column: int) -> str:
    return f"{get_column_letter(column)}{row}"


@dataclass(slots=True)
class SheetWriter:
    """Writes one worksheet row by row."""

    ws: Worksheet
    row: int = 0
    inputs: list[tuple[int, int, CellValue]] = field(default_factory=list)
    validations: dict[str, DataValidation] = field(default_factory=dict)
    styles: dict[str, StyleArray] = field(default_factory=dict)

    def next_row(self, height: float | None = None) -> int:
        self.row += 1
        if height is not None:
            self.ws.row_dimensions[self.row].height = height
        return self.row

    def text(
        self,
        row: int,
        column: int,
        text: str,
        style: StyleName = "jx_text",
        *,
        to_column: int | None = None,
        to_row: int | None = None,
    ) -> XCell:
        """A string cell that can never become a formula."""
        value = safe_text(text)
        cell = self._cell(row, column, style, to_column, to_row)
        if value:
            cell.value = value
            cell.data_type = "s"
            if value.startswith(_RISKY_START):
                self._style_array(cell).quotePrefix = 1
            self.inputs.append((row, column, value))
        return cell

    def number(
        self,
        row: int,
        column: int,
        value: Decimal | int,
        style: StyleName = "jx_amount",
        *,
        to_column: int | None = None,
    ) -> XCell:
        cell = self._cell(row, column, style, to_column, None)
        cell.value = value
        self.inputs.append((row, column, value))
        return cell

    def figure(
        self,
        row: int,
        column: int,
        figure: Figure,
        style: StyleName = "jx_amount",
        *,
        to_column: int | None = None,
    ) -> bool:
        """A figure as a number when its text is a plain number, else as its text. True if numeric."""
        number = plain_number(figure.text)
        if number is not None:
            self.number(row, column, number, style, to_column=to_column)
            return True
        self.text(row, column, figure.text, style, to_column=to_column)
        return False

    def formula(self, row: int, column: int, formula: str, style: StyleName = "jx_f_score") -> XCell:
        cell = self._cell(row, column, style, None, None)
        cell.value = formula if formula.startswith("=") else f"={formula}"
        return cell

    def label(
        self,
        row: int,
        column: int,
        text: str,
        style: StyleName = "jx_label",
        *,
        to_column: int | None = None,
        to_row: int | None = None,
    ) -> XCell:
        return self.text(row, column, text, style, to_column=to_column, to_row=to_row)

    def blank(self, row: int, column: int, style: StyleName = "jx_text", *, to_column: int | None = None) -> None:
        self._cell(row, column, style, to_column, None)

    def _cell(self, row: int, column: int, style: StyleName, to_column: int | None, to_row: int | None) -> XCell:
        cell = self.ws.cell(row=row, column=column)
        assert isinstance(cell, XCell), "cells are never replaced by merged placeholders here"
        self._style(cell, style)
        last_column = to_column if to_column is not None else column
        last_row = to_row if to_row is not None else row
        if last_column > column or last_row > row:
            self.merge(row, column, last_row, last_column)
            for r in range(row, last_row + 1):
                for c in range(column, last_column + 1):
                    if (r, c) != (row, column):
                        self._style(self.ws.cell(row=r, column=c), style)
        return cell

    @staticmethod
    def _style_array(cell: XCell | MergedCell) -> StyleArray:
        array: StyleArray = cell._style  # type: ignore[union-attr]
        return array

    def _style(self, cell: XCell | MergedCell, style: StyleName) -> None:
        # Assigning a named style is slow in openpyxl; copy the style array of the first cell
        # that got it instead (the same xf in the file).
        cached = self.styles.get(style)
        if cached is None:
            cell.style = style
            self.styles[style] = copy(self._style_array(cell))
        else:
            cell._style = copy(cached)  # type: ignore[union-attr]

    def merge(self, row: int, column: int, last_row: int, last_column: int) -> None:
        """Merge a range. The covered cells keep their own (bordered) styles, as Excel itself
        stores them; openpyxl's merge_cells would re-create every border, slowly."""
        self.ws.merged_cells.add(CellRange(min_col=column, min_row=row, max_col=last_column, max_row=last_row))

    def choice(self, name: str, options: tuple[str, ...], cell_ref: str, *, prompt: str = "") -> None:
        """A drop-down list (data validation) on a cell; one validation object per list."""
        validation = self.validations.get(name)
        if validation is None:
            validation = DataValidation(
                type="list", formula1='"' + ",".join(options) + '"', allow_blank=True, showDropDown=False
            )
            validation.promptTitle = name
            validation.prompt = prompt or "请从下拉列表中选择 / choose from the list"
            validation.showInputMessage = bool(prompt)
            validation.errorTitle = name
            validation.error = "请从下拉列表中选择：" + "、".join(options)
            validation.showErrorMessage = True
            self.ws.add_data_validation(validation)
            self.validations[name] = validation
        validation.add(cell_ref)

    def widths(self, widths: dict[int, float]) -> None:
        for column, width in widths.items():
            self.ws.column_dimensions[get_column_letter(column)].width = width

    def protect(self) -> None:
        """Lock formulas and labels; inputs stay editable. No password."""
        protection = self.ws.protection
        protection.sheet = True
        protection.formatColumns = False
        protection.formatRows = False
        protection.formatCells = False
