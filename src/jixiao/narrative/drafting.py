"""Drafting the standard sections of the department narrative from the figures (issue 4, item 7).

:func:`draft_narrative` fills the sections of the Hunan outline (domain.md §2: 一 部门（单位）基本情况,
二 一般公共预算支出情况 with （一）基本支出 and （二）项目支出, 三 政府性基金, 四 国有资本经营, 五 社会保险基金,
六 部门整体支出绩效情况, 七 存在的问题及原因分析, 八 下一步改进措施) in formal Chinese, from the tables and
the score. Sentences are built in :mod:`jixiao.narrative.draft_sentences`.

The preparer's own prose is kept: a section is drafted only when it is missing or has no text (for a
level-1 section, neither it nor its sub-sections). Sections are matched by their title, not their
number, so a report with its own numbering keeps it; a missing section is inserted after the last
standard section that comes before it in the outline.

**The draft marker.** The model has no draft flag, so every drafted paragraph's text starts with
:data:`DRAFT_MARK` ("【草稿】") and has no source (``NOWHERE``). A person accepts a paragraph by removing
the marker (:func:`accept_drafts` removes all of them); :func:`is_draft` tells a drafted paragraph.

Every figure in a drafted sentence comes from the package (two decimals, rates as "%"), so the
auditor's prose-versus-table rules (``audit/rules/narrative.py``) pass on a drafted report. The
narrative's ``statements`` are left to be derived from all its paragraphs, as a reader leaves them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from jixiao.frameworks.results import PackageScore
from jixiao.model import NOWHERE, Narrative, Package, Paragraph, Section
from jixiao.narrative import draft_sentences as s

DRAFT_MARK = "【草稿】"


@dataclass(frozen=True, slots=True)
class _Standard:
    number: str
    title: str
    keys: tuple[str, ...]  # a section whose title contains one of these is this one
    level: int = 1


_OUTLINE: tuple[_Standard, ...] = (
    _Standard("一", "部门（单位）基本情况", ("基本情况", "部门概况", "单位概况")),
    _Standard("二", "一般公共预算支出情况", ("一般公共预算",)),
    _Standard("三", "政府性基金预算支出情况", ("政府性基金",)),
    _Standard("四", "国有资本经营预算支出情况", ("国有资本",)),
    _Standard("五", "社会保险基金预算支出情况", ("社会保险基金",)),
    _Standard("六", "部门整体支出绩效情况", ("整体支出绩效情况", "绩效情况", "绩效目标完成情况")),
    _Standard("七", "存在的问题及原因分析", ("问题",)),
    _Standard("八", "下一步改进措施", ("改进措施", "下一步", "改进意见")),
)
_SUBSECTIONS = (
    _Standard("（一）", "基本支出", ("基本支出",), 2),
    _Standard("（二）", "项目支出", ("项目支出",), 2),
)


def is_draft(paragraph: Paragraph) -> bool:
    return paragraph.text.startswith(DRAFT_MARK)


def accept_drafts(narrative: Narrative) -> Narrative:
    """The narrative with every draft marker removed (a person has read and accepted the drafts)."""
    sections = tuple(
        replace(sec, paragraphs=tuple(replace(p, text=p.text.removeprefix(DRAFT_MARK)) for p in sec.paragraphs))
        for sec in narrative.sections
    )
    return replace(narrative, sections=sections, statements=None)


def _drafted(texts: list[str]) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(DRAFT_MARK + text, NOWHERE) for text in texts)


def _has_text(sections: list[Section]) -> bool:
    return any(p.text.strip(" \u3000\t\n") for sec in sections for p in sec.paragraphs)


def _matches(section: Section, standard: _Standard) -> bool:
    title = section.title.replace(" ", "").replace("\u3000", "")
    return any(key in title for key in standard.keys)


def _groups(sections: tuple[Section, ...]) -> tuple[list[Section], list[list[Section]]]:
    """The sections before the first level-1 heading, and each level-1 section with its sub-sections."""
    head: list[Section] = []
    groups: list[list[Section]] = []
    for section in sections:
        if section.level == 1:
            groups.append([section])
        elif groups:
            groups[-1].append(section)
        else:
            head.append(section)
    return head, groups


def _content(package: Package, score: PackageScore) -> dict[str, tuple[list[str], dict[str, list[str]]]]:
    """For each standard section: its own paragraphs and those of its sub-sections (by title)."""
    shortfalls = s.shortfalls(package)
    others = s.other_budgets(package)
    return {
        "一": (s.basic_situation(package), {}),
        "二": (
            s.general_budget(package, score),
            {"（一）": s.basic_spending(package), "（二）": s.project_spending(package, score)},
        ),
        "三": (others["政府性基金"], {}),
        "四": (others["国有资本"], {}),
        "五": (others["社会保险"], {}),
        "六": (s.performance(package, score), {}),
        "七": (s.problems(shortfalls, package, score), {}),
        "八": (s.measures(shortfalls, package, score), {}),
    }


def _fill_group(group: list[Section], own: list[str], subs: dict[str, list[str]]) -> list[Section]:
    """An existing but empty level-1 section (and its sub-sections) with drafted paragraphs."""
    first = replace(group[0], paragraphs=_drafted(own)) if own else group[0]
    out = [first]
    used: set[str] = set()
    for section in group[1:]:
        standard = next((x for x in _SUBSECTIONS if _matches(section, x) and x.number in subs), None)
        if standard is not None and subs[standard.number] and standard.number not in used:
            used.add(standard.number)
            section = replace(section, paragraphs=_drafted(subs[standard.number]))
        out.append(section)
    for standard in _SUBSECTIONS:
        if standard.number in subs and standard.number not in used and subs[standard.number]:
            out.append(Section(standard.number, standard.title, 2, _drafted(subs[standard.number])))
    return out


def _new_group(standard: _Standard, own: list[str], subs: dict[str, list[str]]) -> list[Section]:
    return _fill_group([Section(standard.number, standard.title, 1)], own, subs)


def _merge(
    sections: tuple[Section, ...], content: dict[str, tuple[list[str], dict[str, list[str]]]]
) -> tuple[Section, ...]:
    head, groups = _groups(sections)
    placed: dict[str, int] = {}  # standard number → index of its group
    for index, group in enumerate(groups):
        standard = next((x for x in _OUTLINE if x.number not in placed and _matches(group[0], x)), None)
        if standard is not None:
            placed[standard.number] = index
    result: list[list[Section]] = [list(g) for g in groups]
    inserted: list[tuple[int, list[Section]]] = []  # (position among the original groups, group)
    last = -1
    for standard in _OUTLINE:
        own, subs = content[standard.number]
        if standard.number in placed:
            index = placed[standard.number]
            last = max(last, index)
            if not _has_text(result[index]):
                result[index] = _fill_group(result[index], own, subs)
        elif own or any(subs.values()):
            inserted.append((last, _new_group(standard, own, subs)))
    ordered: list[Section] = list(head)
    for position in range(-1, len(result)):
        if position >= 0:
            ordered += result[position]
        for where, group in inserted:
            if where == position:
                ordered += group
    return tuple(ordered)


def draft_narrative(package: Package, score: PackageScore) -> Package:
    """The package with the department narrative's missing or empty standard sections drafted.

    ``score`` is the package's score (``pipeline.evaluate(package, ...).score``); execution rates,
    the total and the grade are taken from it. A package whose sections all have text is returned
    unchanged.
    """
    existing = package.narrative
    sections = existing.sections if existing is not None else ()
    merged = _merge(sections, _content(package, score))
    if existing is not None and merged == sections:
        return package
    if existing is None:
        title = f"{package.year}年度部门整体支出绩效自评报告" if package.year else "部门整体支出绩效自评报告"
        narrative = Narrative(title=title, kind="department", sections=merged)
        return replace(package, narratives=(narrative, *package.narratives))
    updated = replace(existing, sections=merged, statements=None)
    narratives = tuple(updated if n is existing else n for n in package.narratives)
    return replace(package, narratives=narratives)


__all__ = ["DRAFT_MARK", "accept_drafts", "draft_narrative", "is_draft"]
