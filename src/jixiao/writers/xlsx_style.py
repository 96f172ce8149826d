"""Cell styles of the Excel export: a fixed ``xl/styles.xml`` with one named style per kind of cell.

Every style says whether the cell is an input (unlocked under sheet protection) or fixed
(labels, headers and formulas stay locked). Fonts are the ones Chinese official tables use:
宋体 for the tables, 黑体 for titles; on machines without them Excel/WPS substitute.

Each style is a named cell style (``jx_title`` …, listed in Excel's cell style gallery) and a
cell format (xf) that applies it; a second xf per style adds the quote prefix, for text that
starts with = + - @ (Excel then keeps it text when the user edits the cell).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

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
STYLE_NAMES: tuple[StyleName, ...] = get_args(StyleName)

BODY_FONT = "宋体"
TITLE_FONT = "黑体"
TEXT_FONT = "仿宋"

# Fonts, fills and borders of the stylesheet, by index (0 is Excel's default in each list).
_FONTS = (
    '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
    f'<font><b val="1"/><sz val="14"/><name val="{TITLE_FONT}"/></font>',
    f'<font><sz val="10"/><name val="{TEXT_FONT}"/></font>',
    f'<font><b val="1"/><sz val="10"/><name val="{BODY_FONT}"/></font>',
    f'<font><sz val="10"/><name val="{BODY_FONT}"/></font>',
    '<font><sz val="9"/><name val="Consolas"/></font>',
)
TITLE, NOTE, BOLD, BODY, MONO = 1, 2, 3, 4, 5
_FILLS = (
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
    '<fill><patternFill patternType="solid"><fgColor rgb="FFF2F2F2"/><bgColor indexed="64"/></patternFill></fill>',
    '<fill><patternFill patternType="solid"><fgColor rgb="FFEDEDED"/><bgColor indexed="64"/></patternFill></fill>',
    '<fill><patternFill patternType="solid"><fgColor rgb="FFFFF9E5"/><bgColor indexed="64"/></patternFill></fill>',
)
HEADER_FILL, HELPER_FILL, INPUT_FILL = 2, 3, 4
_THIN = "".join(f'<{side} style="thin"><color rgb="FF000000"/></{side}>' for side in ("left", "right", "top", "bottom"))
_BORDERS = ("<border><left/><right/><top/><bottom/><diagonal/></border>", f"<border>{_THIN}<diagonal/></border>")
GENERAL, TWO_DECIMALS, PERCENT = 0, 2, 10  # built-in number formats: General, 0.00, 0.00%
_WRAP = '<alignment vertical="center" wrapText="1"/>'
_CENTER = '<alignment horizontal="center" vertical="center" wrapText="1"/>'


@dataclass(frozen=True, slots=True)
class _Spec:
    font: int
    alignment: str = _WRAP
    number_format: int = GENERAL
    locked: bool = True
    fill: int = 0
    border: bool = True


_SPECS: dict[StyleName, _Spec] = {
    "jx_title": _Spec(TITLE, alignment=_CENTER, border=False),
    "jx_note": _Spec(NOTE, border=False, locked=False),
    "jx_header": _Spec(BOLD, alignment=_CENTER, fill=HEADER_FILL),
    "jx_label": _Spec(BODY, alignment=_CENTER),
    "jx_text": _Spec(BODY, locked=False),
    "jx_amount": _Spec(BODY, number_format=TWO_DECIMALS, locked=False),
    "jx_count": _Spec(BODY, locked=False),
    "jx_score": _Spec(BODY, number_format=TWO_DECIMALS, locked=False),
    "jx_h_header": _Spec(BOLD, alignment=_CENTER, fill=HELPER_FILL),
    "jx_h_input": _Spec(BODY, alignment=_CENTER, fill=INPUT_FILL, locked=False),
    "jx_f_rate": _Spec(BODY, number_format=PERCENT, fill=HELPER_FILL),
    "jx_f_score": _Spec(BODY, number_format=TWO_DECIMALS, fill=HELPER_FILL),
    "jx_f_text": _Spec(BODY, alignment=_CENTER, fill=HELPER_FILL),
    "jx_data": _Spec(MONO, alignment="", border=False),
}

# Cell format (xf) numbers in the file: 0 is the default, then one per style, then the quoted ones.
XF: dict[StyleName, int] = {name: index + 1 for index, name in enumerate(STYLE_NAMES)}
QUOTED_XF: dict[StyleName, int] = {name: index + 1 + len(STYLE_NAMES) for index, name in enumerate(STYLE_NAMES)}
XF_STYLE: dict[int, StyleName] = {**{v: k for k, v in XF.items()}, **{v: k for k, v in QUOTED_XF.items()}}


def _xf(spec: _Spec, extra: str) -> str:
    protection = '<protection locked="0" hidden="0"/>' if not spec.locked else ""
    return (
        f'<xf numFmtId="{spec.number_format}" fontId="{spec.font}" fillId="{spec.fill}" '
        f'borderId="{1 if spec.border else 0}"{extra} applyNumberFormat="1" applyFont="1" applyFill="1" '
        f'applyBorder="1" applyAlignment="1" applyProtection="1">{spec.alignment}{protection}</xf>'
    )


def _styles_xml() -> str:
    specs = [_SPECS[name] for name in STYLE_NAMES]
    style_xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'] + [_xf(s, "") for s in specs]
    cell_xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']
    cell_xfs += [_xf(s, f' xfId="{i + 1}"') for i, s in enumerate(specs)]
    cell_xfs += [_xf(s, f' xfId="{i + 1}" quotePrefix="1"') for i, s in enumerate(specs)]
    names = ['<cellStyle name="Normal" xfId="0" builtinId="0"/>']
    names += [f'<cellStyle name="{name}" xfId="{i + 1}"/>' for i, name in enumerate(STYLE_NAMES)]
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f'<fonts count="{len(_FONTS)}">{"".join(_FONTS)}</fonts>'
        f'<fills count="{len(_FILLS)}">{"".join(_FILLS)}</fills>'
        f'<borders count="{len(_BORDERS)}">{"".join(_BORDERS)}</borders>'
        f'<cellStyleXfs count="{len(style_xfs)}">{"".join(style_xfs)}</cellStyleXfs>'
        f'<cellXfs count="{len(cell_xfs)}">{"".join(cell_xfs)}</cellXfs>'
        f'<cellStyles count="{len(names)}">{"".join(names)}</cellStyles>'
        '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" '
        'defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
    )


STYLES_XML = _styles_xml()
