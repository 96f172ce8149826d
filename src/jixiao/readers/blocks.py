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


def _classify_layout(lines: list[str], text: str) -> str:
    step = max(1, len(lines) // 4000)  # a sample is enough to tell the layout
    sample = lines[::step]
    tabbed = [line for line in sample if "\t" in line] if "\t" in text else []
    single = len([line for line in tabbed if line.count("\t") == 1 and line.lstrip(" ")[:1] == "\t"])
    multi = len(tabbed) - single
    pipes = 0
    if "|" in text:  # most texts have none: no third pass over the lines
        pipes = len([line for line in sample if "|" in line and "\t" not in line and line.count("|") >= 2])
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
    layout = _classify_layout(lines, text)
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
    cells: list[RawCell] = []  # the open row's cells
    pending_break = False
    count = len(lines)
    skip_to = 0  # lines before this index were consumed by a look-ahead
    for i, line in enumerate(lines):
        if i < skip_to:
            continue
        # Most lines are cells: one tab, first (or after nothing but spaces).
        tab = 0 if line[:1] == "\t" else line.find("\t")
        if tab >= 0 and line.find("\t", tab + 1) < 0 and (tab == 0 or not line[:tab].strip(" ")):
            if row is None or pending_break:
                if row is not None:
                    out.append(row)
                row = Row([], i + 1)
                cells = row.cells
                pending_break = False
            cells.append(RawCell(line[tab + 1 :].rstrip(" \r"), i + 1))
            continue
        if tab >= 0:
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
                continue
            # Text after blank lines continues the last cell only when the row goes on
            # right after it (a cell line follows the text with no blank line between).
            end = i
            while end < count and not _is_blank(lines[end]) and "\t" not in lines[end]:
                end += 1
            if end < count and lines[end].lstrip(" ").startswith("\t") and not _is_blank(lines[end]):
                for j in range(i, end):
                    _continue(row, lines[j])
            else:
                out.append(row)
                row = None
                for j in range(i, end):
                    out.append(Para(lines[j].strip(), j + 1))
            pending_break = False
            skip_to = end
        else:
            if row is not None:
                out.append(row)
                row = None
            pending_break = False
            out.append(Para(line.strip(), i + 1))
    if row is not None:
        out.append(row)


def _continue(row: Row, line: str) -> None:
    last = row.cells[-1]
    addition = line.strip(" \r")
    last.text = f"{last.text}\n{addition}" if last.text.strip() else addition
