"""Persistence of packages: revisions in the JSON format, an in-process cache, optimistic saves.

Every save names the revision it was based on; the package's revision counter is advanced with a
compare-and-swap UPDATE, so of two saves based on the same revision exactly one wins and the other
gets :class:`Conflict` (nothing is overwritten silently).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import F

from jixiao.jsonformat import loads
from jixiao.model import Package
from jixiao.pipeline import FileResult, evaluate
from jixiao.web.packages import revision_json
from jixiao.web.packages.diff import diff_packages
from jixiao.web.packages.models import ReportPackage, Revision

if TYPE_CHECKING:
    from jixiao.web.accounts.models import User

_CACHE_SIZE = 64


_packages = revision_json.Memo(_CACHE_SIZE)
_results = revision_json.Memo(_CACHE_SIZE)


class Conflict(Exception):
    """The save was based on an older revision than the current one."""

    def __init__(self, based_on: int, current: int) -> None:
        super().__init__(f"based on revision {based_on}, current is {current}")
        self.based_on = based_on
        self.current = current


def dump_json(package: Package) -> str:
    """The package in the JSON format (docs/format.md), compact; equal to jsonformat.dumps(indent=None)."""
    return revision_json.dump(package)[0]


def load_revision(revision: Revision) -> Package:
    cached: Package | None = _packages.get(revision.id)
    if cached is None:
        missing = [name for name in ("data", "layout") if name in revision.get_deferred_fields()]
        if missing:
            revision.refresh_from_db(fields=missing)  # one query for both, only on a cache miss
        text = revision.json_text()
        try:
            cached = revision_json.load(text, revision.layout)
        except ValueError:
            cached = loads(text)  # the format's own reader gives the readable error
        _packages.put(revision.id, cached)
    return cached


def evaluate_revision(revision: Revision, package: Package | None = None) -> FileResult:
    """Score and audit a revision through the pipeline (cached per revision: revisions never change)."""
    cached: FileResult | None = _results.get(revision.id)
    if cached is None:
        cached = evaluate(package or load_revision(revision), path=str(revision.package_id), audit=True)
        _results.put(revision.id, cached)
    return cached


def get_revision(package: ReportPackage, number: int | None = None) -> Revision:
    wanted = package.revision_number if number is None else number
    return Revision.objects.defer("diff", "data", "layout").get(package=package, number=wanted)


def create_package(unit: Any, year: int, title: str, content: Package, author: User, summary: str) -> ReportPackage:
    with transaction.atomic():
        record = ReportPackage.objects.create(unit=unit, year=year, title=title[:300], revision_number=1)
        text, layout = revision_json.dump(content)
        revision = Revision(
            package=record, number=1, author=author, data=Revision.pack(text), summary=summary, layout=layout
        )
        revision.save()
    _packages.put(revision.id, content)
    return record


def save_revision(
    record: ReportPackage, based_on: int, content: Package, previous: Package, author: User, summary: str
) -> Revision:
    """Append a revision based on ``based_on``; raises Conflict when someone saved in between."""
    changes = diff_packages(previous, content)
    text, layout = revision_json.dump(content)
    data = Revision.pack(text)
    with transaction.atomic():
        won = ReportPackage.objects.filter(
            pk=record.pk, revision_number=based_on, state__in=["draft", "returned"]
        ).update(revision_number=F("revision_number") + 1)
        if won != 1:
            current = ReportPackage.objects.filter(pk=record.pk).values_list("revision_number", flat=True).first()
            raise Conflict(based_on, current or 0)
        revision = Revision(
            package=record,
            number=based_on + 1,
            author=author,
            data=data,
            summary=summary[:300],
            diff=changes,
            layout=layout,
        )
        revision.save()
    record.revision_number = based_on + 1
    _packages.put(revision.id, content)
    return revision
