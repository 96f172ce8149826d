"""Fixtures for the web tests: a bureau with two units and the personas of the permission table.

Django is configured here (not in pyproject) so the core test suite never imports it. The database
is SQLite unless DATABASE_URL is set; test_postgresql.py reruns this folder on the local PostgreSQL.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from pathlib import Path
from typing import Any

import pytest

_DATA = Path(tempfile.mkdtemp(prefix="jixiao-web-test-"))
os.environ.setdefault("JIXIAO_DATA_DIR", str(_DATA))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
os.environ.setdefault("JIXIAO_TEST_DB_NAME", f"test_jixiao_{os.getpid()}_{uuid.uuid4().hex[:6]}")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402

# Real hashing costs ~0.3 s per user; tests use a fast hasher (login still goes through authenticate()).
settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

from django.test import Client  # noqa: E402

from jixiao.model import Package  # noqa: E402
from jixiao.readers import read_package  # noqa: E402

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "jixiao" / "samples" / "sample-hunan-2023.txt"
PASSWORD = "correct horse battery 9"


@pytest.fixture(scope="session")
def password() -> str:
    return PASSWORD


@pytest.fixture(scope="session")
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture(scope="session")
def sample_package() -> Package:
    return read_package(str(SAMPLE))


@pytest.fixture
def org(db: Any) -> dict[str, Any]:
    from jixiao.web.accounts.models import Organisation, OrgKind

    bureau = Organisation.objects.create(name="测试市财政局", kind=OrgKind.BUREAU)
    department = Organisation.objects.create(name="测试市住建局", kind=OrgKind.DEPARTMENT, parent=bureau)
    unit = Organisation.objects.create(name="测试住房保障中心", kind=OrgKind.UNIT, parent=department)
    other = Organisation.objects.create(name="测试城建中心", kind=OrgKind.UNIT, parent=department)
    far = Organisation.objects.create(name="别市财政局", kind=OrgKind.BUREAU)
    return {"bureau": bureau, "department": department, "unit": unit, "other": other, "far": far}


@pytest.fixture
def people(org: dict[str, Any]) -> dict[str, Any]:
    from jixiao.web.accounts.models import Role, User

    def make(name: str, role: str, where: Any) -> Any:
        return User.objects.create_user(username=name, password=PASSWORD, role=role, organisation=where)

    return {
        "preparer": make("preparer", Role.PREPARER, org["unit"]),
        "head": make("head", Role.HEAD, org["unit"]),
        "reviewer": make("reviewer", Role.REVIEWER, org["bureau"]),
        "outsider": make("outsider", Role.PREPARER, org["other"]),
        "far_reviewer": make("far_reviewer", Role.REVIEWER, org["far"]),
        "admin": make("admin", Role.ADMIN, org["bureau"]),
    }


@pytest.fixture
def package(org: dict[str, Any], people: dict[str, Any], sample_package: Package) -> Any:
    from jixiao.web.packages.store import create_package

    return create_package(org["unit"], 2023, "测试报告包2023", sample_package, people["preparer"], "导入")


def client_for(user: Any | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def clients(people: dict[str, Any]) -> dict[str, Client]:
    out = {name: client_for(user) for name, user in people.items()}
    out["anonymous"] = Client()
    return out
