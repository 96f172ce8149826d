"""Completeness: the tables, rows, totals and sign-off fields a package must have."""

from __future__ import annotations

from collections.abc import Iterator

from jixiao.audit.context import AuditContext
from jixiao.audit.finding import Finding
from jixiao.audit.registry import rule
from jixiao.audit.rules.common import make, names_match
from jixiao.model import DepartmentTable, ProjectTable

FAMILY = "completeness"


def _required_kinds(ctx: AuditContext) -> tuple[str, ...]:
    framework = ctx.score.framework.id
    if framework.startswith("shenzhen"):
        return ("scoring",)
    if framework.startswith("mof"):
        return ("project",)
    return ("basic", "department")


@rule(
    "complete.required-tables",
    family=FAMILY,
    severity="error",
    title="评价框架要求的表格齐全",
    title_en="the tables the framework requires are present",
)
def required_tables(ctx: AuditContext) -> Iterator[Finding]:
    names = {
        "basic": "部门整体支出绩效评价基础数据表",
        "department": "部门整体支出绩效自评表",
        "project": "项目支出绩效自评表",
        "scoring": "部门整体支出绩效评分表",
    }
    present = {d.kind for d in ctx.package.documents}
    for kind in _required_kinds(ctx):
        if kind not in present:
            yield make(
                "complete.required-tables",
                "error",
                FAMILY,
                None,
                f"缺少「{names[kind]}」（{ctx.score.framework.name}要求提交）",
                f"the {kind} table required by {ctx.score.framework.id} is missing",
                document_name=names[kind],
                expected=names[kind],
                found="（缺）",
            )


@rule(
    "complete.signoff",
    family=FAMILY,
    severity="warning",
    title="填表人、填报日期、联系电话、单位负责人签字齐全",
    title_en="sign-off fields are filled in",
)
def signoff(ctx: AuditContext) -> Iterator[Finding]:
    for document in ctx.package.documents:
        sign = getattr(document, "signoff", None)
        if sign is None or sign.source.line is None:
            continue  # no sign-off line at all is not this rule's business (the form may not have one)
        labels = (("填表人", sign.preparer), ("填报日期", sign.date), ("联系电话", sign.phone))
        missing = [label for label, cell in labels if cell.blank]
        if missing:
            yield make(
                "complete.signoff",
                "warning",
                FAMILY,
                document,
                f"签署栏未填写：{'、'.join(missing)}",
                f"sign-off fields left empty: {', '.join(missing)}",
                location="签署栏",
                source=sign.source,
                expected="、".join(missing),
                found="（空）",
            )


@rule(
    "complete.project-table-missing",
    family=FAMILY,
    severity="warning",
    title="基础数据表中有支出的项目都有项目支出绩效自评表",
    title_en="every project with spending in the basic data has a project table",
)
def project_table_missing(ctx: AuditContext) -> Iterator[Finding]:
    basic = ctx.basic
    projects = ctx.projects
    if basic is None or not projects:
        return
    for row in basic.expenses:
        if row.category != "project" or not (row.final.value or row.budget.value):
            continue
        if not any(names_match(row.label.text, p.name) for p in projects):
            yield make(
                "complete.project-table-missing",
                "warning",
                FAMILY,
                basic,
                f"基础数据表列有项目「{row.label.text}」（本年决算{row.final.text or '—'}万元），"
                "但没有找到它的项目支出绩效自评表",
                f"the basic data lists project {row.label.text} but there is no project table for it",
                location=row.label.text,
                source=row.label.source,
                expected="项目支出绩效自评表",
                found="（缺）",
            )


@rule(
    "complete.claimed-total",
    family=FAMILY,
    severity="error",
    title="自评表填写了总分",
    title_en="the self-evaluation table states its total",
)
def claimed_total(ctx: AuditContext) -> Iterator[Finding]:
    for document in ctx.package.documents:
        if not isinstance(document, ProjectTable | DepartmentTable) or not document.indicators.indicators:
            continue
        if document.claimed_total.value is None:
            ds = ctx.for_document(document)
            computed = ds.computed_total if ds else None
            yield make(
                "complete.claimed-total",
                "error",
                FAMILY,
                document,
                "总分栏未填写得分" + (f"（按规则计算为{computed:.2f}分）" if computed is not None else ""),
                "the total score is not filled in",
                location="总分 · 得分",
                source=document.claimed_total.source if document.claimed_total.source.line else document.source,
                expected=f"{computed:.2f}" if computed is not None else None,
                found=document.claimed_total.text or "（空）",
            )


@rule(
    "complete.funds",
    family=FAMILY,
    severity="error",
    title="年度资金总额的全年预算数和全年执行数已填写",
    title_en="the funds total states the adjusted budget and the spending",
)
def funds(ctx: AuditContext) -> Iterator[Finding]:
    for document in ctx.package.documents:
        if not isinstance(document, ProjectTable | DepartmentTable):
            continue
        missing = [
            label
            for label, figure in (
                ("全年预算数", document.total.adjusted_budget),
                ("全年执行数", document.total.executed),
            )
            if figure.value is None
        ]
        if missing:
            yield make(
                "complete.funds",
                "error",
                FAMILY,
                document,
                f"年度资金总额未填写{'、'.join(missing)}，无法计算执行率",
                f"the funds total lacks {', '.join(missing)}",
                location="年度资金总额",
                source=document.total.source,
                expected="、".join(missing),
                found="（空）",
            )


@rule(
    "complete.execution-score",
    family=FAMILY,
    severity="warning",
    title="预算执行（年度资金总额）填写了得分",
    title_en="the execution row states its score",
)
def execution_score(ctx: AuditContext) -> Iterator[Finding]:
    for ds in ctx.score.documents:
        ex = ds.execution
        if ex is None or ex.weight is None or ex.claimed is not None:
            continue
        yield make(
            "complete.execution-score",
            "warning",
            FAMILY,
            ds.document,
            "年度资金总额行有分值但未填写得分"
            + (f"（按执行率计算为{ex.computed:.2f}分）" if ex.computed is not None else ""),
            "the execution row has a weight but no score",
            location="年度资金总额 · 得分",
            source=ex.row.score.source if ex.row.score.source.line else ex.row.source,
            expected=f"{ex.computed:.2f}" if ex.computed is not None else None,
            found="（空）",
        )


@rule(
    "complete.indicator-score",
    family=FAMILY,
    severity="warning",
    title="有分值的指标填写了得分",
    title_en="every weighted indicator states its score",
)
def indicator_score(ctx: AuditContext) -> Iterator[Finding]:
    for ds in ctx.score.documents:
        for s in ds.indicators:
            if s.weight and s.claimed is None and s.status != "skipped":
                yield make(
                    "complete.indicator-score",
                    "warning",
                    FAMILY,
                    ds.document,
                    f"「{s.indicator.name.text[:30]}」有分值{s.weight}分但未填写得分",
                    "a weighted indicator has no score",
                    location=f"{s.indicator.level1} · {s.indicator.name.text[:30]}",
                    source=s.indicator.score.source,
                    found="（空）",
                )


@rule(
    "complete.goals",
    family=FAMILY,
    severity="warning",
    title="年度总体目标（预期目标和实际完成情况）已填写",
    title_en="the annual goals (expected and achieved) are filled in",
)
def goals(ctx: AuditContext) -> Iterator[Finding]:
    for document in ctx.package.documents:
        if not isinstance(document, ProjectTable | DepartmentTable):
            continue
        if not document.goals or all(g.expected.blank and g.actual.blank for g in document.goals):
            yield make(
                "complete.goals",
                "warning",
                FAMILY,
                document,
                "年度总体目标的预期目标和实际完成情况均未填写",
                "the annual goals are empty",
                location="年度总体目标",
                source=document.goals[0].expected.source if document.goals else document.source,
                expected="预期目标与实际完成情况",
                found="（空）",
            )
            continue
        written = [g.expected.text.strip() for g in document.goals if not g.expected.blank]
        if written and all(not any(ch.isalpha() for ch in text) for text in written):
            # "5": a figure (the weight? a count?) where the goal should be stated in words.
            yield make(
                "complete.goals",
                "warning",
                FAMILY,
                document,
                f"年度总体目标只写了「{'、'.join(written)[:20]}」，没有用文字说明预期目标",
                f"the annual goals hold only {'/'.join(written)[:20]!r}, no goal in words",
                location="年度总体目标",
                source=document.goals[0].expected.source,
                expected="用文字表述的年度总体目标",
                found="、".join(written)[:40],
            )


@rule(
    "complete.narrative-sections",
    family=FAMILY,
    severity="info",
    title="自评报告包含规定的各部分",
    title_en="the narrative report has the sections of the outline",
)
def narrative_sections(ctx: AuditContext) -> Iterator[Finding]:
    narrative = ctx.narrative
    if narrative is None or ctx.score.framework.id.startswith(("shenzhen", "mof")):
        return
    titles = "".join(s.title for s in narrative.sections)
    required = (
        ("基本情况", "部门（单位）基本情况"),
        ("支出情况", "一般公共预算支出情况"),
        ("绩效情况", "部门整体支出绩效情况"),
        ("问题", "存在的问题及原因分析"),
        ("改进", "下一步改进措施"),
    )
    missing = [name for key, name in required if key not in titles]
    if missing:
        yield make(
            "complete.narrative-sections",
            "info",
            FAMILY,
            None,
            f"自评报告缺少以下部分：{'、'.join(missing)}",
            f"the narrative lacks: {', '.join(missing)}",
            document_name="部门整体支出绩效自评报告",
            source=narrative.source,
            expected="、".join(missing),
            found="（缺）",
        )


@rule(
    "complete.read-notes",
    family=FAMILY,
    severity="warning",
    title="读取时无法识别的内容",
    title_en="what the reader could not read",
)
def read_notes(ctx: AuditContext) -> Iterator[Finding]:
    for note in ctx.package.notes:
        yield make(
            "complete.read-notes",
            "error" if note.level == "error" else "warning",
            FAMILY,
            None,
            note.message,
            note.message_en,
            document_name=note.source.table or "",
            source=note.source,
        )
