"""/healthz, the database in use, the demo loader and the management commands."""

from __future__ import annotations

import io
import os
from typing import Any
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from jixiao.web.accounts.models import Organisation, Role, User
from jixiao.web.packages.models import ReportPackage

pytestmark = pytest.mark.django_db


def test_healthz_ok() -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200 and response.content == b"ok"


def test_healthz_503_when_the_database_fails() -> None:
    with mock.patch("jixiao.web.accounts.views.connection.cursor", side_effect=RuntimeError("down")):
        response = Client().get("/healthz")
    assert response.status_code == 503


def test_database_is_the_configured_one() -> None:
    expected = "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else "sqlite"
    assert connection.vendor == expected


def test_demo_loads_once_with_random_passwords() -> None:
    out = io.StringIO()
    call_command("loaddemo", stdout=out)
    text = out.getvalue()
    assert "preparer" in text and "reviewer" in text
    assert {u.role for u in User.objects.all()} == {Role.PREPARER, Role.HEAD, Role.REVIEWER, Role.ADMIN}
    bureau = Organisation.objects.get(parent__isnull=True)
    assert bureau.name == "示例市财政局" and bureau.children.count() == 3
    assert {p.year for p in ReportPackage.objects.all()} == {2022, 2023}
    passwords = [line.split("\t")[2] for line in text.splitlines() if line.count("\t") == 2]
    assert len(passwords) == 4 and len(set(passwords)) == 4 and all(len(p) >= 12 for p in passwords)
    client = Client()
    login = client.post("/accounts/login/", {"username": "preparer", "password": passwords[0]})
    assert login.status_code == 302
    first = ReportPackage.objects.filter(unit=User.objects.get(username="preparer").organisation).first()
    assert first is not None and client.get(f"/packages/{first.pk}/").status_code == 200
    again = io.StringIO()
    call_command("loaddemo", stdout=again)
    assert "已存在" in again.getvalue() and User.objects.count() == 4


def test_createadmin(monkeypatch: Any) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a-Long-enough-passw0rd\n"))
    call_command("createadmin", "--username", "boss", "--password-stdin", stdout=io.StringIO())
    boss = User.objects.get(username="boss")
    assert boss.role == Role.ADMIN and boss.check_password("a-Long-enough-passw0rd")
    assert boss.organisation is not None and boss.organisation.parent is None
