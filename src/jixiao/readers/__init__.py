"""Readers: files people have → a Package. ``read_package`` picks the reader by content."""

from __future__ import annotations

import os

from jixiao.model import Package
from jixiao.readers.errors import ReadError

__all__ = ["ReadError", "read_package"]

_ZIP = b"PK\x03\x04"
_OLE = b"\xd0\xcf\x11\xe0"


def read_package(path: str, *, display: str | None = None) -> Package:
    """Read any supported file. Raises ReadError (Chinese and English) when it cannot."""
    name = display or path
    if os.path.isdir(path):
        raise ReadError("这是一个文件夹，不是文件", "this is a folder, not a file", path=name)
    try:
        with open(path, "rb") as handle:
            head = handle.read(8)
    except OSError as error:
        raise ReadError(
            f"无法打开文件：{error.strerror}", f"cannot open the file: {error.strerror}", path=name
        ) from None
    lower = path.lower()
    if head.startswith(_OLE):
        raise ReadError(
            "这是旧版 Office 文件（.doc/.xls）或加密文件，请另存为 .docx/.xlsx",
            "an old Office (.doc/.xls) or encrypted file; save it as .docx/.xlsx",
            path=name,
        )
    if head.startswith(_ZIP) or lower.endswith((".docx", ".xlsx", ".docm", ".xlsm")):
        from jixiao.readers import office

        return office.read_office(path, display=name)
    if lower.endswith(".json") or head.lstrip()[:1] == b"{":
        from jixiao.readers.json_reader import read_json_file

        return read_json_file(path, display=name)
    from jixiao.readers.text import read_text_file

    return read_text_file(path, display=name)
