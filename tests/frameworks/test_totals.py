"""Subtotals, totals and grades of a table."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from frameworks_builders import funds, package, project

from jixiao.frameworks import get_framework, grade_for, load_framework, score_package

D = Decimal
HUNAN = get_framework("hunan-2023")

TABLE = project(
    ("产出指标", "数量指标", "建设套数", "≥100套", "95套", "20", "19"),
    ("产出指标", "质量指标", "验收合格率", "100%", "100%", "10", "10"),
    ("成本指标", "经济成本指标", "项目成本", "≤90万元", "99万元", "20", "20"),
    ("效益指标", "社会效益指标", "群众生活改善", "有效改善", "达成", "30", "28"),
    ("效益指标", "生态效益指标", "无", "无", "无", "0", "0"),
    ("满意度指标", "服务对象满意度指标", "满意度", "≥98%", "95%", "10", "9"),
    total=funds("100", "96", score="10"),
    labels={"产出指标": "30", "成本指标": "20", "效益指标": "30", "满意度指标": "10"},
    claimed_total="96",
)


def test_groups_sum_their_children() -> None:
    document = score_package(package(TABLE), HUNAN).documents[0]
    groups = {g.level1: g for g in document.groups}
    assert list(groups) == ["产出指标", "成本指标", "效益指标", "满意度指标"]
    output = groups["产出指标"]
    assert (output.label_weight, output.weight_sum, output.claimed_sum) == (D(30), D(30), D(29))
    assert output.computed_sum == D(19) + D(10)
    assert [(s.level2, s.weight_sum) for s in output.level2] == [("数量指标", D(20)), ("质量指标", D(10))]
    assert groups["成本指标"].computed_sum == D(18)
    assert groups["效益指标"].weight_sum == D(30)
    assert all(g.known for g in document.groups)


def test_total_is_execution_plus_indicators_and_graded() -> None:
    document = score_package(package(TABLE), HUNAN).documents[0]
    expected = D("9.6") + D(19) + D(10) + D(18) + D(28) + D(10) * D(95) / D(98)
    assert document.computed_total == expected
    assert document.weight_total == D(100)
    assert document.claimed_total == D(96)
    assert document.claimed_sum == D(10) + D(19) + D(10) + D(20) + D(28) + D(0) + D(9)
    assert document.computed_grade == "优"
    assert not document.estimated


def test_unscorable_rows_keep_their_claim_in_the_total_and_say_so() -> None:
    table = project(("产出指标", "数量指标", "建设套数", "≥100套", "已完成", "90", "85"))
    document = score_package(package(table), HUNAN).documents[0]
    assert document.computed_total == D(10) + D(85)
    assert document.estimated
    assert any("建设套数" in note for note in document.notes)


def test_grades_use_inclusive_lower_bounds() -> None:
    assert [grade_for(D(x), HUNAN) for x in ("90", "89.99", "80", "60", "59.9")] == [
        "优",
        "良",
        "良",
        "中",
        "差",
    ]


def test_a_user_framework_can_set_80_70_60(tmp_path: Path) -> None:
    path = tmp_path / "vendor.toml"
    path.write_text(
        '[framework]\nid = "vendor-x"\nname = "某系统"\nextends = "hunan-2023"\n\n'
        '[[grades]]\nname = "优"\nmin = 80\n\n[[grades]]\nname = "良"\nmin = 70\n\n'
        '[[grades]]\nname = "中"\nmin = 60\n\n[[grades]]\nname = "差"\nmin = 0\n',
        encoding="utf-8",
    )
    vendor = load_framework(path)
    assert vendor.table("project") == HUNAN.table("project")  # inherited
    assert [grade_for(D(x), vendor) for x in ("85", "75", "65", "10")] == ["优", "良", "中", "差"]
    table = project(("产出指标", "数量指标", "建设套数", "≥100套", "75套", "90", "60"))
    document = score_package(package(table), vendor).documents[0]
    assert document.computed_total == D("77.5")
    assert document.computed_grade == "良"


def test_fixed_weights_are_exposed_for_checking() -> None:
    mof = get_framework("mof-2020-project")
    table = project(("产出指标", "数量指标", "建设套数", "≥100套", "100套", "40", "40"))
    group = score_package(package(table), mof).documents[0].groups[0]
    assert (group.expected_weight, group.weight_sum) == (D(50), D(40))


def test_unknown_level_names_are_marked() -> None:
    table = project(("产出指标", "成本指标", "成本", "≤10万元", "9万元", "10", "10"))
    group = score_package(package(table), HUNAN).documents[0].groups[0]
    assert group.known and not group.level2[0].known  # 成本 is level 1 in Hunan
    mof_group = score_package(package(table), get_framework("mof-2020-project")).documents[0].groups[0]
    assert mof_group.level2[0].known


def test_not_applicable_rows_can_be_rescaled(tmp_path: Path) -> None:
    path = tmp_path / "rescale.toml"
    path.write_text(
        '[framework]\nid = "rescale"\nname = "折算"\nextends = "hunan-2023"\n\n'
        "[settings]\nrescale_not_applicable = true\n",
        encoding="utf-8",
    )
    table = project(
        ("产出指标", "数量指标", "建设套数", "≥100套", "100套", "80", "80"),
        ("效益指标", "生态效益指标", "无", "无", "无", "0", "0"),
    )
    document = score_package(package(table), load_framework(path)).documents[0]
    assert document.weight_total == D(90)
    assert document.computed_total == D(100)
    plain = score_package(package(table), HUNAN).documents[0]
    assert plain.computed_total == D(90)
