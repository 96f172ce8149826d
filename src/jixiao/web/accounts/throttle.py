"""Login throttling: LOGIN_FAILURE_LIMIT failures per username and address within the window."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone

from jixiao.web.accounts.models import LoginFailure


def client_address(request: HttpRequest) -> str:
    return str(request.META.get("REMOTE_ADDR", ""))[:64]


def _recent(username: str, address: str) -> int:
    since = timezone.now() - timedelta(seconds=settings.LOGIN_FAILURE_WINDOW_SECONDS)
    return LoginFailure.objects.filter(username=username[:150], address=address, at__gte=since).count()


def locked_out(request: HttpRequest, username: str) -> bool:
    return _recent(username, client_address(request)) >= settings.LOGIN_FAILURE_LIMIT


def record_failure(request: HttpRequest, username: str) -> None:
    LoginFailure.objects.create(username=username[:150], address=client_address(request))
    old = timezone.now() - timedelta(days=1)
    LoginFailure.objects.filter(at__lt=old).delete()


def clear_failures(request: HttpRequest, username: str) -> None:
    LoginFailure.objects.filter(username=username[:150], address=client_address(request)).delete()
