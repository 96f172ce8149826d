"""Word and Excel files (.docx, .xlsx): pick the reader by extension, else by the parts inside."""

from __future__ import annotations

from jixiao.model import Package
from jixiao.readers.errors import ReadError
from jixiao.readers.ooxml_safety import open_ooxml_zip


def _kind(path: str, name: str) -> str:
    lower = name.lower()
    if lower.endswith(".docx"):
        return "docx"
    if lower.endswith(".xlsx"):
        return "xlsx"
    # Macro-enabled names and unknown extensions: the safety checks refuse or the parts decide.
    with open_ooxml_zip(path, display=name) as archive:
        names = set(archive.namelist())
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise ReadError(
        "不是 Word 或 Excel 文件（压缩包中没有 word/document.xml 或 xl/workbook.xml）",
        "not a Word or Excel file (the zip has neither word/document.xml nor xl/workbook.xml)",
        path=name,
    )


def read_office(path: str, *, display: str | None = None) -> Package:
    name = display or path
    kind = _kind(path, name)
    if kind == "docx":
        from jixiao.readers.docx_reader import read_docx

        return read_docx(path, display=name)
    try:
        from jixiao.readers.xlsx_reader import read_xlsx
    except ImportError:
        raise ReadError(
            "此安装暂不支持读取 Excel 文件", "reading Excel files is not available in this installation", path=name
        ) from None
    return read_xlsx(path, display=name)
