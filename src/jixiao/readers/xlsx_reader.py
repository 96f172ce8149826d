"""Excel workbooks (.xlsx) → a Package.

Our own workbooks carry the lossless package JSON in a very hidden sheet; it is used when its
hash is right and the visible input cells are unchanged since writing. Otherwise (a workbook
edited in Excel/WPS, or made by hand with the same headers) every visible sheet becomes a block
stream (a title line is a paragraph, every other row a table row; merged cells keep their value
in the first cell) and the shared table recognition reads it. Nothing depends on the cached
results of formulas: the model's figures come from input cells.

Safety first: the file passes :func:`jixiao.readers.ooxml_safety.open_ooxml_zip` (size, zip
bombs, paths, macros, encryption) and every XML part is refused if it declares a DTD or
entities, before calamine parses anything.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import zipfile
from decimal import Decimal
from typing import Any

from jixiao.model import Package, ReadNote, Source
from jixiao.readers.blocks import Block, Para, RawCell, Row
from jixiao.readers.errors import ReadError
from jixiao.readers.ooxml_safety import open_ooxml_zip, parse_xml, read_member
from jixiao.writers.xlsx_embed import DATA_SHEET, MARKER, fingerprint, json_hash

__all__ = ["read_xlsx"]

_NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_NS_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DTD = (b"<!DOCTYPE", b"<!ENTITY", "<!DOCTYPE".encode("utf-16-le"), "<!ENTITY".encode("utf-16-le"))
_FORMULA_CELL = re.compile(rb'<(?:\w+:)?c\b[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"[^>]*?(?<!/)>\s*<(?:\w+:)?f\b')
_TITLE = re.compile(r"^\s*(附件\s*[0-9０-９]+(\s*[-－—]\s*[0-9０-９]+)?\s*$|填表人|填报人|(备注|说明|注)[:：])")
_MAX_ROWS = 20_000
_MAX_COLUMNS = 200


def _error(message: str, message_en: str, name: str) -> ReadError:
    return ReadError(message, message_en, path=name)


def _column_number(letters: bytes) -> int:
    number = 0
    for char in letters:
        number = number * 26 + (char - 64)
    return number


def _scan(path: str, name: str) -> tuple[dict[str, set[tuple[int, int]]], list[str]]:
    """Safety checks on every XML part; the formula cells of each sheet (1-based row, column)."""
    archive = open_ooxml_zip(path, display=name)
    try:
        for info in archive.infolist():
            if info.filename.lower().endswith((".xml", ".rels", ".vml")):
                with archive.open(info) as handle:
                    head = handle.read(4096)
                if any(marker in head for marker in _DTD) or (b"<!" in head and b"ENTITY" in head.upper()):
                    raise _error(
                        f"XML 含有文档类型/实体声明（{info.filename}），可能是实体扩展攻击，拒绝读取",
                        f"the XML has a document type or entity declaration ({info.filename}); "
                        "a possible entity expansion attack, refused",
                        name,
                    )
        return _formula_cells(archive, name)
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError):
        raise _error("文件已损坏，无法解压", "the file is damaged; cannot decompress", name) from None
    finally:
        archive.close()


def _formula_cells(archive: zipfile.ZipFile, name: str) -> tuple[dict[str, set[tuple[int, int]]], list[str]]:
    workbook = parse_xml(read_member(archive, "xl/workbook.xml", display=name), display=name, part="workbook")
    rels_data = read_member(archive, "xl/_rels/workbook.xml.rels", display=name)
    rels = parse_xml(rels_data, display=name, part="workbook.xml.rels")
    targets = {r.get("Id"): str(r.get("Target") or "") for r in rels.iter(f"{_NS_PKG}Relationship")}
    names = set(archive.namelist())
    cells: dict[str, set[tuple[int, int]]] = {}
    order: list[str] = []
    for sheet in workbook.iter(f"{_NS_MAIN}sheet"):
        sheet_name = str(sheet.get("name") or "")
        order.append(sheet_name)
        target = targets.get(sheet.get(f"{_NS_REL}id"), "")
        member = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        member = re.sub(r"[^/]+/\.\./", "", member)
        if member not in names:
            continue
        data = read_member(archive, member, display=name)
        cells[sheet_name] = {(int(row), _column_number(letters)) for letters, row in _FORMULA_CELL.findall(data)}
    return cells, order


def _text(value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return ""
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{Decimal(repr(value)):f}"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value)


class _Workbook:
    """The visible sheets' grids, read once with calamine."""

    def __init__(self, path: str, name: str) -> None:
        try:
            import python_calamine as calamine

            self.book = calamine.CalamineWorkbook.from_path(path)
            self.metadata = list(self.book.sheets_metadata)
        except ReadError:
            raise
        except Exception:
            raise _error(
                "Excel 文件已损坏或格式不受支持，无法读取", "the Excel file is damaged or unsupported", name
            ) from None
        self.name = name

    def rows(self, sheet: str) -> tuple[list[list[Any]], list[tuple[tuple[int, int], tuple[int, int]]]]:
        try:
            handle = self.book.get_sheet_by_name(sheet)
            rows = handle.to_python(skip_empty_area=False, nrows=_MAX_ROWS)
            merged = list(handle.merged_cell_ranges or [])
        except Exception:
            raise _error(
                f"工作表「{sheet}」已损坏，无法读取", f"the worksheet '{sheet}' is damaged", self.name
            ) from None
        return [list(r[:_MAX_COLUMNS]) for r in rows], merged

    def visible(self) -> list[str]:
        return [m.name for m in self.metadata if str(m.visible).endswith("Visible") and "Hidden" not in str(m.visible)]


def _grid(rows: list[list[Any]], merged: list[tuple[tuple[int, int], tuple[int, int]]]) -> list[list[Any]]:
    """Merged ranges keep their value in the first cell and are empty elsewhere."""
    for (r0, c0), (r1, c1) in merged:
        for r in range(r0, min(r1, len(rows) - 1) + 1):
            row = rows[r]
            for c in range(c0, min(c1, len(row) - 1) + 1):
                if (r, c) != (r0, c0):
                    row[c] = ""
    return rows


def _embedded(book: _Workbook, formulas: dict[str, set[tuple[int, int]]]) -> tuple[Package | None, bool]:
    """(the embedded package, whether the workbook was edited since) — (None, False) if absent."""
    from jixiao.jsonformat import FormatError, loads

    if not any(m.name == DATA_SHEET for m in book.metadata):
        return None, False
    rows, _ = book.rows(DATA_SHEET)
    if not rows or len(rows[0]) < 5 or rows[0][0] != MARKER:
        return None, False
    header = [str(v) for v in rows[0][:5]]
    try:
        count = int(header[3])
    except ValueError:
        return None, False
    text = "".join(str(r[0]) if r and r[0] else "" for r in rows[1 : 1 + count])
    if json_hash(text) != header[2]:
        return None, False
    try:
        package = loads(text)
    except FormatError:
        return None, False
    cells = []
    for sheet in book.visible():
        grid, _ = book.rows(sheet)
        skip = formulas.get(sheet, set())
        for r, row in enumerate(grid, start=1):
            for c, value in enumerate(row, start=1):
                if value not in ("", None) and (r, c) not in skip:
                    cells.append((sheet, r, c, value))
    return package, fingerprint(cells) != header[4]


def _blocks(
    book: _Workbook, formulas: dict[str, set[tuple[int, int]]]
) -> tuple[list[Block], dict[int, tuple[str, int]], int]:
    blocks: list[Block] = []
    where: dict[int, tuple[str, int]] = {}
    uncached = 0
    line = 0
    for sheet in book.visible():
        rows, merged = book.rows(sheet)
        grid = _grid(rows, merged)
        skip = formulas.get(sheet, set())
        width = max((len(r) for r in grid), default=0)
        for r, values in enumerate(grid, start=1):
            texts = [_text(v).strip("\r") for v in values] + [""] * (width - len(values))
            uncached += sum(1 for c, t in enumerate(texts, start=1) if not t and (r, c) in skip)
            filled = [i for i, t in enumerate(texts) if t.strip()]
            if not filled:
                continue
            line += 1
            where[line] = (sheet, r)
            if filled == [0] and _is_title(texts[0]):
                blocks.append(Para(texts[0].strip(), line))
            else:
                blocks.append(Row([RawCell(t, line) for t in texts], line))
        line += 1  # a gap between sheets
    return blocks, where, uncached


def _is_title(text: str) -> bool:
    from jixiao.readers.recognize import title_kind

    return bool(_TITLE.match(text)) or title_kind(text) is not None


def _remap(value: Any, where: dict[int, tuple[str, int]], file: str) -> Any:
    """Sources point at the sheet and its row (line = Excel row number)."""
    if isinstance(value, Source):
        if value.line is None or value.line not in where:
            return value
        sheet, row = where[value.line]
        return Source(file, row, sheet, row, value.column)
    if isinstance(value, tuple):
        return tuple(_remap(v, where, file) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for field in dataclasses.fields(value):
            old = getattr(value, field.name)
            new = _remap(old, where, file)
            if new is not old:
                changes[field.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


def read_xlsx(path: str, *, display: str | None = None) -> Package:
    """Read an .xlsx workbook. Raises ReadError (Chinese and English) when it cannot."""
    from jixiao.readers.recognize import recognize

    name = display or path
    formulas, _ = _scan(path, name)
    book = _Workbook(path, name)
    package, edited = _embedded(book, formulas)
    if package is not None and not edited:
        return package
    blocks, where, uncached = _blocks(book, formulas)
    result = recognize(blocks, file=name, loose=False)
    result = _remap(result, where, name)
    assert isinstance(result, Package)
    notes = list(result.notes)
    if package is not None:
        notes.append(
            ReadNote(
                "工作簿在导出后被修改过，已按表格内容重新读取（未采用嵌入的原始数据）",
                "the workbook was edited after export; read from its tables (the embedded data was not used)",
                Source(name),
            )
        )
    if uncached:
        notes.append(
            ReadNote(
                f"有 {uncached} 个公式单元格没有保存的计算结果（文件未经 Excel/WPS 保存），按空白读取",
                f"{uncached} formula cells have no saved result (the file was not saved by Excel/WPS); read as blank",
                Source(name),
            )
        )
    if package is not None and result.framework is None:
        result = dataclasses.replace(result, framework=package.framework)
    return dataclasses.replace(result, notes=tuple(notes))
