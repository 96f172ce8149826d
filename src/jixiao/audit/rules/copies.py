"""Copy and paste: another project's name, indicator blocks reused, actuals that repeat targets."""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.audit.context import AuditContext
from jixiao.audit.finding import Finding
from jixiao.audit.registry import rule
from jixiao.audit.rules.common import make, name_key, narrative_name, without_noise
from jixiao.model import ProjectTable

FAMILY = "copies"


def _texts(project: ProjectTable) -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    for goal in project.goals:
        out += [("年度总体目标", goal.expected), ("实际完成情况", goal.actual)]
    for indicator in project.indicators.indicators:
        out += [
            ("三级指标", indicator.name),
            ("年度指标值", indicator.target),
            ("实际完成值", indicator.actual),
        ]
    return out


# Words that make a name in prose a project's: "老旧小区改造项目", "…专项工作经费".
_PROJECT_WORDS = re.compile(r"[^，,。；;：:、\n]{0,4}?(?:项目|专项|经费|资金)")


def _as_project(bare: str, key: str, name: str) -> bool:
    """Whether ``bare`` (a text less punctuation) names the project ``name`` (name key ``key``) as a
    project: its whole name, or its key followed by a project's word ("老旧小区改造专项工作经费"), not a
    duty that shares the words of a shortened name ("建筑工程招投标监督管理；" for 招投标监督管理专项)."""
    if without_noise(name) in bare:
        return True
    at = bare.find(key)
    while at >= 0:
        if _PROJECT_WORDS.match(bare, at + len(key)):
            return True
        at = bare.find(key, at + 1)
    return False


def _others(ctx: AuditContext, mine: ProjectTable | None, own: str) -> list[tuple[ProjectTable, str]]:
    """The other projects (and their name keys) whose name a text about ``mine`` (name key ``own``)
    could name without naming its own: keys of four or more characters, neither inside the other."""
    return [
        (other, key)
        for other, key in zip(ctx.projects, ctx.project_keys, strict=True)
        if other is not mine and len(key) >= 4 and key not in own and own not in key
    ]


@rule(
    "copy.other-project-named",
    family=FAMILY,
    severity="warning",
    title="项目的目标或指标中写了另一个项目的名称",
    title_en="a project's goals or indicators name another project",
)
def other_project_named(ctx: AuditContext) -> Iterator[Finding]:
    for project, own in zip(ctx.projects, ctx.project_keys, strict=True):
        others = _others(ctx, project, own)
        if not others:
            continue
        cells = _texts(project)
        # A text's key is the text less punctuation (and a leading number, a trailing suffix), so a key
        # found in a text's key is found in all the texts less punctuation: one search rules most out.
        bare = without_noise("\x00".join(getattr(cell, "text", "") for _, cell in cells))
        others = [(other, key) for other, key in others if key in bare or "\x00" in key]
        if not others:
            continue
        texts = [(label, cell, name_key(getattr(cell, "text", ""))) for label, cell in cells]
        # Keys hold no white space: one search in the joined keys tells whether any text names it.
        joined = "\n".join(text_key for _, _, text_key in texts)
        for other, key in others:
            if key not in joined:
                continue
            for label, cell, text_key in texts:
                text = getattr(cell, "text", "")
                if key in text_key and _as_project(without_noise(text), key, other.name):
                    yield make(
                        "copy.other-project-named",
                        "warning",
                        FAMILY,
                        project,
                        f"项目「{project.name}」的{label}写到了另一个项目「{other.name}」，疑似复制粘贴",
                        f"project {project.name}'s {label} names another project, {other.name}",
                        location=label,
                        source=getattr(cell, "source", project.source),
                        found=text[:40],
                    )
                    break


@rule(
    "copy.report-names-other-project",
    family=FAMILY,
    severity="warning",
    title="项目自评报告中写了另一个项目的名称",
    title_en="a project's report names another project",
)
def report_names_other_project(ctx: AuditContext) -> Iterator[Finding]:
    for narrative in ctx.package.narratives:
        if not narrative.project:
            continue
        own = name_key(narrative.project)
        mine = ctx.project_named(narrative.project)
        others = _others(ctx, mine, own)
        if not others:
            continue
        texts = narrative.paragraphs
        # The name as written, in one piece (a report's text is long: no pass of the noise pattern over it).
        joined = "\x00".join(p.text for p in texts)
        others = [(other, key) for other, key in others if key in joined]
        for other, key in others:
            for paragraph in texts:
                if key not in paragraph.text or not _as_project(without_noise(paragraph.text), key, other.name):
                    continue
                yield make(
                    "copy.report-names-other-project",
                    "warning",
                    FAMILY,
                    None,
                    f"「{narrative.project}」的项目自评报告写到了另一个项目「{other.name}」，疑似从其他项目的报告复制",
                    f"the report of {narrative.project} names another project, {other.name}",
                    document_name=narrative_name(narrative),
                    location=paragraph.text[:40],
                    source=paragraph.source,
                    expected=narrative.project,
                    found=paragraph.text[:40],
                )
                break


@rule(
    "copy.indicators-reused",
    family=FAMILY,
    severity="warning",
    title="不同项目使用了几乎相同的绩效指标",
    title_en="unrelated projects share nearly the same indicators",
)
def indicators_reused(ctx: AuditContext) -> Iterator[Finding]:
    projects = ctx.projects
    signatures = []
    for project in projects:
        rows = {
            (i.name.text.strip(), i.target.text.strip(), i.actual.text.strip())
            for i in project.indicators.indicators
            if i.name.text.strip() not in ("", "无")
        }
        signatures.append(rows)
    for a in range(len(projects)):
        for b in range(a + 1, len(projects)):
            left, right = signatures[a], signatures[b]
            if len(left) < 5 or len(right) < 5:
                continue
            shared = left & right
            if len(shared) >= 0.8 * min(len(left), len(right)):
                yield make(
                    "copy.indicators-reused",
                    "warning",
                    FAMILY,
                    projects[b],
                    f"项目「{projects[b].name}」与「{projects[a].name}」有{len(shared)}项指标（名称、目标值、实际值）"
                    "完全相同，疑似照搬，未体现项目各自的产出和效益",
                    f"{projects[b].name} and {projects[a].name} share {len(shared)} identical indicators",
                    location="绩效指标",
                    source=projects[b].indicators.indicators[0].source,
                    expected="与项目内容相符的个性化指标",
                    found=f"{len(shared)}项相同",
                )


@rule(
    "copy.actual-repeats-target",
    family=FAMILY,
    severity="warning",
    title="实际完成值只是重复目标值且全部满分（可能虚高）",
    title_en="actuals that only repeat the targets, all with full marks (possible inflation)",
)
def actual_repeats_target(ctx: AuditContext) -> Iterator[Finding]:
    for ds in ctx.score.documents:
        if ds.kind not in ("project", "department"):
            continue
        rows = [s for s in ds.indicators if s.status != "skipped" and s.indicator.target.text.strip() not in ("", "无")]
        repeated = [
            s
            for s in rows
            if s.indicator.actual.text.strip() == s.indicator.target.text.strip()
            and s.weight is not None
            and s.claimed == s.weight
        ]
        if len(rows) >= 4 and len(repeated) >= 0.6 * len(rows):
            names = "、".join(s.indicator.name.text[:12] for s in repeated[:5])
            yield make(
                "copy.actual-repeats-target",
                "warning",
                FAMILY,
                ds.document,
                f"{len(rows)}项指标中有{len(repeated)}项的实际完成值与目标值文字完全相同且得满分（{names}等），"
                "未反映实际完成情况，可能虚高",
                f"{len(repeated)} of {len(rows)} actuals repeat the target text with full marks",
                location="实际完成值",
                source=repeated[0].indicator.actual.source,
                expected="实际完成的数量或情况",
                found=f"{len(repeated)}项与目标值相同",
            )
