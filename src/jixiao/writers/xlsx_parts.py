"""The parts of the .xlsx package, written directly as text (SpreadsheetML, in schema order).

Writing the sheet XML ourselves is several times faster than openpyxl's object model and
serializer, and the workbook is the same: inline strings, styles from
:mod:`jixiao.writers.xlsx_style`, merged ranges, drop-down lists, frozen title rows, sheet
protection without a password, A4 landscape page setup, and ``fullCalcOnLoad`` so that Excel,
WPS and LibreOffice compute every formula on open (formulas carry no cached results).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import UTC, datetime

from openpyxl.writer.theme import theme_xml

from jixiao.writers.xlsx_sheet import BLANK, SheetWriter, col, esc, esc_attr
from jixiao.writers.xlsx_style import STYLES_XML, XF

HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_DOC_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
COMPRESSION = 3  # zlib level: as small as openpyxl's files (level 6 is ~10 % smaller, at twice the time)

# Sheet protection: what stays allowed ("0") and what is protected ("1"); as openpyxl writes it.
_PROTECTION = (
    '<sheetProtection sheet="1" objects="0" scenarios="0" formatCells="{f}" formatColumns="{f}" '
    'formatRows="{f}" insertColumns="1" insertRows="1" insertHyperlinks="1" deleteColumns="1" deleteRows="1" '
    'selectLockedCells="0" sort="1" autoFilter="1" selectUnlockedCells="0" pivotTables="1"/>'
)
_MARGINS = '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
_PAGE = (
    f'<printOptions horizontalCentered="1"/>{_MARGINS}<pageSetup paperSize="9" orientation="landscape" fitToWidth="1"/>'
)


def _number(value: float) -> str:
    return f"{value:g}"


def _sheet_view(w: SheetWriter) -> str:
    zoom = ' zoomScale="100"' if w.print_setup else ""
    if w.freeze is None or w.freeze <= 1:
        return (
            f'<sheetViews><sheetView{zoom} workbookViewId="0">'
            '<selection activeCell="A1" sqref="A1"/></sheetView></sheetViews>'
        )
    return (
        f'<sheetViews><sheetView{zoom} workbookViewId="0">'
        f'<pane ySplit="{w.freeze - 1}" topLeftCell="A{w.freeze}" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A1" sqref="A1"/></sheetView></sheetViews>'
    )


_STYLE_ATTR = ("", *(f' s="{xf}"' for xf in range(1, 2 * len(XF) + 1)))


def _sheet_data(w: SheetWriter) -> list[str]:
    styles, values, heights = w.styles, w.values, w.heights
    keys = sorted(styles)
    rows = sorted({r for r, _ in keys}.union(heights))
    letters = [col(c) for c in range(max((c for _, c in keys), default=0) + 1)]
    out = ["<sheetData>"]
    append, get, attr = out.append, values.get, _STYLE_ATTR
    index, count = 0, len(keys)
    for r in rows:
        height = heights.get(r)
        append(f'<row r="{r}" ht="{_number(height)}" customHeight="1">' if height is not None else f'<row r="{r}">')
        while index < count and keys[index][0] == r:
            key = keys[index]
            append(f'<c r="{letters[key[1]]}{r}"{attr[styles[key]]}{get(key, BLANK)}')
            index += 1
        append("</row>")
    append("</sheetData>")
    return out


def _dimension(w: SheetWriter) -> str:
    if not w.styles:
        return "A1:A1"
    rows = [r for r, _ in w.styles]
    columns = [c for _, c in w.styles]
    return f"{col(min(columns))}{min(rows)}:{col(max(columns))}{max(rows)}"


def _validations(w: SheetWriter) -> str:
    items = []
    for v in w.validations.values():
        prompt = v.prompt or "请从下拉列表中选择 / choose from the list"
        error = "请从下拉列表中选择：" + "、".join(v.options)
        formula = '"' + ",".join(v.options) + '"'
        items.append(
            f'<dataValidation type="list" allowBlank="1" showDropDown="0" '
            f'showInputMessage="{1 if v.prompt else 0}" showErrorMessage="1" '
            f'errorTitle="{esc_attr(v.name)}" error="{esc_attr(error)}" promptTitle="{esc_attr(v.name)}" '
            f'prompt="{esc_attr(prompt)}" sqref="{" ".join(v.refs)}">'
            f"<formula1>{esc(formula)}</formula1></dataValidation>"
        )
    return f'<dataValidations count="{len(items)}">{"".join(items)}</dataValidations>' if items else ""


def sheet_xml(w: SheetWriter) -> str:
    """The worksheet part of one sheet."""
    parts = [
        HEAD,
        f'<worksheet xmlns="{MAIN_NS}">',
        '<sheetPr><outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr/></sheetPr>',
        f'<dimension ref="{_dimension(w)}"/>',
        _sheet_view(w),
        '<sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>',
    ]
    if w.widths_:
        widths = "".join(
            f'<col min="{c}" max="{c}" width="{_number(width)}" customWidth="1"/>'
            for c, width in sorted(w.widths_.items())
        )
        parts.append(f"<cols>{widths}</cols>")
    parts += _sheet_data(w)
    if w.protected:
        parts.append(_PROTECTION.format(f=0 if w.formatting_allowed else 1))
    if w.merges:
        merges = "".join(f'<mergeCell ref="{m}"/>' for m in w.merges)
        parts.append(f'<mergeCells count="{len(w.merges)}">{merges}</mergeCells>')
    parts.append(_validations(w))
    parts.append(_PAGE if w.print_setup else _MARGINS)
    parts.append("</worksheet>")
    return "".join(parts)


def _content_types(count: int) -> str:
    sheets = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{_SHEET_TYPE}"/>' for i in range(1, count + 1)
    )
    return (
        f'{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/xl/theme/theme1.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        f"{sheets}</Types>"
    )


_ROOT_RELS = (
    f'{HEAD}<Relationships xmlns="{PKG_REL_NS}">'
    f'<Relationship Id="rId1" Type="{_DOC_TYPE}/officeDocument" Target="xl/workbook.xml"/>'
    f'<Relationship Id="rId2" Type="{PKG_REL_NS}/metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_DOC_TYPE}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)
_APP = (
    f'{HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>Jixiao</Application></Properties>"
)


def _core(created: datetime) -> str:
    stamp = created.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f"{HEAD}"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Jixiao</dc:creator>'
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified></cp:coreProperties>'
    )


def _workbook(sheets: Sequence[SheetWriter]) -> str:
    entries = "".join(
        f'<sheet name="{esc_attr(w.title)}" sheetId="{i}" state="{"veryHidden" if w.hidden else "visible"}" '
        f'r:id="rId{i}"/>'
        for i, w in enumerate(sheets, start=1)
    )
    first_visible = next((i for i, w in enumerate(sheets) if not w.hidden), 0)
    return (
        f'{HEAD}<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><workbookPr/>'
        f'<bookViews><workbookView firstSheet="{first_visible}" activeTab="{first_visible}"/></bookViews>'
        f'<sheets>{entries}</sheets><calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'
    )


def _workbook_rels(count: int) -> str:
    sheets = "".join(
        f'<Relationship Id="rId{i}" Type="{_DOC_TYPE}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        for i in range(1, count + 1)
    )
    return (
        f'{HEAD}<Relationships xmlns="{PKG_REL_NS}">{sheets}'
        f'<Relationship Id="rId{count + 1}" Type="{_DOC_TYPE}/styles" Target="styles.xml"/>'
        f'<Relationship Id="rId{count + 2}" Type="{_DOC_TYPE}/theme" Target="theme/theme1.xml"/>'
        "</Relationships>"
    )


def workbook_bytes(sheets: Sequence[SheetWriter], created: datetime | None = None) -> bytes:
    """The whole .xlsx file: the sheets in order (a very hidden one stays hidden)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESSION) as archive:
        archive.writestr("[Content_Types].xml", _content_types(len(sheets)))
        archive.writestr("_rels/.rels", _ROOT_RELS)
        archive.writestr("docProps/app.xml", _APP)
        archive.writestr("docProps/core.xml", _core(created or datetime.now(UTC)))
        archive.writestr("xl/workbook.xml", _workbook(sheets))
        archive.writestr("xl/_rels/workbook.xml.rels", _workbook_rels(len(sheets)))
        archive.writestr("xl/styles.xml", STYLES_XML)
        archive.writestr("xl/theme/theme1.xml", theme_xml)
        for index, sheet in enumerate(sheets, start=1):
            archive.writestr(f"xl/worksheets/sheet{index}.xml", sheet_xml(sheet))
    return buffer.getvalue()
