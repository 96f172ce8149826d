"""Tests for jixiao.values: real cells from ../shared/seeds and domain.md §3, plus properties."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jixiao.values import (
    QUALITY_MET,
    QUALITY_ON_TIME,
    QUALITY_PARTIAL,
    QUALITY_PERIOD,
    QUALITY_PLACEHOLDER,
    QUALITY_UNMET,
    Kind,
    Op,
    Value,
    parse_amount,
    parse_value,
    render_value,
)

N, T, Q, NONE, U = Kind.NUMBER, Kind.TIME, Kind.QUALITATIVE, Kind.NONE, Kind.UNREADABLE


def _v(kind: Kind, **fields: Any) -> Value:
    if "number" in fields and not isinstance(fields["number"], Decimal):
        fields["number"] = Decimal(fields["number"])
    return Value(kind=kind, **fields)


def _strip(v: Value) -> Value:
    return dataclasses.replace(v, text="")


# (cell text, expected value without its text). Cells come from the seed reports unless marked.
CELLS: list[tuple[str, Value]] = [
    # numbers with units
    ("75个", _v(N, number="75", unit="个")),
    ("352套", _v(N, number="352", unit="套")),
    ("1223户", _v(N, number="1223", unit="户")),
    ("3761栋", _v(N, number="3761", unit="栋")),
    ("92.96万平方米", _v(N, number="92.96", unit="万㎡")),
    ("55万平方米", _v(N, number="55", unit="万㎡")),
    ("55万㎡", _v(N, number="55", unit="万㎡")),  # domain.md
    ("12次", _v(N, number="12", unit="次")),
    ("12次检测", _v(N, number="12", unit="次")),
    ("≥800人次", _v(N, op=Op.GE, number="800", unit="人次")),  # domain.md
    ("5.88万元", _v(N, number="5.88", unit="万元")),
    ("5.88", _v(N, number="5.88")),
    ("30万", _v(N, number="30", unit="万元")),  # domain.md
    ("45万元", _v(N, number="45", unit="万元")),
    ("69万元", _v(N, number="69", unit="万元")),
    ("17477.59万元", _v(N, number="17477.59", unit="万元")),
    ("1,035,356.30 元", _v(N, number="1035356.30", unit="元")),
    ("0起", _v(N, number="0", unit="起")),  # domain.md
    ("16个", _v(N, number="16", unit="个")),
    ("100套", _v(N, number="100", unit="套")),
    ("1000户", _v(N, number="1000", unit="户")),
    ("1次", _v(N, number="1", unit="次")),
    ("27个", _v(N, number="27", unit="个")),
    # percentages and comparisons
    ("98%", _v(N, number="98", unit="%")),
    ("100％", _v(N, number="100", unit="%")),
    ("　98％", _v(N, number="98", unit="%")),
    ("96.41%", _v(N, number="96.41", unit="%")),
    ("≧98%", _v(N, op=Op.GE, number="98", unit="%")),
    ("≧100%", _v(N, op=Op.GE, number="100", unit="%")),
    (">=95%", _v(N, op=Op.GE, number="95", unit="%")),
    ("≥95%", _v(N, op=Op.GE, number="95", unit="%")),
    ("＝100%", _v(N, op=Op.EQ, number="100", unit="%")),
    ("＞100%", _v(N, op=Op.GT, number="100", unit="%")),
    ("<80%", _v(N, op=Op.LT, number="80", unit="%")),
    ("95%以上", _v(N, op=Op.GE, number="95", unit="%")),
    ("98%以上", _v(N, op=Op.GE, number="98", unit="%")),
    ("≤90万元", _v(N, op=Op.LE, number="90", unit="万元")),  # domain.md
    ("控制在90万元以内", _v(N, op=Op.LE, number="90", unit="万元")),
    ("不低于95%", _v(N, op=Op.GE, number="95", unit="%")),
    ("不超过5万元", _v(N, op=Op.LE, number="5", unit="万元")),
    ("100套以上", _v(N, op=Op.GE, number="100", unit="套")),
    ("55万平方米以上", _v(N, op=Op.GE, number="55", unit="万㎡")),
    ("群众满意度100%", _v(N, number="100", unit="%")),
    ("　办证完成率100%", _v(N, number="100", unit="%")),
    ("1.全市档案收纳和保管100%", _v(N, number="100", unit="%")),
    ("完成白蚁防治92.96万平方米", _v(N, number="92.96", unit="万㎡")),
    ("完成危房摸排3761栋", _v(N, number="3761", unit="栋")),
    ("[bookmark: _GoBack]20", _v(N, number="20")),
    ("100", _v(N, number="100")),
    ("　00", _v(N, number="0")),
    ("一年一次", _v(N, number="1", unit="次/年")),
    ("每月一次以上", _v(N, op=Op.GE, number="1", unit="次/月")),
    # times
    ("2023年12月前", _v(T, op=Op.LE, year=2023, month=12)),
    ("2023年12月31日前", _v(T, op=Op.LE, year=2023, month=12, day=31)),
    ("2023年12前", _v(T, op=Op.LE, year=2023, month=12)),
    ("2023年1-12月", _v(T, year=2023, month_from=1, month=12, quality=QUALITY_PERIOD)),
    ("2023.1-12月", _v(T, year=2023, month_from=1, month=12, quality=QUALITY_PERIOD)),
    ("2023年", _v(T, year=2023)),
    ("2023年底前", _v(T, op=Op.LE, year=2023, month=12)),
    ("按时完成", _v(T, quality=QUALITY_ON_TIME)),
    ("按计划时间完成", _v(T, quality=QUALITY_ON_TIME)),
    ("已按计划时间完成", _v(T, quality=QUALITY_ON_TIME)),
    ("按时间要求完成", _v(T, quality=QUALITY_ON_TIME)),
    ("按时完成计划时间", _v(T, quality=QUALITY_ON_TIME)),
    ("按计划完成", _v(T, quality=QUALITY_ON_TIME)),
    ("医保社保按时缴纳", _v(T, quality=QUALITY_ON_TIME)),
    ("及时", _v(T, quality=QUALITY_ON_TIME)),
    # qualitative
    ("定性", _v(Q, quality=QUALITY_PLACEHOLDER)),
    ("良好", _v(Q, quality=QUALITY_MET)),
    ("有效", _v(Q, quality=QUALITY_MET)),
    ("完成", _v(Q, quality=QUALITY_MET)),
    ("已完成", _v(Q, quality=QUALITY_MET)),
    ("任务已完成", _v(Q, quality=QUALITY_MET)),
    ("超额完成", _v(Q, quality=QUALITY_MET)),
    ("按质按量完成", _v(Q, quality=QUALITY_MET)),
    ("有持续性", _v(Q, quality=QUALITY_MET)),
    ("持续", _v(Q, quality=QUALITY_MET)),
    ("持续提高", _v(Q, quality=QUALITY_MET)),
    ("提高", _v(Q, quality=QUALITY_MET)),
    ("促进", _v(Q, quality=QUALITY_MET)),
    ("有效促进", _v(Q, quality=QUALITY_MET)),
    ("完整", _v(Q, quality=QUALITY_MET)),
    ("全覆盖", _v(Q, quality=QUALITY_MET)),
    ("达标", _v(Q, quality=QUALITY_MET)),
    ("质量达标", _v(Q, quality=QUALITY_MET)),
    ("水质均达标", _v(Q, quality=QUALITY_MET)),
    ("整体平稳", _v(Q, quality=QUALITY_MET)),
    ("有序稳步发展", _v(Q, quality=QUALITY_MET)),
    ("建筑市场平稳有序发展", _v(Q, quality=QUALITY_MET)),
    ("问题有效解决", _v(Q, quality=QUALITY_MET)),
    ("达成", _v(Q, quality=QUALITY_MET)),
    ("优", _v(Q, quality=QUALITY_MET)),
    ("良", _v(Q, quality=QUALITY_MET)),
    ("无负面影响", _v(Q, quality=QUALITY_MET)),
    ("没形成负面影响", _v(Q, quality=QUALITY_MET)),
    ("不形成负面影响", _v(Q, quality=QUALITY_MET)),
    ("没有出现", _v(Q, quality=QUALITY_MET)),
    ("不发生较大安全生产事故", _v(Q, quality=QUALITY_MET)),
    ("无较重大及以上质量安全事故", _v(Q, quality=QUALITY_MET)),
    ("证件核发不出现错误和退回", _v(Q, quality=QUALITY_MET)),
    ("水质无污染", _v(Q, quality=QUALITY_MET)),
    ("没超预算", _v(Q, quality=QUALITY_MET)),
    ("不漏一户", _v(Q, quality=QUALITY_MET)),
    ("做到不漏一户", _v(Q, quality=QUALITY_MET)),
    ("部分达成", _v(Q, quality=QUALITY_PARTIAL)),
    ("基本达成", _v(Q, quality=QUALITY_PARTIAL)),
    ("工作已基本完成", _v(Q, quality=QUALITY_PARTIAL)),
    ("部分困难职工未能完全满足", _v(Q, quality=QUALITY_PARTIAL)),
    ("未达成", _v(Q, quality=QUALITY_UNMET)),
    ("未完成", _v(Q, quality=QUALITY_UNMET)),
    ("未按时完成", _v(Q, quality=QUALITY_UNMET)),
    ("否", _v(Q, quality=QUALITY_UNMET)),
    ("控制在财政预算内", _v(Q)),
    ("行业发展", _v(Q)),  # an indicator name, not an outcome
    ("工程建设消防安全", _v(Q)),
    ("与群众沟通技巧还需不断提高", _v(Q)),  # still to do
    ("可持续发展", _v(Q, quality=QUALITY_MET)),
    ("在建项目劳务实名制全覆盖", _v(Q, quality=QUALITY_MET)),
    ("提高人居生活质量", _v(Q)),
    ("有效建设", _v(Q)),
    ("OA系统", _v(Q)),
    ("持续提高提高人居生活质量，不形成负面影响", _v(Q)),
    ("及时与群众沟通协调、解决群众难题", _v(Q)),
    # none
    ("", _v(NONE)),
    ("无", _v(NONE)),
    ("无。", _v(NONE)),
    ("/", _v(NONE)),
    ("／", _v(NONE)),
    ("—", _v(NONE)),
    ("-", _v(NONE)),
    ("……", _v(NONE)),
    ("　", _v(NONE)),
    ("　　", _v(NONE)),
    ("不适用", _v(NONE)),
]

UNREADABLE_CELLS: list[tuple[str, str]] = [
    ("1.核发施工许可证75个。\n2.商品房预算许可10个\n3.下岗职工补助均到位。", "一个单元格内有多项指标"),
    ("100% 100%", "一个单元格内有多个数值"),
    ("金额合计 1701.05 1701.05 1680.97 1680.97", "一个单元格内有多个数值"),
    ("1个项目未能按时完成", "数值带有否定说法"),
    ("2023年预算数", "数值前后有无法识别的文字"),
    ("完成3条黑臭水体检测任务", "数值前后有无法识别的文字"),
    ("根据市场实际情况，全年只有27个项目，已全部办理竣工验收", "数值前后有无法识别的文字"),
    ("2023年13月", "日期不合法"),
    ("≥95%以下", "比较符号前后矛盾"),
    ("未在2023年12月前完成", "数值带有否定说法"),
    ("工程建设监管执法率100%、" * 20, "文字过长，不是单个指标值"),
]


@pytest.mark.parametrize(("text", "expected"), CELLS, ids=[c[0][:20] or "<empty>" for c in CELLS])
def test_real_cells(text: str, expected: Value) -> None:
    v = parse_value(text)
    assert v.text == text
    assert _strip(v) == expected


@pytest.mark.parametrize(("text", "reason"), UNREADABLE_CELLS, ids=[c[0][:20] for c in UNREADABLE_CELLS])
def test_unreadable_cells(text: str, reason: str) -> None:
    v = parse_value(text)
    assert v.kind is Kind.UNREADABLE
    assert v.reason == reason
    assert v.text == text


def test_money_is_decimal_and_keeps_scale() -> None:
    v = parse_value("92.96万平方米")
    assert isinstance(v.number, Decimal)
    assert str(v.number) == "92.96"
    assert render_value(parse_value("1,035,356.30 元")) == "1035356.30元"


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("100", "%", _v(N, number="100", unit="%")),
        ("≥95", "％", _v(N, op=Op.GE, number="95", unit="%")),
        ("20", "万平方米", _v(N, number="20", unit="万㎡")),
        ("20", "项目个数", _v(N, number="20", unit="项目个数")),  # unknown units are kept verbatim
        ("20个", "%", _v(N, number="20", unit="个")),  # a written unit wins
        ("按时完成", "%", _v(T, quality=QUALITY_ON_TIME)),
    ],
)
def test_context_unit(text: str, unit: str, expected: Value) -> None:
    assert _strip(parse_value(text, context_unit=unit)) == expected


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (_v(N, op=Op.GE, number="98", unit="%"), "≥98%"),
        (_v(N, number="92.96", unit="万㎡"), "92.96万㎡"),
        (_v(N, number=Decimal("1E+3")), "1000"),
        (_v(T, op=Op.LE, year=2023, month=12, day=31), "2023年12月31日前"),
        (_v(T, year=2023, month_from=1, month=12, quality=QUALITY_PERIOD), "2023年1-12月"),
        (_v(T, quality=QUALITY_ON_TIME), "按时完成"),
        (_v(NONE), "无"),
        (_v(Q, quality=QUALITY_PARTIAL), "部分达成"),
        (Value(kind=Q, text="　良好 ", quality=QUALITY_MET), "良好"),
        (Value(kind=U, text="100% 100%", reason="一个单元格内有多个数值"), "100% 100%"),
    ],
)
def test_render(value: Value, text: str) -> None:
    assert render_value(value) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("178.7", (Decimal("178.7"), None)),
        ("　178.7", (Decimal("178.7"), None)),
        ("上年结转19.6　", (Decimal("19.6"), None)),
        ("上年结转178.7", (Decimal("178.7"), None)),
        ("100％", (Decimal("100"), "%")),
        ("96.41%", (Decimal("96.41"), "%")),
        ("1,035,356.30 元", (Decimal("1035356.30"), "元")),
        ("9　", (Decimal("9"), None)),
        ("[bookmark: _GoBack]20", (Decimal("20"), None)),
        ("无", (None, None)),
        ("", (None, None)),
        ("　", (None, None)),
        ("533.49", (Decimal("533.49"), None)),
        ("资金总额：533.49", (Decimal("533.49"), None)),
        ("项目支出：15125.49", (Decimal("15125.49"), None)),
        ("其中： 一般公共预算：15438.43", (Decimal("15438.43"), None)),
        ("　00", (Decimal("0"), None)),
        ("5万元", (Decimal("5"), "万元")),
        ("34.91 34.91", (Decimal("34.91"), None)),
        ("金额合计 1701.05 1701.05 1680.97 1680.97", (None, None)),
        ("2023年决算数", (None, None)),
        ("1、公务接待", (None, None)),
        ("项目资金 (万元)", (None, None)),
    ],
)
def test_parse_amount(text: str, expected: tuple[Decimal | None, str | None]) -> None:
    value, unit = parse_amount(text)
    assert (value, unit) == expected
    if value is not None:
        assert isinstance(value, Decimal)


def test_parse_amount_keeps_scale() -> None:
    value, _ = parse_amount("6.00")
    assert value is not None and str(value) == "6.00"


def test_many_parses_complete() -> None:
    # Distinct texts so the internal cache does not short-cut the work; no timing assertion here.
    kinds = [parse_value(f"≥{i}.5万元").kind for i in range(5_000)]
    kinds += [parse_value(f"{i % 12 + 1}月前{'完成' if i % 2 else ''}{i}").kind for i in range(5_000)]
    assert len(kinds) == 10_000
    assert kinds[0] is Kind.NUMBER


# --------------------------------------------------------------------------------------------------
# Properties

_CELL_ALPHABET = list(
    "0123456789.,，%％≥≧≤≦<>=＝＞＜年月日号前后内以上下之底个万元亿套户栋次人平方米㎡m²2/-—~至到 　\n"
    "一二两十每按时计划完成未没不无部分基本达成良好有效定性控制在超过低于高于及左右[]bookmark:_GoBack①、("
)
cell_texts = st.one_of(
    st.text(),
    st.text(alphabet=st.sampled_from(_CELL_ALPHABET), max_size=40),
    st.sampled_from([c[0] for c in CELLS] + [c[0] for c in UNREADABLE_CELLS]),
)


def _roundtrips(v: Value) -> None:
    again = parse_value(render_value(v))
    assert _strip(again) == _strip(v), (v, render_value(v), again)


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(cell_texts)
def test_parse_never_raises(text: str) -> None:
    v = parse_value(text)
    assert isinstance(v, Value)
    assert v.text == text
    if v.kind is Kind.UNREADABLE:
        assert v.reason
    if v.number is not None:
        assert isinstance(v.number, Decimal)


@settings(max_examples=30, deadline=None)
@given(st.text(min_size=200, max_size=5000))
def test_parse_never_raises_on_long_text(text: str) -> None:
    assert parse_value(text).kind is Kind.UNREADABLE or len(text.strip()) <= 200


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(cell_texts, st.sampled_from([None, "%", "万元", "个", "万平方米", "次/年"]))
def test_render_parse_roundtrip_on_text(text: str, unit: str | None) -> None:
    _roundtrips(parse_value(text, context_unit=unit))


_UNITS = [
    None,
    "%",
    "‰",
    "元",
    "万元",
    "亿元",
    "个",
    "套",
    "户",
    "栋",
    "次",
    "人次",
    "万㎡",
    "㎡",
    "起",
    "天",
]
_UNITS += ["个月", "分", "次/年", "次/月", "万元/年", "个百分点", "km", "吨", "万人次"]


@given(
    st.sampled_from([None, *Op]),
    st.decimals(min_value=-(10**12), max_value=10**12, allow_nan=False, allow_infinity=False, places=2)
    | st.integers(min_value=0, max_value=10**15).map(Decimal),
    st.sampled_from(_UNITS),
)
def test_render_parse_roundtrip_on_numbers(op: Op | None, number: Decimal, unit: str | None) -> None:
    v = Value(kind=Kind.NUMBER, op=op, number=number, unit=unit)
    text = render_value(v)
    again = parse_value(text)
    assert _strip(again) == _strip(v), (text, again)


@given(
    st.one_of(st.none(), st.integers(min_value=1900, max_value=2100)),
    st.integers(min_value=1, max_value=12),
    st.one_of(st.none(), st.integers(min_value=1, max_value=28)),
    st.sampled_from([None, Op.LE, Op.GE]),
)
def test_render_parse_roundtrip_on_times(year: int | None, month: int, day: int | None, op: Op | None) -> None:
    _roundtrips(Value(kind=Kind.TIME, year=year, month=month, day=day, op=op))


@given(
    st.one_of(st.none(), st.integers(min_value=1900, max_value=2100)),
    st.integers(min_value=1, max_value=12),
    st.integers(min_value=1, max_value=12),
)
def test_render_parse_roundtrip_on_periods(year: int | None, a: int, b: int) -> None:
    lo, hi = min(a, b), max(a, b)
    _roundtrips(Value(kind=Kind.TIME, year=year, month_from=lo, month=hi, quality=QUALITY_PERIOD))


@given(st.integers(min_value=1900, max_value=2100), st.sampled_from([None, Op.LE]))
def test_render_parse_roundtrip_on_years(year: int, op: Op | None) -> None:
    _roundtrips(Value(kind=Kind.TIME, year=year, op=op))


@settings(max_examples=300)
@given(st.one_of(st.text(), st.text(alphabet=st.sampled_from(_CELL_ALPHABET), max_size=40)))
def test_parse_amount_never_raises(text: str) -> None:
    value, unit = parse_amount(text)
    assert value is None or isinstance(value, Decimal)
    assert unit is None or isinstance(unit, str)
    if value is None:
        assert unit is None


def test_year_like_number_with_year_unit_is_time() -> None:
    # "2023年" is a year; NUMBER(2023, 年) cannot be produced, so 年 is left out of the number property.
    assert parse_value("2023年").kind is Kind.TIME
    assert parse_value("3年").kind is Kind.NUMBER


def test_list_items_numbers_the_items_of_a_cell() -> None:
    from jixiao.values import list_items

    cell = "1.核发施工许可证75个。\n2.商品房预算许可10个\n8.完成公开招标项目监管15个。"
    assert list_items(cell) == {1: "核发施工许可证75个。", 2: "商品房预算许可10个", 8: "完成公开招标项目监管15个。"}
    assert list_items("(1)公租房建设100套；(2)租赁补贴1000户") == {1: "公租房建设100套；", 2: "租赁补贴1000户"}
    assert list_items("执行率5.88%，完成1次") == {}  # decimals and counts are not item numbers
    assert list_items("达成") == {}
