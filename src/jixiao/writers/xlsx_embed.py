"""The lossless package inside the workbook, and the fingerprint that tells whether it still holds.

A very hidden sheet ``_jixiao`` holds the package JSON in chunks (a cell holds at most 32,767
characters), with its SHA-256 and the fingerprint of the visible sheets' input cells as
written. On reading, the JSON is used only when its hash matches and the input cells still
have the same fingerprint; a workbook edited in Excel or WPS is read from its tables instead.
Formula cells are left out of the fingerprint (Excel stores their results when it saves).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from decimal import Decimal

DATA_SHEET = "_jixiao"
MARKER = "jixiao-package"
CHUNK = 30_000

InputCell = tuple[str, int, int, object]  # (sheet, row, column, value)


def _norm(value: object) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float | Decimal):
        return repr(float(value))
    text = "".join(str(value).split())  # without any whitespace (str.split and re's \s agree)
    return text or None


def fingerprint(cells: Iterable[InputCell]) -> str:
    """SHA-256 over the non-empty input cells (sheet, row, column, normalised value)."""
    lines = []
    for sheet, row, column, value in cells:
        shown = _norm(value)
        if shown is not None:
            lines.append((sheet, row, column, shown))
    lines.sort()
    text = "".join(f"{sheet}\t{row}\t{column}\t{shown}\n" for sheet, row, column, shown in lines)
    return hashlib.sha256(text.encode()).hexdigest()


def json_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def chunks(text: str) -> list[str]:
    return [text[i : i + CHUNK] for i in range(0, len(text), CHUNK)] or [""]
