"""A unit's report package for a year, its revisions (JSON format) and its state changes.

Revisions and transitions are append-only: saving an existing row or deleting one raises.
"""

from __future__ import annotations

import uuid
import zlib
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jixiao.model import Package


class State(models.TextChoices):
    DRAFT = "draft", _("草稿")
    SUBMITTED = "submitted", _("已提交单位负责人")
    APPROVED = "approved", _("单位已审批，待财政审核")
    RETURNED = "returned", _("已退回修改")
    ACCEPTED = "accepted", _("财政已接收")
    PUBLISHED = "published", _("已公开")


EDITABLE_STATES = frozenset({State.DRAFT, State.RETURNED})


class AppendOnlyError(RuntimeError):
    """Revisions and transitions are never changed or deleted."""


class AppendOnlyQuerySet(models.QuerySet[Any]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("append-only rows cannot be updated")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("append-only rows cannot be deleted")


class AppendOnly(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("append-only rows cannot be updated")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("append-only rows cannot be deleted")


class ReportPackage(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    unit = models.ForeignKey(
        "accounts.Organisation", on_delete=models.PROTECT, related_name="packages", verbose_name=_("单位")
    )
    year = models.PositiveIntegerField(_("年度"))
    title = models.CharField(_("名称"), max_length=300)
    state = models.CharField(_("状态"), max_length=20, choices=State.choices, default=State.DRAFT)
    revision_number = models.PositiveIntegerField(_("当前版本"), default=0)
    published_revision = models.PositiveIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-year", "title"]
        indexes = [models.Index(fields=["unit", "year"]), models.Index(fields=["state", "year"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"

    @property
    def editable(self) -> bool:
        return self.state in EDITABLE_STATES

    def current(self) -> Revision:
        return self.revisions.get(number=self.revision_number)


class Revision(AppendOnly):
    """One saved version: the package in the JSON format (zlib-compressed) and a readable diff."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    package = models.ForeignKey(ReportPackage, on_delete=models.PROTECT, related_name="revisions")
    number = models.PositiveIntegerField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    data = models.BinaryField()
    summary = models.CharField(max_length=300, blank=True)
    diff = models.JSONField(default=list)  # [{"where": ..., "field": ..., "before": ..., "after": ...}]
    layout = models.JSONField(null=True, blank=True, editable=False)  # where each table stands in the JSON

    class Meta:
        ordering = ["package", "number"]
        constraints = [models.UniqueConstraint(fields=["package", "number"], name="revision_unique_number")]

    @staticmethod
    def pack(json_text: str) -> bytes:
        return zlib.compress(json_text.encode("utf-8"), 1)

    def json_text(self) -> str:
        return zlib.decompress(bytes(self.data)).decode("utf-8")

    def load(self) -> Package:
        from jixiao.web.packages.store import load_revision

        return load_revision(self)


class Transition(AppendOnly):
    """A state change: who moved the package from which state to which, why and when."""

    package = models.ForeignKey(ReportPackage, on_delete=models.PROTECT, related_name="transitions")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    from_state = models.CharField(max_length=20, choices=State.choices)
    to_state = models.CharField(max_length=20, choices=State.choices)
    comment = models.TextField(blank=True)
    revision_number = models.PositiveIntegerField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["package", "at"]
