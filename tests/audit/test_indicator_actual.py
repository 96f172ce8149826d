"""narr.indicator-actual: a result the report states for an indicator agrees with the table's actual value."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.pipeline import evaluate
from jixiao.readers.text import read_text

Found = list[tuple[str, int | None, str | None, str | None]]


def _found(text: str) -> Found:
    result = evaluate(read_text(text, file="003.txt"), path="003.txt", audit=True)
    return [(f.rule, f.line, f.expected, f.found) for f in result.findings if f.rule == "narr.indicator-actual"]


# What seed 003's reports say against their tables' actuals (the subject's words and the indicator's name
# differ, so they are matched by the characters they share):
SEED_003 = [
    # 工作经费: "全年竣工验收项目共38个" against 办理项目竣工验收率 27个 (the table: "全年只有27个项目，
    # 已全部办理竣工验收").
    ("narr.indicator-actual", 4722, "27个", "38个"),
    # 工作经费: "2023年度公开招标项目共计14个" against 做好公开招标项目监管 15个 (its own prose says 15 a line later).
    ("narr.indicator-actual", 4723, "15个", "14个"),
    # 工作经费: "共办理建设工程项目竣工验收备案82个", 82 filings where the table counts 27 projects in all.
    ("narr.indicator-actual", 4723, "27个", "82个"),
    # 招投标监督管理专项: "2023年建筑工程公开招标项目共计14个" against 做好公开招投标项目监管 15个.
    ("narr.indicator-actual", 4652, "15个", "14个"),
]


def test_seed003_reports_against_their_tables(seed003: Path) -> None:
    # The 质量安全 and 工作经费 reports restate a dozen more indicator results (执法率100%, 覆盖率40%,
    # 监管15个, …) as the tables have them; "满意率95%以上" is a bound the table's 100% meets.
    assert sorted(_found(seed003.read_text(encoding="utf-8")), key=str) == sorted(SEED_003, key=str)


@pytest.mark.parametrize(
    ("written", "changed", "line", "expected", "found"),
    [
        ("智慧板块覆盖率40%。", "智慧板块覆盖率45%。", 4577, "40%", "45%"),  # 质量安全监督管理专项
        ("已做好公开招标项目监管15个", "已做好公开招标项目监管16个", 4732, "15个", "16个"),  # 工作经费
        ("监管服务满意率95%以上", "监管服务满意率90%", 4732, "100%", "90%"),  # a bound made a value
    ],
    ids=["rate", "count", "bound-removed"],
)
def test_seed003_a_changed_result_is_reported(
    seed003: Path, written: str, changed: str, line: int, expected: str, found: str
) -> None:
    text = seed003.read_text(encoding="utf-8")
    assert text.count(written) == 1
    changed_findings = _found(text.replace(written, changed))
    assert sorted(changed_findings, key=str) == sorted(
        [*SEED_003, ("narr.indicator-actual", line, expected, found)], key=str
    )


def test_seed003_planned_figures_and_bounds_are_not_compared(seed003: Path) -> None:
    text = seed003.read_text(encoding="utf-8")
    for written, changed in (
        ("智慧板块覆盖率40%。", "智慧板块覆盖率计划45%。"),  # a plan, not a result
        ("智慧板块覆盖率40%。", "智慧板块覆盖率30%以上。"),  # a bound (the actual 40% meets it anyway)
    ):
        assert sorted(_found(text.replace(written, changed)), key=str) == sorted(SEED_003, key=str)
