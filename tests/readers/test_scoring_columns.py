"""A scoring sheet whose columns stand in another order is read by its header words."""

from __future__ import annotations

from jixiao.model import ScoringSheet
from jixiao.readers.text import read_text

_HEADER = "评价指标\t\t\t\t指标说明\t评分标准\t分数"

# The same two items, with 分数 moved before 指标说明 and 评分标准 in the second sheet.
_STANDARD = f"""深圳市某中心2020年度部门整体支出绩效评分表
{_HEADER}
一级指标\t二级指标\t三级指标\t分值\t\t\t
部门决策 (20分)\t目标设定\t目标完整性\t3\t部门整体绩效目标完整\t完整得3分\t3
\t\t目标合理性\t2\t目标与职能相符\t相符得2分\t1.5
综合评分\t4.5
"""
_REORDERED = """深圳市某中心2020年度部门整体支出绩效评分表
评价指标\t\t\t\t分数\t指标说明\t评分标准
一级指标\t二级指标\t三级指标\t分值\t\t\t
部门决策 (20分)\t目标设定\t目标完整性\t3\t3\t部门整体绩效目标完整\t完整得3分
\t\t目标合理性\t2\t1.5\t目标与职能相符\t相符得2分
综合评分\t4.5
"""


def _sheet(text: str) -> ScoringSheet:
    package = read_text(text, file="sheet.txt")
    sheets = [d for d in package.documents if isinstance(d, ScoringSheet)]
    assert len(sheets) == 1, package.notes
    return sheets[0]


def _items(sheet: ScoringSheet) -> list[tuple[str, str, str, str, str]]:
    return [(i.name.text, i.weight.text, i.score.text, i.description.text, i.criteria.text) for i in sheet.items]


def test_a_standard_scoring_sheet_is_read_column_by_column() -> None:
    sheet = _sheet(_STANDARD)
    assert _items(sheet) == [
        ("目标完整性", "3", "3", "部门整体绩效目标完整", "完整得3分"),
        ("目标合理性", "2", "1.5", "目标与职能相符", "相符得2分"),
    ]
    assert sheet.claimed_total.text == "4.5"


def test_a_scoring_sheet_in_its_own_column_order_reads_the_same() -> None:
    assert _items(_sheet(_REORDERED)) == _items(_sheet(_STANDARD))
    score = _sheet(_REORDERED).items[1].score
    assert (score.source.line, score.source.column) == (5, 5)
