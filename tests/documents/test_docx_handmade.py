"""A .docx made by hand with python-docx (its own table order, merges via cell.merge, numbered
headings) reads the same as its text extraction (cell per line)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
import pytest

from jixiao.readers import read_package
from jixiao.readers.docx_reader import read_docx, read_tables
from jixiao.readers.text import read_text

NARRATIVE = [
    "某某市档案馆2023年度部门整体支出绩效自评报告",
    "一、部门基本情况",
    "本单位负责全市档案的收集、保管和利用，编制10人，实有9人。",
    "二、一般公共预算支出情况",
    "全年预算数为120.50万元，执行数为118.20万元，执行率为98.09%。",
]

# Rows of a project table: "<" marks a cell merged into its left neighbour, None one merged into
# the cell above (a vertical merge).
L = "<"
PROJECT: list[list[str | None]] = [
    ["项目支出名称", "档案数字化", L, L, L, L, L, L, L],
    ["主管部门", "某某市档案局", L, L, "实施单位", "某某市档案馆", L, L, L],
    ["项目资金（万元）", "", L, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    [None, "年度资金总额", L, "80", "90.5", "88.25", "10", "97.51%", "9.75"],
    [None, "其中：当年财政拨款", L, "80", "90.5", "88.25", "", "", ""],
    [None, "上年结转资金", L, "0", "0", "0", "", "", ""],
    [None, "其他资金", L, "0", "0", "0", "", "", ""],
    ["年度总体目标", "预期目标", L, L, L, "实际完成情况", L, L, L],
    [None, "完成2万卷档案数字化", L, L, L, "完成2.1万卷", L, L, L],
    [
        "绩效指标",
        "一级指标",
        "二级指标",
        "三级指标",
        "年度指标值",
        "实际完成值",
        "分值",
        "得分",
        "偏差原因分析及改进措施",
    ],
    [None, "产出指标（50分）", "数量指标", "数字化卷数", "≥2万卷", "2.1万卷", "30", "30", ""],
    [None, None, "质量指标", "验收合格率", "100%", "100%", "20", "20", ""],
    [None, "效益指标（30分）", "社会效益指标", "查档便利度", "提高", "明显提高", "30", "28", "部分档案尚未上线"],
    [None, "满意度指标（10分）", "服务对象满意度指标", "查档群众满意度", "≥90%", "95%", "10", "10", ""],
    ["总分", L, L, L, L, L, "100", "97.75", ""],
]


def _merge_same(table: docx.table.Table, rows: list[list[str | None]]) -> None:
    """Fill cells, merging "<" cells across and None cells downwards (python-docx cell.merge)."""
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            if value == L:
                continue
            if value is None:
                top = r
                while rows[top][c] is None:
                    top -= 1
                table.cell(top, c).merge(table.cell(r, c))
                continue
            end = c
            while end + 1 < len(values) and values[end + 1] == L:
                end += 1
            cell = table.cell(r, c)
            if end > c:
                cell = cell.merge(table.cell(r, end))
            cell.text = value


def _text_extraction(rows: list[list[str | None]]) -> str:
    """The same table as a .docx extraction shows it: one line per Word cell, a blank line per row."""
    lines: list[str] = []
    for values in rows:
        lines.extend("\t" + (value or "") for value in values if value != L)
        lines.append("")
    return "\n".join(lines)


@pytest.fixture
def handmade(tmp_path: Path) -> tuple[Path, str]:
    document = docx.Document()
    for text in NARRATIVE:
        document.add_paragraph(text)
    document.add_paragraph("附件3-1")
    document.add_paragraph("2023年度项目支出绩效自评表")
    table = document.add_table(rows=len(PROJECT), cols=9)
    _merge_same(table, PROJECT)
    document.add_paragraph("填表人：张三    填报日期：2024年3月1日    联系电话：1234567    单位负责人签字：李四")
    path = tmp_path / "handmade.docx"
    document.save(str(path))
    text = "\n".join(NARRATIVE) + "\n附件3-1\n2023年度项目支出绩效自评表\n" + _text_extraction(PROJECT)
    text += "\n填表人：张三    填报日期：2024年3月1日    联系电话：1234567    单位负责人签字：李四\n"
    return path, text


def test_handmade_docx_reads_like_its_text(handmade: tuple[Path, str], summarize: Any, differ: Any) -> None:
    path, text = handmade
    from_docx = read_docx(str(path))
    from_text = read_text(text)
    assert [d.kind for d in from_docx.documents] == ["project"]
    difference = differ(summarize(from_docx), summarize(from_text))
    assert difference is None, difference
    project = from_docx.projects[0]
    assert project.name == "档案数字化"
    assert str(project.total.executed.value) == "88.25"
    assert [str(i.score.value) for i in project.indicators.indicators] == ["30", "20", "28", "10"]
    assert [i.level2 for i in project.indicators.indicators][:2] == ["数量指标", "质量指标"]
    assert str(project.claimed_total.value) == "97.75"
    assert project.signoff.head.text == "李四"
    sections = [s.title for s in from_docx.narratives[0].sections if s.title]
    assert (
        sections
        == [s.title for s in from_text.narratives[0].sections if s.title]
        == ["部门基本情况", "一般公共预算支出情况"]
    )


def test_handmade_docx_through_read_package(handmade: tuple[Path, str]) -> None:
    path, _ = handmade
    package = read_package(str(path))
    assert package.projects and package.projects[0].implementing_unit.text == "某某市档案馆"


def test_logical_grid_keeps_merges(handmade: tuple[Path, str]) -> None:
    path, _ = handmade
    grid = read_tables(str(path))[0]
    assert len(grid) == len(PROJECT)
    assert all(len(row) == 9 for row in grid)
    # Merged across: the text once, then blanks; merged down: blank continuation cells.
    assert grid[0][:3] == ["项目支出名称", "档案数字化", ""]
    assert grid[14][6:8] == ["100", "97.75"]
    assert grid[3][0] == "" and grid[2][0] == "项目资金（万元）"
    assert grid[11][1] == "" and grid[10][1] == "产出指标（50分）"


def test_numbered_headings_are_rebuilt(tmp_path: Path) -> None:
    """Headings numbered by Word's list numbering (no "一、" in the text) keep their numbers."""
    document = docx.Document()
    document.add_paragraph("某某局2023年度部门整体支出绩效自评报告")
    numbering = document.part.numbering_part.element
    abstract = numbering.makeelement(docx.oxml.ns.qn("w:abstractNum"), {docx.oxml.ns.qn("w:abstractNumId"): "90"})
    level = abstract.makeelement(docx.oxml.ns.qn("w:lvl"), {docx.oxml.ns.qn("w:ilvl"): "0"})
    for tag, value in (("w:start", "1"), ("w:numFmt", "chineseCounting"), ("w:lvlText", "%1、")):
        level.append(level.makeelement(docx.oxml.ns.qn(tag), {docx.oxml.ns.qn("w:val"): value}))
    abstract.append(level)
    numbering.insert(0, abstract)
    num = numbering.makeelement(docx.oxml.ns.qn("w:num"), {docx.oxml.ns.qn("w:numId"): "90"})
    num.append(num.makeelement(docx.oxml.ns.qn("w:abstractNumId"), {docx.oxml.ns.qn("w:val"): "90"}))
    numbering.append(num)
    for title in ("部门基本情况", "一般公共预算支出情况"):
        paragraph = document.add_paragraph(title, style="List Number")
        ppr = paragraph._p.get_or_add_pPr()
        num_pr = ppr.makeelement(docx.oxml.ns.qn("w:numPr"), {})
        for tag, value in (("w:ilvl", "0"), ("w:numId", "90")):
            num_pr.append(num_pr.makeelement(docx.oxml.ns.qn(tag), {docx.oxml.ns.qn("w:val"): value}))
        ppr.append(num_pr)
        document.add_paragraph("正文内容。")
    path = tmp_path / "numbered.docx"
    document.save(str(path))
    package = read_docx(str(path))
    narrative = package.narratives[0]
    assert [(s.number, s.title) for s in narrative.sections if s.title] == [
        ("一", "部门基本情况"),
        ("二", "一般公共预算支出情况"),
    ]
