"""Organisations (finance bureau → departments → units), users with one role each, login failures."""

from __future__ import annotations

import uuid

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class OrgKind(models.TextChoices):
    BUREAU = "bureau", _("财政局")
    DEPARTMENT = "department", _("部门")
    UNIT = "unit", _("单位")


class Role(models.TextChoices):
    PREPARER = "preparer", _("填报人")
    HEAD = "head", _("单位负责人")
    REVIEWER = "reviewer", _("财政审核")
    ADMIN = "admin", _("管理员")


class Organisation(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("名称"), max_length=200)
    kind = models.CharField(_("类型"), max_length=20, choices=OrgKind.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("上级"),
    )

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["parent", "name"], name="org_unique_name_in_parent")]

    def __str__(self) -> str:
        return self.name

    def bureau(self) -> Organisation:
        """The finance bureau at the root of this organisation's tree."""
        node = self
        seen = 0
        while node.parent_id is not None and seen < 20:
            node = node.parent  # type: ignore[assignment]
            seen += 1
        return node

    def descendant_ids(self) -> list[uuid.UUID]:
        """This organisation and everything below it (a breadth-first walk; trees are small)."""
        found = [self.id]
        frontier = [self.id]
        while frontier:
            frontier = list(Organisation.objects.filter(parent_id__in=frontier).values_list("id", flat=True))
            found.extend(frontier)
        return found

    def path(self) -> str:
        names = [self.name]
        node = self
        while node.parent_id is not None and len(names) < 20:
            node = node.parent  # type: ignore[assignment]
            names.append(node.name)
        return " / ".join(reversed(names))


class User(AbstractUser):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    role = models.CharField(_("角色"), max_length=20, choices=Role.choices, default=Role.PREPARER)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="users",
        verbose_name=_("机构"),
    )

    @property
    def role_label(self) -> str:
        return str(Role(self.role).label)


class LoginFailure(models.Model):
    """One failed login attempt, for throttling (per username and address)."""

    username = models.CharField(max_length=150, db_index=True)
    address = models.CharField(max_length=64)
    at = models.DateTimeField(auto_now_add=True, db_index=True)
