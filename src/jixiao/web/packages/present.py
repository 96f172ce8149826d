"""What the templates show: scores and findings of a pipeline result, arranged per table and row.

Nothing here computes a score: every number comes from jixiao.pipeline's FileResult.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import Decimal
from threading import Lock
from typing import Any

from jixiao.audit import Finding
from jixiao.model import Package, Source, fmt2, fmt_percent
from jixiao.pipeline import FileResult


def anchor(doc: int, *parts: object) -> str:
    return "-".join([f"d{doc}", *(str(p) for p in parts)])


@dataclass
class FindingView:
    finding: Finding
    doc: int | None
    anchor: str | None


@dataclass
class DocumentView:
    index: int
    document: Any
    score: Any  # DocumentScore | None
    rows: list[dict[str, Any]] = field(default_factory=list)  # indicator rows with their recomputed score
    items: list[dict[str, Any]] = field(default_factory=list)  # scoring-sheet items with theirs
    findings: list[FindingView] = field(default_factory=list)

    @property
    def execution_rate(self) -> str:
        execution = getattr(self.score, "execution", None)
        return fmt_percent(execution.rate) if execution is not None and execution.rate is not None else ""

    @property
    def execution_score(self) -> str:
        execution = getattr(self.score, "execution", None)
        return fmt2(execution.computed) if execution is not None else ""

    @property
    def total(self) -> str:
        return fmt2(getattr(self.score, "computed_total", None))

    @property
    def grade(self) -> str:
        return str(getattr(self.score, "computed_grade", "") or "")

    @property
    def groups(self) -> list[dict[str, str]]:
        out: list[dict[str, str]] = []
        for group in getattr(self.score, "groups", ()):
            out.append({"name": group.level1, "weight": fmt2(group.weight_sum), "score": fmt2(group.computed_sum)})
            for sub in group.level2:
                out.append(
                    {
                        "name": f"　{sub.level2}",
                        "weight": fmt2(sub.weight_sum),
                        "score": fmt2(sub.computed_sum),
                    }
                )
        return out


def _source_key(source: Source) -> tuple[str | None, int | None, int | None]:
    return (source.table, source.row, source.column)


SourceIndex = dict[tuple[str | None, int | None, int | None], tuple[int, str]]
FUNDS_FIELDS = ("initial_budget", "adjusted_budget", "executed", "weight", "execution_rate", "score")
_INDEXES: OrderedDict[tuple[int, int], tuple[Any, list[tuple[Source, str]]]] = OrderedDict()
_INDEX_LOCK = Lock()
_INDEX_SIZE = 512


def _fields(document: Any, doc: int) -> list[tuple[Source, str]]:
    """(Source, anchor id) of every form field of one table, in the order of the form."""
    out: list[tuple[Source, str]] = []
    prefix = f"d{doc}-"

    def put(source: Source, target: str) -> None:
        if source.table and source.row is not None:
            out.append((source, prefix + target))

    kind = document.kind
    if kind == "basic":
        staffing = document.staffing
        for name in ("authorized", "actual", "control_rate"):
            put(getattr(staffing, name).source, f"staff-{name}")
        put(staffing.source, "staff-authorized")
        for row, expense in enumerate(document.expenses):
            put(expense.label.source, f"exp-{row}-label")
            for name in ("previous_final", "budget", "final"):
                put(getattr(expense, name).source, f"exp-{row}-{name}")
            put(expense.source, f"exp-{row}-label")
        for row, building in enumerate(document.buildings):
            for name in ("approved_area", "actual_area", "area_control_rate", "budget_investment",
                         "actual_investment", "investment_control_rate"):  # fmt: skip
                put(getattr(building, name).source, f"bld-{row}-{name}")
            put(building.source, f"bld-{row}-approved_area")
        put(document.savings_measures.source, "savings_measures")
    if kind == "scoring":
        for row, item in enumerate(document.items):
            for name in ("name", "weight", "score"):
                put(getattr(item, name).source, f"item-{row}-{name}")
            for name in ("description", "criteria"):
                put(getattr(item, name).source, f"item-{row}-name")
            put(item.source, f"item-{row}-score")
        put(document.claimed_grade.source, "claimed_grade")
    if kind == "goals":
        put(document.unit.source, "unit")
        for row, task in enumerate(document.tasks):
            for name in ("name", "status", "budget", "budget_fiscal", "executed", "executed_fiscal"):
                put(getattr(task, name).source, f"task-{row}-{name}")
            put(task.source, f"task-{row}-name")
        if document.task_total is not None:
            for name in ("budget", "budget_fiscal", "executed", "executed_fiscal"):
                put(getattr(document.task_total, name).source, f"task_total-{name}")
    for funds in ("total", "current_appropriation", "carryover", "other_funds"):
        row_obj = getattr(document, funds, None)
        if row_obj is not None:
            for name in FUNDS_FIELDS:
                put(getattr(row_obj, name).source, f"funds-{funds}-{name}")
    for row, goal in enumerate(getattr(document, "goals", ())):
        put(goal.expected.source, f"goal{row}-expected")
        put(goal.actual.source, f"goal{row}-actual")
    block = getattr(document, "indicators", None)
    if block is not None:
        for row, indicator in enumerate(block.indicators):
            for name in ("name", "target", "actual", "weight", "score", "deviation_reason"):
                put(getattr(indicator, name).source, f"ind-{row}-{name}")
            put(indicator.source, f"ind-{row}-name")
    claimed = getattr(document, "claimed_total", None)
    if claimed is not None:
        put(claimed.source, "claimed_total")
    signoff = getattr(document, "signoff", None)
    if signoff is not None:
        for name in ("preparer", "date", "phone", "head"):
            put(getattr(signoff, name).source, f"signoff-{name}")
    return out


def _cached_fields(document: Any, doc: int) -> list[tuple[Source, str]]:
    """_fields, remembered per table object (tables are immutable; a save changes only one of them)."""
    key = (id(document), doc)
    with _INDEX_LOCK:
        hit = _INDEXES.get(key)
        if hit is not None and hit[0] is document:
            _INDEXES.move_to_end(key)
            return hit[1]
    fields = _fields(document, doc)
    with _INDEX_LOCK:
        _INDEXES[key] = (document, fields)
        while len(_INDEXES) > _INDEX_SIZE:
            _INDEXES.popitem(last=False)
    return fields


def source_index(package: Package) -> SourceIndex:
    """Each cell's Source (table, row, column) → (document index, anchor id of its form field).

    A row's first field also answers for the row as a whole (table, row, None)."""
    index: SourceIndex = {}
    for doc, document in enumerate(package.documents):
        for source, target in _cached_fields(document, doc):
            index.setdefault((source.table, source.row, source.column), (doc, target))
            index.setdefault((source.table, source.row, None), (doc, target))
    return index


def _signoff_anchor(document: Any, doc: int) -> str | None:
    """The first blank field of a table's sign-off (the findings about it name no cell)."""
    signoff = getattr(document, "signoff", None)
    if signoff is None:
        return None
    blank = next((n for n in ("preparer", "date", "phone", "head") if getattr(signoff, n).blank), "preparer")
    return anchor(doc, "signoff", blank)


def _document_of(package: Package, finding: Finding) -> int | None:
    for doc, document in enumerate(package.documents):
        if finding.document and finding.document in (document.name, document.title.text):
            return doc
        table = document.source.table or document.title.source.table
        if finding.source.table and finding.source.table == table:
            return doc
    return None


def locate(package: Package, findings: tuple[Finding, ...]) -> list[FindingView]:
    where = source_index(package)
    out: list[FindingView] = []
    for finding in findings:
        hit = where.get(_source_key(finding.source)) or where.get((finding.source.table, finding.source.row, None))
        if hit is not None:
            out.append(FindingView(finding, hit[0], hit[1]))
            continue
        doc = _document_of(package, finding)
        target = None
        if doc is not None and finding.rule == "complete.signoff":
            target = _signoff_anchor(package.documents[doc], doc)
        out.append(FindingView(finding, doc, target))
    return out


def _scored_row(index: int, subject: Any, key: str, scored: Any) -> dict[str, Any]:
    return {
        "index": index,
        key: subject,
        "computed": fmt2(scored.computed) if scored is not None else "",
        "status": scored.status if scored is not None else "",
        "sentence": scored.explanation.sentence if scored is not None else "",
        "note": (scored.explanation.note or "") if scored is not None else "",
    }


def document_views(result: FileResult, rows_for: int | None = None) -> list[DocumentView]:
    """Every table with its score and findings; the rows of all tables, or only of table ``rows_for``."""
    package = result.package
    if package is None:
        return []
    scores = {id(s.document): s for s in result.score.documents} if result.score else {}
    views = [DocumentView(i, d, scores.get(id(d))) for i, d in enumerate(package.documents)]
    for view in views:
        if rows_for is not None and view.index != rows_for:
            continue
        by_index = {s.index: s for s in getattr(view.score, "indicators", ())}
        block = getattr(view.document, "indicators", None)
        for row, indicator in enumerate(block.indicators if block is not None else ()):
            view.rows.append(_scored_row(row, indicator, "indicator", by_index.get(row)))
        items = getattr(view.score, "items", ())
        for row, item in enumerate(getattr(view.document, "items", ())):
            view.items.append(_scored_row(row, item, "item", items[row] if row < len(items) else None))
    for finding_view in locate(package, result.findings):
        if finding_view.doc is not None:
            views[finding_view.doc].findings.append(finding_view)
    return views


def summary(result: FileResult) -> dict[str, Any]:
    counts = {"error": 0, "warning": 0, "info": 0}
    for finding in result.findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    totals: list[Decimal] = []
    if result.score is not None:
        totals = [d.computed_total for d in result.score.documents if d.computed_total is not None]
    return {"counts": counts, "documents": len(totals)}
