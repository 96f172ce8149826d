"""Automatic numbering of Word paragraphs (w:numPr): rebuild "一、" / "（一）" / "1." prefixes.

Word stores "一、" headings as numbering definitions, not as text; without them the recognizer
would not see the section structure. Supported: the common formats (decimal, Chinese counting,
letters, roman) with ``%n`` level texts; anything else gives no prefix (the text is kept).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN = "零一二三四五六七八九"


def chinese(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (up to 99; larger numbers as digits)."""
    if number <= 0 or number >= 100:
        return str(number)
    tens, ones = divmod(number, 10)
    if tens == 0:
        return _CN[ones]
    head = "" if tens == 1 else _CN[tens]
    return head + "十" + (_CN[ones] if ones else "")


def _roman(number: int) -> str:
    values = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
              (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip
    out = []
    for value, letters in values:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


def format_number(number: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional"):
        return chinese(number)
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (number - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(number)
        return roman.lower() if fmt == "lowerRoman" else roman
    if fmt in ("decimalFullWidth", "decimalFullWidth2"):
        return str(number).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt == "none" or fmt == "bullet":
        return ""
    return str(number)


@dataclass(frozen=True, slots=True)
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass(slots=True)
class Numbering:
    """numId → levels, and counters as paragraphs are read in order."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)
    style_numbers: dict[str, tuple[str, int]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)

    def prefix(self, num_id: str, ilvl: int) -> str:
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels or not 0 <= ilvl < 9:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 9)
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        if counters[ilvl] == 0:
            counters[ilvl] = levels[ilvl].start
        else:
            counters[ilvl] += 1
        level = levels[ilvl]
        if level.fmt == "bullet":
            return ""
        text = level.text
        for index in range(ilvl + 1):
            placeholder = f"%{index + 1}"
            if placeholder in text:
                count = counters[index] or (levels[index].start if index in levels else 1)
                fmt = levels[index].fmt if index in levels else "decimal"
                text = text.replace(placeholder, format_number(count, fmt))
        return text


def _val(element: etree._Element | None, default: str = "") -> str:
    if element is None:
        return default
    return str(element.get(f"{W}val", default))


def load_numbering(root: etree._Element | None, styles: etree._Element | None) -> Numbering:
    numbering = Numbering()
    if root is not None:
        abstract: dict[str, dict[int, Level]] = {}
        for node in root.iterfind(f"{W}abstractNum"):
            levels: dict[int, Level] = {}
            for lvl in node.iterfind(f"{W}lvl"):
                try:
                    ilvl = int(lvl.get(f"{W}ilvl", "0"))
                    start = int(_val(lvl.find(f"{W}start"), "1") or 1)
                except ValueError:
                    continue
                levels[ilvl] = Level(_val(lvl.find(f"{W}numFmt"), "decimal"), _val(lvl.find(f"{W}lvlText")), start)
            abstract[_val_attr(node, "abstractNumId")] = levels
        for num in root.iterfind(f"{W}num"):
            abstract_id = _val(num.find(f"{W}abstractNumId"))
            if abstract_id in abstract:
                numbering.levels[_val_attr(num, "numId")] = abstract[abstract_id]
    if styles is not None:
        for style in styles.iterfind(f"{W}style"):
            num_pr = style.find(f"{W}pPr/{W}numPr")
            if num_pr is None:
                continue
            num_id = _val(num_pr.find(f"{W}numId"))
            try:
                ilvl = int(_val(num_pr.find(f"{W}ilvl"), "0") or 0)
            except ValueError:
                ilvl = 0
            if num_id:
                numbering.style_numbers[_val_attr(style, "styleId")] = (num_id, ilvl)
    return numbering


def _val_attr(element: etree._Element, name: str) -> str:
    return str(element.get(f"{W}{name}", ""))


def paragraph_prefix(paragraph: etree._Element, numbering: Numbering) -> str:
    """The number Word would show before this paragraph ("" when none)."""
    if not numbering.levels:
        return ""
    ppr = paragraph.find(f"{W}pPr")
    if ppr is None:
        return ""
    num_pr = ppr.find(f"{W}numPr")
    if num_pr is not None:
        num_id = _val(num_pr.find(f"{W}numId"))
        try:
            ilvl = int(_val(num_pr.find(f"{W}ilvl"), "0") or 0)
        except ValueError:
            ilvl = 0
        if num_id and num_id != "0":
            return numbering.prefix(num_id, ilvl)
        return ""
    style = _val(ppr.find(f"{W}pStyle"))
    if style in numbering.style_numbers:
        num_id, ilvl = numbering.style_numbers[style]
        return numbering.prefix(num_id, ilvl)
    return ""
