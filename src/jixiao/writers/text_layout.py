"""A package → the cell-per-line text layout of domain.md §7 (what .docx extractions look like).

Paragraphs are lines; a table cell is a line starting with a tab; a blank line ends a row; a cell
holding several lines continues on lines without a tab. The narrative comes first (cover, then
numbered sections), then the tables, each after its attachment number and title and followed by its
sign-off line. Shenzhen's goals table and scoring sheet are written row for row as the Word export
lays them out (docx_sheets.py), with the cells' texts as written. :func:`jixiao.readers.text.read_text`
reads the result back to the same values.

:func:`layout` also says on which line every cell was written (``anchors``), e.g.
``"2.funds.total.executed"`` (document 2, the 年度资金总额 row, 全年执行数) or ``"n0.3.1"``
(narrative 0, section 3, paragraph 1).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from jixiao.model import (
    BasicData,
    DepartmentTable,
    Document,
    Figure,
    FundsRow,
    Goal,
    GoalsTable,
    IndicatorBlock,
    Narrative,
    Package,
    ProjectTable,
    ScoringSheet,
    SignOff,
    TaskRow,
)
from jixiao.writers.docx_sheets import goals_columns
from jixiao.writers.docx_tables import INDICATOR_HEADINGS, level1_plan

_FUNDS_FIELDS = ("initial_budget", "adjusted_budget", "executed", "weight", "execution_rate", "score")
_FUNDS_HEADER = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分")
_INDICATOR_HEADER = (
    "绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值",
    "分值", "得分", "偏差原因分析及改进措施",
)  # fmt: skip
_SCORING_HEADER = ("一级指标", "二级指标", "三级指标", "分值", "指标说明", "评分标准", "得分")
_DEFAULT_TITLES = {
    "basic": "部门整体支出绩效评价基础数据表",
    "department": "部门整体支出绩效自评表",
    "project": "项目支出绩效自评表",
    "goals": "部门（单位）整体支出绩效目标完成情况自评表",
    "scoring": "部门整体支出绩效评分表",
}

Cells = list[tuple[str, str | None]]  # (text, anchor key)


@dataclass(slots=True)
class Layout:
    text: str
    anchors: dict[str, int] = field(default_factory=dict)  # key → 1-based line


@dataclass(slots=True)
class _Writer:
    lines: list[str] = field(default_factory=list)
    anchors: dict[str, int] = field(default_factory=dict)

    def para(self, text: str, key: str | None = None) -> None:
        for part in _one_line(text).split("\n"):
            if part.strip(" \u3000"):
                if key is not None and key not in self.anchors:
                    self.anchors[key] = len(self.lines) + 1
                self.lines.append(part)

    def row(self, cells: Sequence[tuple[str, str | None]]) -> None:
        lines, anchors = self.lines, self.anchors
        for text, key in cells:
            if key is not None:
                anchors[key] = len(lines) + 1
            if "\n" not in text and "\t" not in text and "\r" not in text:
                lines.append("\t" + text.lstrip(" "))
                continue
            parts = [p for p in _one_line(text).split("\n") if p.strip(" \u3000")] or [""]
            lines.append("\t" + parts[0].lstrip(" "))
            lines.extend(p.strip(" ") for p in parts[1:])
        lines.append("")

    def blank(self) -> None:
        if self.lines and self.lines[-1] != "":
            self.lines.append("")


def _one_line(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")


def _figures(row: FundsRow) -> list[Figure]:
    return [getattr(row, name) for name in _FUNDS_FIELDS]


def _signoff(out: _Writer, signoff: SignOff, key: str) -> None:
    out.blank()
    out.para(
        f"填表人：{signoff.preparer.text} 填报日期：{signoff.date.text} 联系电话：{signoff.phone.text} "
        f"单位负责人签字：{signoff.head.text}",
        key,
    )
    out.blank()


def _title(out: _Writer, document: Document, d: int, attachment: str) -> None:
    text = document.title.text.strip()
    head, _, rest = text.partition(" ")
    if head.startswith("附件") and rest.strip():
        out.para(head, f"{d}.attachment")
        out.para(rest.strip(), f"{d}.title")
        return
    if text:  # a title as written, without an attachment number: keep it as it is
        out.para(text, f"{d}.title")
        return
    out.para(attachment, f"{d}.attachment")
    year = f"{document.year}年度" if document.year else ""
    out.para(year + _DEFAULT_TITLES.get(document.kind, document.name), f"{d}.title")


def _basic(out: _Writer, basic: BasicData, d: int) -> None:
    year = basic.year
    staffing = basic.staffing
    out.row(
        [("财政供养人员情况（人）", None), ("编制数", None), (f"{year or ''}年实际在职人数", None), ("控制率", None)]
    )
    out.row(
        [
            ("", None),
            (staffing.authorized.text, f"{d}.staff.authorized"),
            (staffing.actual.text, f"{d}.staff.actual"),
            (staffing.control_rate.text, f"{d}.staff.control_rate"),
        ]
    )
    out.row([("经费控制情况（万元）", None), *((label, None) for label in basic.column_labels)])
    for i, expense in enumerate(basic.expenses):
        out.row(
            [
                (expense.label.text, f"{d}.exp.{i}.label"),
                (expense.previous_final.text, f"{d}.exp.{i}.previous_final"),
                (expense.budget.text, f"{d}.exp.{i}.budget"),
                (expense.final.text, f"{d}.exp.{i}.final"),
            ]
        )
    headers = (
        "批复规模（㎡）",
        "实际规模（㎡）",
        "规模控制率",
        "预算投资（万元）",
        "实际投资（万元）",
        "投资概算控制率",
    )
    out.row([(f"楼堂馆所控制情况（{year or ''}年完工项目）", None), *((h, None) for h in headers)])
    for b in basic.buildings or ():
        figures = (b.approved_area, b.actual_area, b.area_control_rate, b.budget_investment, b.actual_investment)
        out.row([("", None), *((f.text, None) for f in (*figures, b.investment_control_rate))])
    if not basic.buildings:
        out.row([("", None)] * 7)
    out.row([("厉行节约保障措施", None), (basic.savings_measures.text, f"{d}.savings")])


def _funds(out: _Writer, label: str, rows: list[tuple[str, FundsRow]], d: int) -> None:
    out.row([(label, None), ("", None), *((h, None) for h in _FUNDS_HEADER)])
    for key, row in rows:
        cells: Cells = [("", f"{d}.funds.{key}"), (row.label.text, f"{d}.funds.{key}.label")]
        cells += [(f.text, f"{d}.funds.{key}.{name}") for f, name in zip(_figures(row), _FUNDS_FIELDS, strict=True)]
        out.row(cells)


def _goal_rows(out: _Writer, goals: tuple[Goal, ...], d: int) -> None:
    """One row per goal: a blank label cell, then 预期目标 and 实际完成情况."""
    for i, goal in enumerate(goals):
        out.row(
            [
                ("", f"{d}.goal.{i}"),
                (goal.expected.text, f"{d}.goal.{i}.expected"),
                (goal.actual.text, f"{d}.goal.{i}.actual"),
            ]
        )


def _goals(out: _Writer, document: DepartmentTable | ProjectTable, d: int) -> None:
    out.row([("年度总体目标", None), ("预期目标", None), ("实际完成情况", None)])
    _goal_rows(out, document.goals, d)
    if not document.goals:
        out.row([("", None), ("", f"{d}.goal.0.expected"), ("", f"{d}.goal.0.actual")])


def _indicators(out: _Writer, block: IndicatorBlock, d: int) -> None:
    out.row([(h, None) for h in _INDICATOR_HEADER])
    used: set[int] = set()
    level1, level2 = None, None
    for i, indicator in enumerate(block.indicators):
        label, label_key = "", None
        if indicator.level1 != level1:
            level1, level2 = indicator.level1, None
            found = next((g for g, group in enumerate(block.groups) if group.level1 == level1 and g not in used), None)
            if found is not None:
                used.add(found)
                label, label_key = block.groups[found].text, f"{d}.group.{found}"
            else:
                label = level1
        second = ""
        if indicator.level2 != level2:
            level2 = indicator.level2
            second = indicator.level2
        out.row(
            [
                ("", f"{d}.ind.{i}"),
                (label, label_key),
                (second, None),
                (indicator.name.text, f"{d}.ind.{i}.name"),
                (indicator.target.text, f"{d}.ind.{i}.target"),
                (indicator.actual.text, f"{d}.ind.{i}.actual"),
                (indicator.weight.text, f"{d}.ind.{i}.weight"),
                (indicator.score.text, f"{d}.ind.{i}.score"),
                (indicator.deviation_reason.text, f"{d}.ind.{i}.deviation_reason"),
            ]
        )


def _total(out: _Writer, document: DepartmentTable | ProjectTable, d: int) -> None:
    out.row(
        [
            ("总分", None),
            (document.total_weight.text, f"{d}.total.weight"),
            (document.claimed_total.text, f"{d}.total.score"),
        ]
    )


def _department(out: _Writer, table: DepartmentTable, d: int) -> None:
    out.row([("预算部门名称", None), (table.name, f"{d}.name")])
    _funds(out, "年度预算申请（万元）", [("total", table.total)], d)
    out.row([("", None), ("按收入性质分：", None), ("按支出性质分：", None)])
    for i in range(max(len(table.by_income), len(table.by_nature))):
        cells: Cells = [("", None)]
        for kind, items in (("income", table.by_income), ("nature", table.by_nature)):
            if i < len(items):
                prefix = "其中：" if i == 0 else ""
                cells.append((f"{prefix}{items[i].label}：{items[i].figure.text}", f"{d}.{kind}.{i}"))
            else:
                cells.append(("", None))
        out.row(cells)
    _goals(out, table, d)
    _indicators(out, table.indicators, d)
    _total(out, table, d)


def _project(out: _Writer, table: ProjectTable, d: int) -> None:
    out.row([("项目支出名称", None), (table.name, f"{d}.name")])
    out.row(
        [
            ("主管部门", None),
            (table.competent_department.text, f"{d}.competent"),
            ("实施单位", None),
            (table.implementing_unit.text, f"{d}.implementing"),
        ]
    )
    rows = [("total", table.total)]
    for key in ("current_appropriation", "carryover", "other_funds"):
        row = getattr(table, key)
        if row is not None:
            rows.append((key, row))
    _funds(out, "项目资金（万元）", rows, d)
    _goals(out, table, d)
    _indicators(out, table.indicators, d)
    _total(out, table, d)


def _task(out: _Writer, task: TaskRow, key: str) -> None:
    figures = (task.budget, task.budget_fiscal, task.executed, task.executed_fiscal)
    names = ("budget", "budget_fiscal", "executed", "executed_fiscal")
    out.row(
        [
            ("", None),
            (task.name.text, f"{key}.name"),
            (task.status.text, f"{key}.status"),
            *((f.text, f"{key}.{name}") for f, name in zip(figures, names, strict=True)),
        ]
    )


def _goals_table(out: _Writer, table: GoalsTable, d: int) -> None:
    """部门（单位）整体支出绩效目标完成情况自评表: unit, tasks with their money, goals, indicators."""
    year = [("预算年度", None), (str(table.year), f"{d}.year")] if table.year else []
    out.row([("部门（单位）名称", None), (table.unit.text, f"{d}.unit"), *year])
    out.row([(t, None) for t in ("年度主要任务完成情况", "任务名称", "完成情况", "预算数（万元）", "执行数（万元）")])
    out.row([("", None)] * 3 + [(t, None) for t in ("全额", "其中：财政拨款", "全额", "其中：财政拨款")])
    for i, task in enumerate(table.tasks):
        _task(out, task, f"{d}.task.{i}")
    if table.task_total is not None:
        _task(out, table.task_total, f"{d}.task.total")
    out.row([("年度总体目标完成情况", None), ("预期目标", None), ("实际完成情况", None)])
    _goal_rows(out, table.goals, d)
    _goal_indicators(out, table.indicators, d)


def _goal_indicators(out: _Writer, block: IndicatorBlock, d: int) -> None:
    """The indicator block with the goals table's columns; a label that heads no indicator gets a row of its own."""
    columns = goals_columns(block)
    out.row([("年度绩效指标完成情况", None), *((INDICATOR_HEADINGS[c], None) for c in columns)])
    level1_texts, orphans = level1_plan(block)
    indicators = block.indicators
    for index in range(len(indicators) + 1):
        for text in orphans.get(index, ()):
            out.row([("", None), (text, None), *([("", None)] * (len(columns) - 1))])
        if index == len(indicators):
            break
        indicator = indicators[index]
        previous = indicators[index - 1] if index else None
        new_level2 = (
            previous is None
            or bool(level1_texts[index])
            or index in orphans
            or (previous.level1, previous.level2) != (indicator.level1, indicator.level2)
        )
        key = f"{d}.ind.{index}"
        texts = {
            "level1": (level1_texts[index], None),
            "level2": (indicator.level2 if new_level2 else "", None),
            "name": (indicator.name.text, f"{key}.name"),
            "operator": (indicator.operator.text if indicator.operator else "", None),
            "unit": (indicator.unit.text if indicator.unit else "", None),
            "target": (indicator.target.text, f"{key}.target"),
            "actual": (indicator.actual.text, f"{key}.actual"),
            "weight": (indicator.weight.text, f"{key}.weight"),
            "score": (indicator.score.text, f"{key}.score"),
            "reason": (indicator.deviation_reason.text, f"{key}.deviation_reason"),
        }
        out.row([("", key), *(texts[c] for c in columns)])


def _scoring(out: _Writer, sheet: ScoringSheet, d: int) -> None:
    """部门整体支出绩效评分表: one row per level-3 item, level-1/level-2 cells blank below their first row."""
    out.row([(h, None) for h in _SCORING_HEADER])
    unused = list(sheet.groups)
    level1: str | None = None
    level2: str | None = None
    for i, item in enumerate(sheet.items):
        first, second = "", ""
        if item.level1 != level1:
            group = next((g for g in unused if g.level1 == item.level1), None)
            if group is not None:
                unused.remove(group)
            first, level2 = (group.text if group is not None else item.level1), None
        if item.level2 != level2:
            second = item.level2
        level1, level2 = item.level1, item.level2
        key = f"{d}.item.{i}"
        out.row(
            [
                (first, None),
                (second, None),
                (item.name.text, f"{key}.name"),
                (item.weight.text, f"{key}.weight"),
                (item.description.text, f"{key}.description"),
                (item.criteria.text, f"{key}.criteria"),
                (item.score.text, f"{key}.score"),
            ]
        )
    out.row([("综合评分", None), (sheet.claimed_total.text, f"{d}.total.score")])
    out.row([("评分等级", None), (sheet.claimed_grade.text, f"{d}.grade")])


def _narrative(out: _Writer, narrative: Narrative, k: int) -> None:
    first = narrative.sections[0] if narrative.sections else None
    repeated = first is not None and first.paragraphs and first.paragraphs[0].text.strip() == narrative.title.strip()
    if narrative.title and not repeated:
        out.para(narrative.title, f"n{k}.title")
    for s, section in enumerate(narrative.sections):
        if section.number:
            heading = (
                f"（{section.number}）{section.title}" if section.level == 2 else f"{section.number}、{section.title}"
            )
            out.para(heading, f"n{k}.{s}")
        for p, paragraph in enumerate(section.paragraphs):
            out.para(paragraph.text, f"n{k}.{s}.{p}")


def _cover(out: _Writer, package: Package) -> None:
    cover = package.cover
    for label, cell in (
        ("单位名称：", cover.unit),
        ("主要负责人签字：", cover.head),
        ("填报人：", cover.preparer),
        ("联系电话：", cover.phone),
    ):
        if cell.text:
            out.para(label + cell.text)
    if cover.date.text:
        out.para(cover.date.text)


def layout(package: Package) -> Layout:
    """The text and the line of every cell, paragraph and sign-off."""
    out = _Writer()
    department = [n for n in package.narratives if n.kind == "department"]
    if package.unit and (department or not package.narratives):
        out.para(package.unit, "unit")
    if not department:
        _cover(out, package)
    for k, narrative in enumerate(package.narratives):
        if narrative.kind == "department":
            _narrative(out, narrative, k)
    out.blank()
    projects = 0
    extra = 4  # attachment numbers after the projects', as the Word export numbers them
    for d, document in enumerate(package.documents):
        if isinstance(document, BasicData):
            _title(out, document, d, "附件1")
            _basic(out, document, d)
        elif isinstance(document, DepartmentTable):
            _title(out, document, d, "附件2")
            _department(out, document, d)
        elif isinstance(document, ProjectTable):
            projects += 1
            _title(out, document, d, f"附件3-{projects}")
            _project(out, document, d)
        else:
            _title(out, document, d, f"附件{extra}")
            extra += 1
            if isinstance(document, GoalsTable):
                _goals_table(out, document, d)
            else:
                _scoring(out, document, d)
        _signoff(out, getattr(document, "signoff", SignOff()), f"{d}.signoff")
    for k, narrative in enumerate(package.narratives):
        if narrative.kind != "department":
            _narrative(out, narrative, k)
            out.blank()
    while out.lines and out.lines[-1] == "":
        out.lines.pop()
    return Layout("\n".join(out.lines) + "\n", out.anchors)


def write_cell_per_line(package: Package) -> str:
    return layout(package).text
