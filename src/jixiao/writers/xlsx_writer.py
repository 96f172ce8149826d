"""A package → an .xlsx workbook in the official layout, with live formulas.

One sheet per table (基础数据表, 部门整体自评表, 项目3-1 …, 绩效评分表, 绩效目标表). Official
columns hold the package's figures as inputs; grey helper columns recompute rates, scores,
subtotals, totals and grades with formulas, so a user who changes an actual value in Excel or
WPS sees the score change. The workbook recalculates on open (formulas written here carry no
cached results). The lossless package JSON is embedded in a very hidden sheet so that
:func:`jixiao.readers.xlsx_reader.read_xlsx` gives the package back exactly.
"""

from __future__ import annotations

import re

from jixiao.frameworks import Framework, PackageScore, detect_framework, get_framework, score_package
from jixiao.model import BasicData, DepartmentTable, GoalsTable, Package, ProjectTable, ScoringSheet
from jixiao.writers.xlsx_embed import DATA_SHEET, MARKER, InputCell, chunks, fingerprint, json_hash
from jixiao.writers.xlsx_other import write_basic, write_goals_table, write_scoring
from jixiao.writers.xlsx_parts import workbook_bytes
from jixiao.writers.xlsx_sheet import SheetWriter
from jixiao.writers.xlsx_tables import write_table

MAX_SHEET_NAME = 31
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\']")
_PROJECT_NUMBER = re.compile(r"附件\s*(\d+\s*[-－—]\s*\d+)")


def sheet_name(wanted: str, used: set[str]) -> str:
    """A valid, unique sheet name: ≤ 31 characters, none of []:*?/\\ or quotes."""
    base = _BAD_SHEET_CHARS.sub("", wanted).strip() or "表"
    base = base[:MAX_SHEET_NAME]
    name, counter = base, 2
    while name.lower() in {u.lower() for u in used} or name == DATA_SHEET:
        suffix = f"({counter})"
        name = base[: MAX_SHEET_NAME - len(suffix)] + suffix
        counter += 1
    used.add(name)
    return name


def _wanted_name(document: object, project_index: int) -> str:
    if isinstance(document, BasicData):
        return "基础数据表"
    if isinstance(document, DepartmentTable):
        return "部门整体自评表"
    if isinstance(document, ProjectTable):
        match = _PROJECT_NUMBER.search(document.title.text)
        number = re.sub(r"\s+|[－—]", "-", match.group(1)) if match else f"3-{project_index}"
        return f"项目{number} {document.name}"
    if isinstance(document, ScoringSheet):
        return "绩效评分表"
    if isinstance(document, GoalsTable):
        return "绩效目标表"
    return "表"


def _framework(package: Package, score: PackageScore | None) -> Framework:
    if score is not None:
        return score.framework
    if package.framework:
        try:
            return get_framework(package.framework)
        except Exception:
            pass
    return detect_framework(package)


def write_xlsx(package: Package, score: PackageScore | None) -> bytes:
    """The package as .xlsx bytes. ``score`` may be None: the package is then scored here."""
    framework = _framework(package, score)
    if score is None:
        score = score_package(package, framework)
    used: set[str] = set()
    sheets: list[SheetWriter] = []
    inputs: list[InputCell] = []
    projects = 0
    for document in package.documents:
        if isinstance(document, ProjectTable):
            projects += 1
        writer = SheetWriter(sheet_name(_wanted_name(document, projects), used))
        if isinstance(document, ProjectTable | DepartmentTable):
            write_table(writer, document, score.for_document(document), framework)
        elif isinstance(document, BasicData):
            write_basic(writer, document)
        elif isinstance(document, ScoringSheet):
            write_scoring(writer, document, score.for_document(document), framework)
        else:
            write_goals_table(writer, document)
        writer.freeze = _freeze_row(writer)
        writer.print_setup = True
        writer.protect()
        sheets.append(writer)
    if not package.documents:
        writer = SheetWriter(sheet_name("说明", used))
        writer.text(writer.next_row(), 1, "报告包中没有表格 / the package holds no tables", "jx_note")
        sheets.append(writer)
    for writer in sheets:
        inputs.extend((writer.title, r, c, v) for r, c, v in writer.inputs)
    sheets.append(_embedded(package, fingerprint(inputs)))
    return workbook_bytes(sheets)


def _freeze_row(writer: SheetWriter) -> int:
    """Freeze the title rows: the first row that is not a title or attachment line."""
    for row in range(1, min(writer.row, 4) + 1):
        if writer.style_at(row, 1) not in ("jx_title", "jx_note"):
            return row
    return 2


def _embedded(package: Package, prints: str) -> SheetWriter:
    """The very hidden, protected sheet with the package JSON in chunks."""
    from jixiao.jsonformat import dumps

    text = dumps(package, indent=None)
    writer = SheetWriter(DATA_SHEET, protected=True, hidden=True)
    parts = chunks(text)
    header = (MARKER, package.format_version, json_hash(text), str(len(parts)), prints)
    for column, value in enumerate(header, start=1):
        writer.raw_text(1, column, value)
    for index, part in enumerate(parts, start=2):
        writer.raw_text(index, 1, part)
    return writer
