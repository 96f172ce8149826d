"""The department (附件2) and project (附件3-n) tables of a generated package, from its facts."""

from __future__ import annotations

import random
from decimal import Decimal
from functools import partial

from jixiao.model import BENEFIT, COST, OUTPUT, SATISFACTION
from jixiao.synth import indicators as ind
from jixiao.synth.build import Facts, ProjectFacts, basic_table
from jixiao.synth.draft import BasicTable, EvalTable, FundsLine
from jixiao.synth.money import execution, money, score_text


def _funds_total(initial: int, adjusted: int, executed: int) -> FundsLine:
    rate, score = execution(executed, adjusted)
    return FundsLine(
        "total", "年度资金总额", money(initial), money(adjusted), money(executed), "10", rate, score_text(score)
    )


def _finish(table: EvalTable, execution_score: str) -> None:
    total = Decimal(execution_score) + ind.indicator_total(table.indicators)
    table.total_score = score_text(total)


class _Names:
    """Indicator names unique within a package (a name seen before gets the project's object in front)."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, name: str, prefix: str) -> str:
        if name in self.used:
            name = prefix + name
        self.used.add(name)
        return name


def department_table(rng: random.Random, facts: Facts, names: _Names) -> EvalTable:
    first = facts.projects[0].vocab
    tasks = rng.randint(6, 20)
    slots = [
        ind.Slot(
            OUTPUT,
            "数量指标",
            partial(
                ind.quantity,
                level2="数量指标",
                name=names(f"全年{first.obj}{first.act}任务量", ""),
                unit=first.unit,
                low=first.low,
                high=first.high,
                miss=0.15,
            ),
        ),
        ind.Slot(
            OUTPUT,
            "数量指标",
            partial(
                ind.quantity,
                level2="数量指标",
                name=names("年度重点工作任务数", ""),
                unit="项",
                low=tasks,
                high=tasks,
                miss=0.1,
            ),
        ),
        ind.Slot(
            OUTPUT,
            "质量指标",
            partial(
                ind.rate,
                level1=OUTPUT,
                level2="质量指标",
                name=names("重点工作任务完成率", ""),
                targets=(90, 95, 98, 100),
                miss=0.1,
            ),
        ),
        ind.Slot(OUTPUT, "时效指标", partial(ind.deadline, name=names("年度重点工作完成时间", ""), year=facts.year)),
        ind.Slot(
            COST,
            "经济成本指标",
            lambda _r, w: ind.cost(
                "经济成本指标", names("三公经费支出控制", ""), facts.three_total(1), facts.three_total(2), w
            ),
        ),
        ind.Slot(
            BENEFIT, "社会效益指标", partial(ind.qualitative, level2="社会效益指标", name=names("公共服务水平", ""))
        ),
        ind.Slot(
            BENEFIT,
            "可持续影响指标",
            partial(ind.qualitative, level2="可持续影响指标", name=names("部门长效管理机制", ""), sustain=True),
        ),
        ind.Slot(
            SATISFACTION,
            "服务对象满意度指标",
            partial(
                ind.rate,
                level1=SATISFACTION,
                level2="服务对象满意度指标",
                name=names("服务对象满意度", ""),
                targets=(85, 90, 95),
                miss=0.1,
            ),
        ),
    ]
    table = EvalTable("department", "附件2", f"{facts.year}年度部门整体支出绩效自评表", facts.unit)
    table.funds = [
        _funds_total(facts.basic_initial + sum(p.initial for p in facts.projects), facts.adjusted, facts.executed)
    ]
    other = sum(v for _, v in facts.income_other)
    income = {
        "一般公共预算": facts.adjusted - other,
        "政府性基金拨款": 0,
        "纳入专户管理的非税收入拨款": 0,
        "其他资金": 0,
    }
    income.update(dict(facts.income_other))
    table.income = [(k, money(v) if v else "") for k, v in income.items()]
    table.nature = [("基本支出", money(facts.basic)), ("项目支出", money(facts.project_adjusted))]
    table.indicators, table.labels = ind.fill(rng, slots, rng.choice(ind.WEIGHT_PATTERNS))
    done = next(i for i in table.indicators if i.name == "年度重点工作任务数")
    happy = table.indicators[-1]
    table.goals = [
        (
            f"1．{facts.domain.goal}；\n2．完成年度重点工作任务{tasks}项；\n3．{happy.name}达到{happy.target.lstrip('≥')}以上。",
            f"1．{facts.domain.goal}的目标基本实现；\n2．完成年度重点工作任务{done.actual}；\n3．{happy.name}为{happy.actual}。",
        )
    ]
    table.signoff = [facts.preparer, facts.sign_date, facts.phone, facts.head]
    facts.department_rate = table.total.rate
    _finish(table, table.total.score)
    facts.department_score = Decimal(table.total_score)
    return table


def project_table(rng: random.Random, facts: Facts, number: int, project: ProjectFacts, names: _Names) -> EvalTable:
    v = project.vocab
    measure = "面积" if "㎡" in v.unit or "亩" in v.unit else "总量" if "吨" in v.unit else "数量"
    slots = [
        ind.Slot(
            OUTPUT,
            "数量指标",
            partial(
                ind.quantity,
                level2="数量指标",
                name=names(f"{v.act}{v.obj}{measure}", v.obj),
                unit=v.unit,
                low=v.low,
                high=v.high,
                miss=0.15,
            ),
        ),
        ind.Slot(
            OUTPUT,
            "质量指标",
            partial(
                ind.rate,
                level1=OUTPUT,
                level2="质量指标",
                name=names(f"{v.obj}{v.act}合格率", v.obj),
                targets=(90, 95, 96, 98, 100),
                miss=0.1,
            ),
        ),
        ind.Slot(
            OUTPUT, "时效指标", partial(ind.deadline, name=names(f"{v.obj}{v.act}完成时间", v.obj), year=facts.year)
        ),
        ind.Slot(
            COST,
            "经济成本指标",
            lambda _r, w: ind.cost(
                "经济成本指标", names(f"{v.obj}{v.act}成本", v.obj), project.adjusted, project.executed, w
            ),
        ),
        ind.Slot(
            BENEFIT,
            "社会效益指标",
            partial(ind.qualitative, level2="社会效益指标", name=names(f"{v.who}获得感", v.obj)),
        ),
        ind.Slot(
            BENEFIT,
            "可持续影响指标",
            partial(ind.qualitative, level2="可持续影响指标", name=names(f"{v.obj}长效管护机制", v.obj), sustain=True),
        ),
        ind.Slot(
            SATISFACTION,
            "服务对象满意度指标",
            partial(
                ind.rate,
                level1=SATISFACTION,
                level2="服务对象满意度指标",
                name=names(f"{v.who}满意度", v.obj),
                targets=(85, 90, 95),
                miss=0.08,
            ),
        ),
    ]
    if rng.random() < 0.6:
        name = names(f"{v.obj}{v.check}次数", v.obj)
        slots.insert(
            1,
            ind.Slot(
                OUTPUT,
                "数量指标",
                partial(ind.quantity, level2="数量指标", name=name, unit="次", low=4, high=24, miss=0.1),
            ),
        )
    if rng.random() < 0.3:
        name = names(f"{v.obj}周边环境改善", v.obj)
        slots.insert(-1, ind.Slot(BENEFIT, "生态效益指标", partial(ind.qualitative, level2="生态效益指标", name=name)))
    table = EvalTable(
        "project",
        f"附件3-{number}",
        f"{facts.year}年度项目支出绩效自评表",
        v.name,
        competent=facts.competent,
        implementing=facts.unit,
    )
    p = project
    current = (p.initial - p.other, p.adjusted - p.carryover - p.other, p.executed - p.carryover - p.other)
    table.funds = [
        _funds_total(p.initial, p.adjusted, p.executed),
        FundsLine("current_appropriation", "其中：当年财政拨款", *(money(c) for c in current)),
        FundsLine("carryover", "上年结转资金", "0", money(p.carryover), money(p.carryover)),
        FundsLine("other_funds", "其他资金", money(p.other), money(p.other), money(p.other)),
    ]
    table.indicators, table.labels = ind.fill(rng, slots, rng.choice(ind.WEIGHT_PATTERNS))
    main, quality = table.indicators[0], next(i for i in table.indicators if i.level2 == "质量指标")
    satisfaction = table.indicators[-1]
    table.goals = [
        (
            f"1．完成{v.obj}{v.act}{main.target.lstrip('≥')}以上；\n2．{quality.name}达到{quality.target.lstrip('≥')}；\n"
            f"3．{satisfaction.name}达到{satisfaction.target.lstrip('≥')}以上。",
            f"1．完成{v.obj}{v.act}{main.actual}；\n2．{quality.name}为{quality.actual}；\n"
            f"3．{satisfaction.name}为{satisfaction.actual}。",
        )
    ]
    table.signoff = [facts.preparer, facts.sign_date, facts.phone, facts.head]
    _finish(table, table.total.score)
    return table


def build_tables(rng: random.Random, facts: Facts) -> tuple[BasicTable, EvalTable, list[EvalTable]]:
    names = _Names()
    department = department_table(rng, facts, names)
    projects = [project_table(rng, facts, i + 1, p, names) for i, p in enumerate(facts.projects)]
    return basic_table(facts), department, projects
