"""Exact figures for generated packages: amounts in integer cents, rates and scores as Decimals."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

HUNDRED = Decimal(100)
TWO = Decimal("0.01")


def money(cents: int) -> str:
    """Cents → "118.50" (万元 with two decimals); 0 → "0"."""
    if cents == 0:
        return "0"
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def dec(cents: int) -> Decimal:
    return Decimal(cents) / HUNDRED


def r2(value: Decimal) -> Decimal:
    return value.quantize(TWO, rounding=ROUND_HALF_UP)


def percent(part: int, whole: int) -> str:
    """part / whole as "98.75%" (half up, two decimals)."""
    return f"{r2(Decimal(part) * HUNDRED / Decimal(whole))}%"


def score_text(value: Decimal) -> str:
    """A score as written: "10" when whole, else two decimals ("9.83")."""
    value = r2(value)
    return str(int(value)) if value == value.to_integral_value() else f"{value}"


def execution(executed: int, adjusted: int, weight: int = 10) -> tuple[str, Decimal]:
    """(rate text, score) of a funds total row: 10 × min(rate, 1), rounded to two decimals."""
    rate = Decimal(executed) / Decimal(adjusted)
    return percent(executed, adjusted), r2(Decimal(weight) * min(rate, Decimal(1)))


def grade(total: Decimal) -> str:
    if total >= 90:
        return "优"
    if total >= 80:
        return "良"
    if total >= 60:
        return "中"
    return "差"
