"""Framework files: the builtins load, user files work, mistakes name their line."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.frameworks import (
    BUILTIN_DIR,
    FrameworkError,
    builtin_frameworks,
    get_framework,
    load_framework,
    parse_framework,
)

D = Decimal
MINIMAL = '[framework]\nid = "mine"\nname = "我的框架"\n'


def error_of(text: str) -> FrameworkError:
    with pytest.raises(FrameworkError) as caught:
        parse_framework(text, path="mine.toml")
    return caught.value


def test_every_builtin_loads_and_is_named_after_its_file() -> None:
    frameworks = builtin_frameworks()
    assert {f.id for f in frameworks} == {
        "mof-2020-project",
        "hunan-2023",
        "hengyang-dept-2023",
        "shenzhen-dept-2020",
    }
    for framework in frameworks:
        assert framework.path is not None and Path(framework.path).stem == framework.id
        assert framework.name and framework.name_en and framework.description
        assert framework.grades[-1].minimum == 0
    assert sum(f.fallback for f in frameworks) == 1


def test_builtin_structures() -> None:
    mof = get_framework("mof-2020-project")
    project = mof.table("project")
    assert project is not None and project.weights == "fixed"
    assert [(s.name, s.weight) for s in project.level1] == [
        ("产出指标", D(50)),
        ("效益指标", D(30)),
        ("满意度指标", D(10)),
    ]
    assert "成本指标" in project.level1[0].level2
    hunan = get_framework("hunan-2023")
    assert hunan.required_documents == ("basic", "department", "project")
    assert hunan.table("department") is not None and hunan.table("department").weights == "free"  # type: ignore[union-attr]
    assert "部门整体支出绩效情况" in hunan.outline.department
    hengyang = get_framework("hengyang-dept-2023")
    assert hengyang.scheme is not None and hengyang.scheme.total == D(100)
    assert hengyang.table("project") == hunan.table("project")
    totals: dict[str, Decimal] = {}
    for item in hengyang.scheme.items:
        totals[item.level1] = totals.get(item.level1, D(0)) + item.weight
    assert totals == {
        "目标设定": D(10), "预算配置": D(5), "预算执行": D(10), "预算管理": D(10),
        "资产管理": D(5), "职责履行": D(30), "履职效益": D(30),
    }  # fmt: skip
    shenzhen = get_framework("shenzhen-dept-2020")
    assert shenzhen.scheme is not None
    assert {i.level1 for i in shenzhen.scheme.items} == {"部门决策", "部门管理", "部门绩效"}


def test_a_minimal_user_framework_gets_the_defaults() -> None:
    framework = parse_framework(MINIMAL)
    assert framework.id == "mine" and framework.name_en == "mine"
    assert framework.settings.execution_weight == D(10)
    assert framework.settings.over_achievement_threshold == D("0.5")
    assert framework.settings.score_tolerance == D("0.1")
    assert [g.name for g in framework.grades] == ["优", "良", "中", "差"]
    assert framework.band("部分达成") is not None


def test_get_framework_by_path_and_unknown_names(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(MINIMAL + '\n[settings]\ninverse_formula = "ratio"\nscore_tolerance = "0.5"\n', encoding="utf-8")
    framework = get_framework(str(path))
    assert framework.path == str(path)
    assert framework.settings.inverse_formula == "ratio"
    assert framework.settings.score_tolerance == D("0.5")
    with pytest.raises(FrameworkError) as caught:
        get_framework("hubei-2030")
    assert "hunan-2023" in caught.value.message and "hunan-2023" in caught.value.message_en


def test_missing_file() -> None:
    with pytest.raises(FrameworkError) as caught:
        load_framework("/nonexistent/x.toml")
    assert caught.value.path == "/nonexistent/x.toml"


def test_syntax_error_names_the_line() -> None:
    error = error_of(MINIMAL + "\n[settings]\nscore_tolerance = = 1\n")
    assert error.line == 6
    assert error.path == "mine.toml"
    assert "TOML" in error.message


def test_unknown_key_names_its_line() -> None:
    error = error_of(MINIMAL + '\n[settings]\nexecution_weight = 10\nscore_tolerence = "0.1"\n')
    assert error.line == 7
    assert "score_tolerence" in error.message and "score_tolerence" in error.message_en


def test_string_where_a_number_belongs_names_its_line() -> None:
    error = error_of(MINIMAL + '\n[[grades]]\nname = "优"\nmin = "九十"\n\n[[grades]]\nname = "差"\nmin = 0\n')
    assert error.line == 7
    assert "数值" in error.message


def test_bad_choice_names_its_line() -> None:
    error = error_of(MINIMAL + '\n[settings]\ninverse_formula = "log"\n')
    assert error.line == 6


def test_unknown_rule_kind_names_its_line() -> None:
    text = MINIMAL + (
        '\n[scheme]\nname = "表"\ntotal = 5\n\n'
        '[[scheme.items]]\nlevel1 = "甲"\nname = "一"\nweight = 2\n\n'
        '[[scheme.items]]\nlevel1 = "甲"\nname = "二"\nweight = 3\nrule = "magic"\n'
    )
    error = error_of(text)
    assert error.line == 18
    assert "magic" in error.message and "tiered" in error.message


def test_unknown_fact_and_parameter_name_their_lines() -> None:
    items = '\n[scheme]\nname = "表"\ntotal = 1\n\n[[scheme.items]]\nlevel1 = "甲"\nname = "一"\nweight = 1\n'
    fact = error_of(MINIMAL + items + 'rule = "ratio_points"\nvalue = "moon_phase"\n')
    assert fact.line == 14 and "moon_phase" in fact.message
    param = error_of(MINIMAL + items + 'rule = "ratio_points"\nvalue = "satisfaction_rate"\ncap = 1\n')
    assert param.line == 15 and "cap" in param.message
    missing = error_of(MINIMAL + items + 'rule = "tiered"\nvalue = "satisfaction_rate"\n')
    assert "tiers" in missing.message and missing.line == 9  # the item's header


def test_tier_with_a_bad_bound_names_its_line() -> None:
    text = MINIMAL + (
        '\n[scheme]\nname = "表"\ntotal = 1\n\n[[scheme.items]]\nlevel1 = "甲"\nname = "一"\nweight = 1\n'
        'rule = "tiered"\nvalue = "satisfaction_rate"\ntiers = [\n'
        '  { at_least = "90%", points = 1 },\n'
        '  { at_least = "many", points = 0 },\n'
        "]\n"
    )
    assert error_of(text).line == 17


def test_weights_must_add_up() -> None:
    parts = (
        '\n[scheme]\nname = "表"\ntotal = 3\n\n[[scheme.items]]\nlevel1 = "甲"\nname = "一"\nweight = 3\n\n'
        '[[scheme.items.parts]]\nrule = "checklist"\npoints = 1\n'
    )
    error = error_of(MINIMAL + parts)
    assert error.line == 12 and "3" in error.message
    fixed = '\n[tables.project]\nweights = "fixed"\n\n[[tables.project.level1]]\nname = "产出指标"\nweight = 80\n'
    assert error_of(MINIMAL + fixed).line == 6  # weights = "fixed"


def test_unknown_document_kind_and_extends() -> None:
    assert error_of(MINIMAL + '\n[[match]]\ndocuments = ["budget"]\n').line == 6
    assert error_of(MINIMAL.replace('name = "我的框架"', 'name = "x"\nextends = "nowhere"')).line == 4


def test_extends_overrides_settings_key_by_key() -> None:
    text = MINIMAL + 'extends = "mof-2020-project"\n\n[settings]\nover_achievement_deduct = true\n'
    framework = parse_framework(text)
    assert framework.settings.over_achievement_deduct
    assert framework.settings.execution_weight == D(10)
    assert framework.table("project") == get_framework("mof-2020-project").table("project")
    assert framework.matches == ()  # detection rules are never inherited


def test_numbers_may_be_integers_strings_or_exact_decimals() -> None:
    framework = parse_framework(MINIMAL + '\n[settings]\nscore_tolerance = 0.1\nover_achievement_threshold = "30%"\n')
    assert framework.settings.score_tolerance == D("0.1")  # read exactly, never through float
    assert framework.settings.over_achievement_threshold == D("0.3")


def test_builtin_dir_holds_only_frameworks() -> None:
    assert sorted(p.suffix for p in BUILTIN_DIR.iterdir() if p.is_file()) == [".toml"] * 4


def test_errors_in_later_array_entries_name_their_own_line() -> None:
    text = MINIMAL + (
        '\n[tables.project]\nweights = "free"\n\n'
        '[[tables.project.level1]]\nname = "产出指标"\nweight = 30\n\n'
        '[[tables.project.level1]]\nname = "效益指标"\nweight = "三十"\n'
    )
    assert error_of(text).line == 14
    derived = MINIMAL + (
        '\n[[derived]]\nkey = "a"\nname = "甲"\nrule = "ratio"\nnumerator = "staff_actual"\n'
        'denominator = "staff_authorized"\n\n'
        '[[derived]]\nkey = "b"\nname = "乙"\nrule = "ratio"\nnumerator = "a"\ndenominator = "nothing"\n'
    )
    error = error_of(derived)
    assert error.line == 17 and "nothing" in error.message


def test_extends_a_file_next_to_this_one(tmp_path: Path) -> None:
    (tmp_path / "base.toml").write_text(MINIMAL.replace("mine", "base") + "\n[settings]\nexecution_weight = 20\n")
    child = tmp_path / "child.toml"
    child.write_text(MINIMAL.replace("mine", "child") + 'extends = "base.toml"\n', encoding="utf-8")
    assert load_framework(child).settings.execution_weight == D(20)
