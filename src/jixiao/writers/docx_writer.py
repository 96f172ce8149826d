"""A Package → the .docx people hand in: cover, narrative, then every table as an attachment.

Layout (GB/T 9704): A4, margins 37/35/28/26 mm, body 仿宋 3号 with exact 28.95 pt lines, title
2号, level-1 headings 黑体, level-2 楷体, page numbers "— 1 —" in the footer (none on the cover).
Tables: 附件1 basic data (portrait), 附件2 department table and 附件3-n project tables (landscape,
header rows repeated on each page), then the Shenzhen goals table and scoring sheet.

The lossless package JSON is embedded as a custom XML part (customXml/item1.xml) with digests of
itself and of the document text, so reading our own file back is exact, and a file edited in Word
afterwards is noticed and read from its tables instead (readers/docx_reader.py).
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from datetime import datetime
from typing import TYPE_CHECKING

from jixiao.model import (
    BasicData,
    DepartmentTable,
    Document,
    GoalsTable,
    Narrative,
    Package,
    ProjectTable,
    ScoringSheet,
    SignOff,
)
from jixiao.writers.docx_format import COMPUTED_MARK
from jixiao.writers.docx_parts import (
    APP_XML,
    CONTENT_TYPES,
    CUSTOM_ITEM_PROPS,
    CUSTOM_ITEM_RELS,
    DOCUMENT_RELS,
    FOOTER_ID,
    ROOT_RELS,
    SETTINGS,
    FontSet,
    core_xml,
    custom_item_xml,
    footer_xml,
    styles_xml,
)
from jixiao.writers.docx_sheets import goals_table, scoring_table
from jixiao.writers.docx_tables import basic_table, department_table, project_table
from jixiao.writers.docx_xml import R_NS, W_NS, Body, RunStyle, TableSpec, section_xml

if TYPE_CHECKING:
    from jixiao.frameworks import PackageScore

__all__ = ["FontSet", "body_digest", "write_docx"]

_ATTACHMENT = re.compile(r"^\s*(附件\s*[0-9０-９]+(?:\s*[-－—]\s*[0-9０-９]+)?)\s*(.*)$", re.S)
_WHITE = re.compile(r"[\s\u3000\xa0]+")
_LANDSCAPE = (DepartmentTable, ProjectTable, GoalsTable, ScoringSheet)


def body_digest(texts: list[str] | str) -> str:
    """The fingerprint of a document's visible text (white space ignored)."""
    joined = texts if isinstance(texts, str) else "".join(texts)
    return hashlib.sha256(_WHITE.sub("", joined).encode("utf-8")).hexdigest()


def _year_prefix(package: Package, document: Document | None = None) -> str:
    year = (document.year if document is not None else None) or package.year
    return f"{year}年度" if year else ""


def _cover(body: Body, package: Package, fonts: FontSet) -> None:
    cover = package.cover
    unit = cover.unit.text or package.unit or ""
    narrative = package.narrative
    title = narrative.title if narrative is not None and narrative.title else ""
    body.empty(4)
    body.paragraph(
        title or f"{_year_prefix(package)}部门整体支出绩效自评报告",
        style="JxTitle",
        run=RunStyle(fonts.title, fonts.title_size, bold=fonts.title == "宋体"),
    )
    body.empty(6)
    plain = RunStyle(fonts.body, fonts.body_size)
    for line in (
        f"单位名称（盖章）：{unit}",
        f"单位负责人签字：{cover.head.text}",
        f"填报人：{cover.preparer.text}",
        f"联系电话：{cover.phone.text}",
    ):
        body.paragraph(line, run=plain, align="left")
    body.paragraph(cover.date.text or "    年    月    日", run=plain, align="right")


def _heading_text(number: str, title: str, level: int) -> str:
    if not number:
        return title
    if level == 1:
        return f"{number}、{title}"
    if level == 2:
        return f"（{number}）{title}"
    return f"{number}．{title}"


def _narrative(body: Body, narrative: Narrative, fonts: FontSet, title: str) -> None:
    body.paragraph(
        title,
        style="JxTitle",
        run=RunStyle(fonts.title, fonts.title_size, bold=fonts.title == "宋体"),
        page_break=True,
    )
    body.empty()
    text_run = RunStyle(fonts.body, fonts.body_size)
    for section in narrative.sections:
        if section.number or section.title:
            level = section.level
            style = "Heading1" if level == 1 else "Heading2" if level == 2 else None
            font = fonts.heading1 if level == 1 else fonts.heading2 if level == 2 else fonts.body
            body.paragraph(
                _heading_text(section.number, section.title, level),
                style=style,
                run=RunStyle(font, fonts.body_size, bold=level >= 3),
                indent_first=style is None,
                keep_next=True,
            )
        for paragraph in section.paragraphs:
            body.paragraph(paragraph.text, run=text_run, indent_first=True)


def _titles(document: Document, package: Package, number: str) -> tuple[str, str]:
    """(attachment label, table title) from the title as written, or the form's defaults."""
    written = document.title.text.strip()
    match = _ATTACHMENT.match(written)
    if match:
        label, written = re.sub(r"\s+", "", match.group(1)), match.group(2).strip()
    else:
        label = f"附件{number}"
    if len(_WHITE.sub("", written)) < 8:  # a fragment ("数 据 表"): the form's own title reads better
        written = _default_title(document, package)
    return label, written


def _default_title(document: Document, package: Package) -> str:
    year = _year_prefix(package, document)
    if isinstance(document, BasicData):
        return f"{year}部门整体支出绩效评价基础数据表"
    if isinstance(document, DepartmentTable):
        return f"{year}部门整体支出绩效自评表"
    if isinstance(document, ProjectTable):
        return f"{year}项目支出绩效自评表"
    if isinstance(document, GoalsTable):
        return f"{year}部门（单位）整体支出绩效目标完成情况自评表"
    return f"{year}部门整体支出绩效评分表"


def _signoff_text(signoff: SignOff) -> str:
    gap = "\u3000\u3000"
    return (
        f"填表人：{signoff.preparer.text}{gap}填报日期：{signoff.date.text}{gap}"
        f"联系电话：{signoff.phone.text}{gap}单位负责人签字：{signoff.head.text}"
    )


def _table_spec(document: Document, score: PackageScore | None) -> TableSpec:
    scored = score.for_document(document) if score is not None else None
    if isinstance(document, BasicData):
        return basic_table(document)
    if isinstance(document, DepartmentTable):
        return department_table(document, scored)
    if isinstance(document, ProjectTable):
        return project_table(document, scored)
    if isinstance(document, GoalsTable):
        return goals_table(document)
    return scoring_table(document, scored)


def _numbers(documents: tuple[Document, ...]) -> list[str]:
    """Attachment numbers: 1 basic, 2 department, 3-n projects, then 4, 5 … for the rest."""
    numbers: list[str] = []
    project = 0
    extra = 4
    for document in documents:
        if isinstance(document, BasicData):
            numbers.append("1")
        elif isinstance(document, DepartmentTable):
            numbers.append("2")
        elif isinstance(document, ProjectTable):
            project += 1
            numbers.append(f"3-{project}")
        else:
            numbers.append(str(extra))
            extra += 1
    return numbers


def _attachments(body: Body, package: Package, score: PackageScore | None, fonts: FontSet) -> bool:
    """Every table; returns whether the last section written is landscape."""
    landscape = False
    small = RunStyle(fonts.body, fonts.table_size + 3)
    for document, number in zip(package.documents, _numbers(package.documents), strict=True):
        label, title = _titles(document, package, number)
        body.paragraph(label, style="JxAttachment", run=RunStyle(fonts.heading1, fonts.body_size))
        body.paragraph(title, style="JxTitle", run=RunStyle(fonts.title, 36, bold=fonts.title == "宋体"))
        spec = _table_spec(document, score)
        body.table(spec)
        computed = any(COMPUTED_MARK in cell.text for row in spec.rows for cell in row.cells)
        signoff = getattr(document, "signoff", SignOff())
        landscape = isinstance(document, _LANDSCAPE)
        closing = section_xml(landscape=landscape, footer_id=FOOTER_ID)
        if computed:
            body.paragraph(_signoff_text(signoff), style="JxSmall", run=small, align="left")
            body.paragraph(
                "注：灰底并标“（计算）”的数值原表未填写，由 Jixiao 按评价框架计算得出。",
                style="JxSmall",
                run=small,
                align="left",
                section=closing,
            )
        else:
            body.paragraph(_signoff_text(signoff), style="JxSmall", run=small, align="left", section=closing)
    return landscape


def build_body(package: Package, score: PackageScore | None, fonts: FontSet) -> Body:
    body = Body(latin=fonts.latin, table_font=fonts.table, table_size=fonts.table_size)
    _cover(body, package, fonts)
    department = package.narrative
    unit = package.unit or package.cover.unit.text or ""
    if department is not None:
        title = department.title or f"{unit}{_year_prefix(package)}部门整体支出绩效自评报告"
        _narrative(body, department, fonts, title)
    body.paragraph("", section=section_xml(landscape=False, footer_id=FOOTER_ID, first_page_blank=True))
    _attachments(body, package, score, fonts)
    projects = [n for n in package.narratives if n is not department]
    for index, narrative in enumerate(projects):
        title = narrative.title or f"{narrative.project or ''}项目支出绩效自评报告"
        _narrative(body, narrative, fonts, title)
        if index < len(projects) - 1:
            body.paragraph("", section=section_xml(landscape=False, footer_id=FOOTER_ID))
    return body


def _document_xml(body: Body, final_section: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}"><w:body>'
        + "".join(body.parts)
        + final_section
        + "</w:body></w:document>"
    )


def _final_section(body: Body, package: Package) -> str:
    """The body-level sectPr: the last section's own properties (moved out of its paragraph)."""
    projects = [n for n in package.narratives if n is not package.narrative]
    if projects:
        return section_xml(landscape=False, footer_id=FOOTER_ID)
    # No project narratives: the last paragraph closes the last table's section. Move that
    # sectPr to the body so no empty page follows.
    last = body.parts[-1]
    start = last.find("<w:sectPr>")
    if start < 0:
        return section_xml(landscape=False, footer_id=FOOTER_ID)
    end = last.index("</w:sectPr>") + len("</w:sectPr>")
    body.parts[-1] = last[:start] + last[end:]
    return last[start:end]


def write_docx(
    package: Package,
    score: PackageScore | None = None,
    *,
    fonts: FontSet | None = None,
    embed_json: bool = True,
    created: datetime | None = None,
) -> bytes:
    """The whole package as a .docx (bytes). ``score`` fills missing claims with computed values."""
    from jixiao.jsonformat import dumps

    fonts = fonts or FontSet()
    body = build_body(package, score, fonts)
    final = _final_section(body, package)
    document = _document_xml(body, final)
    title = package.narrative.title if package.narrative is not None else ""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        types, rels = CONTENT_TYPES, DOCUMENT_RELS
        if not embed_json:
            types = re.sub(r'<Override PartName="/customXml/[^>]*/>', "", types)
            rels = re.sub(r'<Relationship Id="rId4"[^>]*/>', "", rels)
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", ROOT_RELS)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/_rels/document.xml.rels", rels)
        archive.writestr("word/styles.xml", styles_xml(fonts))
        archive.writestr("word/settings.xml", SETTINGS)
        archive.writestr("word/footer1.xml", footer_xml(fonts))
        archive.writestr("docProps/core.xml", core_xml(title or (package.unit or ""), created))
        archive.writestr("docProps/app.xml", APP_XML)
        if embed_json:
            package_json = dumps(package, indent=None)
            digest = hashlib.sha256(package_json.encode("utf-8")).hexdigest()
            item = custom_item_xml(package_json, digest, body_digest(body.texts), package.format_version)
            archive.writestr("customXml/item1.xml", item)
            archive.writestr("customXml/itemProps1.xml", CUSTOM_ITEM_PROPS)
            archive.writestr("customXml/_rels/item1.xml.rels", CUSTOM_ITEM_RELS)
    return buffer.getvalue()
