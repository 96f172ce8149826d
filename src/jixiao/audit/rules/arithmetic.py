"""Arithmetic: totals against their parts, rates against the figures they come from."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal

from jixiao.audit.context import AuditContext
from jixiao.audit.finding import Finding
from jixiao.audit.registry import rule
from jixiao.audit.rules.common import best_match, make, money, percent, total
from jixiao.model import BasicData, DepartmentTable, ExpenseRow, Figure, GoalsTable, ProjectTable
from jixiao.values import Kind, Op

FAMILY = "arithmetic"
_COLUMNS = (("initial_budget", "年初预算数"), ("adjusted_budget", "全年预算数"), ("executed", "全年执行数"))
_BASIC_KEYS = ("previous_final", "budget", "final")


def _mismatches(
    whole: object,
    parts: Sequence[object],
    columns: Iterable[tuple[str, str]],
    tolerance: Decimal,
    *,
    at_least: bool = False,
) -> Iterator[tuple[str, Figure, Decimal]]:
    """(column label, stated total, sum of the parts) for each column where they disagree.

    Columns where the total or every part is blank are not judged. With ``at_least`` the total need
    only cover its parts (items listed under "其中").
    """
    for key, label in columns:
        stated: Figure = getattr(whole, key)
        summed = total(getattr(part, key) for part in parts)
        if stated.value is None or summed is None:
            continue
        gap = summed - stated.value if at_least else abs(stated.value - summed)
        if gap > tolerance:
            yield label, stated, summed


@rule(
    "arith.project-funds-sum",
    family=FAMILY,
    severity="error",
    title="项目资金总额等于当年拨款、上年结转、其他资金之和",
    title_en="a project's funds total equals its source rows, in every column",
)
def project_funds_sum(ctx: AuditContext) -> Iterator[Finding]:
    for project in ctx.projects:
        rows = [r for r in (project.current_appropriation, project.carryover, project.other_funds) if r]
        if not rows:
            continue
        for label, stated, summed in _mismatches(project.total, rows, _COLUMNS, ctx.amount_tolerance):
            yield make(
                "arith.project-funds-sum",
                "error",
                FAMILY,
                project,
                f"年度资金总额的{label}为{money(stated.value)}万元，但当年财政拨款、上年结转和其他资金"
                f"合计{money(summed)}万元，两者不符",
                f"funds total {label} is {money(stated.value)} but its source rows add up to {money(summed)}",
                location=f"年度资金总额 · {label}",
                source=stated.source,
                expected=money(summed),
                found=money(stated.value),
            )


@rule(
    "arith.execution-rate",
    family=FAMILY,
    severity="error",
    title="执行率等于全年执行数除以全年预算数",
    title_en="the stated execution rate equals executed / adjusted budget",
)
def execution_rate(ctx: AuditContext) -> Iterator[Finding]:
    for ds in ctx.score.documents:
        ex = ds.execution
        if ex is None or ex.rate is None or ex.claimed_rate is None:
            continue
        if abs(ex.rate - ex.claimed_rate) > Decimal("0.0001") + Decimal("0.00005"):
            row = ex.row
            yield make(
                "arith.execution-rate",
                "error",
                FAMILY,
                ds.document,
                f"执行率填写为{row.execution_rate.text}，但全年执行数{money(row.executed.value)}万元÷全年预算数"
                f"{money(row.adjusted_budget.value)}万元＝{percent(ex.rate)}",
                f"execution rate says {row.execution_rate.text} but executed / adjusted budget is {percent(ex.rate)}",
                location="年度资金总额 · 执行率",
                source=row.execution_rate.source,
                expected=percent(ex.rate),
                found=row.execution_rate.text,
            )


def _breakdown(ctx: AuditContext, rule_id: str, name: str, name_en: str, attr: str) -> Iterator[Finding]:
    department = ctx.department
    if department is None:
        return
    parts = getattr(department, attr)
    summed = total(a.figure for a in parts)
    filled = [
        (getattr(department.total, key), label)
        for key, label in (("adjusted_budget", "全年预算数"), ("executed", "全年执行数"))
        if getattr(department.total, key).value is not None
    ]
    if summed is None or not filled:
        return
    stated, label = filled[0]
    if abs(stated.value - summed) > ctx.amount_tolerance:
        listed = "、".join(f"{a.label}{money(a.figure.value)}" for a in parts if a.figure.value is not None)
        first = next((a.figure.source for a in parts if a.figure.value is not None), department.source)
        yield make(
            rule_id,
            "error",
            FAMILY,
            department,
            f"{name}各项合计{money(summed)}万元（{listed}），与年度资金总额{label}{money(stated.value)}万元不符",
            f"the breakdown {name_en} adds up to {money(summed)}, not the total {money(stated.value)}",
            location=name,
            source=first,
            expected=money(stated.value),
            found=money(summed),
        )


@rule(
    "arith.department-income-sum",
    family=FAMILY,
    severity="error",
    title="按收入性质分的各项之和等于年度资金总额",
    title_en="the by-income breakdown adds up to the funds total",
)
def department_income_sum(ctx: AuditContext) -> Iterator[Finding]:
    yield from _breakdown(ctx, "arith.department-income-sum", "按收入性质分", "by income", "by_income")


@rule(
    "arith.department-nature-sum",
    family=FAMILY,
    severity="error",
    title="按支出性质分（基本支出＋项目支出）等于年度资金总额",
    title_en="basic plus project spending adds up to the funds total",
)
def department_nature_sum(ctx: AuditContext) -> Iterator[Finding]:
    yield from _breakdown(ctx, "arith.department-nature-sum", "按支出性质分", "by nature", "by_nature")


def _rows(basic: BasicData, category: str) -> list[ExpenseRow]:
    return [e for e in basic.expenses if e.category == category]


def _sum_rule(
    ctx: AuditContext, rule_id: str, whole: str, parts: tuple[str, ...], name: str, name_en: str
) -> Iterator[Finding]:
    basic = ctx.basic
    if basic is None:
        return
    wholes = _rows(basic, whole)
    members = [row for category in parts for row in _rows(basic, category)]
    if len(wholes) != 1 or not members:
        return
    stated_row = wholes[0]
    columns = zip(_BASIC_KEYS, basic.column_labels, strict=True)
    for label, stated, summed in _mismatches(stated_row, members, columns, ctx.amount_tolerance):
        yield make(
            rule_id,
            "error",
            FAMILY,
            basic,
            f"{name}（{label}）填写{money(stated.value)}万元，但其组成项合计{money(summed)}万元",
            f"{name_en} ({label}) is {money(stated.value)} but its parts add up to {money(summed)}",
            location=f"{stated_row.label.text} · {label}",
            source=stated.source,
            expected=money(summed),
            found=money(stated.value),
        )


@rule(
    "arith.three-public-sum",
    family=FAMILY,
    severity="error",
    title="三公经费等于公务用车、出国、公务接待之和",
    title_en="三公 equals cars + trips abroad + receptions",
)
def three_public_sum(ctx: AuditContext) -> Iterator[Finding]:
    basic = ctx.basic
    if basic is None:
        return
    wholes = _rows(basic, "three_public")
    if len(wholes) != 1:
        return
    stated_row = wholes[0]
    for key, label in zip(_BASIC_KEYS, basic.column_labels, strict=True):
        stated: Figure = getattr(stated_row, key)
        # Cars count by their sub-rows when those are filled (the car row itself is checked by
        # arith.car-sum), else by the car row.
        car_parts = total(getattr(r, key) for c in ("car_purchase", "car_running") for r in _rows(basic, c))
        car = car_parts if car_parts is not None else total(getattr(r, key) for r in _rows(basic, "car"))
        others = total(getattr(r, key) for c in ("abroad", "reception") for r in _rows(basic, c))
        if stated.value is None or (car is None and others is None):
            continue
        summed = (car or Decimal(0)) + (others or Decimal(0))
        if abs(stated.value - summed) > ctx.amount_tolerance:
            yield make(
                "arith.three-public-sum",
                "error",
                FAMILY,
                basic,
                f"三公经费（{label}）填写{money(stated.value)}万元，但公务用车{money(car)}、出国和公务接待"
                f"{money(others)}合计{money(summed)}万元",
                f"三公 ({label}) is {money(stated.value)} but cars, trips and receptions add up to {money(summed)}",
                location=f"{stated_row.label.text} · {label}",
                source=stated.source,
                expected=money(summed),
                found=money(stated.value),
            )


@rule(
    "arith.car-sum",
    family=FAMILY,
    severity="error",
    title="公务用车经费等于购置与运行维护之和",
    title_en="car costs equal purchase plus running costs",
)
def car_sum(ctx: AuditContext) -> Iterator[Finding]:
    yield from _sum_rule(
        ctx, "arith.car-sum", "car", ("car_purchase", "car_running"), "公务用车购置和维护经费", "car costs"
    )


@rule(
    "arith.public-funds-parts",
    family=FAMILY,
    severity="error",
    title="公用经费不小于其中列明的各项之和",
    title_en="public funds are at least the sum of the items listed under them",
)
def public_funds_parts(ctx: AuditContext) -> Iterator[Finding]:
    basic = ctx.basic
    if basic is None:
        return
    wholes = _rows(basic, "public_funds")
    members = [r for c in ("office", "utilities_travel", "meetings_training") for r in _rows(basic, c)]
    if len(wholes) != 1 or not members:
        return
    columns = zip(_BASIC_KEYS, basic.column_labels, strict=True)
    for label, stated, summed in _mismatches(wholes[0], members, columns, ctx.amount_tolerance, at_least=True):
        yield make(
            "arith.public-funds-parts",
            "error",
            FAMILY,
            basic,
            f"公用经费（{label}）{money(stated.value)}万元，小于其中办公、水电差旅、会议培训等各项合计"
            f"{money(summed)}万元",
            f"public funds ({label}) {money(stated.value)} are less than their listed items {money(summed)}",
            location=f"公用经费 · {label}",
            source=stated.source,
            expected=f"≥{money(summed)}",
            found=money(stated.value),
        )


@rule(
    "arith.project-group-sum",
    family=FAMILY,
    severity="error",
    title="项目支出分类合计等于其下各项目之和",
    title_en="a project group row equals the projects listed under it",
)
def project_group_sum(ctx: AuditContext) -> Iterator[Finding]:
    basic = ctx.basic
    if basic is None:
        return
    expenses = list(basic.expenses)
    for index, row in enumerate(expenses):
        if row.category not in ("project_group", "project_total"):
            continue
        members: list[ExpenseRow] = []
        for follower in expenses[index + 1 :]:
            if follower.category != "project":
                break
            members.append(follower)
        if not members:
            continue
        columns = zip(_BASIC_KEYS, basic.column_labels, strict=True)
        for label, stated, summed in _mismatches(row, members, columns, ctx.amount_tolerance):
            yield make(
                "arith.project-group-sum",
                "error",
                FAMILY,
                basic,
                f"「{row.label.text}」（{label}）填写{money(stated.value)}万元，其下{len(members)}个项目合计"
                f"{money(summed)}万元",
                f"{row.label.text} ({label}) is {money(stated.value)}; the projects under it add up to {money(summed)}",
                location=f"{row.label.text} · {label}",
                source=stated.source,
                expected=money(summed),
                found=money(stated.value),
            )


@rule(
    "arith.staff-control-rate",
    family=FAMILY,
    severity="error",
    title="人员控制率等于实际在职人数除以编制数",
    title_en="the staffing control rate equals actual staff / authorized staff",
)
def staff_control_rate(ctx: AuditContext) -> Iterator[Finding]:
    basic = ctx.basic
    if basic is None:
        return
    staffing = basic.staffing
    authorized, actual, claimed = staffing.authorized.value, staffing.actual.value, staffing.control_rate
    if not authorized or actual is None:
        return
    rate = actual / authorized
    if claimed.value is None:
        if not claimed.text.strip():
            yield make(
                "arith.staff-control-rate",
                "warning",
                FAMILY,
                basic,
                f"控制率未填写，按实际在职{actual}人÷编制{authorized}人应为{percent(rate)}",
                f"the control rate is blank; actual / authorized is {percent(rate)}",
                location="财政供养人员情况 · 控制率",
                source=claimed.source if claimed.source.line else staffing.source,
                expected=percent(rate),
                found="（空）",
            )
        return
    claimed_rate = claimed.value / 100 if claimed.unit == "%" or claimed.value > 2 else claimed.value
    if abs(rate - claimed_rate) > Decimal("0.00015"):
        yield make(
            "arith.staff-control-rate",
            "error",
            FAMILY,
            basic,
            f"控制率填写{claimed.text}，但实际在职{actual}人÷编制{authorized}人＝{percent(rate)}",
            f"control rate says {claimed.text}; actual / authorized is {percent(rate)}",
            location="财政供养人员情况 · 控制率",
            source=claimed.source,
            expected=percent(rate),
            found=claimed.text,
        )


@rule(
    "arith.task-sum",
    family=FAMILY,
    severity="error",
    title="主要任务的金额合计等于各任务之和",
    title_en="the task table's total equals the sum of its tasks",
)
def task_sum(ctx: AuditContext) -> Iterator[Finding]:
    goals = ctx.package.goals_table
    if not isinstance(goals, GoalsTable) or goals.task_total is None or not goals.tasks:
        return
    columns = (("budget", "预算数"), ("executed", "执行数"))
    for label, stated, summed in _mismatches(goals.task_total, goals.tasks, columns, ctx.amount_tolerance):
        yield make(
            "arith.task-sum",
            "error",
            FAMILY,
            goals,
            f"金额合计（{label}）{money(stated.value)}万元，各任务合计{money(summed)}万元",
            f"task total ({label}) {money(stated.value)}; the tasks add up to {money(summed)}",
            location=f"金额合计 · {label}",
            source=stated.source,
            expected=money(summed),
            found=money(stated.value),
        )


@rule(
    "arith.project-vs-basic",
    family=FAMILY,
    severity="error",
    title="项目自评表的资金与基础数据表中同一项目的数字一致",
    title_en="a project's funds agree with the same project's row in the basic data table",
)
def project_vs_basic(ctx: AuditContext) -> Iterator[Finding]:
    basic = ctx.basic
    if basic is None:
        return
    rows = _rows(basic, "project")
    projects = ctx.projects
    for project in projects:
        found = best_match(project.name, rows, lambda r: r.label.text)
        if found is None or ctx.project_named(found.label.text) is not project:
            continue
        row = found
        pairs = (
            ("budget", project.total.adjusted_budget, basic.column_labels[1], "全年预算数"),
            ("final", project.total.executed, basic.column_labels[2], "全年执行数"),
        )
        for key, figure, basic_label, label in pairs:
            basic_figure: Figure = getattr(row, key)
            if figure.value is None:
                continue
            if basic_figure.value is None:
                if basic_figure.text.strip():
                    continue  # unreadable, not blank: the reader has said so
                yield make(
                    "arith.project-vs-basic",
                    "warning",
                    FAMILY,
                    basic,
                    f"基础数据表「{row.label.text}」的{basic_label}未填写，项目自评表「{project.name}」{label}为"
                    f"{money(figure.value)}万元",
                    f"the basic data leaves {row.label.text}'s {basic_label} blank; the project table gives "
                    f"{label} {money(figure.value)}",
                    location=f"{row.label.text} · {basic_label}",
                    source=basic_figure.source if basic_figure.source.line else row.source,
                    expected=money(figure.value),
                    found="（空）",
                )
                continue
            if abs(basic_figure.value - figure.value) > ctx.amount_tolerance:
                yield make(
                    "arith.project-vs-basic",
                    "error",
                    FAMILY,
                    project,
                    f"项目「{project.name}」{label}{money(figure.value)}万元，但基础数据表「{row.label.text}」"
                    f"{basic_label}为{money(basic_figure.value)}万元",
                    f"project {label} {money(figure.value)} differs from the basic data row "
                    f"{row.label.text} ({money(basic_figure.value)})",
                    location=f"年度资金总额 · {label}",
                    source=figure.source,
                    expected=money(basic_figure.value),
                    found=money(figure.value),
                )


@rule(
    "arith.initial-vs-department",
    family=FAMILY,
    severity="warning",
    title="部门整体自评表的项目支出不小于各项目全年预算数之和",
    title_en="the department's project spending covers the project tables' budgets",
)
def department_vs_projects(ctx: AuditContext) -> Iterator[Finding]:
    department = ctx.department
    projects = ctx.projects
    if not isinstance(department, DepartmentTable) or not projects:
        return
    stated = next((a.figure for a in department.by_nature if "项目" in a.label), None)
    summed = total(p.total.executed for p in projects)
    if stated is None or stated.value is None or summed is None:
        return
    if summed - stated.value > ctx.amount_tolerance:
        yield make(
            "arith.initial-vs-department",
            "warning",
            FAMILY,
            department,
            f"部门整体自评表的项目支出为{money(stated.value)}万元，小于{len(projects)}张项目自评表的全年执行数合计"
            f"{money(summed)}万元",
            f"department project spending {money(stated.value)} is below the project tables' total {money(summed)}",
            location="按支出性质分 · 项目支出",
            source=stated.source,
            expected=f"≥{money(summed)}",
            found=money(stated.value),
        )


@rule(
    "arith.department-vs-basic",
    family=FAMILY,
    severity="warning",
    title="部门整体自评表的全年执行数等于基础数据表的基本支出与项目支出决算数之和",
    title_en="the department table's spending equals the basic data's basic plus project spending",
)
def department_vs_basic(ctx: AuditContext) -> Iterator[Finding]:
    basic, department = ctx.basic, ctx.department
    if basic is None or not isinstance(department, DepartmentTable):
        return
    executed = department.total.executed
    basic_total = next((r.final for r in _rows(basic, "basic_total") if r.final.value is not None), None)
    if executed.value is None or basic_total is None or basic_total.value is None:
        return
    stated = next((r.final for r in _rows(basic, "project_total") if r.final.value is not None), None)
    projects = stated.value if stated is not None else total(r.final for r in _rows(basic, "project"))
    if projects is None:
        return  # the basic data says nothing of the projects' spending
    summed = basic_total.value + projects
    if abs(summed - executed.value) <= ctx.amount_tolerance:
        return
    label = basic.column_labels[2]
    yield make(
        "arith.department-vs-basic",
        "warning",
        FAMILY,
        department,
        f"部门整体自评表全年执行数{money(executed.value)}万元，但基础数据表{label}为基本支出"
        f"{money(basic_total.value)}万元＋项目支出{money(projects)}万元＝{money(summed)}万元",
        f"the department table's spending {money(executed.value)} differs from the basic data's basic "
        f"{money(basic_total.value)} + project {money(projects)} = {money(summed)}",
        location="年度资金总额 · 全年执行数",
        source=executed.source,
        expected=money(summed),
        found=money(executed.value),
    )


@rule(
    "arith.cost-target-budget",
    family=FAMILY,
    severity="warning",
    title="“控制在预算内”的成本指标值等于本项目的预算数",
    title_en="a cost indicator 'within the budget' states the project's own budget",
)
def cost_target_budget(ctx: AuditContext) -> Iterator[Finding]:
    budgets = {id(p): _funds(p) for p in ctx.projects}
    for ds in ctx.score.documents:
        document = ds.document
        if not isinstance(document, ProjectTable):
            continue
        own = budgets[id(document)]
        for s in ds.indicators:
            if "成本" not in s.indicator.level2 or "预算" not in s.indicator.name.text:
                continue
            target = s.target
            if target.kind is not Kind.NUMBER or target.number is None or target.op in (Op.GE, Op.GT):
                continue
            if target.unit not in (None, "万元", "元"):
                continue
            amount = target.number / 10000 if target.unit == "元" else target.number
            if not own or any(abs(amount - value) <= ctx.amount_tolerance for value in own):
                continue
            # Another project whose budget it is, with the same row word for word: where it was copied from.
            row = (s.indicator.name.text.strip(), s.indicator.target.text.strip())
            elsewhere = [
                p.name
                for p in ctx.projects
                if p is not document
                and amount in budgets[id(p)]
                and any((i.name.text.strip(), i.target.text.strip()) == row for i in p.indicators.indicators)
            ]
            copied = f"，与「{elsewhere[0]}」的这一行相同，疑似照抄" if elsewhere else ""
            yield make(
                "arith.cost-target-budget",
                "warning",
                FAMILY,
                document,
                f"成本指标「{s.indicator.name.text.strip()[:20]}」的指标值为{money(amount)}万元，但本项目全年预算数"
                f"{money(document.total.adjusted_budget.value)}万元{copied}",
                f"cost indicator {s.indicator.name.text.strip()[:20]!r} states {money(amount)}; the project's budget "
                f"is {money(document.total.adjusted_budget.value)}",
                location=f"{s.indicator.level1} · {s.indicator.level2} · 年度指标值",
                source=s.indicator.target.source,
                expected=money(document.total.adjusted_budget.value),
                found=money(amount),
            )


def _funds(project: ProjectTable) -> list[Decimal]:
    """A project's budgets and spending in 万元 (initial, adjusted, executed: whichever are given)."""
    total = project.total
    amounts = (total.initial_budget.in_wan, total.adjusted_budget.in_wan, total.executed.in_wan)
    return [amount for amount in amounts if amount is not None]
