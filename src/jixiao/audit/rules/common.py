"""Small helpers the rules share: naming documents, formatting figures, building findings.

The name matching helpers live in :mod:`jixiao.audit.names` and are re-exported here."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from jixiao.audit.finding import Finding, Severity
from jixiao.audit.names import best_match, name_key, name_similarity, names_match, without_noise
from jixiao.model import Document, Figure, Narrative, Source, round2

_ZERO = Decimal(0)


def doc_label(document: Document) -> str:
    """ "附件3-2 工程建设审批制度改革专项", "基础数据表", …: how a reviewer names a table."""
    table = document.source.table or ""
    if document.kind == "project":
        return f"{table} {document.name}".strip() if not table.startswith("项目支出") else document.name
    return table or document.name


def narrative_name(narrative: Narrative) -> str:
    """ "部门整体支出绩效自评报告", or "某某项目绩效自评报告" for a project's report."""
    return f"{narrative.project}绩效自评报告" if narrative.project else "部门整体支出绩效自评报告"


def money(value: Decimal | None) -> str:
    return "—" if value is None else f"{round2(value):f}"


def points(value: Decimal | None) -> str:
    if value is None:
        return "—"
    rounded = round2(value)
    return f"{rounded.normalize():f}" if rounded == rounded.to_integral() else f"{rounded:f}"


def percent(rate: Decimal | None) -> str:
    return "—" if rate is None else f"{round2(rate * 100):f}%"


def total(figures: Iterable[Figure]) -> Decimal | None:
    """The sum of the figures that have a value (None when none has)."""
    values = [f.value for f in figures if f.value is not None]
    return sum(values, _ZERO) if values else None


def make(
    rule: str,
    severity: Severity,
    family: str,
    document: Document | None,
    message: str,
    message_en: str,
    *,
    location: str = "",
    source: Source | None = None,
    expected: str | None = None,
    found: str | None = None,
    document_name: str | None = None,
) -> Finding:
    return Finding(
        rule=rule,
        severity=severity,
        message=message,
        message_en=message_en,
        document=document_name if document_name is not None else (doc_label(document) if document else ""),
        location=location,
        source=source if source is not None else (document.source if document is not None else Source()),
        expected=expected,
        found=found,
        family=family,
    )


__all__ = [
    "best_match",
    "doc_label",
    "make",
    "money",
    "name_key",
    "name_similarity",
    "names_match",
    "percent",
    "points",
    "total",
    "without_noise",
]
