"""Cell styles of the Excel export: named styles registered once per workbook (fast to apply).

Every style says whether the cell is an input (unlocked under sheet protection) or fixed
(labels, headers and formulas stay locked). Fonts are the ones Chinese official tables use:
宋体 for the tables, 黑体 for titles; on machines without them Excel/WPS substitute.
"""

from __future__ import annotations

from typing import Literal

from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Protection, Side
from openpyxl.workbook.workbook import Workbook

StyleName = Literal[
    "jx_title",  # the table's title
    "jx_note",  # a line of explanation above or below a table
    "jx_header",  # column headers
    "jx_label",  # row labels (一级/二级指标, 年度资金总额 …)
    "jx_text",  # input text
    "jx_amount",  # input amount (万元, 0.00)
    "jx_count",  # input count (people, ㎡): general format
    "jx_score",  # input weight or score (0.00)
    "jx_h_header",  # header of a helper (formula) column
    "jx_h_input",  # helper input: a parsed number or a choice the formulas use
    "jx_f_rate",  # formula giving a rate (0.00%)
    "jx_f_score",  # formula giving a score or amount (0.00)
    "jx_f_text",  # formula giving a word (等级, 一致/不一致)
    "jx_data",  # the hidden data sheet
]

BODY_FONT = "宋体"
TITLE_FONT = "黑体"
TEXT_FONT = "仿宋"

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_HELPER_FILL = PatternFill("solid", fgColor="EDEDED")
_HEADER_FILL = PatternFill("solid", fgColor="F2F2F2")
_INPUT_FILL = PatternFill("solid", fgColor="FFF9E5")
_LOCKED = Protection(locked=True)
_UNLOCKED = Protection(locked=False)


def _style(
    name: StyleName,
    *,
    font: Font,
    alignment: Alignment = _WRAP,
    number_format: str = "General",
    locked: bool = True,
    fill: PatternFill | None = None,
    border: bool = True,
) -> NamedStyle:
    style = NamedStyle(name=name)
    style.font = font
    style.alignment = alignment
    style.number_format = number_format
    style.protection = _LOCKED if locked else _UNLOCKED
    if fill is not None:
        style.fill = fill
    if border:
        style.border = _BORDER
    return style


def register_styles(workbook: Workbook) -> None:
    """Add the named styles to a workbook (once)."""
    body = Font(name=BODY_FONT, size=10)
    bold = Font(name=BODY_FONT, size=10, bold=True)
    styles = [
        _style(
            "jx_title",
            font=Font(name=TITLE_FONT, size=14, bold=True),
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
            border=False,
        ),
        _style("jx_note", font=Font(name=TEXT_FONT, size=10), border=False, locked=False),
        _style("jx_header", font=bold, alignment=_CENTER, fill=_HEADER_FILL),
        _style("jx_label", font=body, alignment=_CENTER),
        _style("jx_text", font=body, locked=False),
        _style("jx_amount", font=body, number_format="0.00", locked=False),
        _style("jx_count", font=body, number_format="General", locked=False),
        _style("jx_score", font=body, number_format="0.00", locked=False),
        _style("jx_h_header", font=bold, alignment=_CENTER, fill=_HELPER_FILL),
        _style("jx_h_input", font=body, alignment=_CENTER, fill=_INPUT_FILL, locked=False),
        _style("jx_f_rate", font=body, number_format="0.00%", fill=_HELPER_FILL),
        _style("jx_f_score", font=body, number_format="0.00", fill=_HELPER_FILL),
        _style("jx_f_text", font=body, alignment=_CENTER, fill=_HELPER_FILL),
        _style("jx_data", font=Font(name="Consolas", size=9), alignment=Alignment(), border=False),
    ]
    for style in styles:
        workbook.add_named_style(style)
