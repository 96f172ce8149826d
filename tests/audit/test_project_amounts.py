"""narr.project-amounts: amounts the prose states for a project it names, against that project's table."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.audit.rules.narrative import _label, _split_in
from jixiao.pipeline import evaluate
from jixiao.readers.text import read_text

_OA_SENTENCE = "3、住建OA办公系统升级：年初预算20万元；"


def _project_amounts(text: str) -> list[tuple[int | None, str | None, str | None, str]]:
    package = read_text(text, file="000.txt")
    result = evaluate(package, path="000.txt", audit=True)
    return [(f.line, f.expected, f.found, f.message) for f in result.findings if f.rule == "narr.project-amounts"]


def test_seed000_a_label_names_the_oa_table_and_a_changed_budget_is_found(seed000: Path) -> None:
    # Seed 000 lists "3、住建OA办公系统升级：年初预算20万元；实际支付19.6万元。" for the table named OA系统
    # (年初预算数 19.6): found only because the label is matched with the table's name. The paragraph
    # writes tenths, so 20 is not 19.6 rounded; without the 19.6 beside it, 20 would be.
    text = seed000.read_text(encoding="utf-8")
    assert _OA_SENTENCE + "实际支付19.6万元。" in text

    def oa(text: str) -> list[tuple[int | None, str | None, str | None]]:
        return [
            (line, expected, found) for line, expected, found, message in _project_amounts(text) if "OA系统" in message
        ]

    assert oa(text) == [(32, "19.60万元", "20万元")]
    assert oa(text.replace(_OA_SENTENCE, _OA_SENTENCE.replace("20万元", "25万元"))) == [(32, "19.60万元", "25万元")]
    assert oa(text.replace("实际支付19.6万元", "实际支付20万元")) == []


@pytest.mark.parametrize(
    ("key", "text", "expected"),
    [
        ("OA系统", "住建OA办公系统升级", True),  # words inserted at one place, some before and after
        ("OA系统", "住建OA系统升级", False),  # a plain substring is not this match (the caller tests it first)
        ("OA系统", "O办A公系统", False),  # each part has two characters or more
        ("OA系统", "OA办公自动化与档案数字化系统", False),  # more than three times as long
        ("系统", "系办公统", False),  # too short a key
    ],
)
def test_split_in(key: str, text: str, expected: bool) -> None:
    assert _split_in(key, text) is expected


def test_label() -> None:
    assert _label(_OA_SENTENCE) == "3、住建OA办公系统升级"
    assert _label("全年预算数82.69万元，执行数82.69万元") == ""
    assert _label("本单位认真贯彻落实各项工作部署，坚持以人民为中心的发展思想，全面推进：年初预算20万元") == ""
