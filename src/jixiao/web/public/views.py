"""Public pages (no login): published packages by year and department, open data as JSON and CSV.

Only packages in the published state are reachable here, and only their published revision.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from jixiao.model import fmt2
from jixiao.web.packages.models import ReportPackage, Revision, State
from jixiao.web.packages.present import document_views, summary
from jixiao.web.packages.store import evaluate_revision, get_revision

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _published() -> Any:
    return ReportPackage.objects.filter(state=State.PUBLISHED).select_related("unit", "unit__parent")


def _get(package_id: Any) -> tuple[ReportPackage, Revision]:
    record = _published().filter(pk=package_id).first()
    if record is None or record.published_revision is None:
        raise Http404
    return record, get_revision(record, record.published_revision)


@require_GET
def index(request: HttpRequest) -> HttpResponse:
    records = list(_published().order_by("-year", "unit__parent__name", "unit__name"))
    years: dict[int, dict[str, list[ReportPackage]]] = {}
    for record in records:
        department = (
            record.unit.parent.name if record.unit.parent and record.unit.parent.parent_id else record.unit.name
        )
        years.setdefault(record.year, {}).setdefault(department, []).append(record)
    grouped = [(year, sorted(departments.items())) for year, departments in sorted(years.items(), reverse=True)]
    return render(request, "public/index.html", {"years": grouped})


@require_GET
def detail(request: HttpRequest, package_id: str) -> HttpResponse:
    record, revision = _get(package_id)
    result = evaluate_revision(revision)
    context = {
        "record": record,
        "revision": revision,
        "result": result,
        "documents": document_views(result),
        "summary": summary(result),
        "formats": ("docx", "xlsx", "pdf", "json"),
    }
    return render(request, "public/detail.html", context)


@require_GET
def download(request: HttpRequest, package_id: str, fmt: str) -> HttpResponse:
    from jixiao.web.packages.downloads import file_response

    record, revision = _get(package_id)
    return file_response(request, record, revision, fmt)


def _rows() -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for record in _published().order_by("-year", "unit__name", "title"):
        if record.published_revision is None:
            continue
        result = evaluate_revision(get_revision(record, record.published_revision))
        findings = summary(result)["counts"]
        for document in result.score.documents if result.score else ():
            rows.append(
                {
                    "package_id": str(record.pk),
                    "unit": record.unit.name,
                    "year": str(record.year),
                    "document": document.name,
                    "kind": document.kind,
                    "claimed_total": fmt2(document.claimed_total),
                    "computed_total": fmt2(document.computed_total),
                    "grade": document.computed_grade or "",
                    "errors": str(findings["error"]),
                    "warnings": str(findings["warning"]),
                }
            )
    return rows


@require_GET
def data_json(request: HttpRequest) -> HttpResponse:
    body = json.dumps({"packages": _rows()}, ensure_ascii=False, indent=1)
    return HttpResponse(body, content_type="application/json; charset=utf-8")


def csv_cell(text: str) -> str:
    """A cell that a spreadsheet never reads as a formula."""
    return "'" + text if text.startswith(FORMULA_START) else text


@require_GET
def data_csv(request: HttpRequest) -> HttpResponse:
    rows = _rows()
    out = io.StringIO()
    fields = [
        "package_id",
        "unit",
        "year",
        "document",
        "kind",
        "claimed_total",
        "computed_total",
        "grade",
        "errors",
        "warnings",
    ]
    writer = csv.writer(out)
    writer.writerow(fields)
    for row in rows:
        writer.writerow([csv_cell(row[f]) for f in fields])
    response = HttpResponse("\ufeff" + out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = "attachment; filename=jixiao-open-data.csv"
    return response
