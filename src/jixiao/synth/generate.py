"""generate_package: facts → tables → defects → prose → the model, with the answer key's lines."""

from __future__ import annotations

import random

from jixiao.model import Package
from jixiao.synth.build import make_facts
from jixiao.synth.draft import Draft, to_package
from jixiao.synth.key import AnswerKey
from jixiao.synth.prose import ProseOptions, write_prose
from jixiao.synth.tables import build_tables

DEFAULT_YEAR = 2023


def generate_package(
    seed: int,
    *,
    projects: int = 3,
    defects: bool = True,
    framework: str = "hunan-2023",
    year: int = DEFAULT_YEAR,
) -> tuple[Package, AnswerKey]:
    """An invented unit's package for ``year`` and the key of the defects injected (1–4, or none)."""
    package, key, _ = generate_with_layout(seed, projects=projects, defects=defects, framework=framework, year=year)
    return package, key


def generate_with_layout(
    seed: int,
    *,
    projects: int = 3,
    defects: bool = True,
    framework: str = "hunan-2023",
    year: int = DEFAULT_YEAR,
    domain: str | None = None,
    unit: str | None = None,
    place: str | None = None,
) -> tuple[Package, AnswerKey, str]:
    """The package, its key (lines filled) and its cell-per-line text.

    ``domain`` ("housing", "urban", "resources", "agriculture", "culture"), ``unit`` and ``place``
    fix the invented unit instead of drawing it from the seed.
    """
    from jixiao.synth.defects import inject, plan_defects
    from jixiao.synth.layout import fill_lines

    if projects < 1:
        raise ValueError("a package needs at least one project")
    rng = random.Random(seed)
    plan = plan_defects(rng, projects, year) if defects else None
    low = plan.low_execution if plan else None
    facts = make_facts(rng, year, projects, low, domain_key=domain, unit=unit, place=place)
    basic, department, tables = build_tables(rng, facts)
    options = plan.prose if plan else ProseOptions()
    prose = write_prose(rng, facts, department, tables, options)
    draft = Draft(facts.unit, year, basic, department, tables, prose.lines)
    found = inject(rng, plan, draft, facts, prose) if plan else ()
    package = to_package(draft, framework)
    key = AnswerKey(seed, facts.unit, year, framework, len(draft.projects), tuple(found))
    key, text = fill_lines(package, key)
    return package, key, text
