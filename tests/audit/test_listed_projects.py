"""narr.listed-project-unknown: a project the department report lists, with its funds, that no table has."""

from __future__ import annotations

from pathlib import Path

from jixiao.pipeline import evaluate
from jixiao.readers.text import read_text

_ITEM = "2、维护经费：年初预算20万元，实际拔款20万元，全支出20万元；"


def _listed(text: str) -> list[tuple[int | None, str | None, str]]:
    package = read_text(text, file="000.txt")
    result = evaluate(package, path="000.txt", audit=True)
    return [(f.line, f.found, f.message) for f in result.findings if f.rule == "narr.listed-project-unknown"]


def test_seed000_lists_a_maintenance_project_that_has_no_table(seed000: Path) -> None:
    # Real: 二、（二）项目支出情况 lists three projects with their funds; the package has tables for two
    # (三维数字城市化建设 and OA系统, named "衡阳市三维数字城市项目" and "住建OA办公系统升级" in the list) and
    # the basic data lists the same two. 维护经费's 20万元 is in no table.
    text = seed000.read_text(encoding="utf-8")
    assert _ITEM in text
    found = _listed(text)
    assert [(line, label) for line, label, _ in found] == [(31, "维护经费")]
    assert "年初预算20万元" in found[0][2]


def test_kinds_of_spending_and_named_tables_are_not_projects_without_tables(seed000: Path) -> None:
    text = seed000.read_text(encoding="utf-8")
    for item in ("2、人员经费：年初预算20万元，", "2、OA系统运行维护：年初预算20万元，", "2、维护经费：已完成。"):
        assert _listed(text.replace(_ITEM, item)) == [], item
