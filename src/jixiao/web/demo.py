"""The demo organisation: one finance bureau, three departments with units, one user per role,
and generated packages for two fiscal years (jixiao.synth when present, else the bundled sample).
"""

from __future__ import annotations

import secrets
from dataclasses import replace
from importlib import resources
from typing import Any

from django.db import transaction

from jixiao.model import Package
from jixiao.web.accounts.models import Organisation, OrgKind, Role, User
from jixiao.web.packages.models import ReportPackage
from jixiao.web.packages.store import create_package

BUREAU = "示例市财政局"
TREE: dict[str, tuple[str, ...]] = {
    "示例市住房和城乡建设局": ("示例市住房保障服务中心", "示例市城市建设服务中心"),
    "示例市教育局": ("示例市第一中学", "示例市教育装备中心"),
    "示例市卫生健康委员会": ("示例市疾病预防控制中心",),
}
PERSONAS: tuple[tuple[str, str, str], ...] = (
    ("preparer", Role.PREPARER, "示例填报人"),
    ("head", Role.HEAD, "示例单位负责人"),
    ("reviewer", Role.REVIEWER, "示例财政审核"),
    ("admin", Role.ADMIN, "示例管理员"),
)


def _sample() -> Package:
    from jixiao.readers import read_package

    with resources.as_file(resources.files("jixiao.samples") / "sample-hunan-2023.txt") as path:
        return read_package(str(path), display="sample-hunan-2023.txt")


def _generated(seed: int, unit: str, year: int) -> Package:
    """A package for ``unit`` and ``year``: from jixiao.synth if available, else the varied sample."""
    try:
        from jixiao.synth import generate_package  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        package = _sample()
    else:
        made: Any = generate_package(seed, projects=2)
        package = made[0] if isinstance(made, tuple) else getattr(made, "package", made)
    documents = []
    for document in package.documents:
        changes: dict[str, Any] = {"year": year} if hasattr(document, "year") else {}
        if getattr(document, "kind", "") == "department":
            changes["name"] = unit
        documents.append(replace(document, **changes))
    return replace(package, unit=unit, year=year, documents=tuple(documents))


def load_demo(years: tuple[int, ...] = (2022, 2023), password_length: int = 12) -> list[tuple[str, str, str]]:
    """Create the demo organisation once; returns (role label, username, password) — shown once."""
    if Organisation.objects.filter(name=BUREAU, parent__isnull=True).exists():
        return []
    credentials: list[tuple[str, str, str]] = []
    with transaction.atomic():
        bureau = Organisation.objects.create(name=BUREAU, kind=OrgKind.BUREAU)
        units: list[Organisation] = []
        for department_name, unit_names in TREE.items():
            department = Organisation.objects.create(name=department_name, kind=OrgKind.DEPARTMENT, parent=bureau)
            for unit_name in unit_names:
                units.append(Organisation.objects.create(name=unit_name, kind=OrgKind.UNIT, parent=department))
        first_unit = units[0]
        users: dict[str, User] = {}
        for username, role, display in PERSONAS:
            password = secrets.token_urlsafe(password_length)
            organisation = bureau if role in (Role.REVIEWER, Role.ADMIN) else first_unit
            users[username] = User.objects.create_user(
                username=username, password=password, role=role, organisation=organisation, first_name=display
            )
            credentials.append((str(Role(role).label), username, password))
        seed = 1
        for unit in units:
            for year in years:
                content = _generated(seed, unit.name, year)
                title = f"{unit.name}{year}年度绩效自评"
                create_package(unit, year, title, content, users["preparer"], "示例数据")
                seed += 1
    return credentials


def demo_loaded() -> bool:
    return ReportPackage.objects.exists()
