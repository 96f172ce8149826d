"""Excel formulas that recompute what the scoring engine computes (frameworks/indicator_rules.py).

The formulas are general: they read the weight, the parsed target and actual numbers, the
comparison and the achievement level from cells, so a user who changes any of them in Excel or
WPS sees the score change. Where a figure is not a plain number in its cell, the number the
engine read from its text is written into the formula as a constant.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from jixiao.frameworks import Framework

QUALITIES = ("达成", "部分达成", "未达成")
OPERATORS = ("≥", "≤", "=", ">", "<")


def lit(value: Decimal | int | None) -> str:
    """A number as a formula literal ("" for None)."""
    if value is None:
        return '""'
    text = f"{Decimal(value).normalize():f}" if isinstance(value, Decimal) else str(value)
    return f"({text})" if text.startswith("-") else text


def quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


@dataclass(frozen=True, slots=True)
class IndicatorCells:
    """Where one indicator row's inputs are (cell references or constants)."""

    weight: str  # a cell reference or a literal ('""' when unknown)
    claimed: str  # a cell reference or a literal ('""' when blank)
    target: str  # helper cell: the target number
    actual: str  # helper cell: the actual number, in the target's unit
    operator: str  # helper cell: ≥ ≤ = > <
    quality: str  # helper cell: 达成 / 部分达成 / 未达成
    # What the row adds when it cannot be computed (the engine's stand-in rule)
    clamp_unknown_band: bool = False  # a qualitative row without a level: the claim within 0..weight
    skip_without_weight: bool = True  # a row without a usable weight counts 0 (else its claim)


_QUALITY = "\x00"  # stands for the quality cell in a cached bound expression
_BOUNDS: dict[tuple[int, bool], tuple[Framework, str]] = {}


def _band_bound(quality: str, framework: Framework, high: bool) -> str:
    """IF(q="达成",1,IF(q="部分达成",0.8,…)): the share of the weight a level allows, low or high."""
    cached = _BOUNDS.get((id(framework), high))
    if cached is None or cached[0] is not framework:
        if len(_BOUNDS) > 32:  # frameworks made on the fly: keep the cache small
            _BOUNDS.clear()
        cached = _BOUNDS[id(framework), high] = (framework, _bound_template(framework, high))
    return cached[1].replace(_QUALITY, quality)


def _bound_template(framework: Framework, high: bool) -> str:
    parts: list[tuple[str, Decimal]] = []
    for name in QUALITIES:
        band = framework.band(name)
        if band is not None:
            parts.append((name, band.high if high else band.low))
    if not parts:
        return "1" if high else "0"
    expression = "0" if not high else "1"
    for name, value in reversed(parts):
        expression = f'IF({_QUALITY}="{name}",{lit(value)},{expression})'
    return expression


def _claim(cells: IndicatorCells) -> str:
    return f"IF(ISNUMBER({cells.claimed}),{cells.claimed},0)"


def _quantitative(cells: IndicatorCells, framework: Framework) -> str:
    w, t, a, op = cells.weight, cells.target, cells.actual, cells.operator
    settings = framework.settings
    if settings.inverse_formula == "ratio":
        above = f"{w}*MIN(1,MAX(0,{t}/{a}))"
    else:
        above = f"{w}*MIN(1,MAX(0,1-({a}-{t})/{t}))"
    inverse = f"IF({a}<={t},{w},IF({t}<=0,0,{above}))"
    at_least = f"IF({a}>={t},{w},IF({t}<=0,0,{w}*MIN(1,MAX(0,{a}/{t}))))"
    if settings.over_achievement_deduct:
        threshold = lit(Decimal(1) + settings.over_achievement_threshold)
        over = (
            f"IF({t}>0,IF({a}>={t}*{threshold},IF({t}<=0,0,{w}*MIN(1,MAX(0,1-({a}-{t})/{t}))),{at_least}),{at_least})"
        )
        at_least = over
    zero = f"IF({a}<=0,{w},0)"
    body = f'IF(OR({op}="≤",{op}="<"),{inverse},IF(AND({op}="=",{t}=0),{zero},{at_least}))'
    if settings.strict_operators == "exclusive":
        body = f'IF(AND(OR({op}=">",{op}="<"),{a}={t}),0,{body})'
    return body


def _band(cells: IndicatorCells, framework: Framework) -> str:
    w, c, q = cells.weight, cells.claimed, cells.quality
    low = f"({_band_bound(q, framework, False)})*{w}"
    high = f"({_band_bound(q, framework, True)})*{w}"
    return f"IF(ISNUMBER({c}),MIN(MAX({c},{low}),{high}),{high})"


def indicator_score(cells: IndicatorCells, framework: Framework) -> str:
    """The computed score of one indicator row, as the engine computes it."""
    w, t, a, q = cells.weight, cells.target, cells.actual, cells.quality
    fallback = f"MIN(MAX({_claim(cells)},0),{w})" if cells.clamp_unknown_band else _claim(cells)
    qualities = ",".join(f'{q}="{name}"' for name in QUALITIES)
    scored = (
        f"IF(AND(ISNUMBER({t}),ISNUMBER({a})),{_quantitative(cells, framework)},"
        f"IF(OR({qualities}),{_band(cells, framework)},{fallback}))"
    )
    no_weight = "0" if cells.skip_without_weight else _claim(cells)
    return f"=IF(ISNUMBER({w}),IF({w}=0,0,IF({w}<0,{_claim(cells)},{scored})),{no_weight})"


def band_check(cells: IndicatorCells, framework: Framework) -> str:
    """A flag: does the claimed score lie inside the band of the chosen level?"""
    w, c, q = cells.weight, cells.claimed, cells.quality
    low = f"({_band_bound(q, framework, False)})*{w}"
    high = f"({_band_bound(q, framework, True)})*{w}"
    qualities = ",".join(f'{q}="{name}"' for name in QUALITIES)
    return (
        f'=IF(OR(NOT(ISNUMBER({c})),NOT(ISNUMBER({w}))),"",'
        f'IF({c}>{w},"超过分值",IF(OR({qualities}),'
        f'IF(AND({c}>={low}-0.005,{c}<={high}+0.005),"在档内","超出档次"),"")))'
    )


def grade(total: str, framework: Framework) -> str:
    """IF(total>=90,"优",IF(total>=80,"良",…)) from the framework's thresholds."""
    grades = sorted(framework.grades, key=lambda g: g.minimum, reverse=True)
    if not grades:
        return '=""'
    expression = quoted(grades[-1].name)
    for item in reversed(grades[:-1]):
        expression = f"IF({total}>={lit(item.minimum)},{quoted(item.name)},{expression})"
    return f'=IF(ISNUMBER({total}),{expression},"")'


def execution_rate(adjusted: str, executed: str) -> str:
    return f'=IF(AND(ISNUMBER({adjusted}),ISNUMBER({executed})),IF({adjusted}=0,"",{executed}/{adjusted}),"")'


def execution_score(rate: str, weight: str, claimed: str) -> str:
    return f"=IF(ISNUMBER({rate}),{weight}*MIN(MAX({rate},0),1),IF(ISNUMBER({claimed}),{claimed},0))"


def sources_check(total_refs: tuple[str, ...], source_ranges: tuple[str, ...]) -> str:
    """ "一致" when every amount column of the total row equals the sum of its source rows."""
    tests = ",".join(
        f"ABS(N({total})-SUM({parts}))<=0.01" for total, parts in zip(total_refs, source_ranges, strict=True)
    )
    return f'=IF(AND({tests}),"一致","不一致")'


def ratio(numerator: str, denominator: str) -> str:
    return (
        f'=IF(AND(ISNUMBER({numerator}),ISNUMBER({denominator})),IF({denominator}=0,"",{numerator}/{denominator}),"")'
    )
