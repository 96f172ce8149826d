"""Where a figure came from: file, line, table, row and column."""

from __future__ import annotations

from jixiao.model.records import record


@record
class Source:
    """The place in an input a value was read from.

    ``line`` is 1-based in the text (or the paragraph index in a .docx); ``table`` names the
    document (e.g. "附件3-2 项目支出绩效自评表"); ``row`` and ``column`` are 1-based in that
    table's logical grid. Any of them may be unknown.
    """

    file: str | None = None
    line: int | None = None
    table: str | None = None
    row: int | None = None
    column: int | None = None

    def describe(self) -> str:
        """A short Chinese location, e.g. "第12行 · 表「附件2」第3行第4列"."""
        parts: list[str] = []
        if self.file:
            parts.append(self.file)
        if self.line is not None:
            parts.append(f"第{self.line}行")
        if self.table:
            cell = ""
            if self.row is not None:
                cell += f"第{self.row}行"
            if self.column is not None:
                cell += f"第{self.column}列"
            parts.append(f"表「{self.table}」{cell}")
        return " · ".join(parts)


NOWHERE = Source()
