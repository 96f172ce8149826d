"""Whether a target's and an actual's units can be compared, and the factor between them."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

_ALIASES = {
    "％": "%",
    "万": "万元",
    "平方米": "㎡",
    "平米": "㎡",
    "m²": "㎡",
    "m2": "㎡",
    "万平方米": "万㎡",
    "万平米": "万㎡",
    "公里": "千米",
}
_PREFIXES = {"万": Decimal(10_000), "亿": Decimal(100_000_000), "千": Decimal(1_000)}


def normalize_unit(unit: str | None) -> str | None:
    if unit is None:
        return None
    unit = unit.strip().replace(" ", "")
    if not unit:
        return None
    return _ALIASES.get(unit, unit)


def _base(unit: str) -> tuple[str, Decimal]:
    if len(unit) > 1 and unit[0] in _PREFIXES:
        rest = normalize_unit(unit[1:]) or ""
        return rest, _PREFIXES[unit[0]]
    return unit, Decimal(1)


@lru_cache(maxsize=1024)
def conversion(from_unit: str | None, to_unit: str | None) -> Decimal | None:
    """The factor that turns a number in ``from_unit`` into ``to_unit``; None when incompatible.

    A missing unit on either side is compatible (a bare number takes the other's unit).
    """
    source, target = normalize_unit(from_unit), normalize_unit(to_unit)
    if source is None or target is None or source == target:
        return Decimal(1)
    source_base, source_factor = _base(source)
    target_base, target_factor = _base(target)
    if source_base != target_base:
        return None
    return source_factor / target_factor
