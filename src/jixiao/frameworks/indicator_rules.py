"""The indicator rule kinds (domain.md §4): their sentences and their arithmetic.

The engine (:mod:`jixiao.frameworks.indicators`) picks one by the target's kind and
comparison; these functions only do the arithmetic on exact Decimals.
"""

from __future__ import annotations

from decimal import Decimal

from jixiao.frameworks.registry import RuleKind, register_rule_kind

ZERO = Decimal(0)
ONE = Decimal(1)

EXECUTION = register_rule_kind(
    RuleKind(
        "execution",
        "indicator",
        "全年执行数/全年预算数 × 分值，最高为分值",
        "executed / adjusted budget × weight, at most the weight",
    )
)
RATIO_CAPPED = register_rule_kind(
    RuleKind(
        "ratio_capped",
        "indicator",
        "实际值/目标值 × 分值，最高为分值",
        "actual / target × weight, at most the weight",
    )
)
INVERSE_LINEAR = register_rule_kind(
    RuleKind(
        "inverse_linear",
        "indicator",
        "实际值不高于目标值得满分；超出时得 分值 × (1 − (实际值 − 目标值)/目标值)，最低为0",
        "at or under the target: full weight; above: weight × (1 − (actual − target) / target), at least 0",
    )
)
INVERSE_RATIO = register_rule_kind(
    RuleKind(
        "inverse_ratio",
        "indicator",
        "实际值不高于目标值得满分；超出时得 分值 × 目标值/实际值",
        "at or under the target: full weight; above: weight × target / actual",
    )
)
ZERO_TARGET = register_rule_kind(
    RuleKind(
        "zero_target",
        "indicator",
        "目标值为0：实际值不大于0得满分，否则得0分",
        "target 0: full weight when the actual is at most 0, else 0",
    )
)
BAND = register_rule_kind(
    RuleKind(
        "band",
        "indicator",
        "定性指标：按完成等级所在分档取分（达成、部分达成、未达成），自评得分须落在档内，档外取最近的档边",
        "qualitative: the score must lie in the band of the achievement level; outside, the nearest edge",
    )
)
DEADLINE = register_rule_kind(
    RuleKind(
        "deadline",
        "indicator",
        "时效指标：在期限内完成计入达成档，晚于期限计入未达成档",
        "time target: done by the deadline is the 达成 band, later is the 未达成 band",
    )
)
OVER_ACHIEVEMENT = register_rule_kind(
    RuleKind(
        "over_achievement",
        "indicator",
        "实际值超出目标值达到设定比例时提示“指标值设定偏低”；"
        "设置扣分时得 分值 × (1 − (实际值 − 目标值)/目标值)，最低为0",
        "actual far above target warns 'target set too low'; when deducting: "
        "weight × (1 − (actual − target) / target), at least 0",
    )
)
NOT_APPLICABLE = register_rule_kind(
    RuleKind(
        "not_applicable",
        "indicator",
        "不适用的指标（“无”或分值为0）不计分",
        "a row that does not apply ('无' or weight 0) is not scored",
        selectable=False,
    )
)


def clamp(value: Decimal, low: Decimal, high: Decimal) -> Decimal:
    return max(low, min(value, high))


def execution(adjusted: Decimal, executed: Decimal, weight: Decimal) -> tuple[Decimal, Decimal]:
    """(rate, score) for a funds total row; ``adjusted`` must not be 0."""
    rate = executed / adjusted
    return rate, weight * clamp(rate, ZERO, ONE)


def ratio_capped(target: Decimal, actual: Decimal, weight: Decimal) -> Decimal:
    if actual >= target:
        return weight
    if target <= 0:
        return ZERO
    return weight * clamp(actual / target, ZERO, ONE)


def inverse_linear(target: Decimal, actual: Decimal, weight: Decimal) -> Decimal:
    if actual <= target:
        return weight
    if target <= 0:
        return ZERO
    return weight * clamp(ONE - (actual - target) / target, ZERO, ONE)


def inverse_ratio(target: Decimal, actual: Decimal, weight: Decimal) -> Decimal:
    if actual <= target:
        return weight
    if target <= 0:
        return ZERO
    return weight * clamp(target / actual, ZERO, ONE)


def zero_target(actual: Decimal, weight: Decimal) -> Decimal:
    return weight if actual <= 0 else ZERO


def over_achievement_score(target: Decimal, actual: Decimal, weight: Decimal) -> Decimal:
    """The deduction variant: the deviation above the target is taken off the weight."""
    return inverse_linear(target, actual, weight)
