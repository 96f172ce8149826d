"""PDF through LibreOffice: page count, text, table grid; page images for people to look at."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from jixiao.model import Package
from jixiao.pipeline import process_file
from jixiao.writers import WriterUnavailable, pdf_writer
from jixiao.writers.docx_writer import write_docx
from jixiao.writers.pdf_writer import FONT_ALIASES, find_soffice, write_pdf

OUTPUT = Path(__file__).with_name("output")

needs_soffice = pytest.mark.skipif(
    find_soffice() is None, reason="LibreOffice is not installed (scripts/setup-system.sh)"
)


@pytest.fixture(scope="module")
def seed000_pdf(seed000: Path) -> tuple[bytes, object]:
    result = process_file(str(seed000))
    assert result.package is not None
    return write_pdf(result.package, result.score), result.package


@pytest.mark.slow
@pytest.mark.seeds
@needs_soffice
def test_pdf_pages_text_and_tables(seed000_pdf: tuple[bytes, object], tmp_path: Path) -> None:
    import pdfplumber

    data, package = seed000_pdf
    assert data.startswith(b"%PDF")
    path = tmp_path / "seed000.pdf"
    path.write_bytes(data)
    with pdfplumber.open(str(path)) as pdf:
        pages = len(pdf.pages)
        text = "\n".join(page.extract_text() or "" for page in pdf.pages)
        tables = [table for page in pdf.pages for table in page.extract_tables()]
    assert 5 <= pages <= 40
    flat = text.replace(" ", "").replace("\n", "")
    assert package.unit and package.unit in flat  # type: ignore[attr-defined]
    for project in package.projects:  # type: ignore[attr-defined]
        assert project.name.replace(" ", "") in flat
    assert "533.49" in flat and "— 2 —".replace(" ", "") in flat
    assert len(tables) >= 4  # basic data, department, two project tables (some split over pages)
    assert any(any(cell and "年度资金总额" in cell for row in table for cell in row) for table in tables)
    assert any(len(row) >= 8 for table in tables for row in table)
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "seed000.pdf").write_bytes(data)
    if shutil.which("pdftoppm"):
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", str(path), str(OUTPUT / "seed000-page")], check=True, timeout=120
        )
        assert list(OUTPUT.glob("seed000-page*.png"))


_CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.slow
@pytest.mark.seeds
@needs_soffice
def test_pdf_cjk_text_is_set_in_the_simplified_chinese_noto_faces(
    seed000_pdf: tuple[bytes, object], tmp_path: Path
) -> None:
    """The Chinese text is in Noto Serif/Sans CJK, the aliases resolve to the SC faces, and the text is zh-CN.

    The embedded names read "NotoSerifCJKjp-…" whichever face is used: the faces of the Noto CJK collection
    (.ttc) share one CFF table, whose font names are the Japanese face's. What makes the glyph shapes
    Simplified Chinese is the face (its default cmap) and the text's language (the ``locl`` feature picks
    the regional forms): checked here are the face fontconfig gives LibreOffice for every alias, and the
    document's East Asian language. (Converting the same .docx with w:eastAsia="ja-JP" instead renders
    骨, 直, 令, 门 in their Japanese forms; with zh-CN, in the Simplified Chinese ones.)
    """
    import pdfplumber

    data, _ = seed000_pdf
    path = tmp_path / "seed000.pdf"
    path.write_bytes(data)
    with pdfplumber.open(str(path)) as pdf:
        names = {c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars if _CJK.match(c["text"])}
    families = {re.sub(r"(jp|kr|sc|tc|hk)-.*$", "", name) for name in names}
    assert families == {"NotoSerifCJK", "NotoSansCJK"}, names  # body, titles and 楷体 serif; 黑体 headings sans

    config = pdf_writer._fontconfig(tmp_path)
    aliases = re.findall(
        r"<alias[^>]*><family>([^<]+)</family><prefer><family>([^<]+)</family>", FONT_ALIASES.read_text()
    )
    assert len(aliases) >= 15
    environment = dict(os.environ, FONTCONFIG_FILE=str(config))
    for alias, preferred in aliases:
        match = subprocess.run(
            ["fc-match", "-f", "%{family[0]}|%{postscriptname}", f"{alias}:lang=zh-cn"],
            env=environment, capture_output=True, text=True, check=True, timeout=60,
        ).stdout  # fmt: skip
        family, postscript = match.split("|")
        assert family == preferred and preferred.endswith("CJK SC"), (alias, match)
        assert re.fullmatch(r"Noto(Serif|Sans)CJKsc-Regular", postscript), (alias, match)

    with zipfile.ZipFile(io.BytesIO(write_docx(Package(unit="某局"), None))) as archive:
        styles = archive.read("word/styles.xml").decode()
    assert re.search(r'<w:rPrDefault>.*<w:lang [^>]*w:eastAsia="zh-CN"', styles, re.S)


def test_missing_soffice_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_writer, "find_soffice", lambda: None)
    with pytest.raises(WriterUnavailable) as caught:
        write_pdf(Package(unit="某局"), None)
    assert "LibreOffice" in caught.value.message and "LibreOffice" in caught.value.message_en
