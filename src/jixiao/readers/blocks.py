"""Text extractions → a stream of blocks: paragraphs and table rows.

Two layouts occur (domain.md §7):

* **cell per line** (.docx extractions): each cell is a line starting with a tab; a blank
  line ends a row; a cell holding several lines continues on lines without a tab.
* **row per line** (.pdf extractions): the cells of a row are separated by tabs on one line.

Cells joined by "|" are read as row per line. Every block keeps its 1-based line number.
The Word and Excel readers produce the same blocks, so table recognition is shared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_NOISE = re.compile(r"\[bookmark: [^\]]*\]")
_BREAKING = re.compile(r"^\s*(附件\s*[0-9０-９]|填表人|填报人|备注|说明[:：])")


@dataclass(slots=True)
class RawCell:
    text: str
    line: int


@dataclass(slots=True)
class Row:
    cells: list[RawCell]
    line: int
    # The cells' texts without white space, filled once by grid.norms() (cells do not change after
    # the blocks are read).
    normalized: tuple[str, ...] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass(slots=True)
class Para:
    text: str
    line: int


Block = Row | Para


@dataclass(slots=True)
class BlockStream:
    blocks: list[Block] = field(default_factory=list)
    layout: str = "cell-per-line"  # or "row-per-line", "pipe"


def _is_blank(line: str) -> bool:
    # U+3000 alone is content in these files (an "empty-looking" continuation), not a row end.
    return not line.strip(" \r")


def _classify_layout(lines: list[str]) -> str:
    single = multi = pipes = 0
    step = max(1, len(lines) // 4000)  # a sample is enough to tell the layout
    for line in lines[::step]:
        if "\t" in line:
            stripped = line.lstrip(" ")
            if stripped.startswith("\t") and stripped.count("\t") == 1:
                single += 1
            else:
                multi += 1
        elif line.count("|") >= 2:
            pipes += 1
    if pipes > single + multi and pipes >= 3:
        return "pipe"
    return "row-per-line" if multi > single else "cell-per-line"


def _split_row(line: str, sep: str, number: int) -> Row:
    parts = line.split(sep)
    if sep == "|":
        if parts and not parts[0].strip():
            parts = parts[1:]
        if parts and not parts[-1].strip():
            parts = parts[:-1]
    return Row([RawCell(p.strip(" \r"), number) for p in parts], number)


def read_blocks(text: str) -> BlockStream:
    """Split extracted text into paragraphs and rows. Never raises on any str."""
    text = _NOISE.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", ""))
    lines = text.split("\n")
    layout = _classify_layout(lines)
    stream = BlockStream(layout=layout)
    if layout != "cell-per-line":
        sep = "|" if layout == "pipe" else "\t"
        for index, line in enumerate(lines, start=1):
            if sep in line and (sep == "\t" or line.count("|") >= 2):
                stream.blocks.append(_split_row(line, sep, index))
            elif not _is_blank(line):
                stream.blocks.append(Para(line.strip(), index))
        return stream
    _cell_per_line(lines, stream.blocks)
    return stream


def _cell_per_line(lines: list[str], out: list[Block]) -> None:
    row: Row | None = None
    pending_break = False
    count = len(lines)
    i = 0
    while i < count:
        line = lines[i]
        tab = line.find("\t")
        if tab >= 0 and line.find("\t", tab + 1) < 0 and (tab == 0 or not line[:tab].strip(" ")):
            # A cell: one tab, after nothing but spaces.
            if row is None or pending_break:
                if row is not None:
                    out.append(row)
                row = Row([], i + 1)
            row.cells.append(RawCell(line[tab + 1 :].rstrip(" \r"), i + 1))
            pending_break = False
        elif tab >= 0:
            if row is not None:
                out.append(row)
                row = None
            out.append(_split_row(line, "\t", i + 1))
            pending_break = False
        elif not line.strip(" \r"):  # blank (U+3000 alone is content, see _is_blank)
            pending_break = row is not None
        elif row is not None and row.cells and not _BREAKING.match(line):
            if not pending_break:
                _continue(row, line)
            else:
                # Text after blank lines continues the last cell only when the row goes on
                # right after it (a cell line follows the text with no blank line between).
                end = i
                while end < count and not _is_blank(lines[end]) and "\t" not in lines[end]:
                    end += 1
                if end < count and lines[end].lstrip(" ").startswith("\t") and not _is_blank(lines[end]):
                    for j in range(i, end):
                        _continue(row, lines[j])
                    pending_break = False
                    i = end
                    continue
                out.append(row)
                row = None
                for j in range(i, end):
                    out.append(Para(lines[j].strip(), j + 1))
                pending_break = False
                i = end
                continue
        else:
            if row is not None:
                out.append(row)
                row = None
            pending_break = False
            out.append(Para(line.strip(), i + 1))
        i += 1
    if row is not None:
        out.append(row)


def _continue(row: Row, line: str) -> None:
    last = row.cells[-1]
    addition = line.strip(" \r")
    last.text = f"{last.text}\n{addition}" if last.text.strip() else addition
