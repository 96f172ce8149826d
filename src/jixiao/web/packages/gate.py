"""The one permission gate: every package is fetched for a user through ``get_package_for_user``.

Visibility: preparers and unit heads see their own unit's packages; finance reviewers see every
package under their bureau; administrators manage users and organisations, not packages. Anything
outside a user's reach is a 404 (its existence is not revealed); a visible package on which the
action is not allowed is a 403.
"""

from __future__ import annotations

import uuid
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from jixiao.web.accounts.models import Role, User
from jixiao.web.packages.models import EDITABLE_STATES, ReportPackage, State

Action = Literal["view", "edit", "submit", "approve", "return", "accept", "publish"]

# Which role may take which action in which state.
RULES: dict[Action, tuple[frozenset[str], frozenset[str]]] = {
    "view": (frozenset({Role.PREPARER, Role.HEAD, Role.REVIEWER}), frozenset(State.values)),
    "edit": (frozenset({Role.PREPARER, Role.HEAD}), frozenset(EDITABLE_STATES)),
    "submit": (frozenset({Role.PREPARER, Role.HEAD}), frozenset(EDITABLE_STATES)),
    "approve": (frozenset({Role.HEAD}), frozenset({State.SUBMITTED})),
    "return": (
        frozenset({Role.HEAD, Role.REVIEWER}),
        frozenset({State.SUBMITTED, State.APPROVED, State.ACCEPTED}),
    ),
    "accept": (frozenset({Role.REVIEWER}), frozenset({State.APPROVED})),
    "publish": (frozenset({Role.REVIEWER}), frozenset({State.ACCEPTED})),
}


def visible_packages(user: User) -> QuerySet[ReportPackage]:
    """Every package this user may see."""
    if not user.is_authenticated or user.organisation_id is None:
        return ReportPackage.objects.none()
    if user.role in (Role.PREPARER, Role.HEAD):
        return ReportPackage.objects.filter(unit_id=user.organisation_id)
    if user.role == Role.REVIEWER:
        bureau = user.organisation.bureau()  # type: ignore[union-attr]
        return ReportPackage.objects.filter(unit_id__in=bureau.descendant_ids())
    return ReportPackage.objects.none()


def allowed(user: User, package: ReportPackage, action: Action) -> bool:
    roles, states = RULES[action]
    if user.role not in roles or package.state not in states:
        return False
    # A head returns only what was submitted to them; the bureau returns what reached it.
    if action == "return":
        return (user.role == Role.HEAD) == (package.state == State.SUBMITTED)
    return True


def get_package_for_user(request: HttpRequest, package_id: uuid.UUID | str, action: Action = "view") -> ReportPackage:
    """The package, if this request's user may see it (else 404) and take ``action`` on it (else 403)."""
    user = request.user
    if not isinstance(user, User):
        raise Http404
    try:
        key = uuid.UUID(str(package_id))
    except ValueError:
        raise Http404 from None
    package = visible_packages(user).select_related("unit").filter(pk=key).first()
    if package is None:
        raise Http404
    if not allowed(user, package, action):
        raise PermissionDenied
    return package
