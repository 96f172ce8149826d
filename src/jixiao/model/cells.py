"""Cells and figures: text as written, with where it was written."""

from __future__ import annotations

from dataclasses import field
from decimal import Decimal

from jixiao.model.records import record
from jixiao.model.source import NOWHERE, Source


@record
class Cell:
    """A piece of text as it stands in the input."""

    text: str = ""
    source: Source = field(default=NOWHERE)

    @property
    def blank(self) -> bool:
        return not self.text.strip(" \u3000\t\n")


@record
class Figure:
    """A number read from a cell: the text, the Decimal (None when unreadable) and its unit.

    ``unit`` is "万元" for amounts unless the cell says otherwise, "%" for rates written as
    percentages (``value`` is then the percentage number, e.g. 96.41), "分" for points.
    """

    text: str = ""
    value: Decimal | None = None
    unit: str | None = None
    source: Source = field(default=NOWHERE)

    @property
    def blank(self) -> bool:
        return not self.text.strip(" \u3000\t\n")

    @property
    def in_wan(self) -> Decimal | None:
        """The amount in 万元 (a cell in 元 converted), None when unreadable."""
        if self.value is None:
            return None
        return self.value / _TEN_THOUSAND if (self.unit or "").strip() == "元" else self.value


_TEN_THOUSAND = Decimal(10_000)
EMPTY_CELL = Cell()
EMPTY_FIGURE = Figure()
