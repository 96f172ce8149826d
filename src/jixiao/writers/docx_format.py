"""How figures are shown in exported tables, and how computed values fill missing claims.

* amounts (万元, 元, 亿元): two decimals, a unit other than 万元 kept as a suffix ("3.27元");
* rates ("%"): a percentage with two decimals ("96.41%");
* points and counts: the number as written without needless zeros ("10", "9.5");
* a figure whose text could not be read as a number keeps its text ("无", "/");
* a claim that is missing is filled with the value Jixiao computed, followed by ``（计算）`` and
  shaded grey. Readers treat a cell ending in ``（计算）`` as blank: it was never claimed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao.model import Figure, round2

COMPUTED_MARK = "（计算）"
_AMOUNT_UNITS = ("万元", "元", "亿元")


@dataclass(frozen=True, slots=True)
class Shown:
    """A cell's text and whether it holds a computed (not claimed) value."""

    text: str
    computed: bool = False


def number(value: Decimal) -> str:
    """A Decimal without exponent or trailing zeros: 10, 9.5, 0.25."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text or "0"


def amount(value: Decimal) -> str:
    return f"{round2(value):f}"


def percent(value: Decimal) -> str:
    """A percentage number (96.41) as "96.41%"."""
    return f"{round2(value):f}%"


def show_figure(figure: Figure, kind: str = "amount") -> str:
    """A claimed figure as the tables show it. ``kind``: "amount", "rate" or "points"."""
    if figure.value is None:
        return figure.text.strip()
    unit = figure.unit
    if unit == "%" or (kind == "rate" and unit is None):
        return percent(figure.value)
    if unit in _AMOUNT_UNITS or (kind == "amount" and unit is None):
        suffix = "" if unit in (None, "万元") else unit
        return amount(figure.value) + suffix
    if kind == "points" or unit in ("分", "人", None):
        return number(figure.value)
    return number(figure.value) + unit


def filled(figure: Figure, computed: Decimal | None, kind: str) -> Shown:
    """The claim when there is one, else the computed value marked as computed."""
    if not figure.blank or computed is None:
        return Shown(show_figure(figure, kind))
    if kind == "rate":
        text = percent(computed)
    elif kind == "amount":
        text = amount(computed)
    else:
        text = number(round2(computed))
    return Shown(text + COMPUTED_MARK, computed=True)


def filled_text(text: str, computed: str | None) -> Shown:
    if text.strip() or not computed:
        return Shown(text)
    return Shown(computed + COMPUTED_MARK, computed=True)
