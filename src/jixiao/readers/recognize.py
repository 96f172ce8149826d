"""Blocks → a Package: find the tables by their headers and content, the rest is narrative.

Shared by every reader that can produce :class:`~jixiao.readers.blocks.Block` streams
(text extractions, .docx, .xlsx), so a table is recognised the same way wherever it comes from.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Literal

from jixiao.allocation import gc_paused
from jixiao.model import Cell, DepartmentTable, Document, GoalsTable, Package, ReadNote, SignOff, Source
from jixiao.readers.basic_table import read_basic
from jixiao.readers.blocks import Block, Para, Row
from jixiao.readers.evaluation_tables import read_department, read_project
from jixiao.readers.grid import TableContext, clean, norm, norms, year_in
from jixiao.readers.narrative_text import build_cover, build_narratives
from jixiao.readers.sheets import read_goals, read_scoring

Kind = Literal["basic", "department", "project", "scoring", "goals"]

_ATTACHMENT = re.compile(r"^附件\s*[0-9０-９]+(\s*[-－—]\s*[0-9０-９]+)?\s*$")
_TITLE_WORDS: tuple[tuple[str, Kind], ...] = (
    ("基础数据表", "basic"),
    ("目标完成情况自评表", "goals"),
    ("绩效评分表", "scoring"),
    ("项目支出绩效自评表", "project"),
    ("整体支出绩效自评表", "department"),
)
_SIGNOFF = re.compile(
    r"填表人[:：]?\s*(?P<preparer>.*?)\s*(?=填报日期|联系电话|单位负责人|$)"
    r"(?:填报日期[:：]?\s*(?P<date>.*?)\s*(?=联系电话|单位负责人|$))?"
    r"(?:联系电话[:：]?\s*(?P<phone>.*?)\s*(?=单位负责人|$))?"
    r"(?:单位负责人(?:签字)?[:：]?\s*(?P<head>.*?)\s*(?=附件|$))?"
)
_REMARK = re.compile(r"^(备注|说明|注)[:：]")
# Header cells, matched in the row's normalised texts joined by newlines (one cell per line).
_PROJECT_HEADER = re.compile(r"^(?:项目名称$|项目支出名称)", re.M)
_DEPARTMENT_HEADER = re.compile(r"^(?:部门名称|预算部门名称|单位名称)$", re.M)


@lru_cache(maxsize=16384)
def title_kind(text: str) -> Kind | None:
    body = norm(text)
    if len(body) > 60 or "（每个" in body or "(每个" in body:
        return None
    for word, kind in _TITLE_WORDS:
        if word in body:
            return kind
    if body.endswith("数据表") or body == "数据表":
        return "basic"
    return None


def header_kind(row: Row) -> tuple[Kind, bool] | None:
    """The kind of table a row belongs to, and whether it is a title (True) or a header row."""
    texts = norms(row)
    cells = "\n".join(texts)  # one text per line: ^…$ is one cell
    joined = "".join(texts)
    if _PROJECT_HEADER.search(cells):
        return "project", False
    if "财政供养人员情况" in joined:
        return "basic", False
    if _DEPARTMENT_HEADER.search(cells):
        return "department", False
    if "评分标准" in joined and ("评价指标" in joined or "指标说明" in joined):
        return "scoring", False
    if "任务名称" in joined and "完成情况" in joined:
        return "goals", False
    if _may_hold_title(cells):
        for text in texts:
            kind = title_kind(text)
            if kind is not None and len(text) >= 6:
                return kind, True
    return None


def _may_hold_title(text: str) -> bool:
    """False when no cell of the (normalised) text can be a title: every title word ends in one of these."""
    return "数据表" in text or "自评表" in text or "评分表" in text


def _split_at_title(row: Row) -> list[Row]:
    """A title cell glued to the end of the previous table's last row starts a new row."""
    texts = norms(row)
    if len(texts) < 2 or not _may_hold_title("\n".join(texts[1:])):
        return [row]
    for index, cell in enumerate(row.cells):
        if index and title_kind(cell.text) is not None and len(texts[index]) >= 6:
            return [Row(row.cells[:index], row.line), Row(row.cells[index:], cell.line)]
    return [row]


@dataclass(slots=True)
class _Table:
    kind: Kind
    titles: list[Para] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    trailing: list[Para] = field(default_factory=list)
    header_seen: bool = False


@dataclass(slots=True)
class Recognizer:
    file: str | None
    loose: bool = False
    tables: list[_Table] = field(default_factory=list)
    narrative: list[Para] = field(default_factory=list)
    notes: list[ReadNote] = field(default_factory=list)
    pending_titles: list[Para] = field(default_factory=list)
    current: _Table | None = None
    orphan_rows: int = 0

    def feed(self, blocks: list[Block]) -> None:
        for block in blocks:
            if isinstance(block, Para):
                self._para(block)
            else:
                self._row(block)
        self._flush_titles()

    def _para(self, para: Para) -> None:
        text = para.text
        if _ATTACHMENT.match(text) or title_kind(text) is not None:
            self.pending_titles.append(para)
            return
        if self.pending_titles and self._title_continues(para):
            self.pending_titles.append(para)
            return
        self._flush_titles()
        if self.current is not None and (text.startswith(("填表人", "填报人")) or _REMARK.match(text)):
            self.current.trailing.append(para)
            return
        self.current = None
        self.narrative.append(para)

    def _title_continues(self, para: Para) -> bool:
        body = norm(para.text)
        return len(body) <= 12 and ("表" in body or "年度" in body) and not body.endswith("。")

    def _flush_titles(self) -> None:
        # Titles not followed by a table are prose (e.g. the list of attachments).
        if self.pending_titles:
            self.narrative.extend(self.pending_titles)
            self.pending_titles = []

    def _row(self, row: Row) -> None:
        parts = _split_at_title(row)
        if len(parts) > 1:
            for part in parts:
                self._row(part)
            return
        kind_from_title = (
            next((k for k in (title_kind(p.text) for p in self.pending_titles) if k is not None), None)
            if self.pending_titles
            else None
        )
        found = header_kind(row)
        current = self.current
        start: Kind | None = None
        if found is not None and found[1]:
            kind_from_title = kind_from_title or found[0]
        if kind_from_title is not None:
            start = kind_from_title
        elif found is not None:
            kind = found[0]
            same = current is not None and current.kind == kind
            if not same or (current is not None and current.header_seen and kind != "scoring"):
                start = kind
        if (
            start is not None
            and not (current is not None and current.kind == start and not current.header_seen and found and found[1])
            and not (current is not None and current.kind == start and not current.rows)
        ):
            self.current = _Table(start, titles=self.pending_titles)
            self.pending_titles = []
            self.tables.append(self.current)
        elif self.pending_titles and self.current is not None:
            self.current.titles.extend(self.pending_titles)
            self.pending_titles = []
        if self.current is None:
            if any(norms(row)):
                self.orphan_rows += 1
                if self.orphan_rows == 1:
                    self.notes.append(
                        ReadNote(
                            f"第{row.line}行起的表格无法识别为任何已知表格，已跳过",
                            f"the table starting at line {row.line} is not a known table; skipped",
                            Source(self.file, row.line),
                        )
                    )
            return
        if found is not None and not found[1] and found[0] == self.current.kind:
            self.current.header_seen = True
        self.current.rows.append(row)


def _table_name(table: _Table, index: int) -> str:
    for para in table.titles:
        if _ATTACHMENT.match(para.text):
            return norm(para.text)
    defaults = {
        "basic": "基础数据表",
        "department": "部门整体支出绩效自评表",
        "project": f"项目支出绩效自评表{index}",
        "scoring": "绩效评分表",
        "goals": "绩效目标完成情况自评表",
    }
    return defaults[table.kind]


def _signoff(paras: list[Para], file: str | None, table: str) -> SignOff:
    for para in paras:
        if not para.text.startswith(("填表人", "填报人")):
            continue
        match = _SIGNOFF.match(para.text.replace("填报人", "填表人", 1))
        if not match:
            continue
        source = Source(file, para.line, table)

        def cell(name: str) -> Cell:
            return Cell((match.group(name) or "").strip(" \u3000"), source)  # noqa: B023

        return SignOff(cell("preparer"), cell("date"), cell("phone"), cell("head"), source)
    return SignOff()


def recognize(blocks: list[Block], *, file: str | None, loose: bool = False) -> Package:
    with gc_paused():
        return _recognize(blocks, file=file, loose=loose)


def _recognize(blocks: list[Block], *, file: str | None, loose: bool) -> Package:
    recognizer = Recognizer(file, loose=loose)
    recognizer.feed(blocks)
    documents: list[Document] = []
    notes = list(recognizer.notes)
    projects = 0
    years: Counter[int] = Counter()
    for table in recognizer.tables:
        if not table.rows:
            continue
        if table.kind == "project":
            projects += 1
        name = _table_name(table, projects)
        ctx = TableContext(file, name)
        title_text = " ".join(clean(p.text) for p in table.titles)
        title = Cell(title_text, Source(file, table.titles[0].line if table.titles else table.rows[0].line, name))
        year = year_in(title_text) or _year_in_rows(table.rows)
        if year:
            years[year] += 1
        signoff = _signoff(table.trailing, file, name)
        document: Document
        if table.kind == "project":
            document = read_project(ctx, table.rows, title, year, signoff, loose)
        elif table.kind == "department":
            document = read_department(ctx, table.rows, title, year, signoff, loose)
        elif table.kind == "basic":
            document = read_basic(ctx, table.rows, title, year, signoff)
            # Without a year in its title, the basic data's year is that of its current-year column
            # ("2022年决算数"), not the first year in its rows (which may be last year's column).
            current = year_in(document.column_labels[2])
            if not year_in(title_text) and current:
                if document.year:
                    years[document.year] -= 1
                years[current] += 1
                document = replace(document, year=current)
        elif table.kind == "scoring":
            document = read_scoring(ctx, table.rows, title, year, signoff)
        else:
            document = read_goals(ctx, table.rows, title, year, signoff, loose=True)
            if document.year:
                years[document.year] += 2
        documents.append(document)
    narratives = build_narratives(recognizer.narrative, file)
    cover = build_cover(recognizer.narrative, file)
    for narrative in narratives:
        found = year_in(narrative.title)
        if found:
            years[found] += 1
    unit = _unit(documents, cover.unit.text)
    if not documents:
        notes.append(
            ReadNote(
                "没有找到任何绩效表格（基础数据表、自评表、评分表）",
                "no performance table (basic data, self-evaluation, scoring sheet) was found",
                Source(file),
            )
        )
    return Package(
        unit=unit,
        year=years.most_common(1)[0][0] if years else None,
        cover=cover,
        documents=tuple(documents),
        narratives=narratives,
        notes=tuple(notes),
        source_file=file,
        source=Source(file),
    )


def _year_in_rows(rows: list[Row]) -> int | None:
    for row in rows[:4]:
        for cell in row.cells:
            found = year_in(cell.text)
            if found:
                return found
    return None


def _unit(documents: list[Document], cover_unit: str) -> str | None:
    for document in documents:
        if isinstance(document, DepartmentTable) and document.name:
            return document.name
        if isinstance(document, GoalsTable) and document.unit.text:
            return norm(document.unit.text)
    return cover_unit or None
