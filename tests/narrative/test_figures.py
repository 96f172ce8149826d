"""Figures stated in prose: every sentence here is copied from the seed reports unless it says otherwise."""

from __future__ import annotations

import time
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jixiao.model.narrative import Paragraph, Statement
from jixiao.model.source import Source
from jixiao.narrative import (
    StatedShare,
    StatedSum,
    extract_figures,
    extract_shares,
    extract_statements,
    extract_sums,
)

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"


def paras(*lines: str) -> list[Paragraph]:
    return [Paragraph(line, Source(file="report.txt", line=i)) for i, line in enumerate(lines, 1)]


def statements(*lines: str) -> tuple[Statement, ...]:
    return extract_statements(paras(*lines))


def brief(items: tuple[Statement, ...]) -> list[tuple[str, str, str | None, str | None, str]]:
    """(kind, text, value, unit, subject) for each statement."""
    return [(s.kind, s.text, None if s.value is None else str(s.value), s.unit, s.subject) for s in items]


def sum_values(stated: StatedSum) -> tuple[Decimal | None, list[Decimal | None]]:
    return stated.total.value, [p.value for p in stated.parts]


# --------------------------------------------------------------------------------------------------
# Statements: kind, value, unit and subject, sentence by sentence

CASES: list[tuple[str, list[tuple[str, str, str | None, str | None, str]]]] = [
    (  # seed 000
        "2022年，本部门年初预算收入146.1万元，比上年减少47.19万元，减少24.41%。",
        [
            ("year", "2022年", "2022", "年", ""),
            ("amount", "146.1万元", "146.1", "万元", "本部门年初预算收入"),
            ("amount", "47.19万元", "47.19", "万元", "比上年减少"),
            ("rate", "24.41%", "24.41", "%", "减少"),
        ],
    ),
    (
        "2022年，本部门支出249.97万元，比上年减少62.67万元，减少20.05%。",
        [
            ("year", "2022年", "2022", "年", ""),
            ("amount", "249.97万元", "249.97", "万元", "本部门支出"),
            ("amount", "62.67万元", "62.67", "万元", "比上年减少"),
            ("rate", "20.05%", "20.05", "%", "减少"),
        ],
    ),
    (
        "3．人员情况。2022年本单位年未实有人数14人。",
        [
            ("year", "2022年", "2022", "年", "本单位年未实有人数"),
            ("count", "14人", "14", "人", "本单位年未实有人数"),
        ],
    ),
    (
        "其中基本支出中：（ 2120399）其他城乡社区公共设施支出161.59万元；",
        [("amount", "161.59万元", "161.59", "万元", "其他城乡社区公共设施支出")],
    ),
    (
        " （2080505）机关事业单位基本养老保险支出140.67万元；",
        [("amount", "140.67万元", "140.67", "万元", "机关事业单位基本养老保险支出")],
    ),
    (
        "（2120399）其他城乡建设支出（其他资金）77万元",
        [("amount", "77万元", "77", "万元", "其他城乡建设支出（其他资金）")],
    ),
    (
        "项目支出年初预算：1.衡阳市三维数字城市项目：上年结转178.7万元；实际拔款178.7万元；按进度支出178.7万元",
        [
            ("amount", "178.7万元", "178.7", "万元", "上年结转"),
            ("amount", "178.7万元", "178.7", "万元", "实际拔款"),
            ("amount", "178.7万元", "178.7", "万元", "按进度支出"),
        ],
    ),
    (
        "2、维护经费：年初预算20万元，实际拔款20万元，全支出20万元；",
        [
            ("amount", "20万元", "20", "万元", "年初预算"),
            ("amount", "20万元", "20", "万元", "实际拔款"),
            ("amount", "20万元", "20", "万元", "全支出"),
        ],
    ),
    (
        "3、住建OA办公系统升级：年初预算20万元；实际支付19.6万元。",
        [
            ("amount", "20万元", "20", "万元", "年初预算"),
            ("amount", "19.6万元", "19.6", "万元", "实际支付"),
        ],
    ),
    (
        "（1） 新建信息化项目全面启动。根据工作需要，信息中心2022年推进了三维数字城市、办公OA升级项目建设，"
        "合作研发了“智慧工地”监管平台，本年度信息化建设项目总投资为198.3万元。",
        [
            ("year", "2022年", "2022", "年", "信息中心"),
            ("amount", "198.3万元", "198.3", "万元", "本年度信息化建设项目总投资"),
        ],
    ),
    (  # seed 002
        "我中心年初预算 1555.29 万元，预算调整至 1701.05 万元，决算数为 1680.97 万元，预算调整的原因是中心人员"
        "经费有所增加，工资有所上调，导致增加了预算支出。",
        [
            ("amount", "1555.29 万元", "1555.29", "万元", "我中心年初预算"),
            ("amount", "1701.05 万元", "1701.05", "万元", "预算调整至"),
            ("amount", "1680.97 万元", "1680.97", "万元", "决算数"),
        ],
    ),
    (
        "我中心 2020 年度政府采购支出总额 3.96 万元，其中：政府采购货物支出 3.96 万元。",
        [
            ("year", "2020 年度", "2020", "年", "我中心"),
            ("amount", "3.96 万元", "3.96", "万元", "政府采购支出总额"),
            ("amount", "3.96 万元", "3.96", "万元", "政府采购货物支出"),
        ],
    ),
    (
        "1. 经济性：我中心在 2020 年度“三公”经费预算支出 2.06 万元，其中：2020 年无因公出国费用，无公务接待费用，"
        "年末公共预算财政拨款开支运行维护费的公务用车保有量 1 辆，运行维护共计 2.06 万元。",
        [
            ("year", "2020 年度", "2020", "年", "我中心在"),
            ("amount", "2.06 万元", "2.06", "万元", "三公经费预算支出"),
            ("year", "2020 年", "2020", "年", "无因公出国费用"),
            ("count", "1 辆", "1", "辆", "年末公共预算财政拨款开支运行维护费的公务用车保有量"),
            ("amount", "2.06 万元", "2.06", "万元", "运行维护"),
        ],
    ),
    (
        "日常公用经费年初预算数 1,035,356.30 元，决算数 887,400.39 元，并未超支。",
        [
            ("amount", "1,035,356.30 元", "1035356.30", "元", "日常公用经费年初预算数"),
            ("amount", "887,400.39 元", "887400.39", "元", "决算数"),
        ],
    ),
    (
        "2. 效率性：2020 年我中心共 8 个项目，其中 8 个已完成，0 个未完成，完成率达 100%。",
        [
            ("year", "2020 年", "2020", "年", "我中心"),
            ("count", "8 个", "8", "个", "我中心"),
            ("count", "8 个", "8", "个", "已完成"),
            ("count", "0 个", "0", "个", "未完成"),
            ("rate", "100%", "100", "%", "完成率"),
        ],
    ),
    (
        "1. 按照服务型政府网站发展趋势和 2018、2019 年深圳市政府网站绩效评估文件要求，完成网站考核工作。",
        [
            ("year", "2018", "2018", "年", "按照服务型政府网站发展趋势和"),
            ("year", "2019 年", "2019", "年", "深圳市政府网站绩效评估文件要求"),
        ],
    ),
    (  # seed 003
        "2023年度基本支出2352.1万元，其中：",
        [("year", "2023年度", "2023", "年", "基本支出"), ("amount", "2352.1万元", "2352.1", "万元", "基本支出")],
    ),
    (
        "人员经费1795.52万元，占基本支出的76.34%,主要包括基本工资、津贴补贴、奖金、伙食补助费。",
        [
            ("amount", "1795.52万元", "1795.52", "万元", "人员经费"),
            ("rate", "76.34%", "76.34", "%", "占基本支出"),
        ],
    ),
    (
        "2023年度政府性基金预算财政拨款收入1219.91万元，其中汨罗市住房和城乡建设局本级88.96万元；"
        "汨罗市住房保障服务中心1130.95万元。",
        [
            ("year", "2023年度", "2023", "年", "政府性基金预算财政拨款收入"),
            ("amount", "1219.91万元", "1219.91", "万元", "政府性基金预算财政拨款收入"),
            ("amount", "88.96万元", "88.96", "万元", "汨罗市住房和城乡建设局本级"),
            ("amount", "1130.95万元", "1130.95", "万元", "汨罗市住房保障服务中心"),
        ],
    ),
    (
        "1.资金到位情况：帮代办项目由住建局于2023年年末申报，经批复，预算为45万元。2023年实际拨付我单位资金为45万元。",
        [
            ("year", "2023年", "2023", "年", "帮代办项目由住建局于"),
            ("amount", "45万元", "45", "万元", "预算"),
            ("year", "2023年", "2023", "年", "实际拨付我单位资金"),
            ("amount", "45万元", "45", "万元", "实际拨付我单位资金"),
        ],
    ),
    (
        "2.资金使用情况：根据实际工作情况，帮代办项目共计支出35万元。",
        [("amount", "35万元", "35", "万元", "帮代办项目共计支出")],
    ),
    (
        "经过各项指标的认真评价和综合评审，综合得分99分。",
        [("score", "99分", "99", "分", "综合得分")],
    ),
    (
        "帮代办经费使用率指标值为100%，实际完成100%，完成率100%。",
        [
            ("rate", "100%", "100", "%", "帮代办经费使用率指标值"),
            ("rate", "100%", "100", "%", "实际完成"),
            ("rate", "100%", "100", "%", "完成率"),
        ],
    ),
    (
        "2023年完成危房摸排3761栋。",
        [("year", "2023年", "2023", "年", "完成危房摸排"), ("count", "3761栋", "3761", "栋", "完成危房摸排")],
    ),
    (
        "2023年白蚁防治免费预防灭治实际达92.96万平方米。",  # an area is not a figure we extract
        [("year", "2023年", "2023", "年", "白蚁防治免费预防灭治实际")],
    ),
    (
        "1、资金到位情况：汨罗市城建档案库房建设费用经2022年初申报，经批复，预算为20万元，到位资金5万元。",
        [
            ("year", "2022年", "2022", "年", "汨罗市城建档案库房建设费用经"),
            ("amount", "20万元", "20", "万元", "预算"),
            ("amount", "5万元", "5", "万元", "到位资金"),
        ],
    ),
    (
        "申请公共租赁住房建设项目8个共352套、保障性租赁住房3个共490套均已开工建设。完成危旧房摸底排查3761栋。",
        [
            ("count", "8个", "8", "个", "申请公共租赁住房建设项目"),
            ("count", "352套", "352", "套", "申请公共租赁住房建设项目"),
            ("count", "3个", "3", "个", "保障性租赁住房"),
            ("count", "490套", "490", "套", "保障性租赁住房"),
            ("count", "3761栋", "3761", "栋", "完成危旧房摸底排查"),
        ],
    ),
    (
        "我站全年监管房屋工程项目101个，总建筑面积约285.17万平方米，总造价约51.53亿元，市政工程项目11个，"
        "总造价约6.83亿元。",
        [
            ("count", "101个", "101", "个", "我站全年监管房屋工程项目"),
            ("amount", "51.53亿元", "51.53", "亿元", "总造价"),
            ("count", "11个", "11", "个", "市政工程项目"),
            ("amount", "6.83亿元", "6.83", "亿元", "总造价"),
        ],
    ),
    (
        "检测中共发现安全隐患932余处，强制拆除1台、现场封停9台；",
        [
            ("count", "932余处", "932", "处", "检测中共发现安全隐患"),
            ("count", "1台", "1", "台", "强制拆除"),
            ("count", "9台", "9", "台", "现场封停"),
        ],
    ),
    (
        "我站借助集中约谈会开展集中培训告知3次，组织专班上门现场指导4次，接受业务咨询指导40余次，指导项目整改。",
        [
            ("count", "3次", "3", "次", "我站借助集中约谈会开展集中培训告知"),
            ("count", "4次", "4", "次", "组织专班上门现场指导"),
            ("count", "40余次", "40", "次", "接受业务咨询指导"),
        ],
    ),
    (
        "将扬尘防治“6个100%”作为项目开工前安全条件审查重点。",
        [("count", "6个", "6", "个", "扬尘防治"), ("rate", "100%", "100", "%", "扬尘防治")],
    ),
    (
        "工程建设监管执法率100%、质量安全标准化考评率100%、群众满意度100%。",
        [
            ("rate", "100%", "100", "%", "工程建设监管执法率"),
            ("rate", "100%", "100", "%", "质量安全标准化考评率"),
            ("rate", "100%", "100", "%", "群众满意度"),
        ],
    ),
    (
        "本项目全年支出334.73万元，任务已基本完成。",
        [("amount", "334.73万元", "334.73", "万元", "本项目全年支出")],
    ),
    (
        "严格控制建筑施工扬尘；95%以上建筑市场平稳有序发展；98%施工企业、业主、群众满意度非常高。",
        [
            ("rate", "95%", "95", "%", "建筑市场平稳有序发展"),
            ("rate", "98%", "98", "%", "施工企业"),
        ],
    ),
    (
        "下设住房保障服务中心、城建档案馆、建筑工程管理办公室3个二级机构。",
        [("count", "3个", "3", "个", "建筑工程管理办公室")],
    ),
    (
        "共受理公共租赁住房82户（其中城镇居民类49户，外来务工类24户，新就业类9户）。",
        [
            ("count", "82户", "82", "户", "共受理公共租赁住房"),
            ("count", "49户", "49", "户", "城镇居民类"),
            ("count", "24户", "24", "户", "外来务工类"),
            ("count", "9户", "9", "户", "新就业类"),
        ],
    ),
    (
        "其他项目（市政）8个，造价为35544.597万元。",
        [
            ("count", "8个", "8", "个", "其他项目（市政）"),
            ("amount", "35544.597万元", "35544.597", "万元", "造价"),
        ],
    ),
    (
        "2023年建筑工程公开招标项目共计14个，中标金额合计为78089.7763万元。",
        [
            ("year", "2023年", "2023", "年", "建筑工程公开招标项目"),
            ("count", "14个", "14", "个", "建筑工程公开招标项目"),
            ("amount", "78089.7763万元", "78089.7763", "万元", "中标金额"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:24] for c in CASES])
def test_statements(text: str, expected: list[tuple[str, str, str | None, str | None, str]]) -> None:
    assert brief(statements(text)) == expected


def test_at_least_thirty_real_sentences() -> None:
    assert len(CASES) >= 30


def test_quarterly_rates_and_the_stray_year() -> None:
    text = (
        "2. 效率性：2020 年我中心共 8 个项目，其中 8 个已完成，0 个未完成，完成率达 100%。其中，2019 年第一季度"
        "预算执行进度为 27.22%，第二季度预算执行进度为 48.45%，第三季度预算执行进度为 69.22%，第四季度预算执行"
        "进度为 98.82%。"
    )
    found = statements(text)
    rates = [s for s in found if s.kind == "rate"][1:]
    assert [str(s.value) for s in rates] == ["27.22", "48.45", "69.22", "98.82"]
    assert "第一季度预算执行进度" in rates[0].subject
    assert [s.subject for s in rates[1:]] == ["第二季度预算执行进度", "第三季度预算执行进度", "第四季度预算执行进度"]
    years = [s for s in found if s.kind == "year"]
    assert [s.value for s in years] == [Decimal(2020), Decimal(2019)]
    assert years[1].text == "2019 年"
    assert "第一季度" in years[1].subject  # the auditor sees which figure the stray year goes with


def test_change_in_parentheses_shares_the_subject() -> None:  # made up, the form occurs in reports
    found = statements("本部门支出249.97万元，比上年减少62.67万元（20.05%），同比下降3个百分点。")
    assert [(s.kind, s.subject) for s in found] == [
        ("amount", "本部门支出"),
        ("amount", "比上年减少"),
        ("rate", "比上年减少"),
    ]


def test_sentence_is_the_whole_sentence() -> None:
    found = statements("2022年，本部门年初预算收入146.1万元，比上年减少47.19万元，减少24.41%。下一句10人。")
    assert found[1].sentence == "2022年，本部门年初预算收入146.1万元，比上年减少47.19万元，减少24.41%。"
    assert found[-1].sentence == "下一句10人。"
    semicolon = statements("上年结转178.7万元；实际拔款178.7万元")
    assert [s.sentence for s in semicolon] == ["上年结转178.7万元；", "实际拔款178.7万元"]


def test_source_is_the_paragraph_with_the_column_of_the_figure() -> None:
    para = Paragraph("2022年，本部门支出249.97万元。", Source(file="a.txt", line=22, table="报告"))
    found = extract_statements([Paragraph("无"), para])
    amount = next(s for s in found if s.kind == "amount")
    assert amount.source == Source(file="a.txt", line=22, table="报告", column=12)
    assert para.text[11:].startswith("249.97万元")


# --------------------------------------------------------------------------------------------------
# Scores and grades (the first sentences are the brief's forms, not from a seed)


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        ("经过各项指标的认真评价和综合评审，综合得分99分。", "99", "综合得分"),
        ("该项目得分96分。", "96", "该项目得分"),
        ("经综合评价，该项目自评得分为 92 分，评价等级为优。", "92", "该项目自评得分"),
        ("部门整体支出绩效自评总分99.5分，等级：良。", "99.5", "部门整体支出绩效自评总分"),
        ("得分：95分。", "95", "得分"),
        ("综合评分为92.5，评价等级为优。", "92.5", "综合评分"),  # a score without 分
    ],
)
def test_scores(text: str, value: str, subject: str) -> None:
    scores = [s for s in statements(text) if s.kind == "score"]
    assert [(str(s.value), s.subject) for s in scores] == [(value, subject)]


def test_points_in_headings_and_weights_are_not_scores() -> None:
    assert [s for s in statements("产出指标(50分)。总分值100分。满分100分。") if s.kind == "score"] == []


@pytest.mark.parametrize(
    ("text", "grade", "subject"),
    [
        ("评价等级为优。", "优", "评价等级"),
        ("部门整体支出绩效自评总分99.5分，等级：良。", "良", "等级"),
        ("经综合评议，评定为“优”。", "优", "评定"),
        ("本项目自评等级为优秀，", "优", "本项目自评等级"),
        ("评价结果为“良好”。", "良", "评价结果"),
        ("绩效等级评定为中等。", "中", "绩效等级评定"),
        ("等级为较差。", "差", "等级"),
    ],
)
def test_grades(text: str, grade: str, subject: str) -> None:
    grades = [s for s in statements(text) if s.kind == "grade"]
    assert [(s.text, s.value, s.subject) for s in grades] == [(grade, None, subject)]


def test_words_that_only_look_like_grades() -> None:
    text = "本单位被评为优秀单位。优化营商环境，效益良好，其中等级公路建设顺利。评为优秀共产党员。"
    assert [s for s in statements(text) if s.kind == "grade"] == []


# --------------------------------------------------------------------------------------------------
# Noise: numbers that are not figures


@pytest.mark.parametrize(
    "text",
    [
        "填表人：周婷婷填报日期：2023.3.30 联系电话：13407.46520单位负责人签字：钟熙附件3",
        "学习贯彻党的十九届五中、六中全会精神，学习第十二次党代会精神，落实支部学习制度。",
        "1．主要职能。2．机构情况。（一）基本支出情况",
        "联系电话：18718670786",
        "第3次会议，住建OA2系统，5G网络，A4纸",
        "吸取长沙4.29自建民房倒塌事故教训。",
        "工期12个月，下降2个百分点，工作14年。",
        "根据湘政办发〔2019〕31号文件要求。",
    ],
)
def test_noise_gives_no_statements(text: str) -> None:
    assert statements(text) == ()


def test_codes_in_parentheses_are_not_figures_nor_subjects() -> None:
    found = statements("（2120399）其他城乡建设支出（其他资金）77万元")
    assert brief(found) == [("amount", "77万元", "77", "万元", "其他城乡建设支出（其他资金）")]


def test_section_number_glued_to_a_count() -> None:
    assert brief(statements("1.14人参加培训。")) == [("count", "14人", "14", "人", "参加培训")]


def test_full_width_digits_percent_and_point() -> None:
    text = "２０２２年，本部门支出２４９．９７万元，完成率１００％。"
    found = statements(text)
    assert brief(found) == [
        ("year", "２０２２年", "2022", "年", ""),
        ("amount", "２４９．９７万元", "249.97", "万元", "本部门支出"),
        ("rate", "１００％", "100", "%", "完成率"),
    ]
    for s in found:
        assert s.source.column is not None
        assert text[s.source.column - 1 :].startswith(s.text)


def test_full_width_folding_keeps_lengths() -> None:
    for ch in "０１２３４５６７８９％．／－ＡＺａｚ":
        assert len(unicodedata.normalize("NFKC", ch)) == 1


def test_fillers_that_end_words_are_kept() -> None:
    found = statements("记录不良行为29起，节约10万元，人均5万元，下达资金5万元，总金额约为20万元。")
    assert [s.subject for s in found] == ["记录不良行为", "节约", "人均", "下达资金", "总金额"]


# --------------------------------------------------------------------------------------------------
# Sums


def test_sum_of_seed_003_basic_expenditure_across_paragraphs() -> None:
    ps = paras(
        "二、一般公共预算支出情况",
        "（一）基本支出情况",
        "2023年度基本支出2352.1万元，其中：",
        "人员经费1795.52万元，占基本支出的76.34%,主要包括基本工资、津贴补贴、奖金、伙食补助费、绩效工资。",
        "公用经费556.58万元，占基本支出的23.66%，主要包括办公费、印刷费、水费、电费、邮电费、差旅费。",
        "（二）项目支出情况",
        "2023年项目支出15125.5万元，占总支出86.54%，主要是单位为完成特定行政工作任务而发生的支出。",
    )
    figures = extract_figures(ps)
    assert len(figures.sums) == 1
    stated = figures.sums[0]
    assert sum_values(stated) == (Decimal("2352.1"), [Decimal("1795.52"), Decimal("556.58")])
    assert [p.subject for p in stated.parts] == ["人员经费", "公用经费"]
    assert [p.source.line for p in stated.parts] == [4, 5]
    assert stated.source == stated.total.source
    assert stated.source.line == 3
    assert stated.sentence.startswith("2023年度基本支出2352.1万元，其中：\n人员经费1795.52万元")
    assert not stated.open_ended

    shares = figures.shares
    assert [(s.rate.value, s.part_name, s.whole) for s in shares] == [
        (Decimal("76.34"), "人员经费", "基本支出"),
        (Decimal("23.66"), "公用经费", "基本支出"),
        (Decimal("86.54"), "项目支出", "总支出"),
    ]
    first = shares[0]
    assert first.part is not None and first.part.value == Decimal("1795.52")
    assert first.whole_statement is not None and first.whole_statement.value == Decimal("2352.1")
    assert shares[1].whole_statement == first.whole_statement
    assert shares[2].part is not None and shares[2].part.value == Decimal("15125.5")
    assert shares[2].whole_statement is None  # 总支出 is not stated in the prose
    assert extract_sums(ps) == figures.sums
    assert extract_shares(ps) == figures.shares


def test_simple_sum() -> None:
    sums = extract_sums(paras("部门整体支出总额100万元，其中：人员经费50万元、公用经费30万元、项目支出20万元。"))
    assert len(sums) == 1
    assert sum_values(sums[0]) == (Decimal(100), [Decimal(50), Decimal(30), Decimal(20)])
    assert sums[0].total.subject == "部门整体支出总额"


def test_sum_with_bare_parts() -> None:
    sums = extract_sums(paras("资金总额60万元，其中：10万元、20万元、30万元。"))
    assert sum_values(sums[0]) == (Decimal(60), [Decimal(10), Decimal(20), Decimal(30)])


def test_sum_introduced_by_baokuo() -> None:
    sums = extract_sums(paras("支出合计300万元，包括基本支出200万元，项目支出100万元。"))
    assert sum_values(sums[0]) == (Decimal(300), [Decimal(200), Decimal(100)])


def test_sum_parts_across_semicolons() -> None:
    text = (
        "2023年度政府性基金预算财政拨款收入1219.91万元，其中汨罗市住房和城乡建设局本级88.96万元；"
        "汨罗市住房保障服务中心1130.95万元。"
    )
    sums = extract_sums(paras(text))
    assert sum_values(sums[0]) == (Decimal("1219.91"), [Decimal("88.96"), Decimal("1130.95")])


def test_sums_of_counts_and_amounts_in_one_sentence() -> None:
    text = (
        "2023年，我市报建项目70个，总建筑面积为798801.6㎡，总造价为186798.5095万元，其中房建项目35个，"
        "建筑总面积为343134.88㎡，造价为44891.5679万元；工业项目27个，建筑总面积为455666.72㎡，造价为"
        "106362.3446万元；其他项目（市政）8个，造价为35544.597万元。共收取23个项目城市配套费782.5712万元。"
    )
    sums = extract_sums(paras(text))
    assert [sum_values(s) for s in sums] == [
        (Decimal(70), [Decimal(35), Decimal(27), Decimal(8)]),
        (Decimal("186798.5095"), [Decimal("44891.5679"), Decimal("106362.3446"), Decimal("35544.597")]),
    ]
    assert [s.total.kind for s in sums] == ["count", "amount"]


def test_sums_in_parentheses_and_after_qizhong() -> None:
    text = (
        "全年竣工验收项目共38个，目前在建房屋和市政项目共74个（房屋工程68个，市政工程6个），其中在建项目44个，"
        "停工项目16个，未开工项目14个。"
    )
    sums = extract_sums(paras(text))
    assert [sum_values(s) for s in sums] == [
        (Decimal(74), [Decimal(68), Decimal(6)]),
        (Decimal(74), [Decimal(44), Decimal(16), Decimal(14)]),
    ]


def test_sum_with_qizhong_inside_parentheses() -> None:
    sums = extract_sums(paras("共受理公共租赁住房82户（其中城镇居民类49户，外来务工类24户，新就业类9户）。"))
    assert len(sums) == 1
    assert sum_values(sums[0]) == (Decimal(82), [Decimal(49), Decimal(24), Decimal(9)])


def test_sum_whose_total_is_in_the_sentence_before() -> None:
    text = (
        "共办理建设工程项目竣工验收备案82个,工程总造价350773.89万元。其中房建类81个，工程总造价350391.39万元，"
        "建筑面积1913714.87平方米；市政工程1个，工程总造价382.5万元。加强检测、监理企业监管。"
    )
    sums = extract_sums(paras(text))
    assert [sum_values(s) for s in sums] == [
        (Decimal(82), [Decimal(81), Decimal(1)]),
        (Decimal("350773.89"), [Decimal("350391.39"), Decimal("382.5")]),
    ]


def test_sum_whose_total_ends_the_paragraph_before() -> None:
    # Seed 000's shape: the total closes one paragraph, "其中…" opens the next, the parts run on.
    ps = paras(
        "2022年，本部门支出249.97万元，比上年减少62.67万元，减少20.05%。",
        "其中基本支出中：（ 2120399）其他城乡社区公共设施支出161.59万元；",
        " （2080505）机关事业单位基本养老保险支出140.67万元；",
        "（2210102）住房公积金支出10.55万元",
    )
    sums = extract_sums(ps)
    assert [sum_values(s) for s in sums] == [
        (Decimal("249.97"), [Decimal("161.59"), Decimal("140.67"), Decimal("10.55")])
    ]
    assert sums[0].total.source.line == 1  # the change (减少62.67万元) is not taken for the total


def test_no_total_from_the_paragraph_before_when_qizhong_is_not_at_the_start() -> None:
    ps = paras("本部门支出249.97万元。", "项目支出中，其中：甲项目20万元、乙项目30万元。")
    assert extract_sums(ps) == ()


def test_project_expenditure_list_with_a_rate_in_between() -> None:
    text = (
        "2023年项目支出15125.5万元，占总支出86.54%，主要是单位为完成特定行政工作任务或事业发展目标而发生的支出，"
        "包括有关专项业务费等，其中：下岗职工困难补助8万元、老旧小区改造专项经费5万元、施工图审查100万元、"
        "档案数字化管理的支出项目2万元和九防经费3万元、保障房建设5万元。"
    )
    sums = extract_sums(paras(text))
    assert len(sums) == 1
    assert sums[0].total.value == Decimal("15125.5")
    assert [p.subject for p in sums[0].parts] == [
        "下岗职工困难补助",
        "老旧小区改造专项经费",
        "施工图审查",
        "档案数字化管理的支出项目",
        "九防经费",
        "保障房建设",
    ]


def test_no_sum_with_a_single_part() -> None:
    assert extract_sums(paras("我中心 2020 年度政府采购支出总额 3.96 万元，其中：政府采购货物支出 3.96 万元。")) == ()


def test_no_sum_without_a_marker() -> None:
    assert extract_sums(paras("2022年，本部门支出249.97万元，比上年减少62.67万元，减少20.05%。")) == ()


def test_a_change_ends_the_parts_and_is_never_the_total() -> None:
    text = "本部门支出249.97万元，比上年减少62.67万元，其中基本支出200万元、项目支出49.97万元，较上年增加10万元。"
    sums = extract_sums(paras(text))
    assert [sum_values(s) for s in sums] == [(Decimal("249.97"), [Decimal(200), Decimal("49.97")])]


def test_nested_qizhong_is_ambiguous() -> None:
    text = "总支出300万元，其中基本支出200万元，其中人员经费150万元、公用经费50万元；项目支出100万元。"
    sums = extract_sums(paras(text))
    assert all(s.total.value != Decimal(300) for s in sums)


def test_open_ended_lists() -> None:
    (stated,) = extract_sums(paras("项目支出100万元，其中：A项目10万元、B项目20万元等。"))
    assert stated.open_ended
    (mainly,) = extract_sums(paras("项目支出100万元，主要包括A项目10万元、B项目20万元。"))
    assert mainly.open_ended


def test_continuation_stops_at_a_heading() -> None:
    ps = paras(
        "基本支出100万元，其中：", "人员经费60万元，", "公用经费40万元。", "（二）项目支出情况", "工作经费5万元。"
    )
    (stated,) = extract_sums(ps)
    assert sum_values(stated) == (Decimal(100), [Decimal(60), Decimal(40)])


def test_shares_without_an_amount() -> None:
    (share,) = extract_shares(paras("人员经费占基本支出的比例为76.34%。"))
    assert isinstance(share, StatedShare)
    assert (share.part, share.part_name, share.whole) == (None, "人员经费", "基本支出")


# --------------------------------------------------------------------------------------------------
# Robustness and speed


@given(st.text(max_size=300))
@settings(max_examples=300, deadline=None)
def test_never_raises_and_offsets_point_at_the_figure(text: str) -> None:
    check_offsets([text])


FIGURE_ALPHABET = st.sampled_from(
    [
        *"0123456789０１２３４５６７８９.．,，%％、；。：:（）()其中包括占的年度万元个人次分等级为优良中差评定得 \n",
        *("万元", "元", "%", "年", "其中：", "得分", "等级为", "比上年减少", "（", "）", "2023年", "1,035.5"),
    ]
)


@given(st.lists(st.lists(FIGURE_ALPHABET, max_size=60).map("".join), max_size=6))
@settings(max_examples=400, deadline=None)
def test_never_raises_on_figure_like_text(texts: list[str]) -> None:
    check_offsets(texts)


def check_offsets(texts: list[str]) -> None:
    ps = paras(*texts)
    figures = extract_figures(ps)
    by_line = {p.source.line: p for p in ps}
    for s in figures.statements:
        para = by_line[s.source.line]
        assert s.source.column is not None and s.source.column >= 1
        written = para.text[s.source.column - 1 :]
        assert nfkc(written).startswith(nfkc(s.text))
        assert s.sentence in para.text
    for stated in figures.sums:
        assert len(stated.parts) >= 2
        assert all(p.kind == stated.total.kind for p in stated.parts)
    for share in figures.shares:
        assert share.rate.kind == "rate" and share.whole


def nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


ADVERSARIAL = {
    "digits": "1" * 1_000_000,
    "digits and dots": "1" * 500_000 + ".5.5" + "1." * 250_000,
    "thousands": "1,000," * 170_000,
    "parentheses": "（" * 500_000 + "1万元" + "）" * 500_000,
    "keywords": "等级为" * 160_000 + "得分：" * 160_000,
    "years": "2020、" * 200_000 + "年",
    "spaces": "1" + " " * 1_000_000 + "万元",
    "markers": "其中包括" * 250_000,
}


@pytest.mark.parametrize("name", list(ADVERSARIAL))
def test_no_catastrophic_backtracking(name: str) -> None:
    started = time.perf_counter()
    extract_figures([Paragraph(ADVERSARIAL[name])])
    assert time.perf_counter() - started < 10


def test_dense_figures_stay_linear() -> None:
    """Four times the text takes well under sixteen times the work (what a quadratic scan would take).

    Best of three runs each, so a busy machine does not decide; linear work measures about 4-5×.
    """
    line = "项目支出15125.5万元，占总支出86.54%，其中：下岗职工困难补助8万元、(2120399)老旧小区改造5万元；"

    def best(text: str) -> float:
        times = []
        for _ in range(3):
            started = time.process_time()
            extract_figures([Paragraph(text)])
            times.append(time.process_time() - started)
        return max(min(times), 0.001)

    small, large = best(line * 1000), best(line * 4000)
    assert len(extract_figures([Paragraph(line * 4000)]).statements) == 16000
    assert large < 10 * small


# --------------------------------------------------------------------------------------------------
# The seeds (skipped when ../shared/seeds is absent)


def seed_paragraphs(name: str, first_line: int = 1) -> list[Paragraph]:
    path = SEEDS / name
    if not path.exists():
        pytest.skip(f"seed {name} not available")
    out = []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if i >= first_line and line.strip() and not line.startswith("\t"):
            out.append(Paragraph(line, Source(file=name, line=i)))
    return out


@pytest.mark.seeds
def test_seed_003_narrative() -> None:
    ps = seed_paragraphs("003_9d52f206333e3630.txt", first_line=3893)
    figures = extract_figures(ps)
    check_offsets([p.text for p in ps])
    assert len(figures.statements) > 250
    totals = {(s.total.subject, s.total.value) for s in figures.sums}
    assert ("基本支出", Decimal("2352.1")) in totals
    assert ("政府性基金预算财政拨款收入", Decimal("1219.91")) in totals
    scores = [s.value for s in figures.statements if s.kind == "score"]
    assert scores and all(Decimal(90) <= v <= Decimal(100) for v in scores if v is not None)
