"""Drafting the department narrative from the figures: the auditor's prose checks pass on the draft."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from jixiao.audit import Finding
from jixiao.cli_draft import draft
from jixiao.jsonformat import dumps, loads
from jixiao.model import Package, Paragraph, Section
from jixiao.narrative import statements_of
from jixiao.narrative.drafting import DRAFT_MARK, accept_drafts, draft_narrative, is_draft
from jixiao.pipeline import evaluate
from jixiao.readers import read_package
from jixiao.synth import generate_package


def _drafted(package: Package) -> Package:
    result = evaluate(package, path="test")
    assert result.score is not None and result.package is not None
    return draft_narrative(result.package, result.score)


def _narrative_problems(package: Package) -> list[Finding]:
    findings = evaluate(package, path="test", audit=True).findings
    return [f for f in findings if f.family == "narrative" and f.severity in ("error", "warning")]


def _without_narratives(package: Package) -> Package:
    return replace(package, narratives=())


def _texts(package: Package) -> list[str]:
    assert package.narrative is not None
    return [p.text for s in package.narrative.sections for p in s.paragraphs]


def _section(package: Package, title: str) -> Section:
    assert package.narrative is not None
    return next(s for s in package.narrative.sections if title in s.title)


@pytest.mark.parametrize("seed", range(50))
def test_drafted_generated_package_passes_the_narrative_rules(seed: int) -> None:
    package, _ = generate_package(seed, projects=2 + seed % 3, defects=False)
    drafted = _drafted(_without_narratives(package))
    assert drafted.narrative is not None
    problems = _narrative_problems(drafted)
    assert not problems, [(f.rule, f.message) for f in problems]
    # Every standard section is there, drafted and marked.
    titles = [s.title for s in drafted.narrative.sections if s.level == 1]
    assert titles == [
        "部门（单位）基本情况",
        "一般公共预算支出情况",
        "政府性基金预算支出情况",
        "国有资本经营预算支出情况",
        "社会保险基金预算支出情况",
        "部门整体支出绩效情况",
        "存在的问题及原因分析",
        "下一步改进措施",
    ]
    assert all(text.startswith(DRAFT_MARK) for text in _texts(drafted))
    assert statements_of(drafted.narrative)  # the figures are there for the auditor to check


@pytest.mark.seeds
@pytest.mark.parametrize(
    "fixture",
    [
        "seed000",
        "seed002",
        "seed003",
    ],
)
def test_drafted_seed_passes_the_narrative_rules(fixture: str, request: pytest.FixtureRequest) -> None:
    package = read_package(str(request.getfixturevalue(fixture)))
    problems = _narrative_problems(_drafted(_without_narratives(package)))
    assert not problems, [(f.rule, f.message) for f in problems]


@pytest.mark.seeds
@pytest.mark.parametrize("fixture", ["seed000", "seed002", "seed003"])
def test_drafted_seed_has_no_narrative_errors(fixture: str, request: pytest.FixtureRequest) -> None:
    package = read_package(str(request.getfixturevalue(fixture)))
    drafted = _drafted(_without_narratives(package))
    errors = [f for f in _narrative_problems(drafted) if f.severity == "error"]
    assert not errors, [(f.rule, f.message) for f in errors]


def test_seed003_draft_states_every_project_and_shortfall(seed003: Path) -> None:
    package = read_package(str(seed003))
    drafted = _drafted(_without_narratives(package))
    prose = "".join(_texts(drafted))
    for project in package.projects:
        assert project.name in prose
        executed = project.total.executed.value
        assert executed is not None
        assert f"{project.name}：" in prose and f"全年执行数{executed:.2f}万元" in prose
    problems = _section(drafted, "存在的问题").paragraphs
    below = [
        i
        for table in (package.department, *package.projects)
        if table is not None
        for i in table.indicators.indicators
        if i.weight.value is not None and i.score.value is not None and i.score.value < i.weight.value
    ]
    assert len([p for p in problems if "未完全达成" in p.text]) == len(below) > 0


def test_figures_come_from_the_tables() -> None:
    package, _ = generate_package(7, projects=3, defects=False)
    drafted = _drafted(_without_narratives(package))
    department, basic = package.department, package.basic
    assert department is not None and basic is not None
    text = "".join(_texts(drafted))
    assert f"全年预算数{department.total.adjusted_budget.value:.2f}万元" in text
    assert f"全年执行数{department.total.executed.value:.2f}万元" in text
    three = next(e for e in basic.expenses if e.category == "three_public")
    assert three.final.value is not None and three.previous_final.value is not None
    difference = three.final.value - three.previous_final.value
    rate = (abs(difference) / three.previous_final.value * 100).quantize(Decimal("0.01"))
    verb = "增加" if difference > 0 else "减少"
    assert f"三公经费支出{three.final.value:.2f}万元，比上年{verb}{abs(difference):.2f}万元" in text
    assert f"{rate}%" in text
    assert f"综合得分{department.claimed_total.text}分" in text


def test_the_preparers_prose_is_kept_and_only_gaps_are_drafted() -> None:
    package, _ = generate_package(3, projects=2, defects=False)
    narrative = package.narrative
    assert narrative is not None
    # The preparer left 七 empty and did not write 三 at all.
    sections = tuple(
        replace(s, paragraphs=(Paragraph("   "),)) if "问题" in s.title else s
        for s in narrative.sections
        if "政府性基金" not in s.title
    )
    edited = replace(package, narratives=(replace(narrative, sections=sections),))
    drafted = _drafted(edited)
    assert drafted.narrative is not None
    after = drafted.narrative.sections
    kept = [s for s in after if not any(is_draft(p) for p in s.paragraphs)]
    assert kept == [s for s in sections if "问题" not in s.title]
    titles = [s.title for s in after]
    assert titles.index("政府性基金预算支出情况") == titles.index("项目支出情况") + 1  # after 二 and its parts
    assert all(is_draft(p) for p in _section(drafted, "存在的问题").paragraphs)
    assert all(is_draft(p) for p in _section(drafted, "政府性基金").paragraphs)
    assert not _narrative_problems(drafted)


def test_a_complete_narrative_is_left_alone() -> None:
    package, _ = generate_package(4, projects=2, defects=False)
    result = evaluate(package, path="test")
    assert result.score is not None and result.package is not None
    assert draft_narrative(result.package, result.score) is result.package


def test_accepting_drafts_removes_the_marker_and_keeps_the_figures() -> None:
    package, _ = generate_package(5, projects=2, defects=False)
    drafted = _drafted(_without_narratives(package))
    assert drafted.narrative is not None
    accepted = accept_drafts(drafted.narrative)
    assert not any(is_draft(p) for s in accepted.sections for p in s.paragraphs)
    assert [s.value for s in statements_of(accepted)] == [s.value for s in statements_of(drafted.narrative)]


def test_drafted_package_survives_json() -> None:
    package, _ = generate_package(6, projects=3, defects=False)
    drafted = _drafted(_without_narratives(package))
    assert loads(dumps(drafted)) == drafted


def test_cli_writes_the_drafted_package(tmp_path: Path) -> None:
    package, _ = generate_package(8, projects=2, defects=False)
    source = tmp_path / "in.json"
    source.write_text(dumps(_without_narratives(package)), encoding="utf-8")
    target = tmp_path / "out.json"
    result = CliRunner().invoke(draft, [str(source), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "【草稿】" in result.output
    back = loads(target.read_text(encoding="utf-8"))
    assert back.narrative is not None and all(t.startswith(DRAFT_MARK) for t in _texts(back))
    assert json.loads(target.read_text(encoding="utf-8"))  # plain JSON


def test_cli_refuses_an_unreadable_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"\x00\x01 not a zip")
    target = tmp_path / "out.json"
    result = CliRunner().invoke(draft, [str(bad), "-o", str(target)])
    assert result.exit_code == 2
    assert "无法读取" in result.output and "cannot read" in result.output
    assert not target.exists()
    prose = tmp_path / "notes.txt"
    prose.write_text("这是一段与绩效自评无关的文字。\n", encoding="utf-8")
    no_tables = CliRunner().invoke(draft, [str(prose), "-o", str(target)])
    assert no_tables.exit_code == 2 and "无法读取" in no_tables.output and not target.exists()
    missing = CliRunner().invoke(draft, [str(tmp_path / "nope.txt"), "-o", str(target)])
    assert missing.exit_code == 2 and not target.exists()
