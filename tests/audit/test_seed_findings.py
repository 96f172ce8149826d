"""The auditor on the three real reports: every error it reports is a real defect, pinned here.

Each expected error says why it is real. The test compares the complete set of errors, so a new
false error (or a lost true one) fails it.
"""

from __future__ import annotations

from pathlib import Path

from jixiao.pipeline import process_file

Key = tuple[str, str, int | None, str | None, str | None]


def _errors(path: Path) -> set[Key]:
    result = process_file(str(path), audit=True)
    assert result.ok, result.error
    return {(f.rule, f.document, f.line, f.expected, f.found) for f in result.findings if f.severity == "error"}


def _rules(path: Path, severity: str) -> set[tuple[str, str]]:
    result = process_file(str(path), audit=True)
    return {(f.rule, f.document) for f in result.findings if f.severity == severity}


SEED_000_ERRORS: dict[Key, str] = {
    # Both project tables and the department table give 产出 50 + 效益 40 + 满意度 10 + execution 10.
    ("score.weights-sum", "OA系统", 534, "100", "110"): "15+15+10+10 + 4×10 + 10 + 10 = 110",
    ("score.weights-sum", "部门整体支出绩效自评表", 172, "100", "110"): "same weights in the department table",
    ("score.weights-sum", "附件4 三维数字城市化建设", 338, "100", "110"): "same weights",
    # The project tables label 效益指标（30分） over four rows of 10 points.
    ("score.label-weight", "OA系统", 669, "40", "30"): "效益 rows: 经济/社会/生态/可持续 10 each",
    ("score.label-weight", "附件4 三维数字城市化建设", 473, "40", "30"): "same four 10-point rows",
    # The 总分 row states 分值 100 while the weights add to 110.
    ("score.total-weight", "OA系统", 728, "110", "100"): "总分 分值 100 vs 110",
    ("score.total-weight", "部门整体支出绩效自评表", 335, "110", "100"): "总分 分值 100 vs 110",
    ("score.total-weight", "附件4 三维数字城市化建设", 532, "110", "100"): "总分 分值 100 vs 110",
    # Both project tables write the total score as "00" while every row claims full marks.
    ("score.total-sum", "OA系统", 729, "100", "0"): "总分 cell reads '　00'",
    ("score.total-sum", "附件4 三维数字城市化建设", 533, "100", "0"): "总分 cell reads '　00'",
    # 按支出性质分 gives only 项目支出 198.3; 基本支出 is blank, so it cannot reach 533.49.
    ("arith.department-nature-sum", "部门整体支出绩效自评表", 201, "533.49", "198.30"): "基本支出 left blank",
    # 成本控制 scored 9 of 10 with an empty 偏差原因 cell.
    (
        "logic.missing-deviation-reason",
        "部门整体支出绩效自评表",
        275,
        "偏差原因及改进措施",
        "（空）",
    ): "9 < 10, no reason",
    # The report says the department spent 249.97万元, then lists under "其中基本支出中" five lines by
    # function code adding to 404.79万元 (161.59 + 140.67 alone exceed the whole year's spending).
    ("narr.stated-sum", "部门整体支出绩效自评报告", 22, "≤249.97万元", "404.79万元"): "parts > total spent",
    # "3、住建OA办公系统升级：年初预算20万元；实际支付19.6万元。": the table OA系统 (and the basic data) give
    # 年初预算 19.6. The paragraph writes tenths (19.6), so its 20 is not 19.6 rounded.
    ("narr.project-amounts", "部门整体支出绩效自评报告", 32, "19.60万元", "20万元"): "OA budget 20 vs 19.6",
}

SEED_002_ERRORS: dict[Key, str] = {
    # 预算执行率 (6 points): Σ min(q/25%,50%,75%,100%) + mean × 2 = 1 + 0.969 + 0.923 + 0.988 + 1.219 = 5.10.
    ("score.sheet-item", "绩效评分表", 137, "5.10", "3"): "quarterly formula from the narrative's own rates",
    # The 2020 report gives its quarterly execution as "2019 年第一季度…".
    ("dates.stray-year", "部门整体支出绩效自评报告", 55, "2020年", "2019 年"): "wrong year in execution prose",
}

_A2 = "附件2"
_A311 = "附件3-11 汨罗市城建档案馆电子化库房建设和库房九防费用"
SEED_003_ERRORS: dict[Key, str] = {
    # Basic data: 公务用车购置和维护经费 2023 budget 0, but 公车购置 0 + 公车运行维护 3.00 = 3.
    ("arith.car-sum", "基础数据表", 28, "3.00", "0.00"): "car row 0 vs its parts 3",
    # The 帮代办 project report: "帮代办项目共计支出35万元", the table: executed 45.
    ("narr.project-funds", "帮代办工作经费绩效自评报告", 3965, "45.00万元", "35万元"): "prose 35 vs table 45",
    # The archive project report: "预算为20万元"; its table: 5 / 5 / 5.
    ("narr.project-funds", "档案电子化费用和九防费用绩效自评报告", 4480, "5.00万元", "20万元"): "prose 20 vs table 5",
    # Department table: 10 + 产出 30 + 效益 4×10 (labelled 30) + 满意度 10 + 成本 20 = 110.
    ("score.weights-sum", _A2, 219, "100", "110"): "weights 110",
    ("score.label-weight", _A2, 370, "40", "30"): "效益指标（30分） over 40 points",
    ("score.total-weight", _A2, 480, "110", "100"): "总分 分值 100 vs 110",
    ("score.total-sum", _A2, 481, "109", "99"): "claimed scores add to 109, total says 99",
    # 满意度 target 98%, actual 95%: 10 × 95/98 = 9.69, claimed 9.
    ("score.indicator", _A2, 445, "9.69", "9"): "default ratio rule",
    # Project satisfaction rows: target 100%, actual 98% (99%): 10 × 0.98 = 9.8, claimed 9.
    ("score.indicator", "附件3-1 帮代办工作经费", 697, "9.80", "9"): "10 × 98/100",
    ("score.indicator", "附件3-2 工程建设审批制度改革专项", 865, "9.80", "9"): "10 × 98/100",
    ("score.indicator", "附件3-3 下岗职工困难补助专项", 1097, "9.80", "9"): "10 × 98/100",
    ("score.indicator", "附件3-4 乡镇污水处理厂在线监测费用", 1299, "9.90", "9"): "10 × 99/100",
    ("score.indicator", "附件3-5 施工审查图", 1499, "9.80", "9"): "10 × 98/100",
    ("score.indicator", "附件3-6 老旧小区改造专项经费", 1701, "9.80", "9"): "10 × 98/100",
    ("score.indicator", "附件3-7 城市黑臭水体检测费", 1902, "9.80", "9"): "10 × 98/100",
    # 下岗职工: 效益 labelled 30 but two 10-point rows; weights 90; claimed rows 89 but total 99.
    ("score.weights-sum", "附件3-3 下岗职工困难补助专项", 911, "100", "90"): "weights 90",
    ("score.label-weight", "附件3-3 下岗职工困难补助专项", 1019, "20", "30"): "效益 rows weigh 20",
    ("score.total-weight", "附件3-3 下岗职工困难补助专项", 1101, "90", "100"): "总分 分值 100 vs 90",
    ("score.total-sum", "附件3-3 下岗职工困难补助专项", 1102, "89", "99"): "scores add to 89",
    # Archive project: 产出 labelled 30 over four 10-point rows, 效益 labelled 30 over 10 + 9.5 + 9.5.
    ("score.weights-sum", _A311, 2799, "100", "109"): "weights 109",
    ("score.label-weight", _A311, 2872, "40", "30"): "产出 rows weigh 40",
    ("score.label-weight", _A311, 2933, "29", "30"): "效益 rows weigh 29",
    ("score.above-weight", _A311, 2980, "≤9.50", "10"): "美化城市环境: 10 of 9.5",
    ("score.indicator", _A311, 3000, "9.50", "9"): "档案设备更新: 95% of 95% met, scored 9 of 9.5",
    ("logic.missing-deviation-reason", _A311, 3001, "偏差原因及改进措施", "（空）"): "9 < 9.5, no reason",
    ("score.total-weight", _A311, 3075, "109", "100"): "总分 分值 100 vs 109",
    ("score.total-sum", _A311, 3076, "109", "99"): "scores add to 109",
    # The basic data swaps 质量安全 (5) and 招投标 (20) against their project tables (20 and 5).
    ("arith.project-vs-basic", "附件3-12 质量安全监督管专项", 3111, "5.00", "20.00"): "budget 20 vs basic 5",
    ("arith.project-vs-basic", "附件3-12 质量安全监督管专项", 3112, "5.00", "20.00"): "executed 20 vs basic 5",
    ("arith.project-vs-basic", "附件3-13 招投标监督管理专项", 3345, "20.00", "5.00"): "budget 5 vs basic 20",
    ("arith.project-vs-basic", "附件3-13 招投标监督管理专项", 3346, "20.00", "5.00"): "executed 5 vs basic 20",
    # 招投标: the 总分 row has 分值 100 and no score.
    ("complete.claimed-total", "附件3-13 招投标监督管理专项", 3321, "99.38", "（空）"): "total score missing",
    # 公开招投标项目监管: target 16个, actual 15个, full marks.
    ("logic.missed-full-marks", "附件3-13 招投标监督管理专项", 3405, "9.38", "10"): "15 of 16 with 10/10",
    # The department table's 数量指标 row lists eleven numbered targets and actuals in one cell each; item 8
    # wants "完成公开招标项目监管16个", gets "…15个" (line 330), and the row claims 10 of 10.
    ("logic.missed-full-marks", "附件2", 330, "<10", "10"): "item 8: 15 of 16 with 10/10",
    ("score.indicator", "附件3-13 招投标监督管理专项", 3405, "9.38", "10"): "10 × 15/16",
    ("logic.missed-full-marks", "附件3-14 工作经费", 3688, "0.94", "1"): "15 of 16 with 1/1",
    # 工作经费: 效益 labelled 30 over 40 points; 成本 labelled 20 over 10 (two rows 不适用, no weight).
    ("score.label-weight", "附件3-14 工作经费", 3793, "40", "30"): "效益 rows weigh 40",
    ("score.label-weight", "附件3-14 工作经费", 3854, "10", "20"): "成本 rows weigh 10",
}


def test_seed000_errors_are_exactly_the_real_defects(seed000: Path) -> None:
    assert _errors(seed000) == set(SEED_000_ERRORS)


def test_seed002_errors_are_exactly_the_real_defects(seed002: Path) -> None:
    assert _errors(seed002) == set(SEED_002_ERRORS)


def test_seed003_errors_are_exactly_the_real_defects(seed003: Path) -> None:
    assert _errors(seed003) == set(SEED_003_ERRORS)


def test_seed000_warnings(seed000: Path) -> None:
    warnings = _rules(seed000, "warning")
    # The two project tables carry the same nine indicators, word for word.
    assert ("copy.indicators-reused", "OA系统") in warnings
    # Goals left empty in every table.
    assert ("complete.goals", "部门整体支出绩效自评表") in warnings
    # The execution rows state a weight of 10 but no score.
    assert ("complete.execution-score", "OA系统") in warnings
    # The basic data's "2、三维城市建设" (178.7万元) is the table 「三维数字城市化建设」, shortened.
    assert not [w for w in warnings if w[0] == "complete.project-table-missing"]
    # Actuals that restate the target's bound: 工作完成率 ≧100%, 工作质量 ≧98%, 社会满意度 ≧98% in each of the
    # three tables, and the department's 成本控制 ＞100%.
    result = process_file(str(seed000), audit=True)
    bounds = [(f.document, f.found) for f in result.findings if f.rule == "logic.actual-as-bound"]
    assert len(bounds) == 10
    assert sorted({found for _, found in bounds}) == ["≧100%", "≧98%", "＞100%"]
    # The department table spends 533.49; the basic data 249.97 (基本支出) + 19.6 + 178.7 (its two projects).
    spent = [(f.line, f.expected, f.found) for f in result.findings if f.rule == "arith.department-vs-basic"]
    assert spent == [(186, "448.27", "533.49")]
    # 编制 18, 在职 14, 控制率 blank.
    rate = [(f.line, f.expected) for f in result.findings if f.rule == "arith.staff-control-rate"]
    assert rate == [(67, "77.78%")]
    # "…计划2022年上半年全面完成项目建设。" in the 2022 report (line 40), with no word of its completion.
    plans = [(f.line, f.found) for f in result.findings if f.rule == "dates.past-plan"]
    assert plans == [(40, "计划2022年")]


def test_seed000_messages_quote_the_total_as_written(seed000: Path) -> None:
    # The 总分 cell of both project tables reads "　00": the message quotes it rather than saying "0分".
    result = process_file(str(seed000), audit=True)
    messages = {f.message for f in result.findings if f.rule == "score.total-sum"}
    assert messages == {"总分填写「00」（读作0分），但各项得分之和为100分"}
    weights = {f.message for f in result.findings if f.rule == "score.weights-sum"}
    assert weights == {"分值合计110分（预算执行10＋产出指标50＋效益指标40＋满意度指标10），应为100分"}


def test_seed002_warnings(seed002: Path) -> None:
    result = process_file(str(seed002), audit=True)
    found = {(f.rule, f.line, f.expected, f.found) for f in result.findings if f.severity == "warning"}
    # 绩效目标完整性 has a weight of 3, and its scoring standard gives "(8分)" for full coverage: the
    # standard of another sheet or year left in place.
    assert ("score.criteria-points", 110, "≤3", "8") in found
    # Every other item's listed parts stay within its weight (预算编制合理性 5 × 1分, 管理制度健全性
    # 0.5 + 1.5 + 1, 预决算信息公开 1.5 + 1.5, …): this is the sheet's only such warning.
    assert [f.rule for f in result.findings].count("score.criteria-points") == 1


def test_seed003_warnings(seed003: Path) -> None:
    warnings = _rules(seed003, "warning")
    assert ("logic.target-too-low", "附件3-8 2023年保障房建设项目") in warnings  # 100套 planned, 352 built
    assert ("logic.words-only-actual", "附件3-12 质量安全监督管专项") in warnings  # 20万元 → "没超预算"
    assert ("complete.signoff", "基础数据表") in warnings  # 填表人/日期/电话 all blank
    assert ("copy.actual-repeats-target", "附件3-14 工作经费") in warnings
    assert ("logic.actual-as-bound", "附件3-13 招投标监督管理专项") in warnings  # 满意度 "95%以上"
    # The project list (line 3930) names 施工审查图 as 施工图审查, 城市黑臭水体检测费 as 城市黑臭水体验测费 and
    # 质量安全监督管专项 as 质量安全监管专项项目: close enough. 城建档案馆电子化库房建设和库房九防费用 is only
    # "档案数字化管理的支出项目2万元和九防经费3万元": not named.
    result = process_file(str(seed003), audit=True)
    unnamed = [f.expected for f in result.findings if f.rule == "narr.project-list"]
    assert unnamed == ["汨罗市城建档案馆电子化库房建设和库房九防费用"]
    # The report of 城市黑臭水体检测费 (附件) speaks of "汨罗市老旧小区改造专项工作经费项目使用率" (line 4250): copied
    # from that project's report. 工作经费's goal lists the unit's duties, "建筑工程招投标监督管理；…": a duty,
    # not the project 招投标监督管理专项.
    copies = [(f.rule, f.line) for f in result.findings if f.rule.startswith("copy.") and "另一个项目" in f.message]
    assert copies == [("copy.report-names-other-project", 4250)]
    # The basic data gives 工作经费 only its 决算 (334.74), its 2023年预算数 cell blank (line 88).
    blank = [
        (f.line, f.expected) for f in result.findings if f.rule == "arith.project-vs-basic" and f.found == "（空）"
    ]
    assert blank == [(88, "334.74")]
    # 城建档案馆…九防费用's 年度总体目标 cells read "5" and "5" (line 2858): no goal in words.
    figures_only = [(f.line, f.found) for f in result.findings if f.rule == "complete.goals" and f.found != "（空）"]
    assert figures_only == [(2858, "5")]
    # 白蚁防治经费 (budget 22) gives its 控制在财政预算内 row "10 | 10" (line 2758): 危房鉴定's row and budget.
    cost = [(f.line, f.expected, f.found) for f in result.findings if f.rule == "arith.cost-target-budget"]
    assert cost == [(2758, "22.00", "10.00")]


def test_findings_carry_locations(seed003: Path) -> None:
    result = process_file(str(seed003), audit=True)
    for finding in result.findings:
        if finding.severity == "error":
            assert finding.line is not None and finding.source.file == str(seed003)
            assert finding.message and finding.message_en and finding.document
