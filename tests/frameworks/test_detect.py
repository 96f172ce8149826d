"""Which framework fits a package."""

from __future__ import annotations

import dataclasses

from frameworks_builders import basic, department, package, project, sheet

from jixiao.frameworks import detect_framework, get_framework

OUTPUT = ("产出指标", "数量指标", "建设套数", "≥100套", "100套", "50", "50")
COST = ("成本指标", "经济成本指标", "项目成本", "≤90万元", "80万元", "20", "20")


def test_hengyang_unit_with_hunan_tables() -> None:
    found = package(basic("18", "14"), department(OUTPUT), unit="衡阳市住房和城乡建设信息中心")
    assert detect_framework(found).id == "hengyang-dept-2023"


def test_other_hunan_units() -> None:
    found = package(basic("195", "188"), department(OUTPUT, COST), project(OUTPUT, COST), unit="汨罗市住房和城乡建设局")
    assert detect_framework(found).id == "hunan-2023"


def test_a_scoring_sheet_means_shenzhen() -> None:
    found = package(sheet(("部门决策", "预算编制", "预算编制合理性", "5", "5")), unit="深圳市住房建设信息中心")
    assert detect_framework(found).id == "shenzhen-dept-2020"


def test_project_tables_without_cost_at_level1_are_central() -> None:
    assert detect_framework(package(project(OUTPUT))).id == "mof-2020-project"
    assert detect_framework(package(project(OUTPUT, COST))).id == "hunan-2023"


def test_the_package_may_name_its_framework() -> None:
    named = dataclasses.replace(package(project(OUTPUT, COST)), framework="mof-2020-project")
    assert detect_framework(named).id == "mof-2020-project"
    unknown = dataclasses.replace(named, framework="no-such-framework")
    assert detect_framework(unknown).id == "hunan-2023"


def test_nothing_fits_means_the_fallback() -> None:
    assert detect_framework(package()).id == "hunan-2023"


def test_candidates_can_be_given() -> None:
    mof = get_framework("mof-2020-project")
    assert detect_framework(package(project(OUTPUT, COST)), candidates=[mof]) is mof
