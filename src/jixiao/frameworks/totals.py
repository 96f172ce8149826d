"""Subtotals per level-1 and level-2, totals and grades."""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Protocol

from jixiao.frameworks.results import GroupScore, SubgroupScore
from jixiao.frameworks.schema import Framework, TableSpec
from jixiao.model import GroupLabel

ZERO = Decimal(0)
_WEIGHT_SUFFIX = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]\s*$")
_SPACE = re.compile(r"\s+")


class Scored(Protocol):
    @property
    def weight(self) -> Decimal | None: ...
    @property
    def claimed(self) -> Decimal | None: ...
    @property
    def computed(self) -> Decimal | None: ...
    @property
    def status(self) -> str: ...


@lru_cache(maxsize=4096)
def clean_name(name: str) -> str:
    """A level name without spaces or a trailing "（20分）"."""
    return _WEIGHT_SUFFIX.sub("", _SPACE.sub("", name))


def grade_for(total: Decimal, framework: Framework) -> str:
    """The grade of a total (lower bounds inclusive)."""
    for grade in framework.grades:
        if total >= grade.minimum:
            return grade.name
    return framework.grades[-1].name if framework.grades else ""


def stand_in(score: Scored) -> tuple[Decimal, bool]:
    """What a row adds to a computed total, and whether a claim stood in for a computation."""
    if score.status == "skipped":
        return ZERO, False
    if score.computed is not None:
        return score.computed, False
    return score.claimed or ZERO, True


def claimed_sum(scores: Sequence[Scored]) -> Decimal | None:
    claims = [s.claimed for s in scores if s.claimed is not None]
    return sum(claims, ZERO) if claims else None


def weight_sum(scores: Sequence[Scored]) -> Decimal:
    return sum((s.weight or ZERO for s in scores), ZERO)


def computed_sum(scores: Sequence[Scored]) -> tuple[Decimal, bool]:
    total, estimated = ZERO, False
    for score in scores:
        value, guessed = stand_in(score)
        total += value
        estimated = estimated or guessed
    return total, estimated


def build_groups(
    rows: Sequence[tuple[str, str, Scored]],
    labels: Sequence[GroupLabel],
    spec: TableSpec | None,
    framework: Framework,
) -> tuple[GroupScore, ...]:
    """Groups in order of first appearance; ``rows`` are (level1, level2, score) by index."""
    order: dict[str, dict[str, list[int]]] = {}
    clean = clean_name
    for index, (first, second, _) in enumerate(rows):
        level1 = clean(first)
        subgroups = order.get(level1)
        if subgroups is None:
            subgroups = order[level1] = {}
        name = clean(second)
        members = subgroups.get(name)
        if members is None:
            subgroups[name] = [index]
        else:
            members.append(index)
    label_of = {clean(written.level1): written for written in reversed(labels)}
    for name in label_of:
        order.setdefault(name, {})
    values = [(s.weight or ZERO, s.claimed, _stand_in_value(s)) for _, _, s in rows]
    fixed = spec is not None and spec.weights == "fixed"
    # The first spec of each name, as TableSpec.level1_named finds it.
    specs = {level.name: level for level in reversed(spec.level1)} if spec is not None else {}
    any_level1 = spec is not None and bool(spec.level1)
    groups = []
    for level1, subgroups in order.items():
        level1_spec = specs.get(level1)
        allowed = level1_spec.level2 if level1_spec else ()
        level2: list[SubgroupScore] = []
        group_weight = group_computed = ZERO
        group_claimed: Decimal | None = None
        for name, indices in subgroups.items():
            weight, claimed, computed = _sums(values, indices)
            known = not allowed or not name or name in allowed
            level2.append(SubgroupScore(name, weight, claimed, computed, tuple(indices), known))
            group_weight += weight
            group_computed += computed or ZERO  # (a zero written 0.00 counts as ZERO, as before)
            if claimed is not None:
                group_claimed = ZERO + claimed if group_claimed is None else group_claimed + claimed
        label = label_of.get(level1)
        groups.append(
            GroupScore(
                level1,
                label.weight.value if label else None,
                group_weight,
                group_claimed,
                group_computed,
                tuple(level2),
                level1_spec.weight if level1_spec and fixed else None,
                not any_level1 or level1_spec is not None,
                label,
            )
        )
    return tuple(groups)


def _stand_in_value(score: Scored) -> Decimal:
    """``stand_in(score)[0]``."""
    if score.status == "skipped":
        return ZERO
    computed = score.computed
    if computed is not None:
        return computed
    return score.claimed or ZERO


def _sums(
    values: Sequence[tuple[Decimal, Decimal | None, Decimal]], indices: Sequence[int]
) -> tuple[Decimal, Decimal | None, Decimal]:
    weight = computed = ZERO
    claimed: Decimal | None = None
    for i in indices:
        row_weight, row_claimed, row_computed = values[i]
        weight += row_weight
        computed += row_computed
        if row_claimed is not None:
            claimed = row_claimed if claimed is None else claimed + row_claimed
    return weight, claimed, computed
