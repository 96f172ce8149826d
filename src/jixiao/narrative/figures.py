"""Figures stated in narrative prose: amounts, rates, counts, scores, grades and years.

The auditor matches what the prose says against the tables by meaning, so every figure comes with
the words in front of it (``subject``: "本部门年初预算收入", "比上年减少", "占基本支出") and the sentence it
stands in. Three views are offered:

- :func:`extract_statements`: every figure, in reading order;
- :func:`extract_sums`: "总额X万元，其中：A万元、B万元" — a stated total and the parts the prose says make
  it up (also when the "其中：" list continues on the next paragraphs);
- :func:`extract_shares`: "人员经费1795.52万元，占基本支出的76.34%" — a share, its part and its whole.

:func:`extract_figures` does all three in one pass. Nothing here raises on odd input: prose that does
not parse simply yields fewer figures.

Subjects: the words before the figure back to the previous clause boundary (，。；：、！？, an
unclosed opening parenthesis, the start of the paragraph) or the previous figure in the same clause;
closed parentheticals stay ("其他项目（市政）"), function-code parentheses go ("（2120399）"), as do
enumerators and connectors at the start ("1.", "（一）", "其中", "和") and fillers at the end (为, 是, 达,
达到, 共计, 合计, 约, 共, 的 … unless they end a word: 行为, 节约, 人均). Direction words stay
("比上年减少"), so changes can be recomputed. A figure right after a colon is named by the words before
the colon ("等级：良"). When nothing is left, a figure right after another one in the same clause
shares its subject ("8个共352套"), and otherwise takes the words right after it ("95%以上建筑市场…").

Offsets: when a paragraph writes numbers in full-width characters (０-９, ％, ．), full-width digits,
letters and ％．／－ are folded to ASCII by a one-to-one table (each fold is the character's NFKC form,
of length one), so offsets in the folded text are offsets in the paragraph. ``Statement.source`` is
the paragraph's with ``column`` set to the 1-based offset of the figure. ``subject`` is taken from the
folded text; ``text`` and ``sentence`` are as written.

Speed: each regex makes one pass over a paragraph (every pattern starts with a character class, so
the engine skips prose quickly); figures are then handled in one loop with bounded look-backs, so the
work stays linear even on pathological input. Paragraphs are independent (nothing matches across
them), so sums and shares read only the paragraphs that can hold one (a marker, a parenthesis, 占)
and the few around them that the parts or the whole may be in.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from jixiao.model.narrative import Narrative, Paragraph, Statement, StatementKind
from jixiao.model.records import record
from jixiao.model.source import Source

__all__ = [
    "NarrativeFigures",
    "StatedShare",
    "StatedSum",
    "extract_figures",
    "extract_shares",
    "extract_statements",
    "extract_sums",
    "statements_of",
]


@record
class StatedSum:
    """A total and the parts the prose says make it up ("X万元，其中：A万元、B万元").

    All parts have the total's kind ("amount" or "count"); units may differ (万元 and 元). ``sentence``
    runs from the total's sentence to the last part's (paragraphs joined by a newline); ``source`` is
    the total's. ``open_ended`` is true when the prose says the list need not be complete ("…等",
    "主要包括"): then the parts may add up to less than the total.
    """

    total: Statement
    parts: tuple[Statement, ...]
    sentence: str
    source: Source
    open_ended: bool = False


@record
class StatedShare:
    """A share stated in prose: "人员经费1795.52万元，占基本支出的76.34%".

    ``rate`` is the percentage; ``part`` the figure it is a share of (the nearest amount or count
    before it in the same sentence, when there is one) and ``part_name`` its subject; ``whole`` names
    the whole ("基本支出") and ``whole_statement`` is a figure with that subject stated earlier in the
    same or one of the five previous paragraphs, when there is one. 1795.52 / 2352.1 = 76.34%.
    """

    rate: Statement
    part: Statement | None
    part_name: str
    whole: str
    whole_statement: Statement | None
    sentence: str
    source: Source


@record
class NarrativeFigures:
    statements: tuple[Statement, ...] = ()
    sums: tuple[StatedSum, ...] = ()
    shares: tuple[StatedShare, ...] = ()


# --------------------------------------------------------------------------------------------------
# Folding full-width characters (one to one, so offsets survive)


def _fold_table() -> dict[int, str]:
    chars = [chr(c) for c in range(0xFF10, 0xFF1A)]  # ０-９
    chars += [chr(c) for c in range(0xFF21, 0xFF3B)] + [chr(c) for c in range(0xFF41, 0xFF5B)]  # Ａ-Ｚ ａ-ｚ
    chars += ["\uff05", "\uff0e", "\uff0f", "\uff0d", "\ufe6a"]  # ％ ． ／ － ﹪
    table: dict[int, str] = {}
    for ch in chars:
        folded = unicodedata.normalize("NFKC", ch)
        if len(folded) == 1:  # always true for these; the check keeps offsets honest
            table[ord(ch)] = folded
    return table


_FOLD = _fold_table()
_FOLD_PAIRS = tuple((chr(code), folded) for code, folded in _FOLD.items())
# Folding is needed when a number is written in full-width characters (single-character searches are
# much faster than a regex pass over the whole text).
_FOLD_TRIGGERS = tuple("０１２３４５６７８９％．﹪")


def _fold(text: str) -> str:
    """``text.translate(_FOLD)`` when a number may be full-width, else the text itself.

    One ``str.replace`` per character present: on Chinese text that is far faster than ``translate``,
    which looks every character up in the table (the result is the same: each fold is one ASCII
    character, never itself folded).
    """
    if not any(c in text for c in _FOLD_TRIGGERS):
        return text
    for wide, folded in _FOLD_PAIRS:
        if wide in text:
            text = text.replace(wide, folded)
    return text


# --------------------------------------------------------------------------------------------------
# The regexes (compiled once; possessive quantifiers keep them linear)

_SP = r"[ \t\u3000\u00a0]"
# The first character is a plain digit class so that the regex engine can skip prose quickly; the
# lookbehinds after it reject numbers glued to letters, dots, slashes or dashes ("OA2", "2023.3.30").
_NUMBER = (
    r"(?P<num>[0-9](?<![0-9.A-Za-z/_\-][0-9])(?<![0-9],[0-9])"
    r"(?:[0-9]{0,2}(?:,[0-9]{3})++(?:\.[0-9]++)?|[0-9]*+(?:\.[0-9]++)?))"
    r"(?![0-9]|\.[0-9]|[A-Za-z])"
)
_COUNTERS = "人次|个(?![月百])|人|套|户|栋|次|项|辆|家|名|件|批|份|台|条|处|座|起"
_APPROX = "(?:余|多)"
_UNITS = (
    rf"{_SP}{{0,2}}(?:"
    r"(?P<pct>%)"
    rf"|(?P<amt>{_APPROX}?(?:亿元|万元|千元|元))"
    r"|(?P<year>年度?)"
    r"|(?P<score>分)(?![钟之别类配析解项期批包布级管局会为成摊担散头拣部区段组工户])"
    rf"|(?P<cnt>{_APPROX}?万?{_APPROX}?(?:{_COUNTERS}))"
    rf"|(?P<ylist>)(?=(?:{_SP}{{0,2}}[、,，和及至到~—]{_SP}{{0,2}}(?:19|20)[0-9]{{2}}){{1,4}}{_SP}{{0,2}}年)"
)
_FIGURE_RE = re.compile(_NUMBER + _UNITS + ")")
# A score without 分 right after its keyword: "综合得分为92.5".
_BARE_SCORE_RE = re.compile(rf"(?:为|是|达|:|：)?{_SP}{{0,2}}{_NUMBER}(?!{_SP}*分)")  # after a keyword
_SCORE_CONTEXT = re.compile("得|评分|总分|分数|打分")

# A grade after its keyword: "评价等级为优", "等级：良", "评定为“优”".
_GRADE_RE = re.compile(
    r"(?P<kw>(?:评价|自评|考核|绩效|评定|评分|综合)(?:结果|结论)|等级|等次|评定|评为|评级)"
    rf"(?:为|是|属于|确定为|评定为|评为|:|：)?{_SP}{{0,2}}[“\"「『‘']?"
    r"(?P<grade>优秀|良好|中等|较差|优|良|中|差)"
    r"(?=[”\"」』’']*(?:[，,。；;：:、！!？?）)（(\s]|\Z|级|等|档|次))"
)
# One pass finds the keywords of grades and bare scores (a character class first, then a fixed-width
# lookbehind, so the regex engine skips prose quickly); _GRADE_RE and _BARE_SCORE_RE are tried there.
_KEYWORD_RE = re.compile(r"[级次定为果论分数](?<=等级|评级|等次|评定|评为|结果|结论|得分|评分|总分|分数|打分)")
_SCORE_KEYWORDS = frozenset({"得分", "评分", "总分", "分数", "打分"})
_GRADE_TEXT = {"优秀": "优", "良好": "良", "中等": "中", "较差": "差"}

# Clause boundaries (for subjects), including an opening parenthesis; searched in reversed text.
_BOUNDARY_RE = re.compile(r"[，,。；;：:、！!？?\n\t\r（(]")
_SOFT_BOUNDARY_RE = re.compile(r"[，,。；;：:、！!？?\n\r]")
_SENTENCE_END_RE = re.compile(r"[。；;！!？?\n\r]")
_HARD_END_RE = re.compile(r"[。！!？?]")
_PAREN_RE = re.compile(r"[（()）]")
_MARKER_RE = re.compile(r"其中|包括")
_OPEN_END_RE = re.compile(rf"{_SP}*等")
_OPEN_PAREN_RE = re.compile(rf"{_SP}*[（(]")

_WINDOW = 48  # the longest subject looked at, in characters

_CODE_RE = re.compile(r"[（(]\s*[0-9]{3,}\s*[)）]")
_QUOTES_RE = re.compile(r"[“”\"「」『』‘’'《》]")
_LEAD_RE = re.compile(
    r"^(?:\s|[（(][0-9一二三四五六七八九十]{1,3}[)）]|[0-9]{1,2}[、.](?![0-9])|[一二三四五六七八九十]{1,3}[、是]"
    r"|[①-⑳]|其中|主要包括|包括|另外|以及|及|和|与|并且|并|同时|首先|其次|再次|最后|此外|即|对|将|把)+"
)
_AFTER_YEAR_RE = re.compile(r"^(?:末|初|底|以来)")
_AFTER_RE = re.compile(
    rf"{_SP}*(?:以上|以下|左右|以内|之内)?{_SP}*([^\s，,。；;：:、！!？?（()）0-9%“”\"「」]{{1,16}})"
)
# Fillers dropped from the end of a subject (longest first); "合计" and its kin only when more remains.
_FILLERS = (
    "分别为", "人民币", "达到", "共计", "合计", "总计", "累计", "总共", "高达", "已达", "约为", "大约",
    "分别", "为", "是", "达", "约", "共", "计", "了", "的", "均", "仅", "已", ":", "：",
)  # fmt: skip
_FILLERS_BY_END: dict[str, tuple[str, ...]] = {}
for _filler in _FILLERS:
    _FILLERS_BY_END[_filler[-1]] = (*_FILLERS_BY_END.get(_filler[-1], ()), _filler)
_LEAD_FIRST = frozenset(" \t\u3000（(0123456789一二三四五六七八九十其主包另以及和与并同首再最此即对将把")
_LEAD_FIRST |= frozenset(chr(c) for c in range(0x2460, 0x2474))  # ①-⑳
_KEEP_IF_ALONE = frozenset({"共计", "合计", "总计", "累计"})
_NOT_FILLER = {  # a filler that is really the end of a word: 行为, 节约, 下达, 人均, 公共, 目的
    "为": frozenset("行作认成称视以因较更最极"),
    "是": frozenset("但就还于凡只即正要"),
    "计": frozenset("设统会审估预核"),
    "的": frozenset("目"),
    "约": frozenset("节制预契签公条合"),
    "达": frozenset("下传表发送抵转通直到"),
    "均": frozenset("人户平年月日亩"),
    "共": frozenset("公一"),
    "了": frozenset("为除"),
}
_CHANGE_WORDS = re.compile(
    "比上年|比去年|较上年|较去年|同比|环比|增加|减少|增长|下降|上升|降低|增幅|降幅|节约|结余|剩余|超支|余额"
)
_TOTAL_WORDS = re.compile("^(?:共|合计|共计|总计|累计|总共)")
_SHARE_TAIL = re.compile(r"(?:的|比例|比重|份额|之)+\Z")


# --------------------------------------------------------------------------------------------------
# Scanning: paragraph by paragraph (each regex makes one pass over a paragraph's text).


@dataclass(slots=True)
class _Fig:
    st: Statement
    start: int  # in the paragraph
    end: int
    para: int
    raw_subject: str  # the clause words before the figure, before cleaning
    depth: int = 0  # parenthesis depth in the paragraph (set when its scan reads it)


@lru_cache(maxsize=4096)
def _clean_subject(raw: str, after_year: bool) -> str:
    s = _CODE_RE.sub("", raw) if "(" in raw or "（" in raw else raw
    s = _QUOTES_RE.sub("", s).strip()
    if s and s[0] in _LEAD_FIRST:
        m = _LEAD_RE.match(s)
        if m is not None:
            s = s[m.end() :]
    if after_year and s[:1] in ("末", "初", "底", "以"):
        s = _AFTER_YEAR_RE.sub("", s)
    return _strip_fillers(s)


def _strip_fillers(s: str) -> str:
    s = s.strip()
    while s:
        candidates = _FILLERS_BY_END.get(s[-1])
        if candidates is None:
            break
        for filler in candidates:
            if not s.endswith(filler):
                continue
            rest = s[: -len(filler)]
            if not rest and filler in _KEEP_IF_ALONE:
                continue
            blocked = _NOT_FILLER.get(filler)
            if blocked is not None and rest and rest[-1] in blocked:
                continue
            if filler == "计" and rest[-1:] not in ("共", "合", "总", "累"):
                continue
            s = rest.rstrip()
            break
        else:
            break
    return s


def _extend_over_parens(t: str, rt: str, s: int, left: int, floor: int) -> int:
    """Move a subject's start back over parentheticals opened before it: "其他项目（市政）8个"."""
    n = len(t)
    for _ in range(3):
        raw = t[left:s]
        closes = raw.count("）") + raw.count(")")
        if not closes or closes <= raw.count("（") + raw.count("("):
            break
        depth = 0
        lo = max(floor, s - 2 * _WINDOW)
        i = left - 1
        while i >= lo:
            ch = t[i]
            if ch in "）)":
                depth += 1
            elif ch in "（(":
                if depth == 0:
                    m = _BOUNDARY_RE.search(rt, n - i, n - lo) if i > lo else None
                    left = lo if m is None else n - m.start()
                    break
                depth -= 1
            i -= 1
        else:
            break
    return left


def _after_phrase(t: str, e: int) -> str:
    m = _AFTER_RE.match(t, e)
    return "" if m is None else _strip_fillers(_QUOTES_RE.sub("", m.group(1)))


def _decimal(num: str) -> Decimal:
    return Decimal(num.replace(",", "") if "," in num else num)


# A raw figure: (start, end, kind, value, unit, text when not the span as written, where the words that
# name it end: the figure's start, or its keyword's for grades and bare scores)
_Raw = tuple[int, int, StatementKind, Decimal | None, str | None, str | None, int]


def _raw_figures(t: str) -> list[_Raw]:
    out: list[_Raw] = []
    append = out.append
    for m in _FIGURE_RE.finditer(t):
        unit_group = m.lastgroup  # the alternative that matched: amt, pct, cnt, year, ylist, score
        s, e = m.span()
        num = m.group("num")
        if unit_group == "amt":
            append((s, e, "amount", _decimal(num), m.group("amt").lstrip("余多"), None, s))
        elif unit_group == "pct":
            append((s, e, "rate", _decimal(num), "%", None, s))
        elif unit_group == "cnt":
            counter = m.group("cnt").replace("余", "").replace("多", "")
            if s and t[s - 1] == "第":  # an ordinal: 第3次
                continue
            if "." in num and "万" not in counter:
                whole, _, frac = num.partition(".")
                # "1.14人" at the start of a clause is item 1 and 14 people.
                if len(whole) <= 2 and (s == 0 or _BOUNDARY_RE.match(t, s - 1)):
                    s += len(whole) + 1
                    num = frac
                else:
                    continue
            append((s, e, "count", _decimal(num), counter, None, s))
        elif unit_group == "year" or unit_group == "ylist":
            if len(num) == 4 and num[:2] in ("19", "20"):
                append((s, e if unit_group == "year" else m.end("num"), "year", Decimal(num), "年", None, s))
        elif unit_group == "score":
            ctx = t[max(0, s - 16) : s].rstrip(" \t\u3000:：")  # "得分：95分"
            k = max(ctx.rfind(c) for c in "，,。；;：:、！!？?\n")
            ctx = ctx[k + 1 :]
            if _SCORE_CONTEXT.search(ctx) and not ("分值" in ctx and "得" not in ctx):
                append((s, e, "score", _decimal(num), "分", None, s))
    extra: list[_Raw] = []
    for km in _KEYWORD_RE.finditer(t):
        end = km.end()
        word = t[end - 2 : end]
        if word in _SCORE_KEYWORDS:
            bm = _BARE_SCORE_RE.match(t, end)
            if bm is not None:
                num = bm.group("num")
                extra.append((bm.start("num"), bm.end("num"), "score", _decimal(num), None, None, end - 2))
            if word != "评分":
                continue
        gm = _GRADE_RE.match(t, max(0, end - 4) if word in ("结果", "结论") else end - 2)
        if gm is None or (gm.group("kw") == "评为" and t[end - 3 : end - 2] == "被"):
            continue
        grade = gm.group("grade")
        g = _GRADE_TEXT.get(grade, grade)
        extra.append((gm.start("grade") + grade.index(g), gm.end("grade"), "grade", None, None, g, gm.start()))
    if extra:
        unique = {(r[0], r[2]): r for r in extra}
        out = sorted([*out, *unique.values()], key=lambda r: r[0])
    return out


def _figures(paragraphs: Iterable[Paragraph]) -> tuple[list[Paragraph], str, list[int], list[_Fig]]:
    """The figures of all paragraphs: (paragraphs, folded joined text, paragraph offsets, figures)."""
    paras = list(paragraphs)
    texts = [p.text or "" for p in paras]
    t = _fold("\n".join(texts))
    offsets: list[int] = []
    figs: list[_Fig] = []
    pos = 0
    for pi, (p, x) in enumerate(zip(paras, texts, strict=True)):
        offsets.append(pos)
        if x:
            folded = t[pos : pos + len(x)]
            found = _paragraph_figures(folded, x, pi, p.source)
            _remember(p, folded, found)
            figs += found
        pos += len(x) + 1
    return paras, t, offsets, figs


# The figures of the paragraphs read lately, by the paragraph's identity: a narrative's statements and
# the sums of its sections read the same paragraphs. Each entry holds its paragraph, so the id is not
# reused while the entry lives; the folded text is compared too (folding is decided for all the
# paragraphs read together). Bounded: forgotten all at once when full, and a paragraph too long to be
# worth holding on to is not kept.
_RECENT: dict[int, tuple[Paragraph, str, list[_Fig]]] = {}
_RECENT_SIZE = 8192
_RECENT_LONGEST = 20_000  # characters


def _remember(para: Paragraph, folded: str, figs: list[_Fig]) -> None:
    if len(folded) > _RECENT_LONGEST:
        return
    if len(_RECENT) >= _RECENT_SIZE:
        _RECENT.clear()
    _RECENT[id(para)] = (para, folded, figs)


def _recalled(para: Paragraph, folded: str, index: int) -> list[_Fig] | None:
    """The figures of ``para`` read before with the same folded text, as paragraph ``index`` of a scan."""
    hit = _RECENT.get(id(para))
    if hit is None or hit[0] is not para or hit[1] != folded:
        return None
    return [_Fig(f.st, f.start, f.end, index, f.raw_subject) for f in hit[2]]


def _paragraph_figures(t: str, raw: str, pi: int, src: Source) -> list[_Fig]:
    """The figures of one paragraph: ``t`` is its folded text, ``raw`` as written.

    Paragraphs are independent: no regex matches across the newline that joins them, subjects and
    sentences stop at the paragraph's start and end, so each can be read on its own (and only the
    paragraphs a question needs are read).
    """
    figs: list[_Fig] = []
    raws = _raw_figures(t) if t else []
    if not raws:
        return figs
    rt = t[::-1]
    n = len(t)
    cur_start, cur_end, cur_sentence = 0, -1, ""  # the sentence of the previous figure
    boundary = _BOUNDARY_RE.search
    sentence_end = _SENTENCE_END_RE.search
    clean = _clean_subject
    new_statement, new_source, new_fig = Statement, Source, _Fig
    file, line, table, row = src.file, src.line, src.table, src.row
    prev_end = 0
    first = True
    prev_kind = ""
    prev_subject = ""
    for s, e, kind, value, unit, override, anchor in raws:
        if s < prev_end:
            continue
        floor = s - _WINDOW
        if floor < prev_end:
            floor = prev_end
        if floor < 0:
            floor = 0
        if anchor < floor:
            anchor = floor
        j = anchor - 1
        while j > floor and t[j] in " \t\u3000":
            j -= 1
        if j >= floor and t[j] in ":：" and kind != "year":  # "等级：良": the words before the colon
            anchor = j
        m = boundary(rt, n - anchor, n - floor) if anchor > floor else None
        left = floor if m is None else n - m.start()
        raw_subject = t[left:s]
        if "）" in raw_subject or ")" in raw_subject:
            left = _extend_over_parens(t, rt, s, left, floor)
            raw_subject = t[left:s]
        if kind == "grade" and raw_subject.endswith("较"):  # 较差: the figure is 差
            raw_subject = raw_subject[:-1]
        # Right after the previous figure, or first in a parenthesis that follows it: "减少47.19万元（24.41%）"
        after_prev = not first and (
            left == prev_end or (left - prev_end <= 4 and t[prev_end:left].strip() in ("（", "("))
        )
        subject = clean(raw_subject, after_prev and prev_kind == "year")
        if not subject:  # "8个共352套": the figure before names it too; else the words after it
            inherit = after_prev and prev_kind != "year" and prev_subject
            subject = prev_subject if inherit else _after_phrase(t, e)
        if not (cur_start <= s and e < cur_end):  # not in the sentence of the previous figure
            m = sentence_end(t, e)
            cur_end = n if m is None else m.end()
            m = sentence_end(rt, n - s) if s > 0 else None
            cur_start = 0 if m is None else n - m.start()
            cur_sentence = raw[cur_start:cur_end].strip()
        st = new_statement(
            kind,
            raw[s:e] if override is None else override,
            value,
            unit,
            subject,
            cur_sentence,
            new_source(file, line, table, row, s + 1),
        )
        figs.append(new_fig(st, s, e, pi, raw_subject))
        prev_end, first, prev_kind, prev_subject = e, False, kind, subject
    return figs


class _Scan:
    """One paragraph, its figures read only when a question needs them."""

    __slots__ = (
        "_figs",
        "hard_ends",
        "index",
        "para",
        "paren_depth",
        "paren_pos",
        "sentence_ends",
        "starts",
        "text",
    )

    def __init__(self, para: Paragraph, text: str, index: int) -> None:
        self.para = para
        self.text = text  # folded
        self.index = index
        self._figs: list[_Fig] | None = None
        self.starts: list[int] = []
        self.sentence_ends: list[int] = []  # positions of 。；!?\n
        self.hard_ends: list[int] = []  # positions of 。!?
        self.paren_pos: list[int] = []
        self.paren_depth: list[int] = []  # depth after each paren event (clamped at 0)

    @property
    def figs(self) -> list[_Fig]:
        figs = self._figs
        if figs is None:
            raw = self.para.text or ""
            figs = _recalled(self.para, self.text, self.index) if raw else []
            if figs is None:
                figs = _paragraph_figures(self.text, raw, self.index, self.para.source)
            self._figs = figs
            if figs:
                self.starts = [f.start for f in figs]
                self._prepare(figs)
        return figs

    def _prepare(self, figs: list[_Fig]) -> None:
        """What sums and shares need (positions of ends and parentheses, figure depths)."""
        t = self.text
        self.sentence_ends = [m.start() for m in _SENTENCE_END_RE.finditer(t)]
        self.hard_ends = [m.start() for m in _HARD_END_RE.finditer(t)]
        depth = 0
        for m in _PAREN_RE.finditer(t):
            depth = depth + 1 if m.group() in "（(" else max(0, depth - 1)
            self.paren_pos.append(m.start())
            self.paren_depth.append(depth)
        if self.paren_pos:
            for f in figs:
                f.depth = self.depth_at(f.start)

    def depth_at(self, pos: int) -> int:
        k = bisect_left(self.paren_pos, pos)
        return self.paren_depth[k - 1] if k else 0

    def sentence_span(self, pos: int) -> tuple[int, int]:
        ends = self.sentence_ends
        k = bisect_left(ends, pos)
        start = ends[k - 1] + 1 if k else 0
        end = ends[k] + 1 if k < len(ends) else len(self.text)
        return start, end


def _scan_all(paragraphs: Iterable[Paragraph]) -> list[_Scan]:
    """One scan per paragraph; the full-width folding is decided for all of them together."""
    paras = list(paragraphs)
    texts = [p.text or "" for p in paras]
    t = _fold("\n".join(texts))
    scans: list[_Scan] = []
    pos = 0
    for pi, (p, x) in enumerate(zip(paras, texts, strict=True)):
        scans.append(_Scan(p, t[pos : pos + len(x)], pi))
        pos += len(x) + 1
    return scans


# --------------------------------------------------------------------------------------------------
# Sums


_PART_KINDS = ("amount", "count")
_MAX_LOOK = 200  # figures looked at from one marker or share (keeps pathological prose linear)
_MAX_PARTS = 60


def _is_stop(f: _Fig) -> bool:
    """A figure that ends an enumeration of parts: a change, a share, another total."""
    raw = f.raw_subject
    if _CHANGE_WORDS.search(raw) or _CHANGE_WORDS.search(f.st.subject) or raw.lstrip().startswith("占"):
        return True
    raw = raw.strip()
    m = _LEAD_RE.match(raw)
    return _TOTAL_WORDS.match(raw, m.end() if m is not None else 0) is not None


def _is_total_candidate(f: _Fig) -> bool:
    return f.st.kind in _PART_KINDS and not _CHANGE_WORDS.search(f.raw_subject)


def _first_after(values: list[int], pos: int, default: int) -> int:
    k = bisect_left(values, pos)
    return values[k] if k < len(values) else default


def _close_below(scan: _Scan, pos: int, depth: int) -> int:
    """The first position at or after ``pos`` where the paren depth drops below ``depth``."""
    n = len(scan.text)
    if depth == 0:
        return n
    first = bisect_left(scan.paren_pos, pos)
    for k in range(first, min(len(scan.paren_pos), first + 4 * _MAX_LOOK)):
        if scan.paren_depth[k] < depth:
            return scan.paren_pos[k]
    return n


def _continuation(scans: list[_Scan], i: int, kind: str) -> list[_Fig]:
    """Parts on the paragraphs after a paragraph that ends inside a "其中：" list."""
    parts: list[_Fig] = []
    seen = 0
    for j in range(i + 1, len(scans)):
        scan = scans[j]
        if not scan.text.strip():
            continue
        seen += 1
        if seen > 5:
            break
        first = next((f for f in scan.figs[:_MAX_LOOK] if f.st.kind in _PART_KINDS), None)
        if first is None or first.st.kind != kind or _is_stop(first):
            break
        if _SOFT_BOUNDARY_RE.search(scan.text, 0, first.start):
            break
        parts.append(first)
    return parts


_Found = tuple[_Fig, list[_Fig], bool]  # total, parts, open-ended


def _open_ended(scans: list[_Scan], last: _Fig) -> bool:
    """Whether the list of parts ends with 等 ("A 5万元、B 3万元等"): then it need not be complete."""
    return _OPEN_END_RE.match(scans[last.para].text, last.end) is not None


def _sums_at_marker(scans: list[_Scan], i: int, p: int, pe: int, markers: list[int]) -> list[_Found]:
    """The sums announced by a "其中"/"包括" at ``p``: the total before it, the parts after it."""
    scan = scans[i]
    text, figs = scan.text, scan.figs
    n = len(text)
    d = scan.depth_at(p)
    k = bisect_right(scan.hard_ends, p)
    scope_start = scan.hard_ends[k - 1] + 1 if k else 0
    if k and not text[scope_start:p].strip():
        # "…82个，工程总造价350773.89万元。其中房建类81个…": the total is in the sentence before.
        scope_start = scan.hard_ends[k - 2] + 1 if k > 1 else 0
    limit = min(_first_after(scan.hard_ends, pe, n), _close_below(scan, pe, d))
    next_marker = _first_after(markers, pe, n)
    parts: dict[str, list[_Fig]] = {}
    stopped = False
    first = bisect_left(scan.starts, pe)
    for f in figs[first : first + _MAX_LOOK]:
        if f.start >= limit:
            break
        if f.st.kind not in _PART_KINDS or f.depth != d:
            continue
        if f.start > next_marker:
            return []  # a nested "其中": which figures belong to which total is ambiguous
        if _is_stop(f):
            stopped = True
            break
        found = parts.setdefault(f.st.kind, [])
        found.append(f)
        if len(found) > _MAX_PARTS:
            return []
    else:
        if first + _MAX_LOOK < len(figs):
            return []
    kp = bisect_left(scan.starts, p)
    candidates = [
        f for f in figs[max(0, kp - 40) : kp] if f.start >= scope_start and f.depth <= d and _is_total_candidate(f)
    ]
    if not stopped and limit == n and not text.rstrip().endswith(("。", "!", "！", "?", "？")):
        # The list runs on to the following paragraphs ("其中：" at the end of a line).
        kind = next(iter(parts)) if parts else (candidates[-1].st.kind if candidates else "")
        if kind:
            more = _continuation(scans, i, kind)
            if more:
                parts.setdefault(kind, []).extend(more)
    if not text[:p].strip() and i > 0:
        # "…本部门支出249.97万元。" then a paragraph "其中基本支出中：…": the total ends the paragraph before.
        candidates += _last_sentence_totals(scans[i - 1])
    out: list[_Found] = []
    mainly = text[max(0, p - 2) : p] == "主要"
    for kind, found in parts.items():
        total = next((f for f in reversed(candidates) if f.st.kind == kind), None)
        if total is not None and len(found) >= 2:
            out.append((total, found, mainly or _open_ended(scans, found[-1])))
    return out


def _last_sentence_totals(scan: _Scan) -> list[_Fig]:
    """The figures that may be totals in a paragraph's last sentence (at paren depth 0)."""
    figs = scan.figs
    if not figs:
        return []
    ends = scan.hard_ends
    body_end = len(scan.text.rstrip())
    last_end = ends[-1] if ends and ends[-1] >= body_end - 1 else body_end
    k = bisect_left(ends, last_end)
    start = ends[k - 1] + 1 if k else 0
    return [f for f in figs[-40:] if f.start >= start and f.depth == 0 and _is_total_candidate(f)]


def _sums_in_parens(scans: list[_Scan], i: int, markers: list[int]) -> list[_Found]:
    """ "共74个（房屋工程68个，市政工程6个）": a total directly followed by its parts in parentheses."""
    scan = scans[i]
    out: list[_Found] = []
    for f in scan.figs:
        if f.st.kind not in _PART_KINDS or _CHANGE_WORDS.search(f.raw_subject):
            continue
        m = _OPEN_PAREN_RE.match(scan.text, f.end)
        if m is None:
            continue
        d = f.depth + 1
        close = _close_below(scan, m.end(), d)
        inner_marker = _first_after(markers, m.end(), close)
        if inner_marker < close and scan.text[m.end() : inner_marker].strip():
            continue  # "（A 10个，其中…）": ambiguous
        found: list[_Fig] = []
        first = bisect_left(scan.starts, m.end())
        for g in scan.figs[first : first + _MAX_LOOK]:
            if g.start >= close:
                break
            if g.st.kind != f.st.kind or g.depth != d:
                continue
            if _is_stop(g) or len(found) >= _MAX_PARTS:
                found = []
                break
            found.append(g)
        else:
            if first + _MAX_LOOK < len(scan.figs):
                found = []
        if len(found) >= 2:
            out.append((f, found, _open_ended(scans, found[-1])))
    return out


def _find_sums(scans: list[_Scan]) -> list[StatedSum]:
    found: list[_Found] = []
    for i, scan in enumerate(scans):
        t = scan.text
        marked = "其中" in t or "包括" in t
        # A sum starts at a marker or at a parenthesis after a total: other paragraphs need no reading.
        if not marked and not _may_state_sum(t):
            continue
        if not scan.figs:
            continue
        spans = [(m.start(), m.end()) for m in _MARKER_RE.finditer(t)] if marked else []
        markers = [s for s, _ in spans]
        if scan.paren_pos:
            found += _sums_in_parens(scans, i, markers)
        for p, pe in spans:
            found += _sums_at_marker(scans, i, p, pe, markers)
    out: list[StatedSum] = []
    seen: set[tuple[tuple[int, int], ...]] = set()
    sentences: dict[tuple[int, int, int], str] = {}  # one string for each span (prose may be huge)
    for total, parts, open_ended in sorted(found, key=lambda x: (x[0].para, x[0].start)):
        key = tuple((f.para, f.start) for f in (total, *parts))
        if key in seen:
            continue
        seen.add(key)
        first = scans[total.para]
        start = first.sentence_span(total.start)[0]
        same = [f for f in parts if f.para == total.para]
        end = first.sentence_span(same[-1].start if same else total.start)[1]
        head = sentences.get((total.para, start, end))
        if head is None:
            head = sentences[(total.para, start, end)] = first.para.text[start:end].strip()
        sentence = "\n".join([head, *(f.st.sentence for f in parts if f.para != total.para)])
        out.append(StatedSum(total.st, tuple(f.st for f in parts), sentence, total.st.source, open_ended))
    return out


# --------------------------------------------------------------------------------------------------
# Shares


def _find_whole(scans: list[_Scan], i: int, k: int, whole: str, part: _Fig | None) -> _Fig | None:
    """The nearest earlier figure (this paragraph and the five before it) named ``whole``."""
    kind = part.st.kind if part is not None else None
    for j in range(i, max(-1, i - 6), -1):
        figs = scans[j].figs
        end = k if j == i else len(figs)
        for g in reversed(figs[max(0, end - _MAX_LOOK) : end]):
            if g is part or g.st.kind not in _PART_KINDS or (kind and g.st.kind != kind):
                continue
            if "占" in g.st.subject or not _is_total_candidate(g):
                continue
            if g.st.subject == whole or (len(whole) >= 2 and g.st.subject.endswith(whole)):
                return g
    return None


def _find_shares(scans: list[_Scan]) -> list[StatedShare]:
    out: list[StatedShare] = []
    for i, scan in enumerate(scans):
        if "占" not in scan.text:  # a share's subject has 占, and subjects are words of the paragraph
            continue
        for k, f in enumerate(scan.figs):
            if f.st.kind != "rate" or "占" not in f.st.subject:
                continue
            name, _, whole = f.st.subject.rpartition("占")
            whole = _SHARE_TAIL.sub("", whole).strip()
            if not whole or whole == "比":
                continue
            name = _strip_fillers(name)
            s_start, _ = scan.sentence_span(f.start)
            part: _Fig | None = None
            for g in reversed(scan.figs[max(0, k - 40) : k]):
                if g.start < s_start:
                    break
                if (
                    g.st.kind in _PART_KINDS
                    and g.depth <= f.depth
                    and _is_total_candidate(g)
                    and (not name or g.st.subject == name)
                ):
                    part = g
                    break
            whole_fig = _find_whole(scans, i, k, whole, part)
            out.append(
                StatedShare(
                    rate=f.st,
                    part=part.st if part is not None else None,
                    part_name=name or (part.st.subject if part is not None else ""),
                    whole=whole,
                    whole_statement=whole_fig.st if whole_fig is not None else None,
                    sentence=f.st.sentence,
                    source=f.st.source,
                )
            )
    return out


# --------------------------------------------------------------------------------------------------
# The public API


def extract_statements(paragraphs: Iterable[Paragraph]) -> tuple[Statement, ...]:
    """Every figure stated in the paragraphs, in reading order."""
    return tuple([f.st for f in _figures(paragraphs)[3]])


def statements_of(narrative: Narrative) -> tuple[Statement, ...]:
    """A narrative's statements: those it was built with, else its paragraphs' (worked out once)."""
    given = narrative.statements
    if given is not None:
        return given
    try:
        found: tuple[Statement, ...] = narrative._statements_memo
    except AttributeError:
        found = extract_statements(narrative.paragraphs)
        object.__setattr__(narrative, "_statements_memo", found)
    return found


def extract_sums(paragraphs: Iterable[Paragraph]) -> tuple[StatedSum, ...]:
    """Stated totals and the parts the prose lists for them (at least two parts)."""
    paras = tuple(paragraphs)
    if not any(_may_state_sum(p.text or "") for p in paras):
        return ()
    return _sums_and_shares(paras)[0]


def extract_shares(paragraphs: Iterable[Paragraph]) -> tuple[StatedShare, ...]:
    """Stated shares ("占基本支出的76.34%") with their part and whole."""
    paras = tuple(paragraphs)
    if not any("占" in (p.text or "") for p in paras):
        return ()
    return _sums_and_shares(paras)[1]


def _may_state_sum(text: str) -> bool:
    """Sums start at a "其中"/"包括" marker or at a parenthesis after a total: without one, none."""
    return "其中" in text or "包括" in text or "（" in text or "(" in text


@lru_cache(maxsize=64)
def _sums_and_shares(paras: tuple[Paragraph, ...]) -> tuple[tuple[StatedSum, ...], tuple[StatedShare, ...]]:
    """Sums and shares from one scan: the audit asks for both of the same paragraphs."""
    scans = _scan_all(paras)
    return tuple(_find_sums(scans)), tuple(_find_shares(scans))


def extract_figures(paragraphs: Iterable[Paragraph]) -> NarrativeFigures:
    """Statements, sums and shares in one pass."""
    scans = _scan_all(paragraphs)
    return NarrativeFigures(
        statements=tuple(f.st for scan in scans for f in scan.figs),
        sums=tuple(_find_sums(scans)),
        shares=tuple(_find_shares(scans)),
    )
