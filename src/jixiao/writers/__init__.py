"""Writers: a Package → the files people hand in.

``render(package, score, fmt)`` is the one entry point the CLI and the web app use; each
format lives in its own module and is imported only when asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from jixiao.frameworks import PackageScore
    from jixiao.model import Package

Format = Literal["json", "docx", "xlsx", "pdf"]
FORMATS: tuple[Format, ...] = ("json", "docx", "xlsx", "pdf")
MEDIA_TYPES: dict[str, str] = {
    "json": "application/json",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


class WriterUnavailable(RuntimeError):
    """A format cannot be written here (e.g. LibreOffice is missing for PDF)."""

    def __init__(self, message: str, message_en: str) -> None:
        super().__init__(f"{message} / {message_en}")
        self.message = message
        self.message_en = message_en


def render(package: Package, score: PackageScore | None, fmt: Format) -> bytes:
    """The package as a file of the given format."""
    if fmt == "json":
        from jixiao.jsonformat import dumps

        return (dumps(package) + "\n").encode("utf-8")
    if fmt == "docx":
        from jixiao.writers.docx_writer import write_docx

        return write_docx(package, score)
    if fmt == "xlsx":
        from jixiao.writers.xlsx_writer import write_xlsx

        return write_xlsx(package, score)
    if fmt == "pdf":
        from jixiao.writers.pdf_writer import write_pdf

        return write_pdf(package, score)
    raise ValueError(f"unknown format {fmt!r}")
