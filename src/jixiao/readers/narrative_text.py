"""Paragraphs outside the tables → the cover and the narrative reports, split into sections."""

from __future__ import annotations

import re

from jixiao.model import Cell, Cover, Narrative, Paragraph, Section, Source
from jixiao.readers.blocks import Para
from jixiao.readers.grid import norm

_LEVEL1 = re.compile(r"^\s*([一二三四五六七八九十]{1,3})\s*[、．.，,]\s*(.*)$")
_LEVEL2 = re.compile(r"^\s*[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]\s*(.*)$")
_NUMERALS = "一二三四五六七八九十"
_REPORT_TITLE = re.compile(r"(绩效(自评|评价)报告|自\s*评\s*报\s*告)\s*$")
_PROJECT_TITLE = re.compile(r"^(?:\d{4}\s*年度?)?(?P<name>.+?)(?:项目)?(?:项目支出|支出)$")
_DATE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")
_COVER_FIELDS = (
    (
        "unit",
        re.compile(r"^(?:单位名称|部门名称|部门（单位）名称|预算部门)(?:[（(][公盖]章[）)])?[:：]\s*(.*)$"),
    ),
    ("head", re.compile(r"^(?:主要负责人|单位负责人)(?:签字)?[:：]\s*(.*)$")),
    ("preparer", re.compile(r"^填报人[:：]\s*(.*)$")),
    ("phone", re.compile(r"^联系电话[:：]\s*(.*)$")),
)


def _strip_stamp(text: str) -> str:
    return re.sub(r"[（(]\s*[盖公]章\s*[）)]", "", text).strip(" \u3000")


def build_cover(paras: list[Para], file: str | None) -> Cover:
    found: dict[str, Cell] = {}
    for para in paras:
        text = para.text.strip()
        if _LEVEL1.match(text):
            if found:
                break
            continue
        for key, pattern in _COVER_FIELDS:
            match = pattern.match(text)
            if match and key not in found:
                value = _strip_stamp(match.group(1))
                found[key] = Cell(value, Source(file, para.line))
        if _DATE.match(text) and "date" not in found:
            found["date"] = Cell(text, Source(file, para.line))
    return Cover(**found)


def _project_name(title: str) -> str | None:
    body = norm(title)
    body = _REPORT_TITLE.sub("", body)
    match = _PROJECT_TITLE.match(body)
    if not match or "部门整体" in body:
        return None
    name = re.sub(r"^\d{4}年度?", "", match.group("name"))
    return name.removesuffix("项目") or None


def _is_report_title(text: str) -> bool:
    return "告" in text and _REPORT_TITLE.search(text) is not None  # every title ends in 报告


def _level_match(text: str) -> tuple[re.Match[str] | None, re.Match[str] | None]:
    """``text`` (stripped) as a 一、 heading and, when it is not one, as a （一） heading."""
    head = text[:1]  # both patterns start at the first character after white space
    match = _LEVEL1.match(text) if head in _NUMERALS else None
    match2 = _LEVEL2.match(text) if match is None and head in "（(" else None
    return match, match2


def build_narratives(paras: list[Para], file: str | None) -> tuple[Narrative, ...]:
    """Split prose into the department narrative and per-project narratives by their titles."""
    starts: list[tuple[int, str, str | None]] = []
    texts = [norm(para.text) for para in paras]
    titled = [_is_report_title(text) for text in texts]  # each paragraph's text and title read once
    index = 0
    while index < len(paras):
        text = texts[index]
        combined, is_title = text, titled[index]
        if index + 1 < len(paras) and not is_title and text.endswith(("支出", "项目")):
            following = texts[index + 1]
            if titled[index + 1] and len(following) <= 12:
                combined = text + following
                is_title = _is_report_title(combined)
        step = 2 if combined != text else 1
        if is_title and len(combined) <= 60 and not _LEVEL1.match(combined):
            project = _project_name(combined)
            if starts and index - starts[-1][0] <= 8 and (project is None or project == starts[-1][2]):
                # The report's own title after its cover: the same narrative goes on.
                if project is None and starts[-1][2] is None and "项目" in combined:
                    starts[-1] = (starts[-1][0], starts[-1][1], None)
                index += step
                continue
            starts.append((index, combined, project))
        index += step
    if not starts or starts[0][0] > 0:
        starts.insert(0, (0, "", None))
    narratives: list[Narrative] = []
    merged: dict[str, int] = {}
    for position, (start, title, project) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(paras)
        chunk = paras[start:end]
        if not title and not any(_LEVEL1.match(p.text) for p in chunk):
            continue
        narrative = _narrative(chunk, title, project, file)
        key = project or ""
        if key in merged and not project:
            # A department title repeated (cover and body): keep one narrative.
            previous = narratives[merged[key]]
            narratives[merged[key]] = Narrative(
                title=previous.title or narrative.title,
                kind="department",
                sections=previous.sections + narrative.sections,
                source=previous.source,
            )
            continue
        merged[key] = len(narratives)
        narratives.append(narrative)
    return tuple(narratives)


def _narrative(chunk: list[Para], title: str, project: str | None, file: str | None) -> Narrative:
    sections: list[Section] = []
    number, heading, level = "", "", 0
    heading_source = Source(file, chunk[0].line if chunk else None)
    paragraphs: list[Paragraph] = []

    def close() -> None:
        if heading or paragraphs:
            sections.append(Section(number, heading, level, tuple(paragraphs), heading_source))

    for para in chunk:
        text = para.text.strip()
        match, match2 = _level_match(text)
        if (match and len(text) <= 40 and not text.endswith("。")) or (match2 and len(text) <= 30):
            close()
            found = match or match2
            assert found is not None
            number, heading, level = found.group(1), found.group(2).strip(), 1 if match else 2
            heading_source = Source(file, para.line)
            paragraphs = []
            continue
        paragraph = Paragraph(text, Source(file, para.line))
        paragraphs.append(paragraph)
    close()
    return Narrative(
        title=title,
        kind="project" if project else "department",
        project=project,
        sections=tuple(sections),
        source=Source(file, chunk[0].line if chunk else None),
    )
