"""Word (.docx) → Package, reading the OOXML directly with lxml (no python-docx).

Two routes:

* **embedded** — a .docx written by Jixiao carries the lossless package JSON as a custom XML
  part with digests of itself and of the document text. When both digests match, that package
  is returned as is. When the part was altered, or the document was edited after export, the
  tables are read instead and a ReadNote says why.
* **tables** — any other .docx: body paragraphs (with their automatic numbering rebuilt) and
  tables become the same Block stream the text reader makes (one cell per w:tc, a vertically
  merged continuation as an empty cell, as text extractions of .docx files show them), and the
  shared recognizer turns it into a Package. Text boxes and drawings are ignored; nested tables
  are flattened into their cell's text. A cell ending in "（计算）" (a value Jixiao computed, not
  claimed) is read as blank. ``Para.line``/``RawCell.line`` is the 1-based paragraph index.

Every file first passes :mod:`jixiao.readers.ooxml_safety` (size, zip bomb, paths, macros,
encryption, entity declarations).
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import zipfile
from dataclasses import dataclass, field, replace

from lxml import etree

from jixiao.model import Package, ReadNote, Source
from jixiao.readers.blocks import Block, Para, RawCell, Row
from jixiao.readers.docx_numbering import Numbering, load_numbering, paragraph_prefix
from jixiao.readers.errors import ReadError
from jixiao.readers.ooxml_safety import open_ooxml_zip, parse_xml, read_member

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _R, _T = f"{W}p", f"{W}tbl", f"{W}tr", f"{W}tc", f"{W}r", f"{W}t"
_TAB, _BR, _CR, _SDT, _SDT_CONTENT = f"{W}tab", f"{W}br", f"{W}cr", f"{W}sdt", f"{W}sdtContent"
_CONTAINERS = frozenset(
    {f"{W}hyperlink", f"{W}ins", f"{W}smartTag", f"{W}customXml", f"{W}fldSimple", _SDT, _SDT_CONTENT}
)
_BLOCK_CONTAINERS = frozenset({_SDT, _SDT_CONTENT, f"{W}customXml"})
_CUSTOM_NS = "{urn:jixiao:package}package"
_CUSTOM_ITEM = re.compile(r"^customXml/item\d+\.xml$")
_OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
_COMPUTED_MARK = "（计算）"
_WHITE = re.compile(r"[\s\u3000\xa0]+")
_MAX_NESTING = 8


@dataclass(slots=True)
class _Walker:
    numbering: Numbering
    blocks: list[Block] = field(default_factory=list)
    line: int = 0

    def inline_text(self, element: etree._Element) -> str:
        parts: list[str] = []
        self._inline(element, parts)
        return "".join(parts)

    def _inline(self, element: etree._Element, parts: list[str]) -> None:
        for child in element:
            tag = child.tag
            if tag == _R:
                for item in child:
                    kind = item.tag
                    if kind == _T:
                        parts.append(item.text or "")
                    elif kind == _TAB:
                        parts.append("\t")
                    elif kind in (_BR, _CR) and item.get(f"{W}type") not in ("page", "column"):
                        parts.append("\n")
            elif tag in _CONTAINERS:
                self._inline(child, parts)

    def paragraph(self, element: etree._Element) -> tuple[str, int]:
        self.line += 1
        prefix = paragraph_prefix(element, self.numbering)
        return prefix + self.inline_text(element), self.line

    def body(self, container: etree._Element) -> None:
        for child in container:
            tag = child.tag
            if tag == _P:
                text, line = self.paragraph(child)
                for piece in text.split("\n"):
                    piece = piece.replace("\t", " ").strip()
                    if piece:
                        self.blocks.append(Para(piece, line))
            elif tag == _TBL:
                self.table(child)
            elif tag in _BLOCK_CONTAINERS:
                self.body(child)

    def table(self, table: etree._Element) -> None:
        for row in _children(table, _TR):
            cells: list[RawCell] = []
            for cell in _children(row, _TC):
                text, line, continued = self.cell(cell, 0)
                cells.append(RawCell("" if continued else text, line))
            if cells:
                self.blocks.append(Row(cells, cells[0].line))

    def cell(self, cell: etree._Element, depth: int) -> tuple[str, int, bool]:
        """A cell's text (paragraphs joined by line breaks), its first line, and vMerge continue."""
        merge = cell.find(f"{W}tcPr/{W}vMerge")
        continued = merge is not None and merge.get(f"{W}val", "continue") == "continue"
        lines: list[str] = []
        first = self.line + 1
        self._cell_content(cell, lines, depth)
        text = "\n".join(lines).strip("\n")
        if text.rstrip().endswith(_COMPUTED_MARK):
            text = ""
        return text, first, continued

    def _cell_content(self, container: etree._Element, lines: list[str], depth: int) -> None:
        for child in container:
            tag = child.tag
            if tag == _P:
                text, _ = self.paragraph(child)
                lines.append(text)
            elif tag == _TBL and depth < _MAX_NESTING:
                for row in _children(child, _TR):
                    texts = [self.cell(c, depth + 1)[0] for c in _children(row, _TC)]
                    lines.append(" ".join(t.replace("\n", " ") for t in texts if t))
            elif tag in _BLOCK_CONTAINERS:
                self._cell_content(child, lines, depth)


def _children(element: etree._Element, tag: str) -> list[etree._Element]:
    """Direct children with ``tag``, looking through content controls (w:sdt)."""
    found: list[etree._Element] = []
    for child in element:
        if child.tag == tag:
            found.append(child)
        elif child.tag in _BLOCK_CONTAINERS:
            found.extend(_children(child, tag))
    return found


def _main_part(archive: zipfile.ZipFile, name: str) -> str:
    names = set(archive.namelist())
    if "_rels/.rels" in names:
        rels = parse_xml(read_member(archive, "_rels/.rels", limit=1 << 20, display=name), display=name)
        for rel in rels:
            if rel.get("Type") == _OFFICE_DOCUMENT:
                target = (rel.get("Target") or "").lstrip("/")
                target = posixpath.normpath(target)
                if target in names:
                    return target
    if "word/document.xml" in names:
        return "word/document.xml"
    raise ReadError(
        "这不是 Word 文档（找不到正文部件 word/document.xml）",
        "this is not a Word document (no main part word/document.xml)",
        path=name,
    )


def _optional(archive: zipfile.ZipFile, member: str, name: str) -> etree._Element | None:
    if member not in archive.namelist():
        return None
    return parse_xml(read_member(archive, member, display=name), display=name, part=member)


def text_digest(body: etree._Element) -> str:
    joined = "".join(t.text or "" for t in body.iter(_T))
    return hashlib.sha256(_WHITE.sub("", joined).encode("utf-8")).hexdigest()


def _embedded(archive: zipfile.ZipFile, body: etree._Element, name: str) -> tuple[Package | None, ReadNote | None]:
    """The package embedded by Jixiao's writer, if present and intact."""
    from jixiao.jsonformat import FormatError, loads

    for member in archive.namelist():
        if not _CUSTOM_ITEM.match(member):
            continue
        try:
            root = parse_xml(read_member(archive, member, display=name), display=name, part=member)
        except ReadError:
            continue
        if root.tag != _CUSTOM_NS:
            continue
        text = root.text or ""
        source = Source(name)
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != root.get("json-sha256"):
            return None, ReadNote(
                "文档中嵌入的 Jixiao 数据已被改动，已改为按表格内容读取",
                "the embedded Jixiao data was altered; the tables were read instead",
                source,
            )
        if text_digest(body) != root.get("body-sha256"):
            return None, ReadNote(
                "文档在导出后被修改过，已按表格内容读取（嵌入数据未使用）",
                "the document was edited after export; its tables were read (embedded data not used)",
                source,
            )
        try:
            return loads(text), None
        except FormatError as error:
            return None, ReadNote(
                f"嵌入的 Jixiao 数据无法读取（{error.message}），已按表格内容读取",
                f"the embedded Jixiao data is unreadable ({error.message_en}); the tables were read",
                source,
            )
    return None, None


def docx_blocks(document: etree._Element, numbering: Numbering) -> list[Block]:
    body = document.find(f"{W}body")
    if body is None:
        return []
    walker = _Walker(numbering)
    walker.body(body)
    return walker.blocks


def read_docx(path: str, *, display: str | None = None, use_embedded: bool = True) -> Package:
    """Read a .docx report. Raises ReadError (Chinese and English) when the file is unusable."""
    from jixiao.readers.recognize import recognize

    name = display or path
    with open_ooxml_zip(path, display=name) as archive:
        main = _main_part(archive, name)
        document = parse_xml(read_member(archive, main, display=name), display=name, part=main)
        if document.tag != f"{W}document":
            raise ReadError(
                "这不是 Word 文档（正文部件不是 w:document）",
                "this is not a Word document (the main part is not w:document)",
                path=name,
            )
        body = document.find(f"{W}body")
        notes: list[ReadNote] = []
        if use_embedded and body is not None:
            package, note = _embedded(archive, body, name)
            if package is not None:
                return package
            if note is not None:
                notes.append(note)
        folder = posixpath.dirname(main)
        numbering = load_numbering(
            _optional(archive, posixpath.join(folder, "numbering.xml"), name),
            _optional(archive, posixpath.join(folder, "styles.xml"), name),
        )
    blocks = docx_blocks(document, numbering)
    package = recognize(blocks, file=name)
    if not package.documents:
        notes = [
            ReadNote(
                "没有找到任何绩效表格，这不像是绩效自评报告",
                "no performance table was found; this does not look like a self-evaluation report",
                Source(name),
                level="error",
            )
        ]
    return replace(package, notes=tuple(notes) + package.notes if package.documents else tuple(notes))


def logical_grid(table: etree._Element) -> list[list[str]]:
    """A table as its logical grid: a spanned cell's text then blanks, merged continuations blank."""
    walker = _Walker(Numbering())
    grid: list[list[str]] = []
    for row in _children(table, _TR):
        cells: list[str] = []
        before = row.find(f"{W}trPr/{W}gridBefore")
        if before is not None:
            cells.extend([""] * _int(before.get(f"{W}val")))
        for cell in _children(row, _TC):
            text, _, continued = walker.cell(cell, 0)
            span = cell.find(f"{W}tcPr/{W}gridSpan")
            cells.append("" if continued else text)
            if span is not None:
                cells.extend([""] * (_int(span.get(f"{W}val")) - 1))
        grid.append(cells)
    return grid


def _int(value: str | None) -> int:
    try:
        return max(0, min(int(value or "1"), 64))
    except ValueError:
        return 1


def read_tables(path: str, *, display: str | None = None) -> list[list[list[str]]]:
    """Every top-level table of a .docx as its logical grid (for inspection and benchmarks)."""
    name = display or path
    with open_ooxml_zip(path, display=name) as archive:
        main = _main_part(archive, name)
        document = parse_xml(read_member(archive, main, display=name), display=name, part=main)
    body = document.find(f"{W}body")
    if body is None:
        return []
    return [logical_grid(table) for table in _children(body, _TBL)]
