"""Dates and years: one fiscal year across cover, tables and prose."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator

from jixiao.audit.context import AuditContext
from jixiao.audit.finding import Finding
from jixiao.audit.registry import rule
from jixiao.audit.rules.common import make, narrative_name
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
                document_name=narrative_name(narrative),
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


# "计划2022年上半年全面完成项目建设": a plan for a time that had passed when the report was written.
_PLAN = re.compile(r"(?<!原)(?:计划|预计|拟|力争)[于在到]?\s*(\d{4})\s*年")
_DONE = re.compile(r"已[经按如]?|完成了|如期|按期|提前")
_SENTENCE = re.compile(r"[^。；;！!？?\n]*")


@rule(
    "dates.past-plan",
    family=FAMILY,
    severity="warning",
    title="报告中仍写着所评年度内（或更早）的计划，没有说明是否完成",
    title_en="the report still states a plan for the year evaluated (or earlier), not whether it was done",
)
def past_plan(ctx: AuditContext) -> Iterator[Finding]:
    year = ctx.package.year
    if year is None:
        return
    for narrative in ctx.package.narratives:
        for paragraph in narrative.paragraphs:
            text = paragraph.text
            if "计划" not in text and "预计" not in text and "拟" not in text and "力争" not in text:
                continue
            for match in _PLAN.finditer(text):
                planned = int(match.group(1))
                if planned > year or planned < year - 5:
                    continue  # next year's plans are the point; a far-off year is some other reference
                start = text.rfind("。", 0, match.start()) + 1
                rest = _SENTENCE.match(text, match.end())
                end = rest.end() if rest else match.end()
                sentence, plan = text[start:end].strip(), text[match.start() : end].strip()
                if _DONE.search(text, match.end(), end):
                    continue  # "计划2022年6月完成，已按期完成"
                source = dataclasses.replace(paragraph.source, column=match.start() + 1)
                yield make(
                    "dates.past-plan",
                    "warning",
                    FAMILY,
                    None,
                    f"报告所评为{year}年度，但仍写着「{plan[:40]}」：{planned}年已过，应写明是否完成",
                    f"the {year} report still states a plan for {planned}: {plan[:40]}",
                    document_name=narrative_name(narrative),
                    location=sentence[:40],
                    source=source,
                    expected="完成情况",
                    found=match.group(0),
                )
