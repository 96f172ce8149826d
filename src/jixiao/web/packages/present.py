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
    rows: list[dict[str, Any]] = field(default_factory=list)
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


_INDEXES: OrderedDict[int, tuple[Package, dict[tuple[str | None, int | None, int | None], tuple[int, str]]]] = (
    OrderedDict()
)
_INDEX_LOCK = Lock()


def cached_source_index(package: Package) -> dict[tuple[str | None, int | None, int | None], tuple[int, str]]:
    """source_index, remembered for the last few packages (packages are immutable)."""
    with _INDEX_LOCK:
        hit = _INDEXES.get(id(package))
        if hit is not None and hit[0] is package:
            return hit[1]
    index = source_index(package)
    with _INDEX_LOCK:
        _INDEXES[id(package)] = (package, index)
        while len(_INDEXES) > 64:
            _INDEXES.popitem(last=False)
    return index


def source_index(package: Package) -> dict[tuple[str | None, int | None, int | None], tuple[int, str]]:
    """Each cell's Source (table, row, column) → (document index, anchor id of its form field)."""
    index: dict[tuple[str | None, int | None, int | None], tuple[int, str]] = {}

    def put(source: Source, doc: int, target: str) -> None:
        if source.table and source.row is not None:
            index.setdefault(_source_key(source), (doc, target))
            index.setdefault((source.table, source.row, None), (doc, target))

    for doc, document in enumerate(package.documents):
        block = getattr(document, "indicators", None)
        if block is not None:
            for row, indicator in enumerate(block.indicators):
                for name in ("name", "target", "actual", "weight", "score", "deviation_reason"):
                    put(getattr(indicator, name).source, doc, anchor(doc, "ind", row, name))
                put(indicator.source, doc, anchor(doc, "ind", row, "name"))
        for funds in ("total", "current_appropriation", "carryover", "other_funds"):
            row_obj = getattr(document, funds, None)
            if row_obj is None:
                continue
            for name in (
                "initial_budget",
                "adjusted_budget",
                "executed",
                "weight",
                "execution_rate",
                "score",
            ):
                put(getattr(row_obj, name).source, doc, anchor(doc, "funds", funds, name))
        claimed = getattr(document, "claimed_total", None)
        if claimed is not None:
            put(claimed.source, doc, anchor(doc, "claimed_total"))
    return index


def _document_of(package: Package, finding: Finding) -> int | None:
    for doc, document in enumerate(package.documents):
        if finding.document and finding.document in (document.name, document.title.text):
            return doc
        table = document.source.table or document.title.source.table
        if finding.source.table and finding.source.table == table:
            return doc
    return None


def locate(package: Package, findings: tuple[Finding, ...]) -> list[FindingView]:
    where = cached_source_index(package)
    out: list[FindingView] = []
    for finding in findings:
        hit = where.get(_source_key(finding.source)) or where.get((finding.source.table, finding.source.row, None))
        if hit is not None:
            out.append(FindingView(finding, hit[0], hit[1]))
        else:
            out.append(FindingView(finding, _document_of(package, finding), None))
    return out


def document_views(result: FileResult) -> list[DocumentView]:
    package = result.package
    if package is None:
        return []
    scores = {id(s.document): s for s in result.score.documents} if result.score else {}
    views = [DocumentView(i, d, scores.get(id(d))) for i, d in enumerate(package.documents)]
    for view in views:
        if view.score is None:
            continue
        by_index = {s.index: s for s in getattr(view.score, "indicators", ())}
        block = getattr(view.document, "indicators", None)
        for row, indicator in enumerate(block.indicators if block is not None else ()):
            scored = by_index.get(row)
            view.rows.append(
                {
                    "index": row,
                    "indicator": indicator,
                    "computed": fmt2(scored.computed) if scored is not None else "",
                    "status": scored.status if scored is not None else "",
                    "sentence": scored.explanation.sentence if scored is not None else "",
                    "note": (scored.explanation.note or "") if scored is not None else "",
                }
            )
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
