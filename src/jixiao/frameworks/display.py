"""How numbers appear in explanations: two decimals at most, trailing zeros dropped."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from jixiao.model import round2

HUNDRED = Decimal(100)


def show(value: Decimal | None) -> str:
    """9.6 for 9.60, 10 for 10.00, 9.69 for 9.6938…; "" for None."""
    if value is None:
        return ""
    return _show(value)


@lru_cache(maxsize=4096)
def _show(value: Decimal) -> str:
    text = f"{round2(value):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def show_rate(rate: Decimal | None) -> str:
    """A fraction as a percentage: 0.9641 → "96.41%"."""
    return "" if rate is None else show(rate * HUNDRED) + "%"


def show_amount(value: Decimal | None, unit: str | None) -> str:
    if value is None:
        return ""
    if unit == "rate":
        return show_rate(value)
    return show(value) + (unit or "")
