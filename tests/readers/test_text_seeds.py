"""The text reader on the three real reports: every table found, figures pinned to the source."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from jixiao.model import BasicData, DepartmentTable, GoalsTable, ProjectTable, ScoringSheet
from jixiao.readers.text import read_text_file

D = Decimal


def test_seed000_hengyang(seed000: Path) -> None:
    package = read_text_file(str(seed000))
    assert package.unit == "衡阳市住房和城乡建设信息中心"
    assert package.year == 2022
    assert [d.kind for d in package.documents] == ["basic", "department", "project", "project"]
    assert not [n for n in package.notes if n.level == "error"]

    basic = package.basic
    assert isinstance(basic, BasicData)
    assert basic.staffing.authorized.value == D(18)
    assert basic.staffing.actual.value == D(14)
    assert basic.staffing.control_rate.blank  # left empty in the report
    assert basic.column_labels == ("2021年决算数", "2022年预算数", "2022年决算数")
    total = next(e for e in basic.expenses if e.category == "basic_total")
    assert (total.previous_final.value, total.budget.value, total.final.value) == (
        D("312.64"),
        D("146.1"),
        D("249.97"),
    )
    projects = [e for e in basic.expenses if e.category == "project"]
    assert [(e.label.text, e.budget.value, e.final.value) for e in projects] == [
        ("1、OA系统", D("19.6"), D("19.6")),
        ("2、三维城市建设", D("178.7"), D("178.7")),
    ]
    assert basic.signoff.preparer.text == "周婷婷"
    assert basic.signoff.head.text == "钟熙"

    department = package.department
    assert isinstance(department, DepartmentTable)
    assert department.total.adjusted_budget.value == D("533.49")
    assert department.total.executed.value == D("533.49")
    assert department.total.weight.value == D(10)
    assert department.total.execution_rate.text == "100%"
    assert department.total.score.blank
    first_income = department.by_income[0]
    assert (first_income.label, first_income.figure.value) == ("一般公共预算收入", D("533.49"))
    assert ("项目支出", D("198.3")) in [(a.label, a.figure.value) for a in department.by_nature]
    indicators = department.indicators.indicators
    assert len(indicators) == 9
    assert [(g.level1, g.weight.value) for g in department.indicators.groups] == [
        ("产出指标", D(50)),
        ("效益指标", D(40)),
    ]
    cost = indicators[3]
    assert (cost.level2, cost.name.text, cost.target.text, cost.actual.text) == (
        "成本指标",
        "成本控制",
        "＝100%",
        "＞100%",
    )
    assert (cost.weight.value, cost.score.value) == (D(10), D(9))
    assert cost.score.source.line == 274 and cost.score.source.file == str(seed000)
    assert indicators[-1].level1 == "满意度指标"
    assert sum(i.weight.value or 0 for i in indicators) == D(100)
    assert (department.total_weight.value, department.claimed_total.value) == (D(100), D(99))

    first, second = package.projects
    assert first.name == "三维数字城市化建设"
    assert (
        first.total.initial_budget.value,
        first.total.adjusted_budget.value,
        first.total.executed.value,
    ) == (
        D("178.7"),
        D("178.7"),
        D("178.7"),
    )
    assert first.carryover is not None and first.carryover.executed.value == D("178.7")
    assert first.current_appropriation is not None and first.current_appropriation.executed.value is None
    assert len(first.indicators.indicators) == 9
    assert first.claimed_total.text == "00"  # the 总分 cell reads "00" in the report
    assert second.name == "OA系统"
    assert second.total.executed.value == D("19.6")


def test_seed002_shenzhen(seed002: Path) -> None:
    package = read_text_file(str(seed002))
    assert package.unit == "深圳市住房建设信息中心"
    assert package.year == 2020
    assert [d.kind for d in package.documents] == ["goals", "scoring"]
    goals = package.goals_table
    assert isinstance(goals, GoalsTable)
    assert [(t.name.text, t.budget.value, t.executed.value) for t in goals.tasks] == [
        ("基本支出", D("757.06"), D("740.17")),
        ("信息化系统维护", D("649.52"), D("646.33")),
        ("预算准备金", D("34.91"), D("34.91")),
        ("综合事务管理", D("259.56"), D("259.56")),
    ]
    assert goals.task_total is not None
    assert (goals.task_total.budget.value, goals.task_total.executed.value) == (D("1701.05"), D("1680.97"))
    names = [i.name.text for i in goals.indicators.indicators]
    assert names[0] == "信息系统登记保护测评数量"
    assert "网站及系统建设更完善，更安全、易用、友好。" in names
    assert goals.indicators.indicators[-1].level1 == "满意度指标"
    assert len(goals.goals) == 1

    sheet = package.scoring
    assert isinstance(sheet, ScoringSheet)
    assert len(sheet.items) == 21
    assert [(g.level1, g.weight.value) for g in sheet.groups] == [
        ("部门决策", D(20)),
        ("部门管理", D(20)),
        ("部门绩效", D(60)),
    ]
    assert sum(i.weight.value or 0 for i in sheet.items) == D(100)
    assert sum(i.score.value or 0 for i in sheet.items) == D(92)
    execution = next(i for i in sheet.items if i.name.text == "预算执行率")
    assert (execution.weight.value, execution.score.value, execution.level1) == (D(6), D(3), "部门绩效")
    clarity = next(i for i in sheet.items if i.name.text == "绩效指标明确性")
    assert "5. 绩效目标的目标值测算" in clarity.criteria.text  # continued across the page break
    assert sheet.claimed_total.value == D("92.00")
    assert sheet.claimed_grade.text == "优"
    assert sheet.signoff.preparer.text == "许妙晴"
    narrative = package.narrative
    assert narrative is not None
    assert [s.title for s in narrative.sections if s.number][:2] == ["部门（单位）基本情况", "部门主要职能"]
    assert narrative.sections[0].number == ""  # the cover lines before the first heading


PROJECTS_003 = [
    ("帮代办工作经费", "45", "45", "45", "99", 12),
    ("工程建设审批制度改革专项", "10", "10", "10", "99", 11),
    ("下岗职工困难补助专项", "8", "8", "8", "99", 11),
    ("乡镇污水处理厂在线监测费用", "69", "69", "69", "99", 11),
    ("施工审查图", "100", "100", "100", "99", 11),
    ("老旧小区改造专项经费", "5", "5", "5", "97", 11),
    ("城市黑臭水体检测费", "5.88", "5.88", "5.88", "98", 11),
    ("2023年保障房建设项目", "5", "5", "5", "98", 12),
    ("2023年危房鉴定经费", "10", "10", "10", "98", 11),
    ("白蚁防治经费", "22", "22", "22", "99", 11),
    ("汨罗市城建档案馆电子化库房建设和库房九防费用", "5", "5", "5", "99", 10),
    ("质量安全监督管专项", "20", "20", "20", "100", 14),
    ("招投标监督管理专项", "5", "5", "5", None, 11),
    ("工作经费", "325", "334.74", "334.74", "99.5", 28),
]


def test_seed003_miluo(seed003: Path) -> None:
    package = read_text_file(str(seed003))
    assert package.unit == "汨罗市住建系统"
    assert package.year == 2023
    assert [d.kind for d in package.documents] == ["basic", "department"] + ["project"] * 14

    basic = package.basic
    assert isinstance(basic, BasicData)
    assert (basic.staffing.authorized.value, basic.staffing.actual.value) == (D(195), D(188))
    assert basic.staffing.control_rate.text == "96.41%"
    three = next(e for e in basic.expenses if e.category == "three_public")
    assert (three.previous_final.value, three.budget.value, three.final.value) == (
        D("18.1"),
        D("21.8"),
        D("7.9"),
    )
    reception = next(e for e in basic.expenses if e.category == "reception")
    assert reception.final.value == D("4.8")
    assert len([e for e in basic.expenses if e.category == "project"]) == 15
    procurement = next(e for e in basic.expenses if e.category == "procurement")
    assert procurement.final.value == D("848.58")

    department = package.department
    assert isinstance(department, DepartmentTable)
    total = department.total
    assert (total.initial_budget.value, total.adjusted_budget.value, total.executed.value) == (
        D("2674.4"),
        D("17477.59"),
        D("17477.59"),
    )
    assert (total.weight.value, total.score.value) == (D(10), D(10))
    assert {a.label: a.figure.value for a in department.by_income} == {
        "一般公共预算": D("15438.43"),
        "政府性基金拨款": D("1219.91"),
        "纳入专户管理的非税收入拨款": None,
        "其他资金": D("819.25"),
    }
    assert {a.label: a.figure.value for a in department.by_nature} == {
        "基本支出": D("2352.1"),
        "项目支出": D("15125.49"),
    }
    assert len(department.indicators.indicators) == 11
    assert [(g.level1, g.weight.value) for g in department.indicators.groups] == [
        ("产出指标", D(30)),
        ("效益指标", D(30)),
        ("满意度指标", D(10)),
        ("成本指标", D(20)),
    ]
    satisfaction = next(i for i in department.indicators.indicators if i.level1 == "满意度指标")
    assert (satisfaction.target.text, satisfaction.actual.text, satisfaction.score.value) == (
        "98%",
        "95%",
        D(9),
    )
    assert satisfaction.deviation_reason.text == "继续优化服务增强服务对象满意度"
    assert (department.total_weight.value, department.claimed_total.value) == (D(100), D(99))

    read = [
        (
            p.name,
            f"{p.total.initial_budget.value}",
            f"{p.total.adjusted_budget.value}",
            f"{p.total.executed.value}",
            None if p.claimed_total.value is None else f"{p.claimed_total.value}",
            len(p.indicators.indicators),
        )
        for p in package.projects
    ]
    assert read == PROJECTS_003
    first = package.projects[0]
    assert isinstance(first, ProjectTable)
    assert first.competent_department.text == "汨罗市住房和城乡建设局"
    assert first.total.execution_rate.text == "100％"
    assert first.title.text.startswith("附件3-1")
    assert first.goals[0].actual.text == "办证完成率100%"

    projects = [n.project for n in package.narratives if n.kind == "project"]
    assert len(projects) == 14
    assert projects[0] == "帮代办工作经费"
    department_narrative = package.narrative
    assert department_narrative is not None
    titles = [s.title for s in department_narrative.sections if s.level == 1]
    assert "一般公共预算支出情况" in titles and "其他需要说明的情况" in titles


def test_sample_reads_completely() -> None:
    from importlib.resources import files

    path = files("jixiao.samples").joinpath("sample-hunan-2023.txt")
    package = read_text_file(str(path))
    assert package.unit == "示例县住房保障服务中心"
    assert [d.kind for d in package.documents] == ["basic", "department", "project", "project"]
    assert not package.notes
