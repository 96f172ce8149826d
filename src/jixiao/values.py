"""A target or actual cell's text → a typed :class:`Value`.

The parser never raises: anything it cannot read comes back as ``Kind.UNREADABLE``
with the reason. See domain.md §3 "Values".

Canonical forms (what :func:`render_value` writes and :func:`parse_value` reads back):

* numbers: ``[op]<decimal>[unit]``, e.g. ``≥98%``, ``352套``, ``≤90万元``, ``92.96万㎡``, ``1次/年``;
  units are canonicalised: ``％`` → ``%``, ``万`` → ``万元``, ``平方米``/``m²``/``m2`` → ``㎡``,
  ``万平方米`` → ``万㎡``, frequencies ``一年一次`` → ``1次/年``; other known units are kept verbatim.
* times: ``2023年12月31日前``, ``2023年1-12月`` (quality ``period``), ``按时完成`` (quality ``按时``).
* qualitative: the cell's own words; ``quality`` is one of ``达成``, ``部分达成``, ``未达成``, ``定性``
  or None (plain words).
* none: ``无``.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from jixiao.model.records import record

__all__ = [
    "QUALITY_MET",
    "QUALITY_ON_TIME",
    "QUALITY_PARTIAL",
    "QUALITY_PERIOD",
    "QUALITY_PLACEHOLDER",
    "QUALITY_UNMET",
    "Kind",
    "Op",
    "Value",
    "list_items",
    "parse_amount",
    "parse_value",
    "render_value",
]


class Kind(StrEnum):
    NUMBER = "number"  # a quantity, maybe with a comparison: "≥98%", "352套", "≤90万元"
    TIME = "time"  # a deadline or period: "2023年12月前", "2023年1-12月", "按时完成"
    QUALITATIVE = "qualitative"  # words: "良好", "有效", "已完成", "部分达成"
    NONE = "none"  # "无", "", "/"
    UNREADABLE = "unreadable"  # kept as text, with the reason


class Op(StrEnum):
    GE = "≥"
    LE = "≤"
    EQ = "="
    GT = ">"
    LT = "<"


@record
class Value:
    kind: Kind
    text: str = ""
    op: Op | None = None
    number: Decimal | None = None
    unit: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    quality: str | None = None
    reason: str | None = None
    # First month of a period ("2023年1-12月" → 1); ``month`` holds the last one.
    month_from: int | None = None

    @property
    def is_quantitative(self) -> bool:
        return self.kind is Kind.NUMBER and self.number is not None


# Internal results are plain tuples in Value's field order (without ``text``); building the frozen
# dataclass is comparatively expensive, so it is built once per parse.
_Fields = tuple[
    Kind,
    Op | None,
    Decimal | None,
    str | None,
    int | None,
    int | None,
    int | None,
    str | None,
    str | None,
    int | None,
]


def _f(
    kind: Kind,
    op: Op | None = None,
    number: Decimal | None = None,
    unit: str | None = None,
    year: int | None = None,
    month: int | None = None,
    day: int | None = None,
    quality: str | None = None,
    reason: str | None = None,
    month_from: int | None = None,
) -> _Fields:
    return (kind, op, number, unit, year, month, day, quality, reason, month_from)


# Quality vocabulary.
QUALITY_MET = "达成"
QUALITY_PARTIAL = "部分达成"
QUALITY_UNMET = "未达成"
QUALITY_PLACEHOLDER = "定性"  # the literal "定性" a form puts where a qualitative target goes
QUALITY_ON_TIME = "按时"  # TIME: "按时完成", "按计划时间完成", "及时"
QUALITY_PERIOD = "period"  # TIME: "2023年1-12月"

# Reasons for UNREADABLE (short, Chinese: they end up in findings shown to preparers).
_R_TOO_LONG = "文字过长，不是单个指标值"
_R_MULTI_ITEMS = "一个单元格内有多项指标"
_R_MULTI_NUMBERS = "一个单元格内有多个数值"
_R_EXTRA_TEXT = "数值前后有无法识别的文字"
_R_NEGATED = "数值带有否定说法"
_R_OP_CONFLICT = "比较符号前后矛盾"
_R_BAD_DATE = "日期不合法"
_R_TOO_MANY_DIGITS = "数字位数过多"
_R_SYMBOLS = "没有可识别的文字或数字"
_R_ERROR = "解析出错"

_MAX_LEN = 200
_MAX_DIGITS = 30

# --------------------------------------------------------------------------------------------------
# Normalisation


def _build_translation() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    # Full-width ASCII → ASCII, except the Chinese comma, which is a list separator and must never
    # turn into a thousands separator ("75，10" is two numbers).
    for cp in range(0xFF01, 0xFF5F):
        if cp != 0xFF0C:
            table[cp] = chr(cp - 0xFEE0)
    # Kangxi radicals and compatibility ideographs that PDF extraction produces instead of the
    # ordinary characters ("⽉" for "月").
    for lo, hi in ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF)):
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            norm = unicodedata.normalize("NFKC", ch)
            if norm != ch:
                table[cp] = norm
    table.update(
        {
            0x3000: " ",  # ideographic space
            0x00A0: " ",
            0x2212: "-",  # minus sign
            0xFE6A: "%",  # small percent
            0xFE64: "<",
            0xFE65: ">",
            0xFE66: "=",
            0x2A7E: "≥",
            0x2A7D: "≤",
            0xFFE5: "¥",
            0x200B: None,  # zero-width characters
            0x200C: None,
            0x200D: None,
            0x2060: None,
            0xFEFF: None,
        }
    )
    return table


_TRANSLATION = _build_translation()
_BOOKMARK_RE = re.compile(r"\[bookmark:[^\]\n]{0,100}\]", re.IGNORECASE)
_WS_RE = re.compile(r"\s")
# Whitespace between two digits is kept (as one space) so "1 2" stays two numbers.
_WS_SUB_RE = re.compile(r"(?P<dd>(?<=[0-9])\s+(?=[0-9]))|\s+")
_TRAILING_PUNCT = "。.，,；;！!、：:"
_LEADING_PUNCT = "，,；;、：:"


def _clean(text: str) -> str:
    """Translate full-width forms, drop extraction noise, strip the edges."""
    s = text.translate(_TRANSLATION)
    if "[" in s:
        s = _BOOKMARK_RE.sub("", s)
    return s.strip()


def _ws_repl(m: re.Match[str]) -> str:
    return " " if m.group("dd") is not None else ""


def _compact(s: str) -> str:
    """Drop whitespace (layout noise in Chinese cells) and trailing punctuation."""
    if _WS_RE.search(s):
        s = _WS_SUB_RE.sub(_ws_repl, s)
    return s.rstrip(_TRAILING_PUNCT).lstrip(_LEADING_PUNCT)


# --------------------------------------------------------------------------------------------------
# None

_NONE_WORDS = frozenset(
    {"无", "暂无", "空", "不适用", "无此项", "N/A", "n/a", "NA", "na", "null", "NULL", "None", "none"}
)
_NONE_SYMBOLS_RE = re.compile(r"[-—–―~/\\…·_*]+")

# --------------------------------------------------------------------------------------------------
# Units


def _build_units() -> tuple[dict[str, str], dict[str, str]]:
    plain = {
        "%": "%",
        "‰": "‰",
        "个百分点": "个百分点",
        "百分点": "百分点",
        "万": "万元",
        "亿": "亿元",
    }
    # Bases that can also take a multiplier prefix (万户, 万元, 万㎡ ...).
    bases = {
        "元": "元",
        "平方米": "㎡",
        "平米": "㎡",
        "㎡": "㎡",
        "m²": "㎡",
        "m2": "㎡",
        "平方公里": "平方公里",
        "km²": "平方公里",
        "km2": "平方公里",
        "立方米": "立方米",
        "m³": "立方米",
        "方": "方",
    }
    verbatim = (  # noqa: SIM905 - a word list reads better as one string
        "个 套 户 栋 幢 间 座 所 家 条 项 件 份 台 辆 艘 架 次 人次 "
        "户次 车次 批次 场次 场 期 批 篇 本 册 张 起 宗 处 株 棵 只 头 "
        "名 位 支 部 类 种 首 块 根 片 组 人 口 个月 年 周 天 日 小时 "
        "分钟 秒 工作日 个工作日 学时 课时 分 吨 公斤 千克 克 斤 亩 公顷 "
        "公里 千米 米 千瓦时 千瓦 兆瓦 度 km kg m kW kWh MW "
        "GB TB MB Mbps h min "
    ).split()
    for word in verbatim:
        bases[word] = word
    units = dict(plain)
    for raw, canon in bases.items():
        units[raw] = canon
        for mult in ("万", "亿", "千", "百万", "千万"):
            units.setdefault(mult + raw, mult + canon)
    per = {
        "年": "年",
        "年度": "年",
        "季度": "季度",
        "季": "季度",
        "月": "月",
        "周": "周",
        "天": "天",
        "日": "天",
        "人": "人",
        "户": "户",
        "次": "次",
        "人次": "人次",
        "平方米": "㎡",
        "㎡": "㎡",
        "m²": "㎡",
        "亩": "亩",
        "吨": "吨",
        "公里": "公里",
        "km": "km",
        "个": "个",
        "套": "套",
        "件": "件",
        "台": "台",
        "辆": "辆",
        "间": "间",
        "小时": "小时",
        "h": "h",
    }
    return units, per


_UNITS, _PER_UNITS = _build_units()
_UNIT_MAXLEN = max(len(k) for k in _UNITS)
_PER_MAXLEN = max(len(k) for k in _PER_UNITS)


def _match_unit(s: str) -> tuple[str, int] | None:
    """Longest known unit at the start of ``s`` → (canonical unit, characters consumed)."""
    whole = _UNITS.get(s)
    if whole is not None:
        return whole, len(s)
    for n in range(min(len(s), _UNIT_MAXLEN), 0, -1):
        unit = _UNITS.get(s[:n])
        if unit is not None:
            break
    else:
        return None
    if len(s) > n + 1 and s[n] == "/":
        rest = s[n + 1 :]
        for k in range(min(len(rest), _PER_MAXLEN), 0, -1):
            per = _PER_UNITS.get(rest[:k])
            if per is not None:
                return f"{unit}/{per}", n + 1 + k
    return unit, n


@functools.lru_cache(maxsize=256)
def _canon_context_unit(unit: str | None) -> str | None:
    if unit is None:
        return None
    u = _compact(_clean(unit))
    if not u:
        return None
    m = _match_unit(u)
    if m is not None and m[1] == len(u):
        return m[0]
    return u  # unknown units are kept verbatim


# --------------------------------------------------------------------------------------------------
# Comparisons

_PRE_OPS: tuple[tuple[str, Op], ...] = tuple(
    sorted(
        {
            "≥": Op.GE,
            "≧": Op.GE,
            ">=": Op.GE,
            "=>": Op.GE,
            "≥=": Op.GE,
            "不低于": Op.GE,
            "不少于": Op.GE,
            "不小于": Op.GE,
            "不得低于": Op.GE,
            "不得少于": Op.GE,
            "大于等于": Op.GE,
            "大于或等于": Op.GE,
            "高于或等于": Op.GE,
            "达到": Op.GE,
            "达": Op.GE,
            "至少": Op.GE,
            "最少": Op.GE,
            "最低": Op.GE,
            "≤": Op.LE,
            "≦": Op.LE,
            "<=": Op.LE,
            "=<": Op.LE,
            "≤=": Op.LE,
            "不高于": Op.LE,
            "不超过": Op.LE,
            "不多于": Op.LE,
            "不大于": Op.LE,
            "不得高于": Op.LE,
            "不得超过": Op.LE,
            "小于等于": Op.LE,
            "小于或等于": Op.LE,
            "低于或等于": Op.LE,
            "控制在": Op.LE,
            "最多": Op.LE,
            "最高": Op.LE,
            ">": Op.GT,
            "大于": Op.GT,
            "高于": Op.GT,
            "超过": Op.GT,
            "多于": Op.GT,
            "<": Op.LT,
            "小于": Op.LT,
            "低于": Op.LT,
            "少于": Op.LT,
            "=": Op.EQ,
            "==": Op.EQ,
            "等于": Op.EQ,
        }.items(),
        key=lambda kv: -len(kv[0]),
    )
)

# Suffix comparisons; None means "approximately" (左右), which carries no comparison.
_POST_OPS: tuple[tuple[str, Op | None], ...] = tuple(
    sorted(
        {
            "及以上": Op.GE,
            "或以上": Op.GE,
            "以上": Op.GE,
            "及以下": Op.LE,
            "或以下": Op.LE,
            "以下": Op.LE,
            "以内": Op.LE,
            "之内": Op.LE,
            "内": Op.LE,
            "左右": None,
        }.items(),
        key=lambda kv: -len(kv[0]),
    )
)

_OP_DIRECTION = {Op.GE: 1, Op.GT: 1, Op.LE: -1, Op.LT: -1, Op.EQ: 0}


def _index_ops(ops: tuple[tuple[str, Op | None], ...], at: int) -> dict[str, tuple[tuple[str, Op | None], ...]]:
    """Group comparison words by their last (at=-1) or first (at=0) character: one dict hit, then a few
    endswith/startswith checks instead of trying every word."""
    index: dict[str, list[tuple[str, Op | None]]] = {}
    for word, op in ops:  # already longest first
        index.setdefault(word[at], []).append((word, op))
    return {k: tuple(v) for k, v in index.items()}


_PRE_OPS_BY_LAST = _index_ops(_PRE_OPS, -1)
_POST_OPS_BY_FIRST = _index_ops(_POST_OPS, 0)

# --------------------------------------------------------------------------------------------------
# Numbers

_DIGIT_RE = re.compile(r"[0-9]")
# A digit right after a Latin letter belongs to a word or unit ("m2", "G107"), not to a number.
_NUM_RE = re.compile(r"(?<![A-Za-z])(?:[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?(?![0-9])|[0-9]+(?:\.[0-9]+)?)")
_LABEL_BAD_RE = re.compile(r"[0-9，,。;；!?！？<>=≤≥≦≧~\n]")
_NEGATION_RE = re.compile(r"[未没不否]")
# Short words allowed after "number+unit" when nothing precedes the number: "12次检测", "100%完成".
_TAIL_OK_RE = re.compile(
    r"(?:已|均|均已|全部)?(?:完成|达成|达标|到位|覆盖|全覆盖|检测|检查|巡查|验收|审查|审核|办理|发放|培训|"
    r"监测|核查|开展|实施|执行|落实|兑现|项目|任务)了?"
)
# List markers: "1.", "2、", "(3)" at the start or after a separator.
_MARKER_RE = re.compile(r"(?:^|(?<=[\s。；;，,:：]))\(?[0-9]{1,2}[.、)](?=[^0-9])")
_MARKER_START = frozenset("0123456789(")
_LEADING_MARKER_RE = re.compile(r"\(?[0-9]{1,2}[.、)](?=[^0-9])\s*")


def list_items(text: str) -> dict[int, str]:
    """The numbered items of a cell that holds several ("1.核发施工许可证75个。\n2.…"): number → text.

    Items are numbered "1." "1、" "1)" or "(1)" at the start or after a break; a number given twice
    keeps its first item. A cell without two such items gives {}.
    """
    starts = list(_MARKER_RE.finditer(text))
    if len(starts) < 2:
        return {}
    items: dict[int, str] = {}
    for here, after in zip(starts, [*starts[1:], None], strict=True):
        number = int(here.group().strip("(.、)"))
        end = after.start() if after is not None else len(text)
        items.setdefault(number, text[here.end() : end].strip())
    return items


def _parse_number(c: str, context_unit: str | None) -> _Fields | str:
    found = _NUM_RE.finditer(c)
    m = next(found, None)
    if m is None:
        return _R_EXTRA_TEXT
    if next(found, None) is not None:
        return _R_MULTI_NUMBERS
    raw = m.group()
    prefix, suffix = c[: m.start()], c[m.end() :]
    if len(raw) > _MAX_DIGITS and sum(ch.isdigit() for ch in raw) > _MAX_DIGITS:
        return _R_TOO_MANY_DIGITS
    negative = False
    if prefix.endswith("-"):
        negative = True
        prefix = prefix[:-1]
    op_pre: Op | None = None
    if prefix:
        for word, pre_op in _PRE_OPS_BY_LAST.get(prefix[-1], ()):
            if prefix.endswith(word):
                op_pre = pre_op
                prefix = prefix[: -len(word)]
                break
    label = prefix
    if label:
        if len(label) > 20 or _LABEL_BAD_RE.search(label):
            return _R_EXTRA_TEXT
        if _NEGATION_RE.search(label):
            return _R_NEGATED
    unit: str | None = None
    um = _match_unit(suffix)
    if um is not None:
        unit, n = um
        suffix = suffix[n:]
    op_post: Op | None = None
    if suffix:
        for word, post_op in _POST_OPS_BY_FIRST.get(suffix[0], ()):
            if suffix.startswith(word):
                op_post = post_op
                suffix = suffix[len(word) :]
                break
    if suffix:
        if _NEGATION_RE.search(suffix):
            return _R_NEGATED
        if label or unit is None or not _TAIL_OK_RE.fullmatch(suffix):
            return _R_EXTRA_TEXT
    if op_pre is not None and op_post is not None and _OP_DIRECTION[op_pre] != _OP_DIRECTION[op_post]:
        return _R_OP_CONFLICT
    op = op_pre if op_pre is not None else op_post
    number = Decimal(("-" if negative else "") + raw.replace(",", ""))
    if unit == "年" and op is None and number == number.to_integral_value() and 1900 <= number <= 2100:
        # "2023年" is a year, read as TIME; reaching here means words followed it ("2023年预算数").
        return _R_EXTRA_TEXT
    if unit is None:
        unit = _canon_context_unit(context_unit)
    return (Kind.NUMBER, op, number, unit, None, None, None, None, None, None)


# Frequencies: "一年一次", "每月一次以上", "每季度至少2次" → number of times per period.
_CN_DIGITS = {
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_FREQ_RE = re.compile(
    r"(?:每|一)(?P<per>年度?|季度?|个?月|周|星期|天|日)(?P<pre>至少|不少于|不低于|最少)?"
    r"(?P<n>[0-9]{1,3}|[一二两三四五六七八九十]{1,3})次(?P<post>以上|及以上|或以上)?"
)
_FREQ_PER = {
    "年": "年",
    "年度": "年",
    "季": "季度",
    "季度": "季度",
    "月": "月",
    "个月": "月",
    "周": "周",
    "星期": "周",
    "天": "天",
    "日": "天",
}


def _cn_int(s: str) -> int | None:
    if s.isascii() and s.isdigit():
        return int(s)
    if "十" in s:
        tens, _, ones = s.partition("十")
        if "十" in ones or len(tens) > 1 or len(ones) > 1:
            return None
        t = _CN_DIGITS.get(tens) if tens else 1
        o = _CN_DIGITS.get(ones) if ones else 0
        if t is None or o is None:
            return None
        return t * 10 + o
    if len(s) == 1:
        return _CN_DIGITS.get(s)
    return None


def _parse_frequency(c: str) -> _Fields | None:
    m = _FREQ_RE.fullmatch(c)
    if m is None:
        return None
    n = _cn_int(m.group("n"))
    if n is None:
        return None
    op = Op.GE if (m.group("pre") or m.group("post")) else None
    return _f(Kind.NUMBER, op=op, number=Decimal(n), unit=f"次/{_FREQ_PER[m.group('per')]}")


# --------------------------------------------------------------------------------------------------
# Times

_TIME_RE = re.compile(
    r"(?P<lab>[^0-9，,。;；!?！？<>=≤≥≦≧]{0,10}?)"
    r"(?P<pre>不晚于|不迟于|最迟于?|最晚于?|截至到?|截止到?|截止于)?"
    r"(?:(?P<y>[0-9]{4})(?:(?P<ynian>年度?)|(?P<ysep>[./-])(?=[0-9])))?"
    r"(?:"
    r"(?P<m>[0-9]{1,2})(?:(?P<mu>月份?)(?:(?P<d>[0-9]{1,2})[日号]?)?"
    r"|(?P=ysep)(?P<d2>[0-9]{1,2})[日号]?|(?=前|之前|以前|底|末|$))"
    r"|(?P<m1>[0-9]{1,2})(?:月份?)?[-~至到—–―](?:(?P=y)(?:年|[./-]))?(?P<m2>[0-9]{1,2})(?P<m2u>月份?)?"
    r")?"
    r"(?P<suf>底之?前|底以前|末之?前|之前|以前|前|底|末|以内|之内|内|止|之后|以后|后)?"
    r"(?:完成|完工|办结|竣工|实施|执行|交付|验收|上线)?"
)
# Every date the time pattern reads has 年, 月 or a separator after a four-digit year.
_TIME_HINT_RE = re.compile(r"[年月]|[0-9]{4}[./-]")
_LE_PRE = frozenset(
    {"不晚于", "不迟于", "最迟", "最迟于", "最晚", "最晚于", "截至", "截至到", "截止", "截止到", "截止于"}
)
_GE_SUF = frozenset({"后", "以后", "之后"})
_WITHIN_SUF = frozenset({"内", "以内", "之内"})
_END_SUF = frozenset({"底", "末", "内", "以内", "之内", "止", "底前", "底之前", "底以前", "末前", "末之前"})
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _parse_time(c: str) -> _Fields | str | None:
    m = _TIME_RE.fullmatch(c)
    if m is None:
        return None
    lab = m.group("lab")
    if lab and _NEGATION_RE.search(lab):
        return _R_NEGATED  # "未在2023年12月前完成"
    ys, ysep, suf, pre = m.group("y"), m.group("ysep"), m.group("suf"), m.group("pre")
    nian = m.group("ynian") is not None
    year = int(ys) if ys is not None else None
    if year is not None and not 1900 <= year <= 2100:
        return None
    op: Op | None = None
    if suf is not None:
        op = Op.GE if suf in _GE_SUF else Op.LE
    if pre is not None:
        if op is Op.GE:
            return None
        op = Op.LE
    month: int | None = None
    month_from: int | None = None
    day: int | None = None
    quality: str | None = None
    if m.group("m1") is not None:
        if year is None and m.group("m2u") is None:
            return None  # "1-12" alone is a range of numbers, not months
        month_from, month = int(m.group("m1")), int(m.group("m2"))
        if not (1 <= month_from <= month <= 12):
            return _R_BAD_DATE
        quality = QUALITY_PERIOD
        if suf in _WITHIN_SUF:
            op = None  # "2023年1-12月内" is just the period
    elif m.group("m") is not None:
        month = int(m.group("m"))
        has_mu = m.group("mu") is not None
        d = m.group("d") or m.group("d2")
        # A month without 月 needs a year in front: "2023年12前" (typo), "2023-12", "2023.12前";
        # a bare "2023.12" is a number, and "2023年12" is left unread.
        if (
            not has_mu
            and m.group("d2") is None
            and (year is None or (nian and suf is None) or (ysep == "." and suf is None))
        ):
            return None
        if not 1 <= month <= 12:
            return _R_BAD_DATE
        if d is not None:
            day = int(d)
            if not 1 <= day <= _DAYS_IN_MONTH[month - 1]:
                return _R_BAD_DATE
    else:
        if not nian:
            return None
        if suf in _END_SUF:
            month = 12  # "2023年底前", "2023年内": by the end of December
    return _f(Kind.TIME, op=op, year=year, month=month, day=day, quality=quality, month_from=month_from)


# Time words without digits.
_YEAR_END_RE = re.compile(
    r"(?:于|在)?(?:本|当|今)?年(?:底|末)(?:之?前|以前)?(?:完成|完工)?|(?:本|当|今)?年度?内(?:完成|完工)?"
)
_WHOLE_YEAR = frozenset({"全年", "全年度", "1-12月"})
_ON_TIME_RE = re.compile(
    r"(?P<subj>[^0-9未没不无非否，,。;；!?！？、]{0,8}?)(?:已经?|均已?|能够?|全部|都)?"
    r"(?:按时间要求|按时间节点|按计划时间|按规定时间|按要求时间|在规定时间内|在规定期限内|规定时间内|按计划|按进度|"
    r"按时|按期|如期|及时|准时)"
    r"(?P<verb>完成|办结|完工|执行|到位|办理|兑现|发放|拨付|支付|缴纳|上线|交付|验收|开展|推进|实施|竣工|更新|报送)?"
    r"(?P<rest>.*)",
    re.DOTALL,
)
_PUNCT_RE = re.compile(r"[，,。;；!?！？:：、\n]")


def _parse_time_words(c: str) -> _Fields | None:
    if "年" in c:
        if _YEAR_END_RE.fullmatch(c):
            return _f(Kind.TIME, op=Op.LE, month=12)
        if c in _WHOLE_YEAR:
            return _f(Kind.TIME, month_from=1, month=12, quality=QUALITY_PERIOD)
    if "时" not in c and "期" not in c and "计划" not in c and "进度" not in c:
        return None
    m = _ON_TIME_RE.fullmatch(c)
    if m is None:
        return None
    rest = m.group("rest")
    if (m.group("subj") or rest) and m.group("verb") is None:
        return None
    if rest and (len(rest) > 8 or _NEGATION_RE.search(rest) or _PUNCT_RE.search(rest)):
        return None
    return _f(Kind.TIME, quality=QUALITY_ON_TIME)


# --------------------------------------------------------------------------------------------------
# Qualitative status

_PLACEHOLDERS = frozenset({"定性", "定性指标"})
_EXACT_QUALITY = {
    "是": QUALITY_MET,
    "优": QUALITY_MET,
    "良": QUALITY_MET,
    "好": QUALITY_MET,
    "中": QUALITY_PARTIAL,
    "一般": QUALITY_PARTIAL,
    "部分": QUALITY_PARTIAL,
    "基本": QUALITY_PARTIAL,
    "否": QUALITY_UNMET,
    "差": QUALITY_UNMET,
    "较差": QUALITY_UNMET,
    "很差": QUALITY_UNMET,
    "不好": QUALITY_UNMET,
    "失败": QUALITY_UNMET,
    "未": QUALITY_UNMET,
    "没有": QUALITY_UNMET,
}
_PARTIAL_RE = re.compile(
    r"部分|(?:基本上?|大部分?|大体上?|大致|多数|大多数)(?:已经?|均)?"
    r"(?:完成|达成|实现|达到|达标|到位|满意|合格|落实|完工|完善|满足|解决|建成|覆盖)"
)
_SUBJ = r"(?:[^0-9未没不无非否，,。;；!?！？:：、]{1,16}?)?"
_UNMET_RE = re.compile(
    _SUBJ + r"(?:均|全部|仍|尚|还)?(?:未能?|没有?能?|尚未|无法|不能|没能|不)"
    r"(?:按时|按期|及时|如期|全部|完全|全面|有效)?"
    r"(?:完成|达成|达到|达标|实现|到位|落实|合格|满意|满足|完工|通过|符合|兑现|解决)[^0-9]*"
)
# Negative checks are positive outcomes: "没有出现", "未发生", "无负面影响", "不漏一户".
_NEG_OK_RE = re.compile(
    _SUBJ + r"(?:确保|保证|做到|实现|力争)?"
    r"(?:(?:没有?|未|不|杜绝)(?:出现|发生|形成|造成|产生|超出|超过|超|漏|存在|引发|引起|收到|接到|违反|突破)"
    r"|无(?!法|需|须|效|明显|显著|进展|变化|改善|提高|提升)|零)[^0-9]*"
)
_MET_MODS = (
    r"(?:已经?|均已?|都已?|全部|全面|圆满|顺利|按质按量|保质保量|超额|如期|足额|完全|总体|整体|较为|比较|较|很|"
    r"非常|十分|有效|持续|明显|显著|稳步|不断|逐步|进一步|大幅|切实|得到|得以|有所|按要求|按规定|按标准)"
)
# Words that state an outcome on their own ("质量达标", "效果良好") ...
_MET_STRONG = (
    r"(?:达到预期目标|达到预期|达到目标|达到要求|符合要求|符合标准|符合规定|有持续性|持续性|可持续|全覆盖|"
    r"完成|达成|达标|实现|到位|落实|完工|完善|完整|良好|优秀|优良|较好|有效|高效|显著|明显|持续|长效|提高|提升|"
    r"促进|改善|增强|加强|优化|解决|满意|合格|符合|通过|稳定|平稳|稳步|正常|畅通|有序|优|良|好|是)"
)
# ... and words that only do so after one of those or a modifier: "有序发展" is an outcome, "行业发展" and
# "工程建设消防安全" are indicator names.
_MET_WEAK = r"(?:覆盖|规范|安全|保障|进行|发展|运行|运转|开展|推进|发挥)"
_MET_RE = re.compile(
    _SUBJ
    + rf"(?:{_MET_MODS}{{1,3}}(?:{_MET_STRONG}|{_MET_WEAK}){{1,3}}"
    + rf"|{_MET_STRONG}(?:{_MET_STRONG}|{_MET_WEAK}){{0,2}})了?"
)
# Still to do: "还需不断提高", "有待加强", "力度不够".
_NOT_YET_RE = re.compile(r"需|有待|待|不够|不足|欠缺|偏低")


# Both the unmet and the negative-check patterns contain one of these characters.
_NEG_HINT_RE = re.compile(r"[未没无不杜零]")


def _classify(c: str) -> str | None:
    if len(c) > 24 or _PUNCT_RE.search(c):
        return None
    exact = _EXACT_QUALITY.get(c)
    if exact is not None:
        return exact
    if _PARTIAL_RE.search(c):
        return QUALITY_PARTIAL
    if _NEG_HINT_RE.search(c):
        if _UNMET_RE.fullmatch(c):
            return QUALITY_UNMET
        if _NEG_OK_RE.fullmatch(c):
            return QUALITY_MET
    if _NOT_YET_RE.search(c):
        return None
    if _MET_RE.fullmatch(c):
        return QUALITY_MET
    return None


def _parse_words(cleaned: str, c: str) -> _Fields:
    """A cell without digits."""
    if c in _PLACEHOLDERS:
        return _f(Kind.QUALITATIVE, quality=QUALITY_PLACEHOLDER)
    if "次" in c:
        freq = _parse_frequency(c)
        if freq is not None:
            return freq
    if c in ("百分之百", "百分百"):
        return _f(Kind.NUMBER, number=Decimal(100), unit="%")
    multiline = "\n" in cleaned
    if not multiline:
        t = _parse_time_words(c)
        if t is not None:
            return t
    if not any(ch.isalpha() for ch in c):
        return _f(Kind.UNREADABLE, reason=_R_SYMBOLS)
    return _f(Kind.QUALITATIVE, quality=None if multiline else _classify(c))


# --------------------------------------------------------------------------------------------------
# Entry points


def _is_none(c: str) -> bool:
    return not c or c in _NONE_WORDS or _NONE_SYMBOLS_RE.fullmatch(c) is not None


# The commonest cells ("≥98%", "352套", "257.83万元") are a comparison sign, a plain number and a
# known unit: _parse_simple reads them directly, with what the general path gives. Units with 年, 月
# or 次 (times, frequencies), digits or punctuation are left to the general path.
_SIMPLE_RE = re.compile(r"(?P<op>[≥≤<>=])?(?P<num>[0-9]+(?:\.[0-9]+)?)(?P<unit>[^0-9]*)")
_SIMPLE_OPS = {"≥": Op.GE, "≤": Op.LE, ">": Op.GT, "<": Op.LT, "=": Op.EQ}
_SIMPLE_UNITS = {
    raw: canon
    for raw, canon in _UNITS.items()
    if not any(ch.isdigit() or ch.isspace() or ch in "年月次/-.,，。；;！!、：:%(" for ch in raw)
}
_SIMPLE_UNITS["%"] = _UNITS["%"]


def _parse_simple(cleaned: str, context_unit: str | None) -> _Fields | None:
    """``[op]<number>[unit]`` read as _parse_clean would read it; None for anything else."""
    m = _SIMPLE_RE.fullmatch(cleaned)
    if m is None:
        return None
    op_text, num, unit_text = m.group("op", "num", "unit")
    dot = num.find(".")
    if len(num) > _MAX_DIGITS or dot >= 4:  # too many digits; "2023.5" may be a date
        return None
    if unit_text:
        unit = _SIMPLE_UNITS.get(unit_text)
        if unit is None:
            return None
    else:
        unit = _canon_context_unit(context_unit)
    op = _SIMPLE_OPS[op_text] if op_text is not None else None
    return (Kind.NUMBER, op, Decimal(num), unit, None, None, None, None, None, None)


def _parse_clean(cleaned: str, context_unit: str | None) -> _Fields:
    if len(cleaned) <= 40:
        simple = _parse_simple(cleaned, context_unit)
        if simple is not None:
            return simple
    if len(cleaned) > _MAX_LEN:
        return _f(Kind.UNREADABLE, reason=_R_TOO_LONG)
    c = _compact(cleaned)
    if _is_none(c):
        return _f(Kind.NONE)
    if not _DIGIT_RE.search(c):
        return _parse_words(cleaned, c)
    # (cheap character counts first: most cells have no list markers at all)
    hints = cleaned.count(".") + cleaned.count("、") + cleaned.count(")")
    if hints >= 2 and len(_MARKER_RE.findall(cleaned)) >= 2:
        return _f(Kind.UNREADABLE, reason=_R_MULTI_ITEMS)
    marker = _LEADING_MARKER_RE.match(cleaned) if hints and cleaned[0] in _MARKER_START else None
    if marker is not None:
        # One numbered item ("1.核发施工许可证75个。"): read what follows the marker.
        cleaned = cleaned[marker.end() :]
        c = _compact(cleaned)
        if _is_none(c):
            return _f(Kind.NONE)
        if not _DIGIT_RE.search(c):
            return _parse_words(cleaned, c)
    if _TIME_HINT_RE.search(c):
        t = _parse_time(c)
        if isinstance(t, tuple):
            return t
        if isinstance(t, str):
            return _f(Kind.UNREADABLE, reason=t)
    if "次" in c:
        freq = _parse_frequency(c)
        if freq is not None:
            return freq
    n = _parse_number(c, context_unit)
    if isinstance(n, tuple):
        return n
    if n == _R_MULTI_NUMBERS and "\n" in cleaned:
        n = _R_MULTI_ITEMS
    return _f(Kind.UNREADABLE, reason=n)


@functools.lru_cache(maxsize=8192)
def _parse_cached(text: str, context_unit: str | None) -> Value:
    if len(text) > 5 * _MAX_LEN and len(text.strip()) > 5 * _MAX_LEN:
        # Far too long to be one value: skip normalising thousands of characters.
        f = _f(Kind.UNREADABLE, reason=_R_TOO_LONG)
    else:
        f = _parse_clean(_clean(text), context_unit)
    return Value(f[0], text, f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9])


def parse_value(text: str, *, context_unit: str | None = None) -> Value:
    """Read one target/actual cell. Never raises; ``text`` is kept verbatim on the result."""
    try:
        if not isinstance(text, str):
            text = "" if text is None else str(text)
        if context_unit is not None and not isinstance(context_unit, str):
            context_unit = str(context_unit)
        return _parse_cached(text, context_unit)
    except Exception as exc:  # last resort: the normal paths do not raise
        safe = text if isinstance(text, str) else ""
        return Value(kind=Kind.UNREADABLE, text=safe, reason=f"{_R_ERROR}：{type(exc).__name__}")


def _same(a: Value, b: Value) -> bool:
    return dataclasses.replace(a, text="") == dataclasses.replace(b, text="")


def _format_decimal(d: Decimal) -> str:
    return format(d, "f")


_QUALITY_WORDS = {
    QUALITY_MET: "达成",
    QUALITY_PARTIAL: "部分达成",
    QUALITY_UNMET: "未达成",
    QUALITY_PLACEHOLDER: "定性",
}


def _render_time(v: Value) -> str:
    if v.quality == QUALITY_ON_TIME and v.year is None and v.month is None:
        return "按时完成"
    parts: list[str] = []
    if v.year is not None:
        parts.append(f"{v.year}年")
    if v.quality == QUALITY_PERIOD and v.month is not None:
        parts.append(f"{v.month_from if v.month_from is not None else 1}-{v.month}月")
    elif v.month is not None:
        parts.append(f"{v.month}月")
        if v.day is not None:
            parts.append(f"{v.day}日")
    if not parts:
        return v.text
    if v.op is Op.LE:
        parts.append("前")
    elif v.op is Op.GE:
        parts.append("后")
    return "".join(parts)


def _render_words(v: Value) -> str:
    """QUALITATIVE / UNREADABLE: the cell's own text, tidied when that reads back the same."""
    if v.text:
        display = _clean(v.text)
        if display != v.text and _same(parse_value(display), v):
            return display
        return v.text
    if v.quality is not None:
        return _QUALITY_WORDS.get(v.quality, v.quality)
    return v.text


def render_value(value: Value) -> str:
    """Canonical text of a value; ``parse_value(render_value(v))`` equals ``v`` except for ``text``."""
    try:
        kind = value.kind
        if kind is Kind.NONE:
            return "无"
        if kind is Kind.NUMBER:
            if value.number is None:
                return value.text
            op = value.op.value if value.op is not None else ""
            return f"{op}{_format_decimal(value.number)}{value.unit or ''}"
        if kind is Kind.TIME:
            return _render_time(value)
        return _render_words(value)
    except Exception:  # never raise from rendering either
        return value.text if isinstance(value.text, str) else ""


# --------------------------------------------------------------------------------------------------
# Amounts (funds blocks, weights, scores)

_AMOUNT_NUM_RE = re.compile(r"(?<![0-9.])-?(?:[0-9]{1,3}(?:,[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?")
_AMOUNT_UNITS = (
    ("万元", "万元"),
    ("亿元", "亿元"),
    ("%", "%"),
    ("‰", "‰"),
    ("元", "元"),
    ("万", "万元"),
    ("亿", "亿元"),
)
_NOT_AMOUNT_AFTER = frozenset("年月日")


def parse_amount(text: str) -> tuple[Decimal | None, str | None]:
    """One money/score/rate cell → (value, unit). Never raises.

    Exactly one distinct number → that number; none or several different ones → (None, None).
    Labels around the number are ignored ("资金总额：533.49", "上年结转19.6"); a year ("2023年决算数")
    or a leading list marker ("1、公务接待") is not an amount.
    """
    try:
        if not isinstance(text, str):
            return None, None
        if len(text) > 1000 and len(text.strip()) > 1000:
            return None, None
        s = _clean(text)
        if not s or len(s) > 1000:
            return None, None
        marker = _LEADING_MARKER_RE.match(s)
        if marker is not None:
            s = s[marker.end() :]
        values: set[Decimal] = set()
        units: set[str] = set()
        first: Decimal | None = None
        for m in _AMOUNT_NUM_RE.finditer(s):
            after = s[m.end() :].lstrip()
            if after[:1] in _NOT_AMOUNT_AFTER:
                continue
            raw = m.group()
            if sum(ch.isdigit() for ch in raw) > _MAX_DIGITS:
                return None, None
            d = Decimal(raw.replace(",", ""))
            if first is None:
                first = d
            values.add(d)
            for word, unit in _AMOUNT_UNITS:
                if after.startswith(word):
                    units.add(unit)
                    break
            else:
                if s[: m.start()].rstrip().endswith("¥"):
                    units.add("元")
        if len(values) != 1 or first is None or len(units) > 1:
            return None, None
        return first, (next(iter(units)) if units else None)
    except (InvalidOperation, ValueError, TypeError, AttributeError):
        return None, None
    except Exception:  # last resort
        return None, None
