"""The hand-written SpreadsheetML: well-formed parts in schema order, exact text, styles, escaping."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import python_calamine as calamine
from lxml import etree
from openpyxl import load_workbook

from jixiao.model import Cell, Indicator, IndicatorBlock, Package
from jixiao.readers.xlsx_reader import read_xlsx
from jixiao.templates import build_template
from jixiao.writers.xlsx_embed import DATA_SHEET
from jixiao.writers.xlsx_parts import sheet_xml, workbook_bytes
from jixiao.writers.xlsx_sheet import SheetWriter, col, ref
from jixiao.writers.xlsx_writer import write_xlsx

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
# CT_Worksheet's sequence, as far as the writer uses it.
SHEET_ORDER = ("sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetProtection",
               "mergeCells", "dataValidations", "printOptions", "pageMargins", "pageSetup")  # fmt: skip
TRICKY = ("a & b < c > d", ' "quoted" ', "line\nbreak", "cr\rreturn", "tab\tinside", "  leading", "trailing  ")


def _package() -> Package:
    template = build_template("hunan-2023", 2024, 1)
    project = template.projects[0]
    rows = tuple(Indicator("产出指标", "数量指标", Cell(t), target=Cell(t), actual=Cell("-" + t)) for t in TRICKY)
    odd = replace(project, name='A & "B" <C>', indicators=IndicatorBlock(rows))
    return replace(template, documents=(*template.documents[:-1], odd))


def test_every_part_is_well_formed_and_sheets_keep_schema_order() -> None:
    data = write_xlsx(_package(), None)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/styles.xml"} <= set(names)
        for name in names:
            root = etree.fromstring(archive.read(name))  # raises on malformed XML
            if name.startswith("xl/worksheets/sheet"):
                children = [child.tag.removeprefix(MAIN) for child in root]
                assert children == sorted(children, key=SHEET_ORDER.index), (name, children)
                rows = [int(r.get("r")) for r in root.iter(f"{MAIN}row")]
                assert rows == sorted(set(rows))
        workbook = etree.fromstring(archive.read("xl/workbook.xml"))
        states = {s.get("name"): s.get("state") for s in workbook.iter(f"{MAIN}sheet")}
        assert states.pop(DATA_SHEET) == "veryHidden" and set(states.values()) == {"visible"}
        assert workbook.find(f"{MAIN}calcPr").get("fullCalcOnLoad") == "1"
        types = archive.read("[Content_Types].xml").decode()
        assert all(f"/{n}" in types for n in names if n.startswith("xl/worksheets/"))


def test_text_comes_back_exactly_through_openpyxl_and_the_table_route(tmp_path: Path) -> None:
    package = _package()
    path = tmp_path / "tricky.xlsx"
    path.write_bytes(write_xlsx(package, None))
    workbook = load_workbook(path)
    sheet = workbook[workbook.sheetnames[-2]]
    values = {c.value: c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)}
    for text in TRICKY:
        assert values[text].data_type == "s"
        assert not values[text].quotePrefix
        assert values["-" + text].quotePrefix  # risky start: kept text when edited
    assert 'A & "B" <C>' in values
    assert read_xlsx(str(path)) == package
    # calamine, which the reader's table route uses, sees the same texts.
    rows = calamine.CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet.title).to_python()
    seen = {v for r in rows for v in r if isinstance(v, str)}
    assert {*TRICKY, *("-" + t for t in TRICKY), 'A & "B" <C>'} <= seen


def test_sheet_writer_cells_styles_merges_and_lists() -> None:
    w = SheetWriter("试算")
    row = w.next_row(28)
    w.text(row, 1, "标题", "jx_title", to_column=3)
    row = w.next_row()
    w.number(row, 1, Decimal("45.00"))
    w.number(row, 2, Decimal("0.1"), "jx_score")
    w.formula(row, 3, '=IF(A2>=B2,"是","否")', "jx_f_text")
    w.choice("比较方式", ("≥", "≤"), ref(row, 4))
    w.choice("比较方式", ("≥", "≤"), ref(row + 1, 4))
    w.widths({1: 12.5})
    w.freeze = 2
    w.print_setup = True
    w.protect()
    xml = sheet_xml(w)
    assert '<row r="1" ht="28" customHeight="1">' in xml
    assert '<mergeCell ref="A1:C1"/>' in xml
    assert "<v>45</v>" in xml and "<v>0.1</v>" in xml
    assert "<f>IF(A2&gt;=B2,&quot;" not in xml and '<f>IF(A2&gt;=B2,"是","否")</f>' in xml
    assert 'sqref="D2 D3"' in xml and xml.count("<dataValidation ") == 1
    assert '<col min="1" max="1" width="12.5" customWidth="1"/>' in xml
    assert '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' in xml
    workbook = load_workbook(io.BytesIO(workbook_bytes([w])))
    sheet = workbook["试算"]
    assert sheet["A1"].value == "标题" and sheet["A1"].font.name == "黑体" and sheet["A1"].style == "jx_title"
    assert '<c r="B1" s="1"/>' in xml  # covered cells keep the style (openpyxl drops it on loading)
    assert sheet["A2"].value == 45 and sheet["A2"].number_format == "0.00" and sheet["A2"].protection.locked is False
    assert sheet["C2"].data_type == "f" and sheet["C2"].protection.locked is True
    assert sheet["C2"].fill.fgColor.rgb.endswith("EDEDED")
    assert sheet.freeze_panes == "A2"
    assert sheet.protection.sheet and not sheet.protection.formatCells and not sheet.protection.password
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9


def test_column_letters() -> None:
    assert [col(n) for n in (1, 2, 26, 27, 52, 53, 702, 703, 16384)] == [
        "A", "B", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"
    ]  # fmt: skip
    assert ref(7, 28) == "AB7"
