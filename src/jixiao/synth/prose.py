"""The narrative report of a generated package: the Hunan outline, with figures that agree with the tables."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from jixiao.synth.build import Facts
from jixiao.synth.draft import EvalTable
from jixiao.synth.money import percent
from jixiao.synth.names import MEASURES, PROBLEMS

QUARTERS = ("第一季度", "第二季度", "第一季度", "上半年")


def amount(cents: int) -> str:
    """Prose amounts always show two decimals: "118.50"."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}{cents // 100}.{cents % 100:02d}"


def change(label: str, current: int, previous: int) -> str:
    """ "X万元，比上年减少12.30万元，减少8.15%" (the change and its rate against the previous year)."""
    if previous == current:
        return f"{label}{amount(current)}万元，与上年持平"
    difference = current - previous
    verb, rate_verb = ("增加", "增长") if difference > 0 else ("减少", "减少")
    text = f"{label}{amount(current)}万元，比上年{verb}{amount(abs(difference))}万元"
    if previous:
        text += f"，{rate_verb}{percent(abs(difference), previous)}"
    return text


@dataclass(slots=True)
class ProseOptions:
    """Choices the defects make before the prose is written."""

    omit_project: int | None = None  # a project left out of the prose
    stray_year: tuple[int, int] | None = None  # (project index, wrong year) in its execution sentence


@dataclass(slots=True)
class Prose:
    lines: list[str] = field(default_factory=list)
    roles: dict[str, int] = field(default_factory=dict)  # role → index in lines
    results: list[int] = field(default_factory=list)  # the department indicators the report restates

    def add(self, text: str, role: str | None = None) -> None:
        if role is not None:
            self.roles[role] = len(self.lines)
        self.lines.append(text)


# A result the report can restate as written: a plain number with a percent sign or a counter.
_RESULT = re.compile(r"^\d+(?:\.\d+)?(?:%|项|个|次|人|件|户|场|家)$")


def indicator_results(department: EvalTable) -> list[int]:
    """The department indicators whose results the report restates (at most three, in table order)."""
    found = [j for j, line in enumerate(department.indicators) if _RESULT.match(line.actual) and len(line.name) >= 4]
    return found[:3]


def write_prose(
    rng: random.Random, facts: Facts, department: EvalTable, projects: list[EvalTable], options: ProseOptions
) -> Prose:
    year = facts.year
    prose = Prose()
    prose.add(facts.unit)
    prose.add(f"{year}年度部门整体支出绩效自评报告", "title")
    prose.add(f"单位名称：{facts.unit}（盖章）")
    prose.add(f"主要负责人签字：{facts.head}")
    prose.add(facts.report_date)
    domain = facts.domain
    offices = rng.randint(3, len(domain.offices))
    prose.add("一、部门（单位）基本情况")
    prose.add(
        f"本单位为{facts.competent}所属{domain.nature}，主要职责是{domain.duty}。"
        f"单位内设{'、'.join(domain.offices[:offices])}等{offices}个机构。"
    )
    prose.add(f"{year}年末，本单位编制{facts.authorized}人，实有在职人员{facts.staff}人。", "staff")
    prose.add("二、一般公共预算支出情况")
    total, basic, project_total = facts.executed, facts.basic, facts.project_executed
    prose.add(
        f"{year}年度本单位总支出{amount(total)}万元，其中：基本支出{amount(basic)}万元、"
        f"项目支出{amount(project_total)}万元。",
        "total",
    )
    prose.add("（一）基本支出情况")
    public = facts.public_funds[2]
    prose.add(
        f"基本支出{amount(basic)}万元，占总支出的{percent(basic, total)}。其中：人员经费{amount(basic - public)}万元、"
        f"公用经费{amount(public)}万元。",
        "basic",
    )
    prose.add(change("公用经费支出", public, facts.public_funds[0]) + "。", "public")
    three = [facts.three_total(2), facts.car(2), facts.three["abroad"][2], facts.three["reception"][2]]
    prose.add(
        change("三公经费支出", three[0], facts.three_total(0))
        + f"。其中：公务用车购置和维护经费{amount(three[1])}万元、出国经费{amount(three[2])}万元、"
        f"公务接待费{amount(three[3])}万元。",
        "three",
    )
    prose.add("（二）项目支出情况")
    shown = [i for i in range(len(projects)) if i != options.omit_project]
    share = f"项目支出{amount(project_total)}万元，占总支出的{percent(project_total, total)}"
    if options.omit_project is None:
        parts = "、".join(f"{projects[i].name}{amount(facts.projects[i].executed)}万元" for i in shown)
        prose.add(f"{share}，其中：{parts}。", "project-sum")
    else:
        prose.add(f"{share}。", "project-sum")
    prose.add(f"本年度共实施项目{len(shown)}个，分别为：{'、'.join(projects[i].name for i in shown)}。", "project-list")
    for number, index in enumerate(shown, start=1):
        p, table = facts.projects[index], projects[index]
        started = year
        if options.stray_year is not None and options.stray_year[0] == index:
            started = options.stray_year[1]
        prose.add(
            f"{number}．{table.name}：全年预算数{amount(p.adjusted)}万元，全年执行数{amount(p.executed)}万元，"
            f"预算执行率{table.total.rate}。项目于{started}年{rng.choice(QUARTERS)}启动实施，"
            f"完成了{p.vocab.obj}{p.vocab.act}年度工作任务。",
            f"project-{index}",
        )
    for numeral, kind in (("三", "政府性基金预算"), ("四", "国有资本经营预算"), ("五", "社会保险基金预算")):
        prose.add(f"{numeral}、{kind}支出情况")
        prose.add(f"本单位无{kind}支出。")
    prose.add("六、部门整体支出绩效情况")
    prose.add(
        f"{year}年全年预算数{amount(facts.adjusted)}万元，全年执行数{amount(facts.executed)}万元，"
        f"预算执行率{department.total.rate}。",
        "execution",
    )
    prose.add(f"经自评，部门整体支出综合得分{department.total_score}分，评价等级为{facts.grade}。", "score")
    results = indicator_results(department)
    if len(results) >= 2:
        prose.results = results
        items = "、".join(f"{department.indicators[j].name}{department.indicators[j].actual}" for j in results)
        prose.add(f"主要绩效指标完成情况：{items}。", "results")
    prose.add("全年各项重点工作有序推进，绩效目标总体完成，资金使用规范，社会效益较好。")
    picks = rng.sample(range(len(PROBLEMS)), 2)
    prose.add("七、存在的问题及原因分析")
    for number, pick in enumerate(picks, start=1):
        prose.add(f"{number}．{PROBLEMS[pick]}")
    prose.add("八、下一步改进措施")
    for number, pick in enumerate(picks, start=1):
        prose.add(f"{number}．{MEASURES[pick]}")
    prose.add("九、绩效自评结果拟应用和公开情况")
    prose.add("自评结果将作为以后年度预算安排的重要参考，并按规定在本单位门户网站公开。")
    prose.add("十、其他需要说明的情况")
    prose.add("无。")
    return prose
