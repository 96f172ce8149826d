"""The tables of a report package (domain.md §2–3).

Every table is an immutable record. Text stays as written (:class:`Cell`), numbers are
:class:`Figure` (Decimal + unit + source). Nothing here reads files or computes scores.
"""

from __future__ import annotations

from dataclasses import field
from typing import Literal

from jixiao.model.cells import EMPTY_CELL, EMPTY_FIGURE, Cell, Figure
from jixiao.model.records import record
from jixiao.model.source import NOWHERE, Source

DocumentKind = Literal["basic", "department", "project", "scoring", "goals"]

# Canonical level-1 indicator names (domain.md §3).
OUTPUT = "产出指标"
COST = "成本指标"
BENEFIT = "效益指标"
SATISFACTION = "满意度指标"


@record
class SignOff:
    """填表人, 填报日期, 联系电话, 单位负责人签字 — each may be blank."""

    preparer: Cell = EMPTY_CELL
    date: Cell = EMPTY_CELL
    phone: Cell = EMPTY_CELL
    head: Cell = EMPTY_CELL
    source: Source = NOWHERE


@record
class Goal:
    """年度总体目标: expected (预期目标) against achieved (实际完成情况)."""

    expected: Cell = EMPTY_CELL
    actual: Cell = EMPTY_CELL


@record
class GroupLabel:
    """A level-1 label as written, with the weight it carries ("产出指标（30分）")."""

    level1: str
    text: str
    weight: Figure = EMPTY_FIGURE
    source: Source = NOWHERE


@record
class Indicator:
    """One level-3 indicator row of an indicator block."""

    level1: str  # canonical level-1 name, carried down merged cells ("" when unknown)
    level2: str  # level-2 name as written, whitespace removed, carried down merged cells
    name: Cell  # 三级指标
    target: Cell = EMPTY_CELL  # 年度指标值
    actual: Cell = EMPTY_CELL  # 实际完成值
    weight: Figure = EMPTY_FIGURE  # 分值
    score: Figure = EMPTY_FIGURE  # 得分
    deviation_reason: Cell = EMPTY_CELL  # 偏差原因分析及改进措施
    operator: Cell | None = None  # 指标性质 column, on forms that have one
    unit: Cell | None = None  # 计量单位 column, on forms that have one
    source: Source = NOWHERE


@record
class IndicatorBlock:
    indicators: tuple[Indicator, ...] = ()
    groups: tuple[GroupLabel, ...] = ()
    source: Source = NOWHERE


@record
class FundsRow:
    """A row of a funds block. Only the total row is scored (分值, 执行率, 得分)."""

    label: Cell = EMPTY_CELL
    initial_budget: Figure = EMPTY_FIGURE  # 年初预算数
    adjusted_budget: Figure = EMPTY_FIGURE  # 全年预算数 (调整后预算数)
    executed: Figure = EMPTY_FIGURE  # 全年执行数
    weight: Figure = EMPTY_FIGURE  # 分值
    execution_rate: Figure = EMPTY_FIGURE  # 执行率 as claimed
    score: Figure = EMPTY_FIGURE  # 得分 as claimed
    source: Source = NOWHERE


@record
class Amount:
    """A labelled amount, as in the department table's breakdowns ("政府性基金拨款：1219.91")."""

    label: str
    figure: Figure = EMPTY_FIGURE


@record
class ProjectTable:
    """附件3-n 项目支出绩效自评表."""

    name: str
    title: Cell = EMPTY_CELL  # the heading as written ("附件3-1 2023年度项目支出绩效自评表")
    year: int | None = None
    competent_department: Cell = EMPTY_CELL  # 主管部门
    implementing_unit: Cell = EMPTY_CELL  # 实施单位
    total: FundsRow = field(default_factory=FundsRow)  # 年度资金总额
    current_appropriation: FundsRow | None = None  # 其中：当年财政拨款
    carryover: FundsRow | None = None  # 上年结转资金
    other_funds: FundsRow | None = None  # 其他资金
    goals: tuple[Goal, ...] = ()
    indicators: IndicatorBlock = field(default_factory=IndicatorBlock)
    claimed_total: Figure = EMPTY_FIGURE  # 总分 得分
    total_weight: Figure = EMPTY_FIGURE  # 总分 分值
    signoff: SignOff = field(default_factory=SignOff)
    source: Source = NOWHERE
    kind: Literal["project"] = "project"


@record
class DepartmentTable:
    """附件2 部门整体支出绩效自评表."""

    name: str  # 部门名称
    title: Cell = EMPTY_CELL
    year: int | None = None
    total: FundsRow = field(default_factory=FundsRow)  # 年度资金总额
    by_income: tuple[Amount, ...] = ()  # 按收入性质分
    by_nature: tuple[Amount, ...] = ()  # 按支出性质分
    functions: Cell = EMPTY_CELL  # 部门职能职责概述
    goals: tuple[Goal, ...] = ()
    indicators: IndicatorBlock = field(default_factory=IndicatorBlock)
    claimed_total: Figure = EMPTY_FIGURE
    total_weight: Figure = EMPTY_FIGURE
    signoff: SignOff = field(default_factory=SignOff)
    source: Source = NOWHERE
    kind: Literal["department"] = "department"


# Categories of the rows of the 经费控制情况 block of the basic data table.
ExpenseCategory = Literal[
    "basic_total",  # 一、部门基本支出
    "three_public",  # 三公经费
    "car",  # 1、公务用车购置和维护经费
    "car_purchase",  # 其中：公车购置
    "car_running",  # 公车运行维护
    "abroad",  # 2、出国经费
    "reception",  # 3、公务接待
    "project_total",  # 项目支出 / 二、部门项目支出
    "project_group",  # 1、业务工作经费 / 2、运行维护经费 / 3、专项资金
    "project",  # one project
    "public_funds",  # 公用经费
    "office",  # 其中：办公经费
    "utilities_travel",  # 水费、电费、差旅费
    "meetings_training",  # 会议费、培训费
    "procurement",  # 政府采购金额
    "budget_adjustment",  # 部门基本支出预算调整
    "other",
]


@record
class ExpenseRow:
    label: Cell
    category: ExpenseCategory
    previous_final: Figure = EMPTY_FIGURE  # 上年决算数
    budget: Figure = EMPTY_FIGURE  # 本年预算数
    final: Figure = EMPTY_FIGURE  # 本年决算数
    source: Source = NOWHERE


@record
class Staffing:
    """财政供养人员情况."""

    authorized: Figure = EMPTY_FIGURE  # 编制数
    actual: Figure = EMPTY_FIGURE  # 实际在职人数
    control_rate: Figure = EMPTY_FIGURE  # 控制率 as claimed
    source: Source = NOWHERE


@record
class BuildingRow:
    """楼堂馆所控制情况 (a building completed this year)."""

    approved_area: Figure = EMPTY_FIGURE
    actual_area: Figure = EMPTY_FIGURE
    area_control_rate: Figure = EMPTY_FIGURE
    budget_investment: Figure = EMPTY_FIGURE
    actual_investment: Figure = EMPTY_FIGURE
    investment_control_rate: Figure = EMPTY_FIGURE
    source: Source = NOWHERE


@record
class BasicData:
    """附件1 部门整体支出绩效评价基础数据表."""

    name: str = "部门整体支出绩效评价基础数据表"
    title: Cell = EMPTY_CELL
    year: int | None = None
    staffing: Staffing = field(default_factory=Staffing)
    column_labels: tuple[str, str, str] = ("上年决算数", "本年预算数", "本年决算数")
    expenses: tuple[ExpenseRow, ...] = ()
    buildings: tuple[BuildingRow, ...] = ()
    savings_measures: Cell = EMPTY_CELL  # 厉行节约保障措施
    signoff: SignOff = field(default_factory=SignOff)
    source: Source = NOWHERE
    kind: Literal["basic"] = "basic"


@record
class ScoringItem:
    """A level-3 row of a scoring sheet (Shenzhen 部门整体支出绩效评分表)."""

    level1: str
    level2: str
    name: Cell
    weight: Figure = EMPTY_FIGURE
    description: Cell = EMPTY_CELL  # 指标说明
    criteria: Cell = EMPTY_CELL  # 评分标准
    score: Figure = EMPTY_FIGURE  # 分数 as claimed
    source: Source = NOWHERE


@record
class ScoringSheet:
    name: str = "部门整体支出绩效评分表"
    title: Cell = EMPTY_CELL
    year: int | None = None
    items: tuple[ScoringItem, ...] = ()
    groups: tuple[GroupLabel, ...] = ()
    claimed_total: Figure = EMPTY_FIGURE  # 综合评分
    claimed_grade: Cell = EMPTY_CELL  # 评分等级
    signoff: SignOff = field(default_factory=SignOff)
    source: Source = NOWHERE
    kind: Literal["scoring"] = "scoring"


@record
class TaskRow:
    """年度主要任务完成情况: a task with its budget and execution (全额 / 其中财政拨款)."""

    name: Cell
    status: Cell = EMPTY_CELL
    budget: Figure = EMPTY_FIGURE
    budget_fiscal: Figure = EMPTY_FIGURE
    executed: Figure = EMPTY_FIGURE
    executed_fiscal: Figure = EMPTY_FIGURE
    source: Source = NOWHERE


@record
class GoalsTable:
    """部门（单位）整体支出绩效目标完成情况自评表 (Shenzhen): tasks, goals, unweighted indicators."""

    name: str = "部门整体支出绩效目标完成情况自评表"
    title: Cell = EMPTY_CELL
    year: int | None = None
    unit: Cell = EMPTY_CELL
    tasks: tuple[TaskRow, ...] = ()
    task_total: TaskRow | None = None  # 金额合计
    goals: tuple[Goal, ...] = ()
    indicators: IndicatorBlock = field(default_factory=IndicatorBlock)
    source: Source = NOWHERE
    kind: Literal["goals"] = "goals"


Document = BasicData | DepartmentTable | ProjectTable | ScoringSheet | GoalsTable
