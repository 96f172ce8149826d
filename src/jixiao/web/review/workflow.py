"""The workflow: submit → approve → accept → publish, or return with comments. Each move is a Transition."""

from __future__ import annotations

from django.db import transaction

from jixiao.web.accounts.models import User
from jixiao.web.packages.models import ReportPackage, State, Transition

TARGET: dict[str, str] = {
    "submit": State.SUBMITTED,
    "approve": State.APPROVED,
    "return": State.RETURNED,
    "accept": State.ACCEPTED,
    "publish": State.PUBLISHED,
}


class StaleState(Exception):
    """The package changed state while the request was on its way."""


def move(record: ReportPackage, action: str, actor: User, comment: str) -> Transition:
    """Change the state (a compare-and-swap on the state) and append the Transition row."""
    target = TARGET[action]
    source = record.state
    changes: dict[str, object] = {"state": target}
    if action == "publish":
        changes["published_revision"] = record.revision_number
    with transaction.atomic():
        won = ReportPackage.objects.filter(pk=record.pk, state=source).update(**changes)
        if won != 1:
            raise StaleState(source)
        row = Transition(
            package=record,
            actor=actor,
            from_state=source,
            to_state=target,
            comment=comment[:4000],
            revision_number=record.revision_number,
        )
        row.save()
    record.state = target
    return row
