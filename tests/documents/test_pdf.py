"""PDF through LibreOffice: page count, text, table grid; page images for people to look at."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from jixiao.pipeline import process_file
from jixiao.writers import WriterUnavailable
from jixiao.writers.pdf_writer import find_soffice, write_pdf

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


def test_missing_soffice_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from jixiao.model import Package
    from jixiao.writers import pdf_writer

    monkeypatch.setattr(pdf_writer, "find_soffice", lambda: None)
    with pytest.raises(WriterUnavailable) as caught:
        write_pdf(Package(unit="某局"), None)
    assert "LibreOffice" in caught.value.message and "LibreOffice" in caught.value.message_en
