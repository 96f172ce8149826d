"""The .docx follows GB/T 9704 and the forms: page set-up, fonts, merged cells, header rows, sections."""

from __future__ import annotations

import io
import re
import time
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Mm
from lxml import etree

from jixiao.pipeline import process_file
from jixiao.writers import render
from jixiao.writers.docx_writer import FontSet, write_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TCPR_ORDER = ["tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar", "textDirection",
              "tcFitText", "vAlign", "hideMark"]  # fmt: skip
SECT_ORDER = ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
              "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
              "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid"]  # fmt: skip


@pytest.fixture(scope="module")
def seed003_docx(seed003: Path) -> bytes:
    result = process_file(str(seed003))
    assert result.package is not None
    return write_docx(result.package, result.score)


def _document(data: bytes) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))


@pytest.mark.seeds
def test_page_setup_and_sections(seed003_docx: bytes) -> None:
    document = docx.Document(io.BytesIO(seed003_docx))
    sections = document.sections
    assert len(sections) >= 17  # cover+narrative, 附件1, 附件2, 14 project tables
    for section in sections:
        assert abs(section.top_margin - Mm(37)) < Mm(0.1) and abs(section.bottom_margin - Mm(35)) < Mm(0.1)
        assert abs(section.left_margin - Mm(28)) < Mm(0.1) and abs(section.right_margin - Mm(26)) < Mm(0.1)
        width, height = section.page_width, section.page_height
        assert width is not None and height is not None
        assert abs(min(width, height) - Mm(210)) < Mm(0.5) and abs(max(width, height) - Mm(297)) < Mm(0.5)
    landscape = [s.page_width > s.page_height for s in sections]
    assert landscape[0] is False and landscape[1] is False  # narrative, basic data
    assert sum(landscape) == 15  # department + 14 projects
    assert len(document.tables) == 16


@pytest.mark.seeds
def test_schema_order_fonts_headers_footer(seed003_docx: bytes) -> None:
    root = _document(seed003_docx)
    for tcpr in root.iter(f"{W}tcPr"):
        names = [child.tag.removeprefix(W) for child in tcpr]
        assert names == sorted(names, key=TCPR_ORDER.index)
    for sect in root.iter(f"{W}sectPr"):
        names = [child.tag.removeprefix(W) for child in sect]
        assert names == sorted(names, key=SECT_ORDER.index)
    east_asia = {f.get(f"{W}eastAsia") for f in root.iter(f"{W}rFonts")}
    assert {"仿宋", "黑体", "宋体"} <= east_asia
    assert "仿宋_GB2312" not in east_asia
    headers = root.findall(f".//{W}tblHeader")
    assert len(headers) == 15  # the indicator header of the department and every project table
    merged = root.findall(f".//{W}vMerge")
    assert len(merged) > 100
    archive = zipfile.ZipFile(io.BytesIO(seed003_docx))
    footer = archive.read("word/footer1.xml").decode("utf-8")
    assert "— " in footer and " PAGE " in footer and " —" in footer
    styles = archive.read("word/styles.xml").decode("utf-8")
    assert 'w:eastAsia="黑体"' in styles and 'w:eastAsia="楷体"' in styles and '<w:sz w:val="44"/>' in styles


@pytest.mark.seeds
def test_amounts_rates_and_names(seed003: Path, seed003_docx: bytes) -> None:
    text = "".join(t.text or "" for t in _document(seed003_docx).iter(f"{W}t"))
    result = process_file(str(seed003))
    assert result.package is not None
    for project in result.package.projects:
        assert project.name in text
    assert "2674.40" in text and "17477.59" in text and "96.41%" in text
    assert re.search(r"100\.00%", text)


def test_font_set_is_a_setting() -> None:
    from jixiao.model import Package

    data = write_docx(Package(unit="某局", year=2023), None, fonts=FontSet(body="仿宋_GB2312", title="方正小标宋简体"))
    styles = zipfile.ZipFile(io.BytesIO(data)).read("word/styles.xml").decode("utf-8")
    assert 'w:eastAsia="仿宋_GB2312"' in styles and 'w:eastAsia="方正小标宋简体"' in styles


@pytest.mark.seeds
def test_render_and_speed(seed003: Path) -> None:
    result = process_file(str(seed003))
    assert result.package is not None
    render(result.package, result.score, "docx")  # warm up (imports, pydantic adapter)
    start = time.perf_counter()
    data = render(result.package, result.score, "docx")
    assert time.perf_counter() - start < 10.0  # guards against blow-ups only; bench_docx.py measures (~0.2 s)
    assert data[:2] == b"PK"
