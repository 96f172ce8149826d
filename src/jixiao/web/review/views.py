"""State changes and the review queue."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from jixiao.web.accounts.decorators import login_required, role_required
from jixiao.web.accounts.models import Role, User
from jixiao.web.packages.gate import Action, get_package_for_user, visible_packages
from jixiao.web.packages.models import State
from jixiao.web.review.workflow import TARGET, StaleState, move


@require_POST
@login_required
def transition(request: HttpRequest, package_id: str, action: str) -> HttpResponse:
    if action not in TARGET:
        return HttpResponse(status=404)
    act: Action = action  # type: ignore[assignment]
    record = get_package_for_user(request, package_id, act)
    comment = request.POST.get("comment", "").strip()
    if action == "return" and not comment:
        messages.error(request, _("退回时必须填写意见"))
        return redirect("packages:detail", package_id=record.pk)
    user = request.user
    assert isinstance(user, User)
    try:
        move(record, action, user, comment)
    except StaleState:
        messages.error(request, _("状态已被他人更改，请刷新后重试"))
        return redirect("packages:detail", package_id=record.pk)
    messages.success(request, _("状态已变更为：%(state)s") % {"state": State(record.state).label})
    return redirect("packages:detail", package_id=record.pk)


@require_GET
@role_required(Role.HEAD, Role.REVIEWER)
def queue(request: HttpRequest) -> HttpResponse:
    user = request.user
    assert isinstance(user, User)
    waiting = State.SUBMITTED if user.role == Role.HEAD else State.APPROVED
    packages = visible_packages(user).filter(state=waiting).select_related("unit").order_by("year", "title")
    return render(request, "review/queue.html", {"packages": packages, "waiting": State(waiting).label})
