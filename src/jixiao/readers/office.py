"""Word and Excel files (.docx, .xlsx). The readers themselves come with the documents issue."""

from __future__ import annotations

from jixiao.model import Package
from jixiao.readers.errors import ReadError


def read_office(path: str, *, display: str | None = None) -> Package:
    raise ReadError(
        "暂不支持读取 Word/Excel 文件，请先导出为文本或 JSON",
        "reading Word/Excel files is not supported yet; export to text or JSON first",
        path=display or path,
    )
