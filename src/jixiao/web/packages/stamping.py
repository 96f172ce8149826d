"""Sources for cells made in the web: a blank package's cells and the rows added in a form.

The audit cites the Source of the cell a finding is about, and the edit page links a finding to the
field whose cell has that Source. A cell read from a file has one; a cell the web made (a blank table,
an added row) has none, so its findings would link nowhere. ``stamp`` gives each such cell
Source(table=<the table's name>, row, column): rows numbered after the last row the table already has,
columns by the field's place in its row. Cells that have a Source keep it.
"""

from __future__ import annotations

from dataclasses import fields, is_dataclass, replace
from typing import Any

from jixiao.model import (
    BuildingRow,
    Cell,
    ExpenseRow,
    Figure,
    FundsRow,
    Goal,
    GroupLabel,
    Indicator,
    Package,
    ScoringItem,
    SignOff,
    Source,
    Staffing,
    TaskRow,
)

ROWS = (Indicator, ExpenseRow, FundsRow, TaskRow, ScoringItem, Goal, Staffing, BuildingRow, SignOff, GroupLabel)


def table_name(document: Any) -> str:
    """The name findings use for the table: its Source's, else the 附件 number of its title, else its name."""
    for source in (document.source, document.title.source):
        if source.table:
            return str(source.table)
    words = document.title.text.split()
    if words and words[0].startswith("附件"):
        return str(words[0])
    return str(document.name or document.title.text or document.kind)


def _last_row(value: Any, table: str) -> int:
    if isinstance(value, Cell | Figure):
        return value.source.row or 0 if value.source.table == table else 0
    if isinstance(value, tuple):
        return max((_last_row(v, table) for v in value), default=0)
    if is_dataclass(value) and not isinstance(value, type):
        own = value.source.row or 0 if isinstance(getattr(value, "source", None), Source) else 0
        return max([own, *(_last_row(getattr(value, f.name), table) for f in fields(value))])
    return 0


def _unsourced(value: Any) -> bool:
    if isinstance(value, Cell | Figure):
        return value.source.table is None
    if isinstance(value, tuple):
        return any(_unsourced(v) for v in value)
    if is_dataclass(value) and not isinstance(value, type):
        return any(_unsourced(getattr(value, f.name)) for f in fields(value) if f.name != "source")
    return False


def stamp(document: Any) -> Any:
    """The table with a Source on every cell that has none (the same object when all have one)."""
    if not _unsourced(document):
        return document
    table = table_name(document)
    counter = [_last_row(document, table)]

    def visit(value: Any, row: int | None, column: int | None) -> Any:
        if isinstance(value, Cell | Figure):
            if value.source.table is None:
                return replace(value, source=Source(table=table, row=row, column=column))
            return value
        if isinstance(value, tuple):
            items = tuple(visit(v, row, column) for v in value)
            return value if all(a is b for a, b in zip(items, value, strict=True)) else items
        if not (is_dataclass(value) and not isinstance(value, type)) or not _unsourced(value):
            return value
        is_row = isinstance(value, ROWS) or value is document
        if is_row:
            counter[0] += 1
            row = counter[0]
        changes: dict[str, Any] = {}
        for place, spec in enumerate(fields(value), start=1):
            if spec.name == "source":
                continue
            old = getattr(value, spec.name)
            new = visit(old, row, place if is_row else column)
            if new is not old:
                changes[spec.name] = new
        own = getattr(value, "source", None)
        if is_row and isinstance(own, Source) and own.table is None:
            changes["source"] = Source(table=table, row=row)
        return replace(value, **changes) if changes else value

    return visit(document, None, None)


def stamp_package(package: Package) -> Package:
    documents = tuple(stamp(d) for d in package.documents)
    if all(a is b for a, b in zip(documents, package.documents, strict=True)):
        return package
    return replace(package, documents=documents)
