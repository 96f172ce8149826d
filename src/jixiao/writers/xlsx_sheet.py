"""One worksheet, written row by row into plain dictionaries: safe text, styled cells, merges, formulas.

* Text never becomes a formula: every string cell is an inline string (``t="inlineStr"``), and
  text that starts with = + - @ (or a tab or carriage return) also gets the quote prefix, so
  editing it in Excel or WPS keeps it text.
* A figure whose text is a plain number is written as a number (so formulas can use it); any
  other text is kept as written.
* Every input cell written is recorded, so the workbook's fingerprint can be computed (see
  :mod:`jixiao.writers.xlsx_embed`).

Each cell is kept as its XML already escaped (see :mod:`jixiao.writers.xlsx_parts`, which turns
a sheet into its part); a cell written twice keeps the last style and the last value given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from jixiao.model import Figure
from jixiao.writers.xlsx_style import QUOTED_XF, XF, XF_STYLE, StyleName

MAX_CELL_TEXT = 32_000  # Excel allows 32,767 characters in a cell
_RISKY_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_PLAIN_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0
BLANK = "/>"

CellValue = str | Decimal | int | None


def safe_text(text: str) -> str:
    """Text Excel accepts: no control characters, within the cell limit."""
    cleaned = _ILLEGAL.sub("", text)
    return cleaned[:MAX_CELL_TEXT]


def esc(text: str) -> str:
    """Element text for XML (a carriage return kept as a character reference, not normalised away)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


def esc_attr(text: str) -> str:
    """An attribute value for XML: also quotes and the whitespace attribute normalisation would change."""
    return esc(_ILLEGAL.sub("", text)).replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#9;")


def plain_number(text: str) -> Decimal | None:
    """The number a cell holds when its text is just a number ("12.50", "-3"), else None."""
    body = text.strip().replace(",", "")
    if not _PLAIN_NUMBER.match(body):
        return None
    return Decimal(body)


@cache
def col(index: int) -> str:
    """Column letters: 1 → A, 27 → AA."""
    letters = ""
    while index > 0:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def ref(row: int, column: int) -> str:
    return f"{col(column)}{row}"


def text_xml(text: str) -> str:
    """A cell's inline string (after its attributes), spaces kept."""
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f' t="inlineStr"><is><t{space}>{esc(text)}</t></is></c>'


def number_xml(value: Decimal | int) -> str:
    if isinstance(value, Decimal) and not value.is_finite():
        return BLANK
    return f"><v>{float(value):.16g}</v></c>"  # as openpyxl writes numbers


@dataclass(slots=True)
class Validation:
    """A drop-down list on some cells."""

    name: str
    options: tuple[str, ...]
    prompt: str
    refs: dict[str, None] = field(default_factory=dict)


@dataclass(slots=True)
class SheetWriter:
    """Writes one worksheet row by row."""

    title: str
    row: int = 0
    inputs: list[tuple[int, int, CellValue]] = field(default_factory=list)
    styles: dict[tuple[int, int], int] = field(default_factory=dict)  # (row, column) → xf number
    values: dict[tuple[int, int], str] = field(default_factory=dict)  # (row, column) → cell XML after "s"
    heights: dict[int, float] = field(default_factory=dict)
    widths_: dict[int, float] = field(default_factory=dict)
    merges: dict[str, None] = field(default_factory=dict)
    validations: dict[str, Validation] = field(default_factory=dict)
    freeze: int | None = None  # the first row below the frozen title rows
    print_setup: bool = False  # zoom 100 %, A4 landscape, one page wide, centred
    protected: bool = False
    formatting_allowed: bool = False
    hidden: bool = False  # very hidden (the data sheet)

    def next_row(self, height: float | None = None) -> int:
        self.row += 1
        if height is not None:
            self.heights[self.row] = height
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
    ) -> None:
        """A string cell that can never become a formula."""
        value = safe_text(text)
        self._cell(row, column, style, to_column, to_row)
        if value:
            self.values[row, column] = text_xml(value)
            if value.startswith(_RISKY_START):
                self.styles[row, column] = QUOTED_XF[style]
            self.inputs.append((row, column, value))

    def number(
        self,
        row: int,
        column: int,
        value: Decimal | int,
        style: StyleName = "jx_amount",
        *,
        to_column: int | None = None,
    ) -> None:
        self._cell(row, column, style, to_column, None)
        self.values[row, column] = number_xml(value)
        self.inputs.append((row, column, value))

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

    def formula(self, row: int, column: int, formula: str, style: StyleName = "jx_f_score") -> None:
        """A formula without a cached result (the workbook recalculates on open)."""
        self._cell(row, column, style, None, None)
        body = formula[1:] if formula.startswith("=") else formula
        self.values[row, column] = f"><f>{esc(body)}</f></c>"

    def label(
        self,
        row: int,
        column: int,
        text: str,
        style: StyleName = "jx_label",
        *,
        to_column: int | None = None,
        to_row: int | None = None,
    ) -> None:
        self.text(row, column, text, style, to_column=to_column, to_row=to_row)

    def blank(self, row: int, column: int, style: StyleName = "jx_text", *, to_column: int | None = None) -> None:
        self._cell(row, column, style, to_column, None)

    def raw_text(self, row: int, column: int, text: str) -> None:
        """An unstyled string cell that is not an input (the data sheet)."""
        self.styles[row, column] = 0
        self.values[row, column] = text_xml(text)

    def style_at(self, row: int, column: int) -> StyleName | None:
        return XF_STYLE.get(self.styles.get((row, column), 0))

    def _cell(self, row: int, column: int, style: StyleName, to_column: int | None, to_row: int | None) -> None:
        xf = XF[style]
        self.styles[row, column] = xf
        last_column = to_column if to_column is not None else column
        last_row = to_row if to_row is not None else row
        if last_column > column or last_row > row:
            # The covered cells keep their own (bordered) style, as Excel itself stores them.
            self.merge(row, column, last_row, last_column)
            for r in range(row, last_row + 1):
                for c in range(column, last_column + 1):
                    self.styles[r, c] = xf

    def merge(self, row: int, column: int, last_row: int, last_column: int) -> None:
        self.merges[f"{ref(row, column)}:{ref(last_row, last_column)}"] = None

    def choice(self, name: str, options: tuple[str, ...], cell_ref: str, *, prompt: str = "") -> None:
        """A drop-down list (data validation) on a cell; one validation per list."""
        validation = self.validations.get(name)
        if validation is None:
            validation = self.validations[name] = Validation(name, options, prompt)
        validation.refs[cell_ref] = None

    def widths(self, widths: dict[int, float]) -> None:
        self.widths_.update(widths)

    def protect(self) -> None:
        """Lock formulas and labels; inputs stay editable, formatting stays allowed. No password."""
        self.protected = True
        self.formatting_allowed = True
