"""Which framework fits a package best (each framework's ``[[match]]`` rules)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from jixiao.frameworks.schema import Framework, MatchRule
from jixiao.frameworks.totals import clean_name
from jixiao.model import DepartmentTable, Package, ProjectTable


@dataclass(frozen=True, slots=True)
class PackageTraits:
    kinds: frozenset[str]
    names: str  # unit names, joined
    level1: frozenset[str]


def traits(package: Package) -> PackageTraits:
    names = [package.unit or "", package.cover.unit.text]
    level1: set[str] = set()
    for document in package.documents:
        if isinstance(document, DepartmentTable):
            names.append(document.name)
        if isinstance(document, ProjectTable):
            names += [document.implementing_unit.text, document.competent_department.text]
        if isinstance(document, ProjectTable | DepartmentTable):
            level1.update(clean_name(i.level1) for i in document.indicators.indicators if i.level1)
            level1.update(clean_name(g.level1) for g in document.indicators.groups if g.level1)
    goals = package.goals_table
    if goals is not None:
        names.append(goals.unit.text)
    return PackageTraits(frozenset(d.kind for d in package.documents), " ".join(names), frozenset(level1))


def fits(rule: MatchRule, found: PackageTraits) -> bool:
    return (
        all(kind in found.kinds for kind in rule.documents)
        and (not rule.any_documents or any(kind in found.kinds for kind in rule.any_documents))
        and (not rule.keywords or any(word in found.names for word in rule.keywords))
        and all(name in found.level1 for name in rule.level1_present)
        and not any(name in found.level1 for name in rule.level1_absent)
    )


def _specificity(rule: MatchRule) -> int:
    return sum(
        len(part)
        for part in (
            rule.documents,
            rule.any_documents,
            rule.keywords,
            rule.level1_present,
            rule.level1_absent,
        )
    )


def best_fit(package: Package, frameworks: Sequence[Framework]) -> Framework | None:
    """The fitting framework with the highest priority (then the most specific rule)."""
    found = traits(package)
    best: tuple[int, int] | None = None
    chosen: Framework | None = None
    for framework in frameworks:
        for rule in framework.matches:
            if not fits(rule, found):
                continue
            rank = (rule.priority, _specificity(rule))
            if best is None or rank > best:
                best, chosen = rank, framework
    if chosen is None:
        chosen = next((f for f in frameworks if f.fallback), None)
    return chosen
