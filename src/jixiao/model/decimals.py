"""One way to make and round Decimals, used everywhere."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

TWO_PLACES = Decimal("0.01")
HUNDRED = Decimal(100)
ZERO = Decimal(0)


def D(value: str | int | Decimal) -> Decimal:
    """Make a Decimal from text or an int (never from a float)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):  # pragma: no cover - guarded by typing
        raise TypeError("floats are not allowed for money or scores")
    return Decimal(value)


def try_decimal(text: str) -> Decimal | None:
    try:
        value = Decimal(text)
    except (InvalidOperation, ValueError):
        return None
    return value if value.is_finite() else None


def round2(value: Decimal) -> Decimal:
    """Round half up to two decimals (for display and comparison)."""
    return value.quantize(TWO_PLACES, rounding=ROUND_HALF_UP)


def fmt2(value: Decimal | None) -> str:
    return "" if value is None else f"{round2(value):f}"


def fmt_percent(rate: Decimal | None) -> str:
    """A rate (0.9641) as "96.41%"."""
    return "" if rate is None else f"{round2(rate * HUNDRED):f}%"


def close(a: Decimal, b: Decimal, tolerance: Decimal) -> bool:
    return abs(a - b) <= tolerance
