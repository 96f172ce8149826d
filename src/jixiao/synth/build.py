"""A clean, consistent package draft: the unit, its money, its tables (domain.md §2–4).

Amounts are integer cents; every total is the exact sum of its parts; every score follows the
scoring rules. Nothing here injects a defect (see :mod:`jixiao.synth.defects`).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.synth.draft import BasicTable, ExpLine
from jixiao.synth.money import grade, money, percent
from jixiao.synth.names import DOMAINS, GIVEN_NAMES, PLACES, SAVINGS, SURNAMES, Domain, ProjectVocab


@dataclass(slots=True)
class ProjectFacts:
    vocab: ProjectVocab
    initial: int
    adjusted: int
    executed: int
    previous: int
    carryover: int = 0
    other: int = 0


@dataclass(slots=True)
class Facts:
    """The true figures of a package, for the tables and the prose."""

    domain: Domain
    place: str
    unit: str
    competent: str
    year: int
    head: str
    preparer: str
    phone: str
    report_date: str  # "2024年3月28日"
    sign_date: str  # "2024.3.28"
    authorized: int
    staff: int
    basic_initial: int
    basic: int  # adjusted budget = executed
    public_funds: tuple[int, int, int]  # previous, budget, final
    public_parts: list[tuple[str, tuple[int, int, int]]]  # 办公经费, 水电差旅, 会议培训
    three: dict[str, tuple[int, int, int]]  # car_purchase, car_running, abroad, reception
    procurement: tuple[int, int, int]
    projects: list[ProjectFacts] = field(default_factory=list)
    income_other: list[tuple[str, int]] = field(default_factory=list)  # non-general income lines
    department_score: Decimal = Decimal(0)
    department_rate: str = ""

    @property
    def project_adjusted(self) -> int:
        return sum(p.adjusted for p in self.projects)

    @property
    def project_executed(self) -> int:
        return sum(p.executed for p in self.projects)

    @property
    def adjusted(self) -> int:
        return self.basic + self.project_adjusted

    @property
    def executed(self) -> int:
        return self.basic + self.project_executed

    @property
    def grade(self) -> str:
        return grade(self.department_score)

    def three_total(self, column: int) -> int:
        return sum(v[column] for v in self.three.values())

    def car(self, column: int) -> int:
        return self.three["car_purchase"][column] + self.three["car_running"][column]


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN_NAMES)


def _around(rng: random.Random, cents: int, low: int, high: int) -> int:
    """cents × a random percentage in [low, high]."""
    return cents * rng.randint(low * 10, high * 10) // 1000


def make_facts(
    rng: random.Random,
    year: int,
    count: int,
    low_execution: int | None = None,
    *,
    domain_key: str | None = None,
    unit: str | None = None,
    place: str | None = None,
) -> Facts:
    domain = rng.choice(DOMAINS)
    if domain_key is not None:
        domain = next(d for d in DOMAINS if d.key == domain_key)
    if count > len(domain.projects):
        raise ValueError(f"at most {len(domain.projects)} projects per package")
    place = rng.choice(PLACES) if place is None else place
    unit = rng.choice(domain.units).format(place=place) if unit is None else unit
    day = rng.randint(10, 31)
    authorized = rng.randint(12, 120)
    basic = rng.randint(150, 2500) * 100 + rng.randint(0, 99)
    public_final = _around(rng, basic, 10, 25)
    public = (_around(rng, public_final, 85, 115), _around(rng, public_final, 100, 108), public_final)
    parts = []
    for label, low, high in (("其中：办公经费", 25, 35), ("水费、电费、差旅费", 15, 25), ("会议费、培训费", 4, 9)):
        final = _around(rng, public_final, low, high)
        parts.append((label, (_around(rng, final, 85, 115), _around(rng, final, 100, 110), final)))
    three: dict[str, tuple[int, int, int]] = {}
    for key, low, high, chance in (
        ("car_purchase", 800, 2500, 0.15),
        ("car_running", 100, 900, 1.0),
        ("abroad", 100, 600, 0.05),
        ("reception", 30, 400, 0.95),
    ):
        final = rng.randint(low, high) if rng.random() < chance else 0
        budget = _around(rng, final, 100, 125)
        previous = _around(rng, final, 80, 130) if final else 0
        three[key] = (previous, budget, final)
    facts = Facts(
        domain=domain,
        place=place,
        unit=unit,
        competent=domain.competent.format(place=place),
        year=year,
        head=_person(rng),
        preparer=_person(rng),
        phone=f"0{rng.randint(730, 746)}-{rng.randint(2000000, 8999999)}",
        report_date=f"{year + 1}年3月{day}日",
        sign_date=f"{year + 1}.3.{day}",
        authorized=authorized,
        staff=authorized - rng.randint(0, max(1, authorized // 8)),
        basic_initial=basic - _around(rng, basic, 0, 6),
        basic=basic,
        public_funds=public,
        public_parts=parts,
        three=three,
        procurement=(0, 0, 0),
    )
    for index, vocab in enumerate(rng.sample(domain.projects, count)):
        adjusted = rng.choice((rng.randint(10, 90), rng.randint(50, 400), rng.randint(200, 1500))) * 100
        adjusted += rng.randint(0, 99)
        initial = adjusted if rng.random() < 0.7 else adjusted - _around(rng, adjusted, 1, 20)
        low, high = (7000, 8800) if index == low_execution else (9050, 10000)
        executed = (
            adjusted if rng.random() < 0.2 and index != low_execution else adjusted * rng.randint(low, high) // 10000
        )
        project = ProjectFacts(vocab, initial, adjusted, executed, _around(rng, adjusted, 70, 120))
        if rng.random() < 0.3:
            project.carryover = _around(rng, executed, 3, 15)
        if rng.random() < 0.15:
            project.other = min(_around(rng, executed, 2, 10), initial // 5)
        facts.projects.append(project)
    spend = facts.executed
    facts.procurement = (_around(rng, spend, 3, 12), _around(rng, spend, 5, 14), 0)
    facts.procurement = (*facts.procurement[:2], min(facts.procurement[1], _around(rng, spend, 4, 12)))
    if rng.random() < 0.25:
        facts.income_other.append(("纳入专户管理的非税收入拨款", _around(rng, facts.adjusted, 1, 5)))
    if rng.random() < 0.15:
        facts.income_other.append(("其他资金", _around(rng, facts.adjusted, 1, 4)))
    return facts


def basic_table(facts: Facts) -> BasicTable:
    year = facts.year
    rows = [
        ExpLine("三公经费", "three_public", *(money(facts.three_total(c)) for c in range(3))),
        ExpLine("1、公务用车购置和维护经费", "car", *(money(facts.car(c)) for c in range(3))),
        ExpLine("其中：公车购置", "car_purchase", *(money(v) for v in facts.three["car_purchase"])),
        ExpLine("公车运行维护", "car_running", *(money(v) for v in facts.three["car_running"])),
        ExpLine("2、出国经费", "abroad", *(money(v) for v in facts.three["abroad"])),
        ExpLine("3、公务接待", "reception", *(money(v) for v in facts.three["reception"])),
        ExpLine("项目支出：", "project_total", "", "", ""),
    ]
    for project in facts.projects:
        rows.append(
            ExpLine(
                project.vocab.name, "project", money(project.previous), money(project.adjusted), money(project.executed)
            )
        )
    rows.append(ExpLine("公用经费", "public_funds", *(money(v) for v in facts.public_funds)))
    categories = ("office", "utilities_travel", "meetings_training")
    for (label, values), category in zip(facts.public_parts, categories, strict=True):
        rows.append(ExpLine(label, category, *(money(v) for v in values)))  # type: ignore[arg-type]
    rows.append(ExpLine("政府采购金额", "procurement", *(money(v) for v in facts.procurement)))
    return BasicTable(
        attachment="附件1",
        title=f"{year}年度部门整体支出绩效评价基础数据表",
        year=year,
        staffing=(str(facts.authorized), str(facts.staff), percent(facts.staff, facts.authorized)),
        rows=rows,
        savings=SAVINGS[facts.authorized % len(SAVINGS)],
        signoff=[facts.preparer, facts.sign_date, facts.phone, facts.head],
    )
