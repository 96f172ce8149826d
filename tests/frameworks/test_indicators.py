"""Indicator rows scored under the default rules (domain.md §4), one worked example per rule."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from frameworks_builders import funds, indicator, package, project

from jixiao.frameworks import IndicatorScore, Settings, get_framework, score_indicator, score_package
from jixiao.frameworks.schema import Framework

D = Decimal
HUNAN = get_framework("hunan-2023")


def score(*cells: str, framework: Framework = HUNAN) -> IndicatorScore:
    """cells: (level1, level2, name, target, actual, weight[, claimed]) or, for an 产出/数量
    row, just (name, target, actual, weight[, claimed])."""
    if not cells[0].endswith("指标"):
        cells = ("产出指标", "数量指标", *cells)
    return score_indicator(0, indicator(cells), framework)


def with_settings(**changes: object) -> Framework:
    return dataclasses.replace(HUNAN, settings=dataclasses.replace(Settings(), **changes))


def test_execution_rate_uses_the_adjusted_budget() -> None:
    table = project(total=funds(adjusted="100", executed="96", score="10", rate="96%"))
    execution = score_package(package(table), HUNAN).documents[0].execution
    assert execution is not None
    assert execution.rate == D("0.96")
    assert execution.computed == D("9.6")
    assert execution.claimed_rate == D("0.96")
    assert execution.explanation.rule == "execution"
    assert ("全年预算数", "100") in execution.explanation.inputs


def test_execution_is_capped_and_unscorable_without_figures() -> None:
    over = score_package(package(project(total=funds("100", "120"))), HUNAN).documents[0].execution
    assert over is not None and over.computed == D(10)
    missing = score_package(package(project(total=funds("", "96"))), HUNAN).documents[0].execution
    assert missing is not None and missing.computed is None
    assert missing.explanation.note is not None and "全年预算数" in missing.explanation.note


def test_at_least_missed_scores_in_proportion() -> None:
    result = score("服务对象满意度", "≥98%", "95%", "10", "9")
    assert result.status == "scored"
    assert result.explanation.rule == "ratio_capped"
    assert result.computed == D(10) * D(95) / D(98)
    assert round(result.computed, 2) == D("9.69")
    assert result.explanation.sentence == "实际值/目标值 × 分值，最高为分值"


def test_at_least_met_scores_full() -> None:
    assert score("建设套数", "100套", "120套", "10").computed == D(10)


def test_at_most_above_the_target_loses_the_excess_share() -> None:
    result = score("成本指标", "经济成本指标", "项目成本", "≤90万元", "99万元", "10", "9")
    assert result.explanation.rule == "inverse_linear"
    assert result.computed == D(9)


def test_at_most_ratio_formula_is_a_setting() -> None:
    framework = with_settings(inverse_formula="ratio")
    result = score("成本指标", "经济成本指标", "项目成本", "≤90万元", "99万元", "10", framework=framework)
    assert result.explanation.rule == "inverse_ratio"
    assert result.computed == D(10) * D(90) / D(99)


def test_at_most_floors_at_zero() -> None:
    assert score("成本指标", "经济成本指标", "投诉", "≤10次", "25次", "5").computed == D(0)


@pytest.mark.parametrize(("actual", "expected"), [("0起", D(5)), ("1起", D(0))])
def test_equal_to_zero_is_all_or_nothing(actual: str, expected: Decimal) -> None:
    result = score("产出指标", "质量指标", "安全事故", "=0起", actual, "5")
    assert result.explanation.rule == "zero_target"
    assert result.computed == expected


def test_amounts_in_yuan_are_converted_to_wan() -> None:
    result = score("成本指标", "经济成本指标", "项目成本", "≤90万元", "880000元", "10")
    assert result.computed == D(10)
    assert ("换算", "1万元 = 10000元") in result.explanation.inputs
    above = score("成本指标", "经济成本指标", "项目成本", "≤90万元", "990000元", "10")
    assert above.computed == D(9)


def test_incompatible_units_are_unscorable() -> None:
    result = score("核发许可证", "75个", "100%", "5", "5")
    assert result.status == "unscorable"
    assert result.computed is None
    assert result.explanation.note is not None and "计量单位不一致" in result.explanation.note


def test_words_only_actual_on_a_numeric_target_is_unscorable() -> None:
    result = score("建设套数", "≥100套", "已完成", "10", "10")
    assert result.status == "unscorable"
    assert result.computed is None
    assert result.explanation.note == "定量指标的实际完成值只有文字，无法计分"


def test_over_achievement_is_flagged_without_deduction() -> None:
    result = score("公租房建设", "100套", "352套", "5", "5")
    assert result.over_achieved
    assert result.computed == D(5)
    assert result.explanation.note is not None and "指标值设定偏低" in result.explanation.note
    assert not score("公租房建设", "100套", "149套", "5").over_achieved


def test_over_achievement_deduction_is_a_setting() -> None:
    result = score("公租房建设", "100套", "160套", "5", framework=with_settings(over_achievement_deduct=True))
    assert result.explanation.rule == "over_achievement"
    assert result.computed == D(5) * (1 - D("0.6"))


def test_qualitative_claim_inside_the_band_stands() -> None:
    result = score("效益指标", "社会效益指标", "群众生活改善", "有效改善", "达成", "10", "9")
    assert result.status == "band"
    assert result.band == (D(8), D(10))
    assert result.computed == D(9)


def test_qualitative_claim_outside_the_band_takes_the_nearest_edge() -> None:
    partial = score("效益指标", "社会效益指标", "群众生活改善", "有效改善", "部分达成", "10", "10")
    assert partial.band == (D(6), D(8))
    assert partial.computed == D(8)
    missed = score("效益指标", "社会效益指标", "群众生活改善", "有效改善", "未达成", "10", "7")
    assert missed.band == (D(0), D(6))
    assert missed.computed == D(6)


def test_qualitative_without_claim_takes_the_top_of_the_band() -> None:
    result = score("效益指标", "社会效益指标", "群众生活改善", "有效改善", "有效改善", "10")
    assert result.computed == D(10)
    assert result.explanation.note is not None


def test_qualitative_with_unstated_level_is_checked_against_the_whole_weight() -> None:
    result = score("效益指标", "社会效益指标", "群众生活改善", "有效改善", "已开展相关工作", "10", "9")
    assert result.status == "band"
    assert result.band == (D(0), D(10))
    assert result.computed == D(9)
    assert result.explanation.note is not None and "未说明完成等级" in result.explanation.note


def test_qualitative_target_with_a_number_is_unscorable_unless_it_says_定性() -> None:
    assert score("产出指标", "质量指标", "质量达标", "质量达标", "100%", "10", "10").status == "unscorable"
    assert score("产出指标", "质量指标", "工作质量", "定性", "100%", "10", "10").status == "band"


def test_deadline_met_and_missed() -> None:
    met = score("产出指标", "时效指标", "完成时间", "2023年12月前", "2023年11月", "10", "10")
    assert (met.explanation.rule, met.band) == ("deadline", (D(8), D(10)))
    late = score("产出指标", "时效指标", "完成时间", "2023年12月前", "2024年3月", "10", "10")
    assert late.band == (D(0), D(6))
    assert late.computed == D(6)
    on_time = score("产出指标", "时效指标", "执行时限", "定性", "按时完成", "10", "10")
    assert on_time.computed == D(10)


@pytest.mark.parametrize(("target", "weight"), [("无", "0"), ("无", "无"), ("", "")])
def test_not_applicable_rows_are_skipped(target: str, weight: str) -> None:
    result = score("效益指标", "生态效益指标", "无", target, "无", weight)
    assert result.status == "skipped"
    assert result.computed is None


def test_none_target_with_points_is_unscorable_unless_actual_repeats_it() -> None:
    assert score("成本指标", "社会成本指标", "负面影响", "", "无", "5", "5").status == "unscorable"
    harmless = score("成本指标", "社会成本指标", "负面影响", "无", "无", "5", "5")
    assert (harmless.status, harmless.computed) == ("band", D(5))


def test_strict_operators_can_be_exclusive() -> None:
    row = ("产出指标", "质量指标", "合格率", ">95%", "95%", "10")
    assert score(*row).computed == D(10)
    strict = score(*row, framework=with_settings(strict_operators="exclusive"))
    assert strict.computed == D(0)


def test_missing_weight_is_unscorable() -> None:
    result = score("建设套数", "100套", "100套", "", "10")
    assert result.status == "unscorable"
