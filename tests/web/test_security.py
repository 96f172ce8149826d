"""The security suite: each protection is attacked and must hold."""

from __future__ import annotations

import ast
import os
import stat
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from jixiao.web.packages.models import ReportPackage

pytestmark = pytest.mark.django_db
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def _project(package: Any) -> int:
    return next(i for i, d in enumerate(package.current().load().documents) if d.kind == "project")


def test_csrf_is_required_on_forms(people: dict[str, Any], package: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["preparer"])
    url = reverse("packages:save", args=[package.pk, _project(package)])
    assert client.post(url, {"base": "1", "ind-0-actual": "1"}).status_code == 403
    assert client.post(reverse("review:transition", args=[package.pk, "submit"])).status_code == 403
    page = client.get(reverse("packages:edit", args=[package.pk, _project(package)])).content.decode()
    token = page.split('"X-CSRFToken": "')[1].split('"')[0]
    ok = client.post(url, {"base": "1", "ind-0-actual": "1"}, HTTP_X_CSRFTOKEN=token, HTTP_HX_REQUEST="true")
    assert ok.status_code == 200


def test_login_form_needs_csrf() -> None:
    client = Client(enforce_csrf_checks=True)
    assert client.post(reverse("accounts:login"), {"username": "a", "password": "b"}).status_code == 403


def test_the_favicon_request_beside_a_first_page_does_not_replace_its_csrf_secret(
    people: dict[str, Any], password: str
) -> None:
    # A first visit: the login page sets the CSRF cookie while the browser asks for /favicon.ico without
    # it. A rendered 404 there would set another secret and the login form's token would no longer match
    # (seen in the browser tests: "CSRF token from POST incorrect"). The icon request renders nothing.
    client = Client(enforce_csrf_checks=True)
    page = client.get(reverse("accounts:login"))
    assert 'rel="icon"' in page.content.decode()
    token = page.content.decode().split('name="csrfmiddlewaretoken" value="')[1].split('"')[0]
    icon = Client().get("/favicon.ico")  # no cookies, as the parallel request had none
    assert icon.status_code == 301 and icon["Location"].endswith("jixiao/favicon.svg")
    assert settings.CSRF_COOKIE_NAME not in icon.cookies
    login = client.post(
        reverse("accounts:login"), {"username": "admin", "password": password, "csrfmiddlewaretoken": token}
    )
    assert login.status_code == 302


def test_guessing_another_units_package_is_a_404(clients: dict[str, Any], package: Any) -> None:
    for path in (
        reverse("packages:detail", args=[package.pk]),
        reverse("packages:edit", args=[package.pk, 0]),
        reverse("packages:download", args=[package.pk, 1, "json"]),
        reverse("packages:detail", args=[uuid.uuid4()]),
    ):
        assert clients["outsider"].get(path).status_code == 404, path
        assert clients["far_reviewer"].get(path).status_code == 404, path
    assert clients["outsider"].get(f"/packages/{package.pk.int}/").status_code == 404  # integer ids are not routes
    assert isinstance(package.pk, uuid.UUID) and package.pk.version == 4


def test_user_text_is_escaped_everywhere(clients: dict[str, Any], package: Any) -> None:
    doc = _project(package)
    save = clients["preparer"].post(
        reverse("packages:save", args=[package.pk, doc]), {"base": "1", "ind-0-name": XSS, "claimed_total": XSS}
    )
    assert save.status_code == 302
    for who in ("anonymous",):
        assert clients[who].get(reverse("public:detail", args=[package.pk])).status_code == 404
    for path in (reverse("packages:edit", args=[package.pk, doc]), reverse("packages:detail", args=[package.pk]),
                 reverse("packages:revision", args=[package.pk, 2])):  # fmt: skip
        html = clients["preparer"].get(path).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html, path
    edit = clients["preparer"].get(reverse("packages:edit", args=[package.pk, doc])).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in edit


def test_login_throttling(people: dict[str, Any], password: str) -> None:
    client = Client(REMOTE_ADDR="10.0.0.9")
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        response = client.post(reverse("accounts:login"), {"username": "preparer", "password": "wrong-password"})
        assert response.status_code == 200 and "用户名或密码不正确" in response.content.decode()
    locked = client.post(reverse("accounts:login"), {"username": "preparer", "password": password})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    other = Client(REMOTE_ADDR="10.0.0.10")
    assert other.post(reverse("accounts:login"), {"username": "preparer", "password": password}).status_code == 302


def test_oversize_upload_is_refused(clients: dict[str, Any]) -> None:
    big = SimpleUploadedFile("大文件.txt", b"x" * (settings.UPLOAD_LIMIT_BYTES + 1), content_type="text/plain")
    response = clients["preparer"].post(reverse("packages:import"), {"file": big})
    assert response.status_code == 413
    assert "文件过大" in response.content.decode()
    assert not ReportPackage.objects.exists()


def test_wrong_type_upload_is_refused(clients: dict[str, Any]) -> None:
    bad = SimpleUploadedFile("report.exe", b"MZ\x90\x00", content_type="application/octet-stream")
    response = clients["preparer"].post(reverse("packages:import"), {"file": bad})
    assert response.status_code == 400
    assert "不支持的文件类型" in response.content.decode()


def test_security_headers_and_cookies(people: dict[str, Any], password: str) -> None:
    response = Client().post(reverse("accounts:login"), {"username": "preparer", "password": password})
    assert response["X-Frame-Options"] == "DENY"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    session = response.cookies[settings.SESSION_COOKIE_NAME]
    assert session["httponly"] and session["samesite"] == "Lax"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_errors_do_not_leak_in_production(clients: dict[str, Any]) -> None:
    assert settings.DEBUG is False
    response = clients["preparer"].get("/no/such/page/")
    assert response.status_code == 404 and "Traceback" not in response.content.decode()


def _settings_probe(env: dict[str, str], expression: str) -> subprocess.CompletedProcess[str]:
    code = f"import django, os; from django.conf import settings; django.setup(); print(repr(({expression},)))"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("JIXIAO_", "DJANGO_", "DATABASE_URL"))}
    clean.update(env, DJANGO_SETTINGS_MODULE="jixiao.web.settings")
    return subprocess.run([sys.executable, "-c", code], env=clean, capture_output=True, text=True, timeout=60)


def test_settings_fail_closed(tmp_path: Path) -> None:
    run = _settings_probe(
        {"JIXIAO_DATA_DIR": str(tmp_path)}, "settings.DEBUG, settings.SECRET_KEY, settings.ALLOWED_HOSTS"
    )
    assert run.returncode == 0, run.stderr
    debug, key, hosts = ast.literal_eval(run.stdout)
    assert debug is False
    assert len(key) >= 32 and not key.startswith("django-insecure")
    key_file = tmp_path / "secret_key"
    assert key_file.read_text() == key
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert set(hosts) <= {"127.0.0.1", "localhost", "[::1]"}
    again = _settings_probe({"JIXIAO_DATA_DIR": str(tmp_path)}, "settings.SECRET_KEY")
    assert ast.literal_eval(again.stdout) == (key,)  # stable across restarts
    other = _settings_probe({"JIXIAO_DATA_DIR": str(tmp_path / "b")}, "settings.SECRET_KEY")
    assert ast.literal_eval(other.stdout) != (key,)  # generated, never a known default


def test_empty_secret_refuses_to_start(tmp_path: Path) -> None:
    run = _settings_probe({"JIXIAO_DATA_DIR": str(tmp_path), "JIXIAO_SECRET_KEY": ""}, "settings.SECRET_KEY")
    assert run.returncode != 0 and "JIXIAO_SECRET_KEY" in run.stderr


def test_secure_cookies_when_not_on_loopback(tmp_path: Path) -> None:
    expression = "settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE"
    public = _settings_probe(
        {"JIXIAO_DATA_DIR": str(tmp_path), "JIXIAO_ALLOWED_HOSTS": "jixiao.example.org"}, expression
    )
    assert ast.literal_eval(public.stdout) == (True, True), public.stderr
    local = _settings_probe({"JIXIAO_DATA_DIR": str(tmp_path)}, expression)
    assert ast.literal_eval(local.stdout) == (False, False)
    debug = _settings_probe({"JIXIAO_DATA_DIR": str(tmp_path), "JIXIAO_DEBUG": "1"}, "settings.DEBUG")
    assert ast.literal_eval(debug.stdout) == (True,)


def test_open_data_csv_cells_never_become_formulas(clients: dict[str, Any], package: Any) -> None:
    from jixiao.web.public.views import csv_cell

    assert csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and csv_cell("-1+2") == "'-1+2" and csv_cell("@x") == "'@x"
    assert csv_cell("示例") == "示例"
