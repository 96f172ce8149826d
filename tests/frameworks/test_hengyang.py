"""The Hengyang seven-part scheme: derived figures from the basic data, control indicators."""

from __future__ import annotations

from decimal import Decimal

from frameworks_builders import basic, department, expense, funds, package

from jixiao.frameworks import ItemScore, get_framework, score_package

D = Decimal
HENGYANG = get_framework("hengyang-dept-2023")
PACKAGE = package(
    basic(
        "18",
        "14",
        expense("three_public", "10", "12", "10.5"),
        expense("car", "4", "5", "4.5"),
        expense("procurement", "", "100", "90"),
    ),
    department(("产出指标", "数量指标", "工作完成率", "≥100%", "100%", "90", "90"), total=funds("500", "480")),
    unit="衡阳市某单位",
)


def scheme_items() -> dict[str, ItemScore]:
    scheme = score_package(PACKAGE, HENGYANG).scheme
    assert scheme is not None and scheme.kind == "scheme"
    return {item.item.name.text: item for item in scheme.items}


def test_derived_figures_from_the_basic_data() -> None:
    result = score_package(PACKAGE, HENGYANG)
    derived = {d.key: d for d in result.derived}
    assert derived["staff_control_rate"].value == D(14) / D(18)
    assert derived["staff_control_rate"].formula_sentence == "实际在职人数 ÷ 编制数"
    assert derived["three_public_change_rate"].value == D("0.05")
    assert "上年决算数" in derived["three_public_change_rate"].formula_sentence
    assert derived["three_public_control_rate"].value == D("10.5") / D(12)
    assert derived["procurement_saving_rate"].value == D("0.1")
    assert derived["procurement_execution_rate"].value == D("0.9")
    assert derived["budget_completion_rate"].value == D("0.96")
    assert derived["public_funds_control_rate"].value is None
    assert derived["public_funds_control_rate"].note is not None


def test_control_indicators_lose_ten_percent_per_point_above() -> None:
    items = scheme_items()
    assert items["在职人员控制率"].computed == D(2)
    assert items["三公经费变动率"].computed == D(3) - D("0.3") * 5
    assert items["三公经费控制率"].computed == D(2)
    assert items["三公经费变动率"].explanation.rule == "control_limit"


def test_execution_items() -> None:
    items = scheme_items()
    assert items["预算完成率"].computed == D("1.92")
    assert items["政府采购节资率"].computed == D(2)
    assert items["政府采购执行率"].computed == D("1.8")
    assert items["支付进度"].status == "checklist" and items["支付进度"].computed is None


def test_missing_inputs_are_unscorable() -> None:
    item = scheme_items()["固定资产利用率"]
    assert item.status == "unscorable"
    assert item.explanation.note is not None and "固定资产利用率" in item.explanation.note


def test_the_hunan_tables_are_still_scored() -> None:
    result = score_package(PACKAGE, HENGYANG)
    assert [d.kind for d in result.documents] == ["department"]
    assert result.documents[0].computed_total == D("9.6") + D(90)


def test_three_public_total_from_its_parts_when_blank() -> None:
    parts_only = package(
        basic(
            "10",
            "10",
            expense("three_public", "", "", ""),
            expense("car", "4", "5", "4.5"),
            expense("reception", "1", "1", "0.5"),
        )
    )
    derived = {d.key: d for d in score_package(parts_only, HENGYANG).derived}
    change = derived["three_public_change_rate"]
    assert change.value == (D(5) - D(5)) / D(5)
    assert change.note is not None and "分项相加" in change.note
