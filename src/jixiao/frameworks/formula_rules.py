"""Item and derived rule kinds: formulas over a package's facts (domain.md §5.3–5.4)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from jixiao.frameworks.display import show, show_amount, show_rate
from jixiao.frameworks.registry import Fact, FactLookup, Outcome, ParamSpec, RuleKind, register_rule_kind
from jixiao.frameworks.schema import RuleUse, Tier
from jixiao.model import Source

ZERO = Decimal(0)
ONE = Decimal(1)
HUNDRED = Decimal(100)
QUARTERS = ("quarter_1", "quarter_2", "quarter_3", "quarter_4")
MILESTONES = (Decimal("0.25"), Decimal("0.5"), Decimal("0.75"), Decimal(1))


def _facts(use: RuleUse, facts: FactLookup, *names: str) -> tuple[list[Fact], list[str]]:
    found = [facts.fact(use.text(name)) for name in names]
    return found, [fact.name for fact in found if fact.value is None]


def _shown(found: Sequence[Fact]) -> tuple[tuple[str, str], ...]:
    return tuple((fact.name, show_amount(fact.value, fact.unit) or "（缺）") for fact in found)


def _sources(found: Sequence[Fact]) -> tuple[Source, ...]:
    return tuple(source for fact in found for source in fact.sources)


def _missing(sentence: str, found: Sequence[Fact], missing: Sequence[str]) -> Outcome:
    """No value: say which inputs are missing (and, for derived ones, why)."""
    absent = [fact for fact in found if fact.value is None]
    named = [f"{fact.name}（{fact.note}）" if fact.note else fact.name for fact in absent]
    note = "缺少" + "、".join(named) + "，无法计算"
    return Outcome(None, sentence, _shown(found), note, tuple(missing), _sources(found))


def _notes(found: Sequence[Fact]) -> str | None:
    notes = [f"{fact.name}：{fact.note}" for fact in found if fact.note]
    return "；".join(notes) or None


# --- item rules -------------------------------------------------------------------------


def _checklist(use: RuleUse, points: Decimal, facts: FactLookup) -> Outcome:
    return Outcome(None, CHECKLIST.sentence, (("分值", show(points)),), "无计算公式，需提供佐证材料")


def _ratio_points(use: RuleUse, points: Decimal, facts: FactLookup) -> Outcome:
    found, missing = _facts(use, facts, "value")
    sentence = f"{found[0].name} × {show(points)}分，最高为{show(points)}分"
    if use.text("over_one") == "zero":
        sentence += f"；{found[0].name}超过100%的得0分"
    if missing:
        return _missing(sentence, found, missing)
    rate = found[0].value
    assert rate is not None
    zero_over_one = rate > ONE and use.text("over_one") == "zero"
    score = ZERO if zero_over_one else points * max(ZERO, min(rate, ONE))
    return Outcome(score, sentence, _shown(found), _notes(found), (), _sources(found))


def _tier_text(tier: Tier) -> str:
    bounds = []
    for word, value in (("≥", tier.at_least), (">", tier.above), ("≤", tier.at_most), ("<", tier.below)):
        if value is not None:
            bounds.append(f"{word}{show_rate(value)}")
    return ("且".join(bounds) or "其他") + f"得{show(tier.points)}分"


def _tiered(use: RuleUse, points: Decimal, facts: FactLookup) -> Outcome:
    found, missing = _facts(use, facts, "value")
    tiers = use.tiers("tiers")
    sentence = f"{found[0].name}：" + "；".join(_tier_text(tier) for tier in tiers)
    if missing:
        return _missing(sentence, found, missing)
    value = found[0].value
    assert value is not None
    tier = next((t for t in tiers if t.holds(value)), None)
    if tier is None:
        note = f"{show_amount(value, found[0].unit)}不在任何分档内"
        return Outcome(None, sentence, _shown(found), note, (), _sources(found))
    return Outcome(min(tier.points, points), sentence, _shown(found), _notes(found), (), _sources(found))


def _control_limit(use: RuleUse, points: Decimal, facts: FactLookup) -> Outcome:
    found, missing = _facts(use, facts, "value")
    limit = use.decimal("limit", ZERO) or ZERO
    absolute = use.decimal("penalty_per_point")
    penalty = absolute if absolute is not None else points * (use.decimal("penalty_share_per_point") or ZERO)
    sentence = f"{found[0].name}不超过{show_rate(limit)}得满分；每超过1个百分点扣{show(penalty)}分，扣完为止"
    if missing:
        return _missing(sentence, found, missing)
    value = found[0].value
    assert value is not None
    over = max(ZERO, (value - limit) * HUNDRED)
    score = max(ZERO, points - penalty * over)
    return Outcome(score, sentence, _shown(found), _notes(found), (), _sources(found))


def _quarterly(use: RuleUse, points: Decimal, facts: FactLookup) -> Outcome:
    keys = use.texts("values") or QUARTERS
    milestones = use.decimals("milestones") or MILESTONES
    per_quarter = use.decimal("quarter_points", ONE) or ZERO
    average_points = use.decimal("average_points", Decimal(2)) or ZERO
    found = [facts.fact(key) for key in keys]
    missing = [fact.name for fact in found if fact.value is None]
    sentence = (
        "各季度末累计支出进度 ÷ 序时进度（"
        + "、".join(show_rate(m) for m in milestones)
        + f"）× {show(per_quarter)}分，每季最高{show(per_quarter)}分；"
        + f"加 全年平均执行率 × {show(average_points)}分"
    )
    if missing:
        return _missing(sentence, found, missing)
    progress = [fact.value for fact in found if fact.value is not None]
    quarter_scores = [per_quarter * min(p / m, ONE) for p, m in zip(progress, milestones, strict=True)]
    average = sum(progress, ZERO) / len(progress)
    score = min(points, sum(quarter_scores, ZERO) + average * average_points)
    inputs = (*_shown(found), ("全年平均执行率", show_rate(average)))
    return Outcome(score, sentence, inputs, _notes(found), (), _sources(found))


def _deduct_per_item(use: RuleUse, points: Decimal, facts: FactLookup) -> Outcome:
    found, missing = _facts(use, facts, "value")
    per = use.decimal("per", ONE) or ZERO
    sentence = f"满分{show(points)}分；{found[0].name}每一项扣{show(per)}分，扣完为止"
    if missing:
        return _missing(sentence, found, missing)
    count = found[0].value
    assert count is not None
    return Outcome(max(ZERO, points - per * count), sentence, _shown(found), _notes(found), (), _sources(found))


def _key(name: str, doc: str) -> ParamSpec:
    return ParamSpec(name, "key", doc=doc)


CHECKLIST = register_rule_kind(
    RuleKind(
        "checklist",
        "item",
        "无计算公式：采用自评得分（不超过分值），需提供佐证材料",
        "no formula: the claimed score stands (at most the points), evidence needed",
        apply=_checklist,
    )
)
register_rule_kind(
    RuleKind(
        "ratio_points",
        "item",
        "比率 × 分值，最高为分值（可设比率超过100%得0分）",
        "rate × points, at most the points (optionally 0 when the rate exceeds 100%)",
        (
            _key("value", "the rate (a fact or derived key)"),
            ParamSpec("over_one", "choice", required=False, default="cap", choices=("cap", "zero")),
        ),
        _ratio_points,
    )
)
register_rule_kind(
    RuleKind(
        "tiered",
        "item",
        "按数值所在区间取分（如 ≥90%得1分，75%–90%得0.7分）",
        "the points of the first tier the value falls in",
        (_key("value", "the figure compared"), ParamSpec("tiers", "tiers")),
        _tiered,
    )
)
register_rule_kind(
    RuleKind(
        "control_limit",
        "item",
        "控制类指标：不超过限额得满分，每超过1个百分点扣分值的一定比例（默认10%），扣完为止",
        "control indicator: full at or under the limit, minus a share of the points per point above",
        (
            _key("value", "the rate controlled"),
            ParamSpec("limit", "number"),
            ParamSpec("penalty_share_per_point", "number", required=False, default=Decimal("0.1")),
            ParamSpec("penalty_per_point", "number", required=False),
        ),
        _control_limit,
    )
)
register_rule_kind(
    RuleKind(
        "quarterly_execution",
        "item",
        "Σ min(季度末累计支出进度/序时进度, 1) × 每季分值 + 全年平均执行率 × 平均分值",
        "Σ min(quarter-end progress / 25%·50%·75%·100%, 1) × points + average progress × points",
        (
            ParamSpec("values", "keys", required=False, default=QUARTERS, length=4),
            ParamSpec("milestones", "numbers", required=False, default=MILESTONES, length=4),
            ParamSpec("quarter_points", "number", required=False, default=ONE),
            ParamSpec("average_points", "number", required=False, default=Decimal(2)),
        ),
        _quarterly,
    )
)
register_rule_kind(
    RuleKind(
        "deduct_per_item",
        "item",
        "满分起扣：每一项（如未完成的重点工作）扣一定分值，扣完为止",
        "full points minus a deduction per counted item (e.g. unfinished task), at least 0",
        (_key("value", "the count"), ParamSpec("per", "number")),
        _deduct_per_item,
    )
)
register_rule_kind(
    RuleKind(
        "sum_of_parts",
        "item",
        "各部分得分之和；无公式的部分由自评在其分值内确定",
        "the sum of the parts; parts without a formula are the preparer's, within their points",
        selectable=False,
    )
)

# --- derived rules ----------------------------------------------------------------------


def _ratio(use: RuleUse, points: Decimal, facts: FactLookup) -> Outcome:
    found, missing = _facts(use, facts, "numerator", "denominator")
    sentence = f"{found[0].name} ÷ {found[1].name}"
    if missing:
        return _missing(sentence, found, missing)
    numerator, denominator = found[0].value, found[1].value
    assert numerator is not None and denominator is not None
    if denominator == 0:
        return Outcome(None, sentence, _shown(found), f"{found[1].name}为0，无法计算", (), _sources(found))
    return Outcome(numerator / denominator, sentence, _shown(found), _notes(found), (), _sources(found))


def _change_rate(use: RuleUse, points: Decimal, facts: FactLookup) -> Outcome:
    found, missing = _facts(use, facts, "current", "previous")
    sentence = f"（{found[0].name} − {found[1].name}）÷ {found[1].name}"
    if missing:
        return _missing(sentence, found, missing)
    current, previous = found[0].value, found[1].value
    assert current is not None and previous is not None
    if previous == 0:
        return Outcome(None, sentence, _shown(found), f"{found[1].name}为0，无法计算", (), _sources(found))
    return Outcome((current - previous) / previous, sentence, _shown(found), _notes(found), (), _sources(found))


def _saving_rate(use: RuleUse, points: Decimal, facts: FactLookup) -> Outcome:
    found, missing = _facts(use, facts, "actual", "planned")
    sentence = f"（{found[1].name} − {found[0].name}）÷ {found[1].name}"
    if missing:
        return _missing(sentence, found, missing)
    actual, planned = found[0].value, found[1].value
    assert actual is not None and planned is not None
    if planned == 0:
        return Outcome(None, sentence, _shown(found), f"{found[1].name}为0，无法计算", (), _sources(found))
    return Outcome((planned - actual) / planned, sentence, _shown(found), _notes(found), (), _sources(found))


register_rule_kind(
    RuleKind(
        "ratio",
        "derived",
        "分子 ÷ 分母（如 在职人数 ÷ 编制数）",
        "numerator ÷ denominator",
        (_key("numerator", "fact key"), _key("denominator", "fact key")),
        _ratio,
    )
)
register_rule_kind(
    RuleKind(
        "change_rate",
        "derived",
        "（本期数 − 上期数）÷ 上期数",
        "(current − previous) ÷ previous",
        (_key("current", "fact key"), _key("previous", "fact key")),
        _change_rate,
    )
)
register_rule_kind(
    RuleKind(
        "saving_rate",
        "derived",
        "（计划数 − 实际数）÷ 计划数",
        "(planned − actual) ÷ planned",
        (_key("actual", "fact key"), _key("planned", "fact key")),
        _saving_rate,
    )
)
