"""Dates and years: one fiscal year across cover, tables and prose."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.audit.context import AuditContext
from jixiao.audit.finding import Finding
from jixiao.audit.registry import rule
from jixiao.audit.rules.common import make
from jixiao.narrative.figures import statements_of

FAMILY = "dates"
_EXECUTION_WORDS = ("执行进度", "执行率", "支出进度", "季度")
_DATE = re.compile(r"(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]?\s*(\d{1,2})?")


@rule(
    "dates.stray-year",
    family=FAMILY,
    severity="error",
    title="执行情况的表述中出现了其他年度",
    title_en="another year appears in a statement about this year's execution",
)
def stray_year(ctx: AuditContext) -> Iterator[Finding]:
    year = ctx.package.year
    if year is None:
        return
    for narrative in ctx.package.narratives:
        for st in statements_of(narrative):
            if st.kind != "year" or st.value is None or int(st.value) == year:
                continue
            after = st.sentence.split(st.text, 1)[1] if st.text in st.sentence else ""
            about_execution = any(w in st.subject for w in _EXECUTION_WORDS) or after.lstrip().startswith(
                ("第一季度", "第二季度", "第三季度", "第四季度", "上半年", "下半年")
            )
            if not about_execution:
                continue
            yield make(
                "dates.stray-year",
                "error",
                "dates",
                None,
                f"报告所评为{year}年度，但「{st.sentence[:40]}」写的是{st.text}",
                f"the report is for {year}, but this execution statement says {st.text}",
                document_name="部门整体支出绩效自评报告"
                if not narrative.project
                else f"{narrative.project}绩效自评报告",
                location=st.sentence[:40],
                source=st.source,
                expected=f"{year}年",
                found=st.text,
            )


@rule(
    "dates.table-year",
    family=FAMILY,
    severity="error",
    title="各表的年度与报告年度一致",
    title_en="every table's year is the package's year",
)
def table_year(ctx: AuditContext) -> Iterator[Finding]:
    year = ctx.package.year
    if year is None:
        return
    for document in ctx.package.documents:
        if document.year is not None and document.year != year:
            yield make(
                "dates.table-year",
                "error",
                FAMILY,
                document,
                f"该表标注为{document.year}年度，而报告其余部分为{year}年度",
                f"this table says {document.year}; the package is for {year}",
                location="表头年度",
                source=document.title.source,
                expected=str(year),
                found=str(document.year),
            )


@rule(
    "dates.report-date",
    family=FAMILY,
    severity="error",
    title="报告日期在所评年度结束之后",
    title_en="the report is dated after the fiscal year it evaluates",
)
def report_date(ctx: AuditContext) -> Iterator[Finding]:
    year = ctx.package.year
    if year is None:
        return
    dates = [("封面日期", ctx.package.cover.date)]
    dates += [
        (f"{getattr(d, 'name', '')}填报日期", d.signoff.date) for d in ctx.package.documents if hasattr(d, "signoff")
    ]
    for label, cell in dates:
        match = _DATE.search(cell.text)
        if not match:
            continue
        written = int(match.group(1))
        if written <= year:
            yield make(
                "dates.report-date",
                "error",
                FAMILY,
                None,
                f"{label}为「{cell.text.strip()}」，早于{year}年度结束，自评只能在年度结束后进行",
                f"{label} {cell.text.strip()} is before the end of fiscal {year}",
                document_name=label,
                location=label,
                source=cell.source,
                expected=f"{year + 1}年或以后",
                found=cell.text.strip(),
            )
