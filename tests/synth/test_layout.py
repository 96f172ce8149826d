"""The cell-per-line writer: what it writes reads back to the same package, and the key's lines are right."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from jixiao.model import GoalsTable, Package, ScoringSheet
from jixiao.readers.text import read_text, read_text_file
from jixiao.synth import Defect, generate_with_layout
from jixiao.synth.compare import comparable, without_sources
from jixiao.writers.text_layout import layout, write_cell_per_line


@pytest.mark.parametrize("seed", range(200))
def test_round_trip(seed: int) -> None:
    package, _, text = generate_with_layout(seed, projects=1 + seed % 10, defects=seed % 2 == 0)
    assert write_cell_per_line(package) == text
    back = read_text(text)
    assert back.notes == ()
    assert comparable(back) == comparable(package)


def test_layout_looks_like_the_extractions() -> None:
    package, _, text = generate_with_layout(3, projects=2, defects=False)
    lines = text.split("\n")
    assert lines[0] == package.unit
    assert lines[1] == "2023年度部门整体支出绩效自评报告"
    assert "附件1" in lines and "附件2" in lines and "附件3-1" in lines and "附件3-2" in lines
    title = lines.index("附件3-2") + 1
    assert lines[title] == "2023年度项目支出绩效自评表"
    assert lines[title + 1 : title + 3] == ["\t项目支出名称", f"\t{package.projects[1].name}"]
    signoffs = [line for line in lines if line.startswith("填表人：")]
    assert len(signoffs) == 4 and all("单位负责人签字：" in s for s in signoffs)
    assert any(line and not line.startswith("\t") and line.startswith("2．") for line in lines[lines.index("附件2") :])


def _line_shows(defect: Defect, line: str) -> bool:
    """Whether the line at the key's ``line`` holds the defect."""
    kind = defect.kind
    if kind == "weights-not-100":
        return line == f"\t{defect.expected}"
    if kind in ("indicator-reuse", "empty-goal"):
        return line == "\t"
    if kind == "missing-preparer":
        return line.startswith("填表人： 填报日期")
    if kind == "project-without-table":
        return line.startswith("\t") and line[1:] in (defect.location.split(" · ")[-1],)
    if kind == "project-missing-prose":
        return line.startswith("本年度共实施项目") and defect.expected is not None and defect.expected not in line
    if kind == "table-year":
        return line == f"{defect.found}项目支出绩效自评表"
    if kind == "label-weight":
        return line.startswith("\t") and line.endswith(f"（{defect.found}分）")
    if kind == "low-execution":
        return line == f"\t{defect.found}"
    if kind == "goal-other-project":
        return defect.found is not None and line.startswith("\t1．") and defect.found in line
    assert defect.found is not None
    if defect.family in ("narrative", "dates", "scoring") and not line.startswith("\t"):
        return defect.found.rstrip("分万元年") in line
    return line == f"\t{defect.found}" or (line.startswith("\t") and line.endswith(f"：{defect.found}"))


def test_key_lines_point_at_the_defects() -> None:
    seen: set[str] = set()
    for seed in range(300):
        _, key, text = generate_with_layout(seed, projects=1 + seed % 4)
        lines = text.split("\n")
        for defect in key.defects:
            assert defect.line is not None, defect
            assert _line_shows(defect, lines[defect.line - 1]), (seed, defect, lines[defect.line - 1])
            seen.add(defect.kind)
    assert len(seen) >= 25


def test_writer_anchors_cells() -> None:
    package, _, _ = generate_with_layout(8, projects=2, defects=False)
    written = layout(package)
    lines = written.text.split("\n")
    project = package.projects[0]
    assert lines[written.anchors["2.funds.total.execution_rate"] - 1] == "\t" + project.total.execution_rate.text
    assert lines[written.anchors["2.total.score"] - 1] == "\t" + project.claimed_total.text
    assert lines[written.anchors["2.ind.0.name"] - 1] == "\t" + project.indicators.indicators[0].name.text


@pytest.mark.parametrize("fixture", ["seed000", "seed003"])
def test_real_reports_keep_their_tables_and_money(fixture: str, request: pytest.FixtureRequest) -> None:
    """Not a generated package: the writer still keeps the tables, projects and funds of a real report."""
    path: Path = request.getfixturevalue(fixture)
    package = read_text_file(str(path))
    again = read_text(write_cell_per_line(package))
    assert [d.kind for d in again.documents] == [d.kind for d in package.documents]
    assert [p.name for p in again.projects] == [p.name for p in package.projects]

    def money(p: Package) -> list[tuple[object, ...]]:
        return [
            (t.total.initial_budget.value, t.total.adjusted_budget.value, t.total.executed.value, t.claimed_total.value)
            for t in p.projects
        ]

    assert money(again) == money(package)
    assert [i.name.text for p in again.projects for i in p.indicators.indicators] == [
        i.name.text for p in package.projects for i in p.indicators.indicators
    ]


def test_shenzhen_goals_table_and_scoring_sheet_read_back_the_same(seed002: Path) -> None:
    """Seed 002's goals table and 21-item scoring sheet, written in the cell-per-line layout, read back to the
    same values; only the goals table's title differs (the seed's has none, the writer writes the form's)."""
    package = read_text_file(str(seed002))
    written = layout(package)
    again = read_text(written.text)
    assert again.notes == ()
    assert [d.kind for d in again.documents] == [d.kind for d in package.documents] == ["goals", "scoring"]
    goals, scoring = (without_sources(d) for d in package.documents)
    goals_again, scoring_again = (without_sources(d) for d in again.documents)
    assert isinstance(goals, GoalsTable) and isinstance(goals_again, GoalsTable)
    assert goals_again.title.text == "附件4 2020年度部门（单位）整体支出绩效目标完成情况自评表"
    assert replace(goals_again, title=goals.title) == goals
    assert isinstance(scoring, ScoringSheet) and len(scoring.items) == 21
    assert scoring_again == scoring
    lines = written.text.split("\n")
    assert lines[written.anchors["1.item.20.score"] - 1] == "\t" + scoring.items[20].score.text
    assert lines[written.anchors["1.total.score"] - 1] == "\t" + scoring.claimed_total.text
    assert lines[written.anchors["0.task.total.executed"] - 1] == "\t" + "1680.97"
