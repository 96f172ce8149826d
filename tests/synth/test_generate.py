"""Generated packages: deterministic, consistent when clean, scored exactly by the engine."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pytest

from jixiao.audit import run_audit
from jixiao.frameworks import detect_framework, get_framework, grade_for, score_package
from jixiao.narrative import statements_of
from jixiao.readers.text import read_text
from jixiao.synth import FAMILIES, generate_package, generate_with_layout
from jixiao.synth.defects import KINDS

TOLERANCE = Decimal("0.1")


def test_same_seed_same_package_and_key() -> None:
    first = generate_package(42, projects=4)
    again = generate_package(42, projects=4)
    assert first == again
    other = generate_package(43, projects=4)
    assert other[0] != first[0]


def test_clean_package_has_empty_key() -> None:
    package, key = generate_package(5, projects=3, defects=False)
    assert key.clean and key.defects == ()
    assert key.unit == package.unit and key.projects == 3 == len(package.projects)
    assert [d.kind for d in package.documents] == ["basic", "department", "project", "project", "project"]


@pytest.mark.parametrize("seed", range(40))
def test_clean_package_scores_exactly(seed: int) -> None:
    _, _, text = generate_with_layout(seed, projects=1 + seed % 10, defects=False)
    back = read_text(text)
    framework = detect_framework(back)
    assert framework.id == "hunan-2023"
    score = score_package(back, get_framework("hunan-2023"))
    for document in score.documents:
        assert document.execution is not None
        execution = document.execution
        assert execution.claimed is not None and execution.computed is not None
        assert abs(execution.claimed - execution.computed) <= TOLERANCE
        assert execution.rate is not None and execution.rate >= Decimal("0.9")
        for row in document.indicators:
            assert row.status in ("scored", "band"), row.explanation.note
            assert row.claimed is not None and row.computed is not None
            assert abs(row.claimed - row.computed) <= TOLERANCE, row.indicator.name.text
            assert not row.over_achieved and row.explanation.note is None
            if row.claimed < (row.weight or 0):
                assert not row.indicator.deviation_reason.blank  # every shortfall is explained
        assert document.weight_total == 100
        for group in document.groups:
            assert group.label_weight == group.weight_sum
        assert document.claimed_total is not None and document.computed_total is not None
        assert abs(document.claimed_total - document.computed_total) <= TOLERANCE
    department = back.department
    assert department is not None and back.narrative is not None
    grades = [s.text for s in statements_of(back.narrative) if s.kind == "grade"]
    scores = [s.value for s in statements_of(back.narrative) if s.kind == "score"]
    assert scores == [department.claimed_total.value]
    assert department.claimed_total.value is not None
    assert grades == [grade_for(department.claimed_total.value, framework)]


@pytest.mark.parametrize("seed", range(30))
def test_auditor_finds_nothing_wrong_in_a_clean_package(seed: int) -> None:
    _, _, text = generate_with_layout(1000 + seed, projects=1 + seed % 6, defects=False)
    back = read_text(text, file="clean.txt")
    findings = run_audit(back, score_package(back, detect_framework(back)))
    problems = [(f.rule, f.location, f.expected, f.found) for f in findings if f.severity != "info"]
    assert problems == []


def test_clean_indicator_names_are_unique_within_a_package() -> None:
    for seed in range(30):
        package, _ = generate_package(seed, projects=10, defects=False)
        names = [i.name.text for p in package.projects for i in p.indicators.indicators]
        department = package.department
        assert department is not None
        names += [i.name.text for i in department.indicators.indicators]
        assert len(names) == len(set(names))


def test_defects_cover_every_family_and_kind() -> None:
    families: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    for seed in range(300):
        _, key = generate_package(seed, projects=1 + seed % 5)
        assert 1 <= len(key.defects) <= 4
        assert len({d.family for d in key.defects}) == len(key.defects)  # one per family
        for defect in key.defects:
            assert defect.family in FAMILIES and defect.kind in KINDS[defect.family]
            assert defect.line is not None and defect.document
            families[defect.family] += 1
            kinds[defect.kind] += 1
    assert set(families) == set(FAMILIES)
    assert set(kinds) == {k for ks in KINDS.values() for k in ks}


def test_project_without_table_leaves_the_basic_row() -> None:
    from jixiao.synth.defects import plan_defects  # noqa: F401 - the planner is what picks the kind

    for seed in range(400):
        package, key = generate_package(seed, projects=3)
        if any(d.kind == "project-without-table" for d in key.defects):
            basic = package.basic
            assert basic is not None
            listed = [e.label.text for e in basic.expenses if e.category == "project"]
            assert len(listed) == 3 and len(package.projects) == 2
            assert listed[:2] == [p.name for p in package.projects]
            return
    pytest.fail("no package with a missing project table in 400 seeds")


def test_too_many_projects_is_refused() -> None:
    with pytest.raises(ValueError):
        generate_package(1, projects=13)
    with pytest.raises(ValueError):
        generate_package(1, projects=0)
