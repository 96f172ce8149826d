"""Scoring: every claimed score against the framework's, weights, subtotals, totals and grades."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.context import AuditContext
from jixiao.audit.finding import Finding, Severity
from jixiao.audit.registry import rule
from jixiao.audit.rules.common import make, points
from jixiao.frameworks import DocumentScore, IndicatorScore

FAMILY = "scoring"


def _row_location(score: IndicatorScore) -> str:
    indicator = score.indicator
    return f"{indicator.level1} · {indicator.level2} · {indicator.name.text[:30]}".replace(" ·  · ", " · ")


def _scored_documents(ctx: AuditContext) -> Iterator[DocumentScore]:
    for ds in ctx.score.documents:
        if ds.kind in ("project", "department", "scoring"):
            yield ds


@rule(
    "score.execution",
    family=FAMILY,
    severity="error",
    title="预算执行得分＝分值×执行率（最高为分值）",
    title_en="the execution score equals weight × min(rate, 1)",
)
def execution_score(ctx: AuditContext) -> Iterator[Finding]:
    for ds in _scored_documents(ctx):
        ex = ds.execution
        if ex is None or ex.claimed is None or ex.computed is None:
            continue
        if abs(ex.claimed - ex.computed) > ctx.score_tolerance:
            yield make(
                "score.execution",
                "error",
                FAMILY,
                ds.document,
                f"预算执行得分填写{points(ex.claimed)}分，按{ex.explanation.sentence}应为{points(ex.computed)}分",
                f"execution score says {points(ex.claimed)}; the rule gives {points(ex.computed)}",
                location="年度资金总额 · 得分",
                source=ex.row.score.source,
                expected=points(ex.computed),
                found=points(ex.claimed),
            )


@rule(
    "score.indicator",
    family=FAMILY,
    severity="error",
    title="定量指标得分与评分规则计算结果一致",
    title_en="a quantitative indicator's score equals the rule's",
)
def indicator_score(ctx: AuditContext) -> Iterator[Finding]:
    for ds in _scored_documents(ctx):
        for s in ds.indicators:
            if s.status != "scored" or s.claimed is None or s.computed is None:
                continue
            if s.weight is not None and s.claimed > s.weight:
                continue  # reported by score.above-weight
            if abs(s.claimed - s.computed) > ctx.score_tolerance:
                inputs = "，".join(f"{k}{v}" for k, v in s.explanation.inputs)
                # An actual written as a bound (">100%", "≥95%") is not a measurement: the
                # recomputed score is then only indicative.
                severity: Severity = "warning" if s.actual.op is not None else "error"
                yield make(
                    "score.indicator",
                    severity,
                    FAMILY,
                    ds.document,
                    f"「{s.indicator.name.text[:30]}」得分填写{points(s.claimed)}分，按「{s.explanation.sentence}」"
                    f"（{inputs}）应为{points(s.computed)}分",
                    f"indicator {s.indicator.name.text[:30]!r} claims {points(s.claimed)}; the rule gives "
                    f"{points(s.computed)}",
                    location=_row_location(s),
                    source=s.indicator.score.source,
                    expected=points(s.computed),
                    found=points(s.claimed),
                )


@rule(
    "score.qualitative-band",
    family=FAMILY,
    severity="error",
    title="定性指标得分落在其完成等级的分档内",
    title_en="a qualitative score lies in the band of its stated level",
)
def qualitative_band(ctx: AuditContext) -> Iterator[Finding]:
    for ds in _scored_documents(ctx):
        for s in ds.indicators:
            if s.status != "band" or s.band is None or s.claimed is None:
                continue
            low, high = s.band
            if s.weight is not None and s.claimed > s.weight:
                continue
            if s.claimed < low - ctx.score_tolerance or s.claimed > high + ctx.score_tolerance:
                yield make(
                    "score.qualitative-band",
                    "error",
                    FAMILY,
                    ds.document,
                    f"「{s.indicator.name.text[:30]}」实际完成为「{s.indicator.actual.text[:20]}」，"
                    f"得分应在{points(low)}–{points(high)}分之间，填写{points(s.claimed)}分",
                    f"qualitative score {points(s.claimed)} outside its band {points(low)}–{points(high)}",
                    location=_row_location(s),
                    source=s.indicator.score.source,
                    expected=f"{points(low)}–{points(high)}",
                    found=points(s.claimed),
                )


@rule(
    "score.above-weight",
    family=FAMILY,
    severity="error",
    title="得分不超过分值",
    title_en="no score exceeds its weight",
)
def above_weight(ctx: AuditContext) -> Iterator[Finding]:
    for ds in _scored_documents(ctx):
        for s in ds.indicators:
            if s.claimed is not None and s.weight is not None and s.claimed > s.weight:
                yield make(
                    "score.above-weight",
                    "error",
                    FAMILY,
                    ds.document,
                    f"「{s.indicator.name.text[:30]}」得分{points(s.claimed)}分，超过分值{points(s.weight)}分",
                    f"score {points(s.claimed)} exceeds the weight {points(s.weight)}",
                    location=_row_location(s),
                    source=s.indicator.score.source,
                    expected=f"≤{points(s.weight)}",
                    found=points(s.claimed),
                )
        for item in ds.items:
            if item.claimed is not None and item.weight is not None and item.claimed > item.weight:
                yield make(
                    "score.above-weight",
                    "error",
                    FAMILY,
                    ds.document,
                    f"「{item.item.name.text}」得分{points(item.claimed)}分，超过分值{points(item.weight)}分",
                    f"score {points(item.claimed)} exceeds the weight {points(item.weight)}",
                    location=f"{item.item.level1} · {item.item.level2} · {item.item.name.text}",
                    source=item.item.score.source,
                    expected=f"≤{points(item.weight)}",
                    found=points(item.claimed),
                )
        ex = ds.execution
        if ex is not None and ex.claimed is not None and ex.weight is not None and ex.claimed > ex.weight:
            yield make(
                "score.above-weight",
                "error",
                FAMILY,
                ds.document,
                f"预算执行得分{points(ex.claimed)}分，超过分值{points(ex.weight)}分",
                f"execution score {points(ex.claimed)} exceeds the weight {points(ex.weight)}",
                location="年度资金总额 · 得分",
                source=ex.row.score.source,
                expected=f"≤{points(ex.weight)}",
                found=points(ex.claimed),
            )


@rule(
    "score.weights-sum",
    family=FAMILY,
    severity="error",
    title="预算执行与各指标分值合计为100分",
    title_en="the execution weight and all indicator weights add up to 100",
)
def weights_sum(ctx: AuditContext) -> Iterator[Finding]:
    expected = Decimal(str(getattr(ctx.score.framework.settings, "total_weight", 100)))
    for ds in _scored_documents(ctx):
        if ds.weight_total is None or (not ds.indicators and not ds.items):
            continue
        if abs(ds.weight_total - expected) > ctx.score_tolerance:
            parts = [f"预算执行{points(ds.execution.weight)}"] if ds.execution and ds.execution.weight else []
            parts += [f"{g.level1}{points(g.weight_sum)}" for g in ds.groups]
            yield make(
                "score.weights-sum",
                "error",
                FAMILY,
                ds.document,
                f"分值合计{points(ds.weight_total)}分（" + "＋".join(parts) + f"），应为{points(expected)}分",
                f"weights add up to {points(ds.weight_total)}, not {points(expected)}",
                location="分值",
                source=ds.document.source,
                expected=points(expected),
                found=points(ds.weight_total),
            )


@rule(
    "score.label-weight",
    family=FAMILY,
    severity="error",
    title="一级指标标注的分值等于其下各指标分值之和",
    title_en="a level-1 label's weight equals the sum of the weights below it",
)
def label_weight(ctx: AuditContext) -> Iterator[Finding]:
    for ds in _scored_documents(ctx):
        for group in ds.groups:
            if group.label_weight is None:
                continue
            if abs(group.label_weight - group.weight_sum) > ctx.score_tolerance:
                source = group.label.source if group.label is not None else ds.document.source
                yield make(
                    "score.label-weight",
                    "error",
                    FAMILY,
                    ds.document,
                    f"「{group.level1}」标注{points(group.label_weight)}分，但其下各指标分值合计"
                    f"{points(group.weight_sum)}分",
                    f"{group.level1} is labelled {points(group.label_weight)} points but its rows weigh "
                    f"{points(group.weight_sum)}",
                    location=group.level1,
                    source=source,
                    expected=points(group.weight_sum),
                    found=points(group.label_weight),
                )


def _as_written(ds: DocumentScore) -> str:
    """The claimed total as the message gives it: "99分", or "「00」（读作0分）" when the cell is written otherwise."""
    shown = f"{points(ds.claimed_total)}分"
    figure = getattr(ds.document, "claimed_total", None)
    text = figure.text.strip() if figure is not None else ""
    if not text or text in (points(ds.claimed_total), shown) or _number_text(text) == ds.claimed_total:
        return shown
    return f"「{text}」（读作{shown}）"


def _number_text(text: str) -> Decimal | None:
    """``text`` as a plain decimal number ("99.00", "99分"), None when it is written otherwise."""
    plain = text.removesuffix("分").strip()
    if not plain or (plain.startswith("0") and plain[1:2] not in ("", ".")):
        return None  # "00", "099": not how a number is written
    try:
        return Decimal(plain)
    except ArithmeticError:
        return None


@rule(
    "score.total-sum",
    family=FAMILY,
    severity="error",
    title="总分等于各项得分之和",
    title_en="the total equals the sum of the claimed scores",
)
def total_sum(ctx: AuditContext) -> Iterator[Finding]:
    for ds in _scored_documents(ctx):
        if ds.claimed_total is None or ds.claimed_sum is None:
            continue
        if abs(ds.claimed_total - ds.claimed_sum) > ctx.score_tolerance:
            source = getattr(ds.document, "claimed_total", None)
            yield make(
                "score.total-sum",
                "error",
                FAMILY,
                ds.document,
                f"总分填写{_as_written(ds)}，但各项得分之和为{points(ds.claimed_sum)}分",
                f"the total says {points(ds.claimed_total)} but the scores add up to {points(ds.claimed_sum)}",
                location="总分",
                source=source.source if source is not None else ds.document.source,
                expected=points(ds.claimed_sum),
                found=points(ds.claimed_total),
            )


@rule(
    "score.total-recomputed",
    family=FAMILY,
    severity="warning",
    title="总分与按评分规则重新计算的结果一致",
    title_en="the total agrees with the recomputed total",
)
def total_recomputed(ctx: AuditContext) -> Iterator[Finding]:
    for ds in _scored_documents(ctx):
        if ds.claimed_total is None or ds.computed_total is None:
            continue
        if abs(ds.claimed_total - ds.computed_total) > ctx.score_tolerance:
            source = getattr(ds.document, "claimed_total", None)
            estimated = "（部分指标无法计分，按填报得分计入）" if ds.estimated else ""
            yield make(
                "score.total-recomputed",
                "warning",
                FAMILY,
                ds.document,
                f"总分填写{_as_written(ds)}，按评分规则重新计算为{points(ds.computed_total)}分{estimated}",
                f"the total says {points(ds.claimed_total)}; recomputed it is {points(ds.computed_total)}",
                location="总分",
                source=source.source if source is not None else ds.document.source,
                expected=points(ds.computed_total),
                found=points(ds.claimed_total),
            )


@rule(
    "score.total-weight",
    family=FAMILY,
    severity="error",
    title="总分行的分值等于各项分值之和",
    title_en="the weight in the total row equals the sum of the weights",
)
def total_weight(ctx: AuditContext) -> Iterator[Finding]:
    for ds in _scored_documents(ctx):
        figure = getattr(ds.document, "total_weight", None)
        if figure is None or figure.value is None or ds.weight_total is None:
            continue
        if abs(figure.value - ds.weight_total) > ctx.score_tolerance:
            yield make(
                "score.total-weight",
                "error",
                FAMILY,
                ds.document,
                f"总分行分值填写{points(figure.value)}分，但各项分值合计{points(ds.weight_total)}分",
                f"the total row's weight says {points(figure.value)}; the weights add up to {points(ds.weight_total)}",
                location="总分 · 分值",
                source=figure.source,
                expected=points(ds.weight_total),
                found=points(figure.value),
            )


@rule(
    "score.grade",
    family=FAMILY,
    severity="error",
    title="评价等级与总分相符",
    title_en="the grade matches the total",
)
def grade(ctx: AuditContext) -> Iterator[Finding]:
    from jixiao.frameworks import grade_for

    for ds in _scored_documents(ctx):
        if not ds.claimed_grade or ds.claimed_total is None:
            continue
        expected = grade_for(ds.claimed_total, ctx.score.framework)
        if expected and ds.claimed_grade != expected:
            source = getattr(ds.document, "claimed_grade", None)
            yield make(
                "score.grade",
                "error",
                FAMILY,
                ds.document,
                f"总分{points(ds.claimed_total)}分对应等级为「{expected}」，填写为「{ds.claimed_grade}」",
                f"a total of {points(ds.claimed_total)} is grade {expected}, not {ds.claimed_grade}",
                location="评分等级",
                source=source.source if source is not None else ds.document.source,
                expected=expected,
                found=ds.claimed_grade,
            )


@rule(
    "score.sheet-item",
    family=FAMILY,
    severity="error",
    title="评分表中可计算的指标得分与公式结果一致",
    title_en="a scoring-sheet item with a formula scores what the formula gives",
)
def sheet_item(ctx: AuditContext) -> Iterator[Finding]:
    for ds in _scored_documents(ctx):
        for item in ds.items:
            if item.status != "formula" or item.claimed is None or item.computed is None:
                continue
            if item.weight is not None and item.claimed > item.weight:
                continue
            if abs(item.claimed - item.computed) > ctx.score_tolerance:
                inputs = "，".join(f"{k}{v}" for k, v in item.explanation.inputs)
                yield make(
                    "score.sheet-item",
                    "error",
                    FAMILY,
                    ds.document,
                    f"「{item.item.name.text}」得分填写{points(item.claimed)}分，按评分标准（{inputs}）应为"
                    f"{points(item.computed)}分",
                    f"{item.item.name.text} claims {points(item.claimed)}; its formula gives {points(item.computed)}",
                    location=f"{item.item.level1} · {item.item.level2} · {item.item.name.text}",
                    source=item.item.score.source,
                    expected=points(item.computed),
                    found=points(item.claimed),
                )


# Points a scoring standard gives one of its parts: "（1分）", "(0.5 分)". Bands ("得1分") and
# deductions ("扣1分") are alternatives, not parts, and are not counted.
_CRITERIA_POINTS = re.compile(r"[（(]\s*(\d{1,3}(?:\.\d{1,2})?)\s*分\s*[）)]")


@rule(
    "score.criteria-points",
    family=FAMILY,
    severity="warning",
    title="评分标准所列分数合计不超过指标分值",
    title_en="the points a scoring standard lists do not exceed the item's weight",
)
def criteria_points(ctx: AuditContext) -> Iterator[Finding]:
    for ds in _scored_documents(ctx):
        for scored in ds.items:
            item = scored.item
            weight = item.weight.value
            if weight is None or not item.criteria.text:
                continue
            parts = [Decimal(m.group(1)) for m in _CRITERIA_POINTS.finditer(item.criteria.text)]
            listed = sum(parts, Decimal(0))
            if listed > weight:
                shown = f"{'＋'.join(points(p) for p in parts)}＝" if len(parts) > 1 else ""
                yield make(
                    "score.criteria-points",
                    "warning",
                    FAMILY,
                    ds.document,
                    f"「{item.name.text}」的评分标准列出{shown}{points(listed)}分，超过该指标分值{points(weight)}分，"
                    "评分标准与分值不符（可能沿用了其他指标或年度的评分标准）",
                    f"{item.name.text}: its scoring standard lists {points(listed)} points, "
                    f"more than the item's weight of {points(weight)}",
                    location=f"{item.level1} · {item.level2} · {item.name.text} · 评分标准",
                    source=item.criteria.source,
                    expected=f"≤{points(weight)}",
                    found=points(listed),
                )


@rule(
    "score.unscorable",
    family=FAMILY,
    severity="info",
    title="无法按规则计分的指标（需人工核实）",
    title_en="rows the rules cannot score (to be checked by a person)",
)
def unscorable(ctx: AuditContext) -> Iterator[Finding]:
    for ds in _scored_documents(ctx):
        for s in ds.indicators:
            if s.status == "unscorable":
                yield make(
                    "score.unscorable",
                    "info",
                    FAMILY,
                    ds.document,
                    f"「{s.indicator.name.text[:30]}」无法按规则计分：{s.explanation.note or '原因未知'}",
                    f"{s.indicator.name.text[:30]!r} cannot be scored by the rules",
                    location=_row_location(s),
                    source=s.indicator.source,
                    found=points(s.claimed),
                )
        for item in ds.items:
            if item.status == "unscorable":
                yield make(
                    "score.unscorable",
                    "info",
                    FAMILY,
                    ds.document,
                    f"「{item.item.name.text}」的公式无法计算：{item.explanation.note or '缺少数据'}",
                    f"{item.item.name.text}: the formula cannot be computed",
                    location=f"{item.item.level1} · {item.item.name.text}",
                    source=item.item.source,
                    found=points(item.claimed),
                )


@rule(
    "score.checklist-evidence",
    family=FAMILY,
    severity="info",
    title="需提供佐证材料的检查项得分",
    title_en="checklist items scored by the preparer need evidence",
)
def checklist_evidence(ctx: AuditContext) -> Iterator[Finding]:
    for ds in _scored_documents(ctx):
        items = [i for i in ds.items if i.status == "checklist" and i.claimed is not None]
        if items:
            listed = "、".join(f"{i.item.name.text}{points(i.claimed)}分" for i in items[:8])
            more = f"等{len(items)}项" if len(items) > 8 else f"共{len(items)}项"
            yield make(
                "score.checklist-evidence",
                "info",
                FAMILY,
                ds.document,
                f"以下检查项由填报人自行打分，需提供佐证材料：{listed}{more}",
                f"{len(items)} checklist items are scored by the preparer and need evidence",
                location="评分表",
            )
