"""The text reader: extractions of .docx (cell per line) and .pdf (row per line) reports."""

from __future__ import annotations

from dataclasses import replace

from jixiao.allocation import gc_paused
from jixiao.model import DepartmentTable, Package, ProjectTable, ReadNote, Source
from jixiao.readers.blocks import Row, read_blocks
from jixiao.readers.errors import ReadError
from jixiao.readers.recognize import recognize

MAX_TEXT_BYTES = 20 * 1024 * 1024


def decode(data: bytes, *, path: str | None = None) -> str:
    """Bytes → text: UTF-8 (with or without BOM), else GB18030; binary data is refused."""
    if not data.strip():
        raise ReadError("文件为空", "the file is empty", path=path)
    if b"\x00" in data[:65536]:
        raise ReadError("这是二进制文件，不是文本", "this is a binary file, not text", path=path)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        sample = text[:65536]
        controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f")
        if controls > len(sample) // 100 + 2:
            raise ReadError("这是二进制文件，不是文本", "this is a binary file, not text", path=path)
        return text
    raise ReadError(
        "文件编码无法识别（既不是 UTF-8 也不是 GB18030）",
        "unknown text encoding (neither UTF-8 nor GB18030)",
        path=path,
    )


def read_text(text: str, *, file: str | None = None) -> Package:
    """Read a report from extracted text. Problems in the data become notes, never exceptions."""
    with gc_paused():
        stream = read_blocks(text)
        package = recognize(stream.blocks, file=file, loose=stream.layout != "cell-per-line")
    notes = list(package.notes)
    last = stream.blocks[-1] if stream.blocks else None
    ends_in_table = isinstance(last, Row) and not text.rstrip(" \t").endswith("\n\n")
    if package.documents:
        final = package.documents[-1]
        unfinished = isinstance(final, ProjectTable | DepartmentTable) and (
            final.claimed_total.blank and final.total_weight.blank
        )
        if unfinished and ends_in_table:
            line = last.line if last is not None else None
            notes.append(
                ReadNote(
                    f"文件在表格中间结束（第{line}行），最后一张表「{final.name}」不完整，可能被截断",
                    f"the file ends inside a table (line {line}); the last table is incomplete, "
                    "the file may be truncated",
                    Source(file, line),
                    level="error",
                )
            )
    if not package.documents:
        notes = [
            ReadNote(
                "没有找到任何绩效表格，这不像是绩效自评报告",
                "no performance table was found; this does not look like a self-evaluation report",
                Source(file),
                level="error",
            )
        ]
    return replace(package, notes=tuple(notes))


def read_text_file(path: str, *, display: str | None = None) -> Package:
    import os

    try:
        size = os.path.getsize(path)
        if size > MAX_TEXT_BYTES:
            raise ReadError(
                f"文件过大（{size // 1024 // 1024} MB，上限 {MAX_TEXT_BYTES // 1024 // 1024} MB）",
                f"file too large ({size // 1024 // 1024} MB, limit {MAX_TEXT_BYTES // 1024 // 1024} MB)",
                path=path,
            )
        with open(path, "rb") as handle:
            data = handle.read(MAX_TEXT_BYTES + 1)
    except OSError as error:
        raise ReadError(
            f"无法打开文件：{error.strerror}", f"cannot open the file: {error.strerror}", path=path
        ) from None
    return read_text(decode(data, path=path), file=display or path)
