"""Logic: claims that contradict themselves — full marks on missed targets, missing reasons …"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.context import AuditContext
from jixiao.audit.finding import Finding
from jixiao.audit.registry import rule
from jixiao.audit.rules.common import make, percent, points, without_noise
from jixiao.frameworks import DocumentScore, IndicatorScore
from jixiao.frameworks.indicators import read_value
from jixiao.model import Cell, Source
from jixiao.values import Kind, Op, Value, list_items

FAMILY = "logic"


def _docs(ctx: AuditContext) -> Iterator[DocumentScore]:
    return (ds for ds in ctx.score.documents if ds.kind in ("project", "department"))


def _loc(s: IndicatorScore) -> str:
    return f"{s.indicator.level1} · {s.indicator.name.text[:30]}"


def _missed(s: IndicatorScore) -> bool:
    """A quantitative target the actual falls short of (or, for ≤, goes above)."""
    return _falls_short(s.target, s.actual)


def _falls_short(target: Value, actual: Value) -> bool:
    if not (target.is_quantitative and actual.is_quantitative):
        return False
    if target.unit != actual.unit and actual.unit is not None:
        return False
    assert target.number is not None and actual.number is not None
    if actual.op is not None and actual.op in (Op.GE, Op.GT) and target.op in (Op.GE, Op.GT, Op.EQ, None):
        return actual.number < target.number
    if target.op in (Op.LE, Op.LT):
        return actual.number > target.number
    return actual.number < target.number


_DIGITS = re.compile(r"[0-9０-９]")


def _missed_items(s: IndicatorScore) -> list[tuple[int, str, str]]:
    """The items of a cell of several numbered targets ("8.完成公开招标项目监管16个") whose actual item,
    numbered alike and about the same thing, falls short: (number, target item, actual item)."""
    if s.target.kind is not Kind.UNREADABLE or s.actual.kind is not Kind.UNREADABLE:
        return []
    targets, actuals = list_items(s.indicator.target.text), list_items(s.indicator.actual.text)
    missed = []
    for number, wanted in targets.items():
        got = actuals.get(number)
        if got is None:
            continue
        # The same words before the figures: "完成公开招标项目监管" in both.
        subject = without_noise(_DIGITS.split(wanted, 1)[0])
        if len(subject) < 2 or subject != without_noise(_DIGITS.split(got, 1)[0]):
            continue
        if _falls_short(read_value(wanted), read_value(got)):
            missed.append((number, wanted, got))
    return missed


def _line_of(cell: Cell, part: str) -> Source:
    """The source of ``part`` of a cell written over several lines: the cell's, on the part's line."""
    at = cell.text.find(part)
    source = cell.source
    if at <= 0 or source.line is None:
        return source
    return dataclasses.replace(source, line=source.line + cell.text.count("\n", 0, at))


@rule(
    "logic.missed-full-marks",
    family=FAMILY,
    severity="error",
    title="未完成目标却得满分",
    title_en="a missed target with full marks",
)
def missed_full_marks(ctx: AuditContext) -> Iterator[Finding]:
    for ds in _docs(ctx):
        for s in ds.indicators:
            if s.weight is None or s.claimed is None or s.claimed < s.weight:
                continue
            items = _missed_items(s) if s.target.kind is Kind.UNREADABLE else ()
            for number, wanted, got in items:
                # The name cell lists the items too: the row is named by its level-2 ("数量指标").
                row = s.indicator.level2 or s.indicator.level1 if list_items(s.indicator.name.text) else None
                row = row or s.indicator.name.text.strip()[:20]
                yield make(
                    "logic.missed-full-marks",
                    "error",
                    FAMILY,
                    ds.document,
                    f"「{row}」第{number}项目标「{wanted[:30]}」，实际「{got[:30]}」，"
                    f"未完成目标却得满分{points(s.claimed)}分",
                    f"item {number} of {row!r}: target {wanted[:30]} missed ({got[:30]}) yet full marks",
                    location=f"{s.indicator.level1} · {row} · 第{number}项",
                    source=_line_of(s.indicator.actual, got),
                    expected=f"<{points(s.weight)}",
                    found=points(s.claimed),
                )
            if not _missed(s):
                continue
            yield make(
                "logic.missed-full-marks",
                "error",
                FAMILY,
                ds.document,
                f"「{s.indicator.name.text[:30]}」目标{s.indicator.target.text}，实际{s.indicator.actual.text}，"
                f"未完成目标却得满分{points(s.claimed)}分",
                f"target {s.indicator.target.text} missed ({s.indicator.actual.text}) yet full marks",
                location=_loc(s),
                source=s.indicator.score.source,
                expected=points(s.computed) if s.computed is not None else f"<{points(s.weight)}",
                found=points(s.claimed),
            )


@rule(
    "logic.missing-deviation-reason",
    family=FAMILY,
    severity="error",
    title="扣分的指标须写明偏差原因及改进措施",
    title_en="a score below its weight needs a deviation reason",
)
def missing_reason(ctx: AuditContext) -> Iterator[Finding]:
    for ds in _docs(ctx):
        for s in ds.indicators:
            if s.weight is None or s.claimed is None or s.claimed >= s.weight:
                continue
            if s.status == "skipped" or not s.indicator.deviation_reason.blank:
                continue
            yield make(
                "logic.missing-deviation-reason",
                "error",
                FAMILY,
                ds.document,
                f"「{s.indicator.name.text[:30]}」得分{points(s.claimed)}分低于分值{points(s.weight)}分，"
                "但未填写偏差原因分析及改进措施",
                "score below weight but no deviation reason",
                location=f"{_loc(s)} · 偏差原因分析及改进措施",
                source=s.indicator.deviation_reason.source,
                expected="偏差原因及改进措施",
                found="（空）",
            )


_BOUNDS = {Op.GE: "下限", Op.GT: "下限", Op.LE: "上限", Op.LT: "上限"}


@rule(
    "logic.actual-as-bound",
    family=FAMILY,
    severity="warning",
    title="定量指标的实际完成值写成了范围（如「≥98%」），不是实际达到的数值",
    title_en="a quantitative actual written as a bound (≥98%) rather than the value reached",
)
def actual_as_bound(ctx: AuditContext) -> Iterator[Finding]:
    for ds in _docs(ctx):
        for s in ds.indicators:
            actual = s.actual
            if s.status == "skipped" or not s.target.is_quantitative or actual.kind is not Kind.NUMBER:
                continue
            bound = _BOUNDS.get(actual.op) if actual.op is not None else None
            if bound is None:
                continue
            written = s.indicator.actual.text.strip()
            yield make(
                "logic.actual-as-bound",
                "warning",
                FAMILY,
                ds.document,
                f"「{s.indicator.name.text[:30]}」的实际完成值写作「{written[:20]}」，只是一个{bound}，"
                f"不是实际达到的数值，无法核实是否达到目标「{s.indicator.target.text.strip()[:20]}」",
                f"the actual of {s.indicator.name.text[:30]!r} is written as a bound ({written[:20]}), not a value",
                location=f"{_loc(s)} · 实际完成值",
                source=s.indicator.actual.source,
                expected="实际达到的数值",
                found=written[:40],
            )


@rule(
    "logic.words-only-actual",
    family=FAMILY,
    severity="warning",
    title="定量指标的实际完成值只有文字",
    title_en="a quantitative target answered with words only",
)
def words_only(ctx: AuditContext) -> Iterator[Finding]:
    for ds in _docs(ctx):
        for s in ds.indicators:
            if not s.target.is_quantitative or s.actual.kind not in (Kind.QUALITATIVE, Kind.TIME):
                continue
            yield make(
                "logic.words-only-actual",
                "warning",
                FAMILY,
                ds.document,
                f"「{s.indicator.name.text[:30]}」目标为定量值{s.indicator.target.text}，实际完成值只写了"
                f"「{s.indicator.actual.text[:20]}」，无法核对是否达到目标",
                f"quantitative target {s.indicator.target.text} answered with words {s.indicator.actual.text[:20]!r}",
                location=f"{_loc(s)} · 实际完成值",
                source=s.indicator.actual.source,
                expected=f"与{s.indicator.target.text}可比的数值",
                found=s.indicator.actual.text[:40],
            )


@rule(
    "logic.target-too-low",
    family=FAMILY,
    severity="warning",
    title="实际值远超目标值（指标值设定偏低）",
    title_en="a target far exceeded (set too low)",
)
def target_too_low(ctx: AuditContext) -> Iterator[Finding]:
    threshold = Decimal(str(getattr(ctx.score.framework.settings, "over_achievement_threshold", "0.5")))
    for ds in _docs(ctx):
        for s in ds.indicators:
            if not s.over_achieved:
                continue
            yield make(
                "logic.target-too-low",
                "warning",
                FAMILY,
                ds.document,
                f"「{s.indicator.name.text[:30]}」目标{s.indicator.target.text}，实际{s.indicator.actual.text}，"
                f"超出目标{percent(threshold)}以上，指标值设定偏低",
                f"actual {s.indicator.actual.text} exceeds the target {s.indicator.target.text} by more than "
                f"{percent(threshold)}: the target was set too low",
                location=_loc(s),
                source=s.indicator.actual.source,
                expected=s.indicator.target.text,
                found=s.indicator.actual.text,
            )


@rule(
    "logic.execution-low",
    family=FAMILY,
    severity="warning",
    title="预算执行率低于90%须说明原因",
    title_en="an execution rate below 90% needs an explanation",
)
def execution_low(ctx: AuditContext) -> Iterator[Finding]:
    floor = Decimal(str(getattr(ctx.score.framework.settings, "execution_rate_floor", "0.9")))
    narrative_text = "".join(p.text for n in ctx.package.narratives for p in n.paragraphs)
    for ds in _docs(ctx):
        ex = ds.execution
        if ex is None or ex.rate is None or ex.rate >= floor:
            continue
        name = ds.document.name
        explained = name and name in narrative_text and any(w in narrative_text for w in ("原因", "由于", "因"))
        if explained:
            continue
        yield make(
            "logic.execution-low",
            "warning",
            FAMILY,
            ds.document,
            f"预算执行率{percent(ex.rate)}，低于{percent(floor)}，未见原因说明",
            f"execution rate {percent(ex.rate)} is below {percent(floor)} with no explanation",
            location="年度资金总额 · 执行率",
            source=ex.row.execution_rate.source if ex.row.execution_rate.source.line else ex.row.executed.source,
            expected=f"≥{percent(floor)}或说明原因",
            found=percent(ex.rate),
        )


@rule(
    "logic.execution-over-budget",
    family=FAMILY,
    severity="error",
    title="全年执行数不超过全年预算数",
    title_en="spending does not exceed the adjusted budget",
)
def execution_over(ctx: AuditContext) -> Iterator[Finding]:
    for ds in _docs(ctx):
        ex = ds.execution
        if ex is None or ex.rate is None or ex.rate <= 1:
            continue
        row = ex.row
        yield make(
            "logic.execution-over-budget",
            "error",
            FAMILY,
            ds.document,
            f"全年执行数{row.executed.text}万元超过全年预算数{row.adjusted_budget.text}万元（执行率{percent(ex.rate)}）",
            f"executed {row.executed.text} exceeds the adjusted budget {row.adjusted_budget.text}",
            location="年度资金总额 · 全年执行数",
            source=row.executed.source,
            expected=f"≤{row.adjusted_budget.text}",
            found=row.executed.text,
        )


@rule(
    "logic.timeliness-not-time",
    family=FAMILY,
    severity="warning",
    title="时效指标的目标值应是时间",
    title_en="a timeliness indicator's target should be a time",
)
def timeliness(ctx: AuditContext) -> Iterator[Finding]:
    for ds in _docs(ctx):
        for s in ds.indicators:
            if "时效" not in s.indicator.level2 or s.status == "skipped":
                continue
            if s.target.kind in (Kind.TIME, Kind.NONE) or (s.target.quality == "定性"):
                continue
            if s.target.is_quantitative and s.target.unit in (
                "%",
                "天",
                "小时",
                "日",
                "月",
                "个工作日",
                "工作日",
            ):
                continue
            yield make(
                "logic.timeliness-not-time",
                "warning",
                FAMILY,
                ds.document,
                f"时效指标「{s.indicator.name.text[:30]}」的目标值「{s.indicator.target.text[:20]}」不是时间或期限",
                f"timeliness target {s.indicator.target.text[:20]!r} is not a time",
                location=f"{_loc(s)} · 年度指标值",
                source=s.indicator.target.source,
                expected="完成时限（如2023年12月31日前）",
                found=s.indicator.target.text[:40],
            )


@rule(
    "logic.weight-without-values",
    family=FAMILY,
    severity="warning",
    title="有分值的指标须填写目标值和实际完成值",
    title_en="a weighted indicator needs a target and an actual",
)
def weight_without_values(ctx: AuditContext) -> Iterator[Finding]:
    for ds in _docs(ctx):
        for s in ds.indicators:
            if not s.weight or s.status == "skipped":
                continue
            target_blank, actual_blank = s.indicator.target.blank, s.indicator.actual.blank
            if not (target_blank or actual_blank):
                continue
            blank = [n for n, b in (("年度指标值", target_blank), ("实际完成值", actual_blank)) if b]
            if blank:
                yield make(
                    "logic.weight-without-values",
                    "warning",
                    FAMILY,
                    ds.document,
                    f"「{s.indicator.name.text[:30]}」分值{points(s.weight)}分，但{'和'.join(blank)}为空",
                    f"weighted indicator with an empty {' and '.join(blank)}",
                    location=_loc(s),
                    source=s.indicator.source,
                    expected="填写" + "和".join(blank),
                    found="（空）",
                )
