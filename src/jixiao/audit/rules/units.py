"""Units and magnitudes: 元 written for 万元, figures far off their parts, impossible percentages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from jixiao.audit.context import AuditContext
from jixiao.audit.finding import Finding
from jixiao.audit.registry import rule
from jixiao.audit.rules.common import make, money
from jixiao.model import Figure, FundsRow
from jixiao.values import Kind

FAMILY = "units"
# An amount about 10,000 times (or a 10,000th of) its neighbours: 元 mixed with 万元.
_TIMES_LOW, _TIMES_HIGH = Decimal(3000), Decimal(30000)
_PART_LOW, _PART_HIGH = Decimal("0.00003"), Decimal("0.0003")
_HUNDRED = Decimal(100)


def _money_figures(ctx: AuditContext) -> Iterator[tuple[object, Figure, str]]:
    for document in ctx.package.documents:
        rows: list[tuple[FundsRow, str]] = []
        total = getattr(document, "total", None)
        if isinstance(total, FundsRow):
            rows.append((total, "年度资金总额"))
            for key in ("current_appropriation", "carryover", "other_funds"):
                row = getattr(document, key, None)
                if isinstance(row, FundsRow):
                    rows.append((row, row.label.text))
        for row, label in rows:
            for key, name in (
                ("initial_budget", "年初预算数"),
                ("adjusted_budget", "全年预算数"),
                ("executed", "全年执行数"),
            ):
                yield document, getattr(row, key), f"{label} · {name}"
        for expense in getattr(document, "expenses", ()):
            for key in ("previous_final", "budget", "final"):
                yield document, getattr(expense, key), expense.label.text


@rule(
    "units.yuan-for-wanyuan",
    family=FAMILY,
    severity="error",
    title="以万元为单位的栏目中写成了元",
    title_en="元 written in a column of 万元",
)
def yuan_for_wanyuan(ctx: AuditContext) -> Iterator[Finding]:
    for document, figure, location in _money_figures(ctx):
        if figure.value is None or figure.unit != "元" or "万" in figure.text:
            continue
        yield make(
            "units.yuan-for-wanyuan",
            "error",
            FAMILY,
            document,  # type: ignore[arg-type]
            f"「{location}」单位应为万元，填写为「{figure.text}」；若指{money(figure.value)}元，应填"
            f"{money(figure.value / 10000)}万元",
            f"{location}: the column is in 万元 but the cell says {figure.text}",
            location=location,
            source=figure.source,
            expected=f"{money(figure.value / 10000)}万元",
            found=f"{money(figure.value)}元",
        )


@rule(
    "units.magnitude",
    family=FAMILY,
    severity="warning",
    title="数额与同一项目其他栏次相差万倍（元与万元混用）",
    title_en="an amount about 10,000 times its neighbours (元 mixed with 万元)",
)
def magnitude(ctx: AuditContext) -> Iterator[Finding]:
    for document in ctx.package.documents:
        rows: list[tuple[str, list[Figure]]] = []
        total = getattr(document, "total", None)
        if isinstance(total, FundsRow):
            rows.append(("年度资金总额", [total.initial_budget, total.adjusted_budget, total.executed]))
        for expense in getattr(document, "expenses", ()):
            rows.append((expense.label.text, [expense.previous_final, expense.budget, expense.final]))
        for label, figures in rows:
            values = [f for f in figures if f.value]
            if len(values) < 2:
                continue
            for figure in values:
                others = [o.value for o in values if o is not figure and o.value]
                if not others or figure.value is None:
                    continue
                ratios = [figure.value / o for o in others]
                if _far_off(ratios):
                    yield make(
                        "units.magnitude",
                        "warning",
                        FAMILY,
                        document,
                        f"「{label}」中{figure.text}与同行其他数额相差约一万倍，疑似元与万元混用",
                        f"{label}: {figure.text} is about 10,000 times off its row; 元 and 万元 mixed?",
                        location=label,
                        source=figure.source,
                        found=money(figure.value),
                    )


def _far_off(ratios: list[Decimal]) -> bool:
    """All ratios about 10,000, or all about a 10,000th (the first ratio rules most rows out)."""
    first = ratios[0]
    if _TIMES_LOW <= first <= _TIMES_HIGH:
        return all(_TIMES_LOW <= r <= _TIMES_HIGH for r in ratios)
    if _PART_LOW <= first <= _PART_HIGH:
        return all(_PART_LOW <= r <= _PART_HIGH for r in ratios)
    return False


_CAPPED_WORDS = ("满意度", "合格率", "达标率", "覆盖率", "完好率", "准确率", "正确率", "及时率", "知晓率")
_CAPPED_RE = re.compile("|".join(_CAPPED_WORDS))


@rule(
    "units.impossible-percent",
    family=FAMILY,
    severity="error",
    title="不可能超过100%的比率（满意度、合格率、完成率）超过了100%",
    title_en="a rate that cannot exceed 100% (satisfaction, pass rate) does",
)
def impossible_percent(ctx: AuditContext) -> Iterator[Finding]:
    for ds in ctx.score.documents:
        for s in ds.indicators:
            name = s.indicator.name.text
            if not _CAPPED_RE.search(name):
                continue
            for value, cell in ((s.actual, s.indicator.actual), (s.target, s.indicator.target)):
                if (
                    value.kind is Kind.NUMBER
                    and value.unit == "%"
                    and value.number is not None
                    and value.number > _HUNDRED
                ):
                    yield make(
                        "units.impossible-percent",
                        "error",
                        FAMILY,
                        ds.document,
                        f"「{name[:30]}」填写{cell.text}，此类比率不可能超过100%",
                        f"{name[:30]}: {cell.text} — this rate cannot exceed 100%",
                        location=f"{s.indicator.level1} · {name[:30]}",
                        source=cell.source,
                        expected="≤100%",
                        found=cell.text,
                    )


@rule(
    "units.rate-format",
    family=FAMILY,
    severity="info",
    title="执行率应写作百分比",
    title_en="execution rates are written as percentages",
)
def rate_format(ctx: AuditContext) -> Iterator[Finding]:
    for ds in ctx.score.documents:
        ex = ds.execution
        if ex is None:
            continue
        text = ex.row.execution_rate.text.strip()
        if text and not text.endswith(("%", "％")) and any(ch.isdigit() for ch in text):
            yield make(
                "units.rate-format",
                "info",
                FAMILY,
                ds.document,
                f"执行率填写为「{text}」，未写百分号，应写作「{text}%」",
                f"execution rate {text!r} lacks a percent sign",
                location="年度资金总额 · 执行率",
                source=ex.row.execution_rate.source,
                expected=f"{text}%",
                found=text,
            )
