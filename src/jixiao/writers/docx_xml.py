"""WordprocessingML written directly as text, in schema order (Word refuses misordered elements).

Building the XML ourselves is ~5× faster than python-docx's object model and gives full control
of merged cells, header rows and section breaks. Every piece of text goes through :func:`esc`,
which also drops characters XML 1.0 cannot hold. :class:`Body` collects the body XML and the
plain text it shows (the reader fingerprints that text to notice edits made after export).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

VMerge = Literal["restart", "continue"] | None
Align = Literal["left", "center", "right", "both"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# Page geometry in twentieths of a point (GB/T 9704: A4, margins 37/35/28/26 mm).
MM = 56.6929
PAGE_W, PAGE_H = 11906, 16838
MARGIN_TOP, MARGIN_BOTTOM = round(37 * MM), round(35 * MM)
MARGIN_LEFT, MARGIN_RIGHT = round(28 * MM), round(26 * MM)
TEXT_W_PORTRAIT = PAGE_W - MARGIN_LEFT - MARGIN_RIGHT
TEXT_W_LANDSCAPE = PAGE_H - MARGIN_LEFT - MARGIN_RIGHT
COMPUTED_SHADE = "D9D9D9"  # the grey behind values Jixiao computed (see docs/documents.md)


def clean_text(text: str) -> str:
    return _ILLEGAL.sub("", text)


def esc(text: str) -> str:
    if _ILLEGAL.search(text):
        text = _ILLEGAL.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


@dataclass(frozen=True, slots=True)
class RunStyle:
    font: str | None = None  # East Asian font; None: from the paragraph style
    size: int | None = None  # half-points (32 = 16 pt)
    bold: bool = False


@lru_cache(maxsize=256)
def rpr(style: RunStyle, latin: str) -> str:
    parts: list[str] = []
    if style.font:
        font = esc(style.font)
        latin_font = esc(latin)
        parts.append(
            f'<w:rFonts w:ascii="{latin_font}" w:hAnsi="{latin_font}" w:eastAsia="{font}" w:cs="{latin_font}"/>'
        )
    if style.bold:
        parts.append("<w:b/><w:bCs/>")
    if style.size:
        parts.append(f'<w:sz w:val="{style.size}"/><w:szCs w:val="{style.size}"/>')
    return f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""


@dataclass(frozen=True, slots=True)
class CellSpec:
    text: str = ""
    span: int = 1
    vmerge: VMerge = None
    bold: bool = False
    align: Align = "center"
    shade: str | None = None


@dataclass(frozen=True, slots=True)
class RowSpec:
    cells: tuple[CellSpec, ...]
    header: bool = False  # repeated at the top of each page (w:tblHeader)


@dataclass(slots=True)
class TableSpec:
    widths: tuple[int, ...]  # grid column widths in twips
    rows: list[RowSpec] = field(default_factory=list)

    def add(self, *cells: CellSpec, header: bool = False) -> None:
        self.rows.append(RowSpec(tuple(cells), header))


_JC = {"left": "left", "center": "center", "right": "right", "both": "both"}


@dataclass(slots=True)
class Body:
    """The body of word/document.xml under construction."""

    latin: str
    table_font: str
    table_size: int
    parts: list[str] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    def run(self, text: str, style: RunStyle) -> str:
        properties = rpr(style, self.latin)
        if _ILLEGAL.search(text):
            text = _ILLEGAL.sub("", text)
        self.texts.append(text)
        pieces = text.split("\t")
        inner = "<w:tab/>".join(f'<w:t xml:space="preserve">{esc(p)}</w:t>' if p else "" for p in pieces)
        return f"<w:r>{properties}{inner}</w:r>"

    def paragraph(
        self,
        text: str,
        *,
        style: str | None = None,
        run: RunStyle = RunStyle(),
        align: Align | None = None,
        page_break: bool = False,
        keep_next: bool = False,
        indent_first: bool = False,
        section: str | None = None,
    ) -> None:
        self.parts.append(self.paragraph_xml(text, style, run, align, page_break, keep_next, indent_first, section))

    def paragraph_xml(
        self,
        text: str,
        style: str | None,
        run: RunStyle,
        align: Align | None,
        page_break: bool = False,
        keep_next: bool = False,
        indent_first: bool = False,
        section: str | None = None,
    ) -> str:
        ppr: list[str] = []
        if style:
            ppr.append(f'<w:pStyle w:val="{style}"/>')
        if keep_next:
            ppr.append("<w:keepNext/>")
        if page_break:
            ppr.append("<w:pageBreakBefore/>")
        if indent_first:
            ppr.append('<w:ind w:firstLineChars="200" w:firstLine="640"/>')
        if align:
            ppr.append(f'<w:jc w:val="{_JC[align]}"/>')
        if section:
            ppr.append(section)
        head = f"<w:pPr>{''.join(ppr)}</w:pPr>" if ppr else ""
        body = self.run(text, run) if text else ""
        return f"<w:p>{head}{body}</w:p>"

    def empty(self, count: int = 1) -> None:
        self.parts.extend(["<w:p/>"] * count)

    def table(self, spec: TableSpec) -> None:
        total = sum(spec.widths)
        out: list[str] = [
            "<w:tbl><w:tblPr>",
            f'<w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/>',
            "<w:tblBorders>",
            *(f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
              for side in ("top", "left", "bottom", "right", "insideH", "insideV")),
            '</w:tblBorders><w:tblLayout w:type="fixed"/>',
            '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>',
            '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" '
            'w:noHBand="0" w:noVBand="0"/></w:tblPr><w:tblGrid>',
            *(f'<w:gridCol w:w="{w}"/>' for w in spec.widths),
            "</w:tblGrid>",
        ]  # fmt: skip
        widths = spec.widths
        font = RunStyle(self.table_font, self.table_size)
        bold_font = RunStyle(self.table_font, self.table_size, bold=True)
        for row in spec.rows:
            out.append("<w:tr><w:trPr><w:cantSplit/>")
            if row.header:
                out.append("<w:tblHeader/>")
            out.append("</w:trPr>")
            column = 0
            for cell in row.cells:
                width = sum(widths[column : column + cell.span])
                column += cell.span
                out.append(f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>')
                if cell.span > 1:
                    out.append(f'<w:gridSpan w:val="{cell.span}"/>')
                if cell.vmerge == "restart":
                    out.append('<w:vMerge w:val="restart"/>')
                elif cell.vmerge == "continue":
                    out.append("<w:vMerge/>")
                if cell.shade:
                    out.append(f'<w:shd w:val="clear" w:color="auto" w:fill="{cell.shade}"/>')
                out.append('<w:vAlign w:val="center"/></w:tcPr>')
                jc = f'<w:pPr><w:pStyle w:val="TableText"/><w:jc w:val="{_JC[cell.align]}"/></w:pPr>'
                lines = clean_text(cell.text).split("\n") if cell.vmerge != "continue" else [""]
                style = bold_font if cell.bold else font
                for line in lines:
                    out.append(f"<w:p>{jc}{self.run(line, style) if line else ''}</w:p>")
                out.append("</w:tc>")
            out.append("</w:tr>")
        out.append("</w:tbl>")
        self.parts.append("".join(out))
        # Word needs a paragraph between a table and a following table or section break.
        self.parts.append("<w:p/>")


def section_xml(*, landscape: bool, footer_id: str, first_page_blank: bool = False) -> str:
    """A w:sectPr closing a section (children in schema order)."""
    width, height = (PAGE_H, PAGE_W) if landscape else (PAGE_W, PAGE_H)
    orient = ' w:orient="landscape"' if landscape else ""
    title_page = "<w:titlePg/>" if first_page_blank else ""
    return (
        f'<w:sectPr><w:footerReference w:type="default" r:id="{footer_id}"/>'
        f'<w:type w:val="nextPage"/><w:pgSz w:w="{width}" w:h="{height}"{orient}/>'
        f'<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_RIGHT}" w:bottom="{MARGIN_BOTTOM}" '
        f'w:left="{MARGIN_LEFT}" w:header="851" w:footer="992" w:gutter="0"/>'
        f'<w:cols w:space="425"/>{title_page}<w:docGrid w:linePitch="579"/></w:sectPr>'
    )
