"""Choosing the defects of a package and injecting them into its draft (domain.md §6, every family).

Some defects must be decided before the package is built (a project that spends under 90%, a project
left out of the prose, a stray year in the prose); the rest edit the finished draft's texts. Each
defect claims what it touches (a row, a table's total, a paragraph), so two defects never land on
the same thing and mask each other.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from jixiao.synth.build import Facts
from jixiao.synth.draft import Draft
from jixiao.synth.key import FAMILIES, Defect
from jixiao.synth.prose import Prose, ProseOptions

KINDS: dict[str, tuple[str, ...]] = {
    "arithmetic": ("funds-source-sum", "three-public-sum", "income-sum", "rate-cell"),
    "scoring": ("score-mismatch", "score-above-weight", "label-weight", "weights-not-100", "total-not-sum",
                "wrong-grade"),
    "logic": ("missed-full-marks", "no-deviation-reason", "words-only-actual", "over-achieved", "low-execution",
              "actual-as-bound"),
    "units": ("yuan-for-wanyuan", "magnitude", "impossible-percentage"),
    "narrative": ("prose-amount", "prose-score", "sum-parts", "project-missing-prose", "prose-indicator"),
    "dates": ("stray-year", "table-year", "past-plan"),
    "copies": ("goal-other-project", "indicator-reuse"),
    "completeness": ("missing-preparer", "project-without-table", "empty-goal"),
}  # fmt: skip
NEEDS_TWO_PROJECTS = frozenset({"goal-other-project", "indicator-reuse", "project-without-table"})
PLANNED = frozenset({"low-execution", "project-missing-prose", "stray-year", "project-without-table"})


@dataclass(slots=True)
class Plan:
    """The defects chosen for a package, and what must be decided before it is built."""

    kinds: list[str] = field(default_factory=list)
    projects: int = 1
    year: int = 2023
    low_execution: int | None = None
    removed: int | None = None  # the project whose table is left out (always the last)
    prose: ProseOptions = field(default_factory=ProseOptions)
    alternatives: dict[str, list[str]] = field(default_factory=dict)  # family → other kinds to try

    @property
    def eligible(self) -> list[int]:
        """Projects a table defect may target (not the one whose table is left out)."""
        return [i for i in range(self.projects) if i != self.removed]


def kinds_for(family: str, projects: int) -> list[str]:
    return [k for k in KINDS[family] if projects >= 2 or k not in NEEDS_TWO_PROJECTS]


def plan_defects(
    rng: random.Random, projects: int, year: int, *, count: int | None = None, kinds: list[str] | None = None
) -> Plan:
    """1–4 defects from distinct families (or exactly ``kinds``); planned ones are settled here."""
    plan = Plan(projects=projects, year=year)
    if kinds is None:
        families = [f for f in FAMILIES if kinds_for(f, projects)]
        chosen = rng.sample(families, count if count is not None else rng.randint(1, 4))
        kinds = []
        for family in chosen:
            options = kinds_for(family, projects)
            rng.shuffle(options)
            kinds.append(options[0])
            plan.alternatives[family] = options[1:]
    plan.kinds = list(kinds)
    if "project-without-table" in plan.kinds:
        plan.removed = projects - 1
    for kind in plan.kinds:
        if kind == "low-execution":
            plan.low_execution = rng.choice(plan.eligible)
        elif kind == "project-missing-prose":
            plan.prose.omit_project = rng.randrange(projects)
        elif kind == "stray-year":
            shown = [i for i in range(projects) if i != plan.prose.omit_project]
            if shown:
                plan.prose.stray_year = (rng.choice(shown), year - rng.randint(2, 5))
    return plan


def inject(rng: random.Random, plan: Plan, draft: Draft, facts: Facts, prose: Prose) -> list[Defect]:
    """Inject the planned defects into the draft; the answer key's entries (lines not yet known)."""
    from jixiao.synth.defect_kinds import Claims, Target
    from jixiao.synth.defect_text import INJECTORS

    target = Target(rng, plan, draft, facts, prose, Claims())
    for j in prose.results:
        # The report restates these results: a defect in one of them would also make the prose wrong.
        target.claims.take(("ind", 1, j))
    found: list[Defect] = []
    ordered = sorted(plan.kinds, key=lambda k: (k == "project-without-table", k not in PLANNED))
    for kind in ordered:
        family = next(f for f, ks in KINDS.items() if kind in ks)
        defect = INJECTORS[kind](target)
        for other in plan.alternatives.get(family, []):
            if defect is not None:
                break
            if other in PLANNED:
                continue
            defect = INJECTORS[other](target)
        if defect is not None:
            found.append(defect)
    return found
