"""score.criteria-points: the parts a scoring standard lists cannot add up to more than the item's weight."""

from __future__ import annotations

from jixiao.audit import run_audit
from jixiao.frameworks import get_framework, score_package
from jixiao.readers.text import read_text

_SHEET = """深圳市某中心2020年度部门整体支出绩效评分表
评价指标\t\t\t\t指标说明\t评分标准\t分数
一级指标\t二级指标\t三级指标\t分值\t\t\t
部门决策 (20分)\t目标设定\t目标完整性\t{weight}\t目标完整\t1. 编报部门目标（2分）； 2. 编报项目目标(2 分)。\t3
\t\t目标合理性\t2\t目标与职能相符\t1. 相符的，得2分； 2. 基本相符的，得1分； 3. 不相符的，得0分；每有一项不符扣1分。\t2
综合评分\t5
"""


def _findings(weight: str) -> list[tuple[str, int | None, str | None, str | None, str]]:
    package = read_text(_SHEET.format(weight=weight), file="sheet.txt")
    score = score_package(package, get_framework("shenzhen-dept-2020"))
    return [
        (f.rule, f.line, f.expected, f.found, f.message)
        for f in run_audit(package, score)
        if f.rule == "score.criteria-points"
    ]


def test_parts_beyond_the_weight_are_reported_with_their_figures() -> None:
    [(rule, line, expected, found, message)] = _findings("3")
    assert (rule, line, expected, found) == ("score.criteria-points", 4, "≤3", "4")
    assert message.startswith("「目标完整性」的评分标准列出2＋2＝4分，超过该指标分值3分")


def test_parts_within_the_weight_and_bands_are_not_reported() -> None:
    # 2 + 2 = 4 for a weight of 4; the second item's "得2分 / 得1分 / 扣1分" are bands and deductions.
    assert _findings("4") == []
