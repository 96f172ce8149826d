"""A narrative's statements are derived from its paragraphs when first asked for, and written out in JSON."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal

from jixiao.jsonformat import dumps, loads
from jixiao.model import Narrative, Package, Paragraph, Section
from jixiao.narrative import extract_statements, statements_of
from jixiao.readers.text import read_text

REPORT = """2023年度部门整体支出绩效自评报告
一、部门基本情况
本部门2023年年初预算收入146.1万元，比上年减少47.19万元。
二、一般公共预算支出情况
全年支出140.5万元，预算执行率96.17%。
\t附件3
\t项目支出绩效自评表
"""


def _narrative() -> Narrative:
    sections = (
        Section("一", "部门基本情况", 1, (Paragraph("年初预算收入146.1万元，比上年减少47.19万元。"),)),
        Section("二", "一般公共预算支出情况", 1, (Paragraph("全年支出140.5万元，预算执行率96.17%。"),)),
    )
    return Narrative(title="部门整体支出绩效自评报告", sections=sections)


def test_statements_are_worked_out_from_the_paragraphs_once() -> None:
    narrative = _narrative()
    assert narrative.statements is None
    found = statements_of(narrative)
    assert [(s.kind, s.value) for s in found] == [
        ("amount", Decimal("146.1")),
        ("amount", Decimal("47.19")),
        ("amount", Decimal("140.5")),
        ("rate", Decimal("96.17")),
    ]
    assert found == extract_statements(narrative.paragraphs)
    assert statements_of(narrative) is found  # remembered, not worked out again


def test_statements_a_narrative_was_built_with_are_kept() -> None:
    narrative = replace(_narrative(), statements=())
    assert statements_of(narrative) == ()


def test_a_changed_paragraph_gives_its_own_statements() -> None:
    narrative = _narrative()
    statements_of(narrative)
    changed = replace(narrative, sections=narrative.sections[:1])
    assert [s.value for s in statements_of(changed)] == [Decimal("146.1"), Decimal("47.19")]


def test_json_writes_the_statements_out_and_reads_them_back() -> None:
    package = Package(unit="某单位", narratives=(_narrative(),))
    data = json.loads(dumps(package))
    written = data["narratives"][0]["statements"]
    assert [s["text"] for s in written] == ["146.1万元", "47.19万元", "140.5万元", "96.17%"]
    back = loads(dumps(package))
    assert back == package
    assert back.narratives[0].statements == statements_of(package.narratives[0])
    # A package whose statements are null (or left out) gets them from its paragraphs.
    data["narratives"][0]["statements"] = None
    assert statements_of(loads(json.dumps(data)).narratives[0]) == statements_of(package.narratives[0])
    del data["narratives"][0]["statements"]
    assert statements_of(loads(json.dumps(data)).narratives[0]) == statements_of(package.narratives[0])


def test_a_read_report_leaves_them_to_be_derived() -> None:
    package = read_text(REPORT, file="report.txt")
    narrative = package.narrative
    assert narrative is not None and narrative.statements is None
    rates = [s for s in statements_of(narrative) if s.kind == "rate"]
    assert [(s.value, s.source.line) for s in rates] == [(Decimal("96.17"), 5)]


def test_sums_read_after_the_statements_are_the_same_as_read_alone() -> None:
    from jixiao.narrative import extract_sums
    from jixiao.narrative.figures import _RECENT, _sums_and_shares

    paragraphs = (
        Paragraph("全年预算２０万元。"),  # full-width digits: the paragraphs read together are folded
        Paragraph("ＯＡ系统项目支出30万元，其中：设备费10万元、软件费20万元。"),
        Paragraph("培训支出12万元，其中：师资费5万元、场地费7万元。"),
    )

    def sums() -> list[tuple[str, tuple[str, ...], str]]:
        _sums_and_shares.cache_clear()
        return [(s.total.text, tuple(p.text for p in s.parts), s.sentence) for s in extract_sums(paragraphs[1:])]

    _RECENT.clear()
    alone = sums()
    extract_statements(paragraphs)  # remembers each paragraph's figures, folded with the first one's
    assert sums() == alone
    assert alone == [
        ("30万元", ("10万元", "20万元"), "ＯＡ系统项目支出30万元，其中：设备费10万元、软件费20万元。"),
        ("12万元", ("5万元", "7万元"), "培训支出12万元，其中：师资费5万元、场地费7万元。"),
    ]
