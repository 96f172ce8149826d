"""Scoring one indicator row: parse its target and actual, pick the rule, explain the score."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from functools import lru_cache

from jixiao.frameworks import indicator_rules as rules
from jixiao.frameworks.display import show
from jixiao.frameworks.registry import RuleKind
from jixiao.frameworks.results import Explanation, IndicatorScore, IndicatorStatus
from jixiao.frameworks.schema import Framework
from jixiao.frameworks.units import conversion, normalize_unit
from jixiao.model import Indicator
from jixiao.values import Kind, Op, Value, parse_value

ZERO = Decimal(0)
ONE = Decimal(1)
QUALITIES = ("达成", "部分达成", "未达成")
NONE_TEXTS = frozenset({"", "无", "/", "-", "—", "－", "——", "／"})
OPERATOR_CELLS = {
    "≥": Op.GE, ">=": Op.GE, "≧": Op.GE, "＞＝": Op.GE, "不低于": Op.GE, "不少于": Op.GE,
    "≤": Op.LE, "<=": Op.LE, "≦": Op.LE, "＜＝": Op.LE, "不高于": Op.LE, "不超过": Op.LE,
    "=": Op.EQ, "＝": Op.EQ, "==": Op.EQ,
    ">": Op.GT, "＞": Op.GT, "<": Op.LT, "＜": Op.LT,
}  # fmt: skip
_PUNCTUATION = str.maketrans("", "", " \u3000\t\n。，,.；;、！!“”\"'")


@lru_cache(maxsize=16384)
def read_value(text: str, context_unit: str | None = None) -> Value:
    """parse_value, cached: the same cell text is read once per process."""
    return parse_value(text, context_unit=context_unit)


def _plain(text: str) -> str:
    return text.translate(_PUNCTUATION)


def read_indicator(indicator: Indicator) -> tuple[Value, Value]:
    """(target, actual) of a row, using the 指标性质 and 计量单位 columns when present."""
    unit_column = indicator.unit.text.strip() if indicator.unit and not indicator.unit.blank else None
    target = read_value(indicator.target.text, unit_column)
    if indicator.operator is not None and target.op is None and target.kind is Kind.NUMBER:
        op = OPERATOR_CELLS.get(indicator.operator.text.strip())
        if op is not None:
            target = dataclasses.replace(target, op=op)
    actual = read_value(indicator.actual.text, target.unit or unit_column)
    return target, actual


class _Row:
    """The working state of one indicator while it is scored."""

    __slots__ = ("actual", "claimed", "framework", "index", "indicator", "target", "weight")

    def __init__(self, index: int, indicator: Indicator, framework: Framework) -> None:
        self.index = index
        self.indicator = indicator
        self.framework = framework
        self.target, self.actual = read_indicator(indicator)
        self.weight = indicator.weight.value
        self.claimed = indicator.score.value

    def inputs(self, *extra: tuple[str, str]) -> tuple[tuple[str, str], ...]:
        base = (
            ("目标值", self.indicator.target.text.strip()),
            ("实际值", self.indicator.actual.text.strip()),
            ("分值", show(self.weight) if self.weight is not None else self.indicator.weight.text.strip()),
        )
        claimed = (("自评得分", show(self.claimed)),) if self.claimed is not None else ()
        return base + extra + claimed

    def result(
        self,
        kind: RuleKind,
        status: IndicatorStatus,
        computed: Decimal | None,
        *,
        note: str | None = None,
        band: tuple[Decimal, Decimal] | None = None,
        extra: tuple[tuple[str, str], ...] = (),
        over_achieved: bool = False,
    ) -> IndicatorScore:
        explanation = Explanation(kind.id, kind.sentence, self.inputs(*extra), computed, note)
        return IndicatorScore(
            self.index,
            self.indicator,
            self.target,
            self.actual,
            self.weight,
            self.claimed,
            computed,
            band,
            status,
            explanation,
            over_achieved,
        )


def score_indicator(index: int, indicator: Indicator, framework: Framework) -> IndicatorScore:
    row = _Row(index, indicator, framework)
    weight_text = indicator.weight.text.strip()
    if row.weight == 0 or weight_text == "无" or (row.weight is None and not weight_text and _is_empty(row)):
        return row.result(rules.NOT_APPLICABLE, "skipped", None, note="不适用（“无”或0分），不计分")
    if row.weight is None or row.weight < 0:
        note = "分值为空，无法计分" if not weight_text else f"分值「{weight_text}」无法识别，无法计分"
        return row.result(_rule_for(row), "unscorable", None, note=note)
    target = row.target
    if target.kind is Kind.NONE:
        written = _plain(target.text)
        if written and written == _plain(row.actual.text):
            return _band(row, row.weight, "达成", rules.BAND)  # "无" → "无": no harm, as targeted
        return row.result(_rule_for(row), "unscorable", None, note="年度指标值为空，但有分值，无法计分")
    if target.kind is Kind.UNREADABLE:
        return row.result(_rule_for(row), "unscorable", None, note=f"年度指标值无法识别：{target.reason or ''}")
    if target.is_quantitative:
        return _quantitative(row, row.weight)
    if target.kind is Kind.TIME:
        return _deadline(row, row.weight)
    return _qualitative(row, row.weight)


def _is_empty(row: _Row) -> bool:
    return row.target.kind is Kind.NONE or row.indicator.name.text.strip() in NONE_TEXTS


def _operator(row: _Row) -> Op:
    if row.target.op is not None:
        return row.target.op
    return Op.GE if row.framework.settings.plain_number_operator == "ge" else Op.EQ


def _rule_for(row: _Row) -> RuleKind:
    target = row.target
    if target.kind is Kind.TIME:
        return rules.DEADLINE
    if not target.is_quantitative:
        return rules.BAND
    op = _operator(row)
    if target.number == 0 and op in (Op.EQ, Op.LE, Op.LT):
        return rules.ZERO_TARGET
    if op in (Op.LE, Op.LT):
        return rules.INVERSE_RATIO if row.framework.settings.inverse_formula == "ratio" else rules.INVERSE_LINEAR
    return rules.RATIO_CAPPED


def _quantitative(row: _Row, weight: Decimal) -> IndicatorScore:
    kind = _rule_for(row)
    actual = row.actual
    if actual.kind is Kind.NONE:
        return row.result(kind, "unscorable", None, note="实际完成值为空，无法计分")
    if actual.kind is Kind.UNREADABLE:
        return row.result(kind, "unscorable", None, note=f"实际完成值无法识别：{actual.reason or ''}")
    if not actual.is_quantitative or actual.number is None:
        return row.result(kind, "unscorable", None, note="定量指标的实际完成值只有文字，无法计分")
    assert row.target.number is not None
    factor = conversion(actual.unit, row.target.unit)
    if factor is None:
        units = f"计量单位不一致（目标为「{row.target.unit}」，实际为「{actual.unit}」），无法比较"
        return row.result(kind, "unscorable", None, note=units)
    extra: tuple[tuple[str, str], ...] = ()
    if factor != 1:
        small, large = normalize_unit(actual.unit), normalize_unit(row.target.unit)
        ratio = 1 / factor if factor < 1 else factor
        if factor > 1:
            small, large = large, small
        extra = (("换算", f"1{large} = {show(ratio)}{small}"),)
    target, value = row.target.number, actual.number * factor
    op = _operator(row)
    settings = row.framework.settings
    if op in (Op.GT, Op.LT) and value == target and settings.strict_operators == "exclusive":
        return row.result(kind, "scored", ZERO, note="严格比较：实际值等于目标值，未达到目标", extra=extra)
    if kind is rules.ZERO_TARGET:
        computed = rules.zero_target(value, weight)
    elif kind is rules.INVERSE_LINEAR:
        computed = rules.inverse_linear(target, value, weight)
    elif kind is rules.INVERSE_RATIO:
        computed = rules.inverse_ratio(target, value, weight)
    else:
        computed = rules.ratio_capped(target, value, weight)
    over = op in (Op.GE, Op.GT) and target > 0 and value >= target * (ONE + settings.over_achievement_threshold)
    note = None
    if over:
        note = "实际值远超目标值，指标值设定偏低"
        if settings.over_achievement_deduct:
            kind = rules.OVER_ACHIEVEMENT
            computed = rules.over_achievement_score(target, value, weight)
    return row.result(kind, "scored", computed, note=note, extra=extra, over_achieved=over)


def _deadline(row: _Row, weight: Decimal) -> IndicatorScore:
    actual, target = row.actual, row.target
    if actual.kind is Kind.NONE:
        return row.result(rules.DEADLINE, "unscorable", None, note="实际完成值为空，无法计分")
    if actual.kind is Kind.UNREADABLE:
        return row.result(rules.DEADLINE, "unscorable", None, note=f"实际完成值无法识别：{actual.reason or ''}")
    quality: str | None
    if actual.kind is Kind.TIME and actual.year is not None and target.year is not None:
        deadline = (target.year, target.month or 12, target.day or 31)
        same_year = actual.year == target.year
        done = (actual.year, actual.month or (deadline[1] if same_year else 1), actual.day or 1)
        quality = "未达成" if done > deadline else "达成"
    else:
        quality = _quality(row)
    return _band(row, weight, quality, rules.DEADLINE)


def _qualitative(row: _Row, weight: Decimal) -> IndicatorScore:
    actual = row.actual
    if actual.kind is Kind.NONE:
        return row.result(rules.BAND, "unscorable", None, note="实际完成值为空，无法计分")
    if actual.kind is Kind.UNREADABLE:
        return row.result(rules.BAND, "unscorable", None, note=f"实际完成值无法识别：{actual.reason or ''}")
    if actual.kind is Kind.NUMBER and not _says_qualitative(row.target):
        note = "定性指标的实际完成值为数值，无法判断完成等级"
        return row.result(rules.BAND, "unscorable", None, note=note)
    return _band(row, weight, _quality(row), rules.BAND)


def _says_qualitative(target: Value) -> bool:
    return target.quality == "定性" or _plain(target.text) == "定性"


def _quality(row: _Row) -> str | None:
    actual = row.actual
    if actual.quality in QUALITIES:
        return actual.quality
    if actual.quality == "按时":
        return "达成"
    if actual.kind is Kind.NUMBER:
        return None
    text = _plain(actual.text)
    if text and (text == _plain(row.target.text) or text in row.framework.settings.positive_words):
        return "达成"
    return None


def _band(row: _Row, weight: Decimal, quality: str | None, kind: RuleKind) -> IndicatorScore:
    spec = row.framework.band(quality) if quality else None
    claimed = row.claimed
    if spec is None:
        band = (ZERO, weight)
        extra = (("完成等级", "未说明"), ("分档", f"0–{show(weight)}"))
        if claimed is None:
            nothing = "未说明完成等级（达成/部分达成/未达成），也未填得分，无法计分"
            return row.result(kind, "unscorable", None, note=nothing, band=band, extra=extra)
        unknown = "未说明完成等级（达成/部分达成/未达成），分档无法确定，需提供佐证"
        computed = rules.clamp(claimed, ZERO, weight)
        return row.result(kind, "band", computed, note=unknown, band=band, extra=extra)
    band = (weight * spec.low, weight * spec.high)
    extra = (("完成等级", spec.quality), ("分档", f"{show(band[0])}–{show(band[1])}"))
    if claimed is None:
        unclaimed = f"未填得分，按「{spec.quality}」档上限计"
        return row.result(kind, "band", band[1], note=unclaimed, band=band, extra=extra)
    computed = rules.clamp(claimed, band[0], band[1])
    note = None
    if computed != claimed:
        note = f"自评得分不在「{spec.quality}」档（{show(band[0])}–{show(band[1])}分）内，取最近的档边"
    return row.result(kind, "band", computed, note=note, band=band, extra=extra)
