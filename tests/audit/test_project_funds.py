"""narr.project-funds: a project report's spending against its table, whatever word introduces it."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.pipeline import evaluate
from jixiao.readers.text import read_text

Found = list[tuple[str, int | None, str | None, str | None]]


def _project_funds(text: str) -> Found:
    package = read_text(text, file="003.txt")
    result = evaluate(package, path="003.txt", audit=True)
    return [(f.rule, f.line, f.expected, f.found) for f in result.findings if f.rule == "narr.project-funds"]


@pytest.mark.parametrize(
    ("written", "changed", "line", "expected", "found"),
    [
        # 档案电子化费用和九防费用: the table's 全年执行数 is 5万元.
        ("汨罗市城建档案费用总计支出5万元", "汨罗市城建档案费用总计支出12万元", 4481, "5.00万元", "12万元"),
        # 工作经费: the table's 全年执行数 is 334.74万元 (the report's 334.73 is within a cent).
        ("本项目全年支出334.73万元", "本项目全年支出340.73万元", 4719, "334.74万元", "340.73万元"),
    ],
    ids=["zongji", "quannian"],
)
def test_seed003_spending_sentences_are_checked(
    seed003: Path, written: str, changed: str, line: int, expected: str, found: str
) -> None:
    text = seed003.read_text(encoding="utf-8")
    assert text.count(written) == 1
    before = _project_funds(text)
    assert not [f for f in before if f[1] == line]  # as written, the sentence agrees with the table
    after = _project_funds(text.replace(written, changed))
    assert [f for f in after if f[1] == line] == [("narr.project-funds", line, expected, found)]
