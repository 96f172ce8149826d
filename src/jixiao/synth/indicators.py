"""Indicator rows for generated tables: realistic targets and actuals, scores by the scoring rules."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from jixiao.model import BENEFIT, COST, OUTPUT, SATISFACTION
from jixiao.synth.draft import IndLine
from jixiao.synth.money import money, r2, score_text
from jixiao.synth.names import BENEFIT_WORDS, DEVIATION_REASONS, QUAL_REASONS, SUSTAIN_WORDS

LEVEL1_ORDER = (OUTPUT, COST, BENEFIT, SATISFACTION)
# (产出, 成本, 效益, 满意度); the execution row carries the other 10 points.
WEIGHT_PATTERNS: tuple[tuple[int, int, int, int], ...] = (
    (40, 10, 30, 10),
    (30, 20, 30, 10),
    (50, 10, 20, 10),
    (30, 10, 40, 10),
    (40, 20, 20, 10),
    (35, 15, 30, 10),
)
_DAYS = {6: 30, 9: 30, 10: 31, 11: 30, 12: 31}

Maker = Callable[[random.Random, int], IndLine]


@dataclass(frozen=True, slots=True)
class Slot:
    level1: str
    level2: str
    make: Maker


def split(rng: random.Random, total: int, count: int) -> list[int]:
    """``total`` points over ``count`` rows: multiples of 5 when possible, every row at least one step."""
    step = 5 if total % 5 == 0 and total // 5 >= count else 1
    units = total // step
    shares = [1] * count
    for _ in range(units - count):
        shares[rng.randrange(count)] += 1
    return [s * step for s in shares]


def _num(value: Decimal, scale: int) -> str:
    return f"{value.quantize(Decimal(1) if scale == 1 else Decimal('0.1'))}"


def quantity(
    rng: random.Random, weight: int, *, level2: str, name: str, unit: str, low: int, high: int, miss: float
) -> IndLine:
    """A "≥N单位" target; met (actual up to 25% above) or missed (score = weight × actual / target)."""
    scale = 10 if unit.startswith("万") else 1
    target = Decimal(rng.randint(low * scale, high * scale)) / scale
    if rng.random() < miss:
        actual = Decimal(int(target * scale * Decimal(rng.randint(80, 97)) / 100)) / scale
        actual = min(actual, target - Decimal(1) / scale)
        if actual > 0:
            score = r2(Decimal(weight) * actual / target)
            line = _line(OUTPUT, level2, name, f"≥{_num(target, scale)}{unit}", f"{_num(actual, scale)}{unit}")
            return _missed(rng, line, weight, score)
    extra = 0 if rng.random() < 0.4 else rng.randint(0, int(target * scale) // 4)
    actual = target + Decimal(extra) / scale
    line = _line(OUTPUT, level2, name, f"≥{_num(target, scale)}{unit}", f"{_num(actual, scale)}{unit}")
    return _met(line, weight, "ge")


def rate(
    rng: random.Random, weight: int, *, level1: str, level2: str, name: str, targets: tuple[int, ...], miss: float
) -> IndLine:
    """A percentage target ("≥98%", "100%")."""
    target = rng.choice(targets)
    target_text = "100%" if target == 100 else f"≥{target}%"
    if target < 100 and rng.random() < miss:
        actual = Decimal(target * 10 - rng.randint(5, 40)) / 10
        line = _line(level1, level2, name, target_text, f"{actual}%")
        return _missed(rng, line, weight, r2(Decimal(weight) * actual / target), kind="rate")
    if target == 100:
        actual_text = "100%"
    else:
        actual = Decimal(rng.randint(target * 10, 999)) / 10
        actual_text = f"{actual}%".replace(".0%", "%") if rng.random() < 0.3 else f"{actual}%"
    return _met(_line(level1, level2, name, target_text, actual_text), weight, "rate")


def cost(level2: str, name: str, limit: int, spent: int, weight: int) -> IndLine:
    """A "≤X万元" cost target met by the amount spent (both in cents)."""
    return _met(_line(COST, level2, name, f"≤{money(limit)}万元", f"{money(spent)}万元"), weight, "le")


def deadline(rng: random.Random, weight: int, *, name: str, year: int) -> IndLine:
    month = rng.choice((12, 12, 12, 11, 10, 6))
    day = _DAYS[month]
    done_month = rng.randint(max(1, month - 2), month)
    done_day = rng.randint(1, day if done_month == month else 28)
    line = _line(OUTPUT, "时效指标", name, f"{year}年{month}月{day}日前", f"{year}年{done_month}月{done_day}日")
    return _met(line, weight, "time")


def qualitative(rng: random.Random, weight: int, *, level2: str, name: str, sustain: bool = False) -> IndLine:
    """Words against words; the score lies in the band of the achievement level, with a reason below full."""
    target = rng.choice(SUSTAIN_WORDS if sustain else BENEFIT_WORDS)
    roll = rng.random()
    if roll < 0.05:
        line = _line(BENEFIT, level2, name, target, "部分达成")
        return _missed(rng, line, weight, r2(Decimal(weight) * Decimal("0.7")), kind="qual", reasons=QUAL_REASONS)
    actual = target if roll < 0.55 else rng.choice(("达成", "已达成"))
    line = _line(BENEFIT, level2, name, target, actual)
    if roll > 0.85:
        return _missed(rng, line, weight, r2(Decimal(weight) * Decimal("0.9")), kind="qual", reasons=QUAL_REASONS)
    return _met(line, weight, "qual")


def _line(level1: str, level2: str, name: str, target: str, actual: str) -> IndLine:
    return IndLine(level1, level2, name, target, actual, "", "")


def _met(line: IndLine, weight: int, kind: str) -> IndLine:
    line.weight = str(weight)
    line.score = str(weight)
    line.kind = kind  # type: ignore[assignment]
    line.met = True
    return line


def _missed(
    rng: random.Random,
    line: IndLine,
    weight: int,
    score: Decimal,
    *,
    kind: str = "ge",
    reasons: tuple[str, ...] = DEVIATION_REASONS,
) -> IndLine:
    line.weight = str(weight)
    line.score = score_text(score)
    line.reason = rng.choice(reasons)
    line.kind = kind  # type: ignore[assignment]
    line.met = False
    return line


def fill(
    rng: random.Random, slots: list[Slot], pattern: tuple[int, int, int, int]
) -> tuple[list[IndLine], dict[str, str]]:
    """Indicator rows for the slots (grouped by level 1 in the standard order) and their labels."""
    lines: list[IndLine] = []
    labels: dict[str, str] = {}
    for level1, total in zip(LEVEL1_ORDER, pattern, strict=True):
        members = [s for s in slots if s.level1 == level1]
        if not members:
            continue
        labels[level1] = f"{level1}（{total}分）"
        for slot, weight in zip(members, split(rng, total, len(members)), strict=True):
            line = slot.make(rng, weight)
            line.level1, line.level2 = level1, slot.level2
            lines.append(line)
    return lines, labels


def indicator_total(lines: list[IndLine]) -> Decimal:
    return sum((Decimal(line.score) for line in lines), Decimal(0))
