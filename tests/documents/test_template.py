"""Blank templates: the framework's structure, written as .xlsx, read back, scored and audited."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from jixiao.cli_template import template
from jixiao.frameworks import FrameworkError, builtin_frameworks, get_framework
from jixiao.pipeline import evaluate
from jixiao.readers.xlsx_reader import read_xlsx
from jixiao.templates import build_template


def test_template_has_the_framework_structure() -> None:
    package = build_template("hunan-2023", 2024, 5, unit="某某局")
    framework = get_framework("hunan-2023")
    assert [d.kind for d in package.documents] == ["basic", "department"] + ["project"] * 5
    department = package.department
    assert department is not None and department.name == "某某局"
    spec = framework.table("department")
    assert spec is not None
    wanted = [(s.name, level2) for s in spec.level1 for level2 in s.level2]
    assert [(i.level1, i.level2) for i in department.indicators.indicators] == wanted
    assert all(i.name.blank and i.weight.value is None for i in department.indicators.indicators)
    assert [g.level1 for g in department.indicators.groups] == [s.name for s in spec.level1]
    assert package.basic is not None and package.basic.column_labels == ("2023年决算数", "2024年预算数", "2024年决算数")
    assert all(p.total.weight.value == framework.settings.execution_weight for p in package.projects)


def test_unknown_framework_is_an_error() -> None:
    with pytest.raises(FrameworkError):
        build_template("no-such-framework", 2024, 1)


@pytest.mark.parametrize("framework", [f.id for f in builtin_frameworks()])
def test_cli_template_reads_scores_and_audits(framework: str, tmp_path: Path) -> None:
    output = tmp_path / "blank.xlsx"
    result = CliRunner().invoke(
        template, ["--framework", framework, "--year", "2024", "--projects", "5", "-o", str(output)]
    )
    assert result.exit_code == 0, result.output
    workbook = load_workbook(output)
    assert sum(1 for name in workbook.sheetnames if name.startswith("项目")) == 5
    package = read_xlsx(str(output))
    assert package == build_template(framework, 2024, 5)
    evaluated = evaluate(package, path=str(output), audit=True)
    assert evaluated.score is not None
    assert evaluated.findings, "a blank template must give completeness findings"
    assert any(f.rule.startswith("complete") for f in evaluated.findings)


def test_cli_template_unknown_framework_exits_2(tmp_path: Path) -> None:
    output = tmp_path / "blank.xlsx"
    result = CliRunner().invoke(template, ["--framework", "nope", "-o", str(output)])
    assert result.exit_code == 2
    assert "未知" in result.output
    assert not output.exists()
