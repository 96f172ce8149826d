"""Scoring a points scheme (a scoring sheet's items) and the derived figures, from facts."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from jixiao.frameworks.display import show
from jixiao.frameworks.facts import Facts
from jixiao.frameworks.formula_rules import CHECKLIST
from jixiao.frameworks.registry import RULE_KINDS, Fact
from jixiao.frameworks.results import Derived, DocumentScore, Explanation, ItemScore, ItemStatus
from jixiao.frameworks.schema import Framework, Scheme, SchemeItem
from jixiao.frameworks.totals import build_groups, clean_name, computed_sum, grade_for, weight_sum
from jixiao.frameworks.totals import claimed_sum as sum_claims
from jixiao.model import Cell, Figure, ScoringItem, ScoringSheet

ZERO = Decimal(0)


def score_derived(framework: Framework, facts: Facts) -> tuple[Derived, ...]:
    """Each ``[[derived]]`` figure; each becomes a fact that later formulas can use."""
    results = []
    for spec in framework.derived:
        kind = RULE_KINDS[spec.use.rule]
        assert kind.apply is not None
        outcome = kind.apply(spec.use, ZERO, facts)
        claimed = facts.fact(spec.claimed).value if spec.claimed else None
        sentence = spec.sentence or outcome.sentence
        results.append(
            Derived(
                spec.key,
                spec.name,
                outcome.value,
                sentence,
                outcome.inputs,
                claimed,
                outcome.sources,
                "rate",
                outcome.note,
            )
        )
        facts.add(Fact(spec.key, spec.name, outcome.value, "rate", outcome.sources, outcome.note))
    return tuple(results)


def synthesize_sheet(scheme: Scheme) -> ScoringSheet:
    """The scheme as an empty scoring sheet (no claims), for packages that have none."""
    items = tuple(
        ScoringItem(item.level1, item.level2, Cell(item.name), Figure(str(item.weight), item.weight, "分"))
        for item in scheme.items
    )
    return ScoringSheet(name=scheme.name, items=items)


def _index(scheme: Scheme | None) -> dict[str, SchemeItem]:
    index: dict[str, SchemeItem] = {}
    for item in scheme.items if scheme else ():
        for name in (item.name, *item.aliases):
            index.setdefault(clean_name(name), item)
    return index


def score_sheet(sheet: ScoringSheet, framework: Framework, facts: Facts, *, kind: str = "scoring") -> DocumentScore:
    index = _index(framework.scheme)
    items = tuple(score_item(item, index.get(clean_name(item.name.text)), facts) for item in sheet.items)
    notes = [
        f"第{i + 1}项「{score.item.name.text.strip()}」无法计算，总分中按自评得分计入"
        for i, score in enumerate(items)
        if score.status == "unscorable"
    ]
    present = {clean_name(item.name.text) for item in sheet.items}
    if framework.scheme is not None and sheet.items:
        notes += [
            f"评分表缺少框架指标「{item.name}」"
            for item in framework.scheme.items
            if not any(clean_name(name) in present for name in (item.name, *item.aliases))
        ]
    rows = [(s.item.level1, s.item.level2, s) for s in items]
    total, estimated = computed_sum(items)
    return DocumentScore(
        document=sheet,
        kind=kind,
        name=sheet.name,
        execution=None,
        indicators=(),
        groups=build_groups(rows, sheet.groups, None, framework),
        items=items,
        weight_total=weight_sum(items) if items else None,
        claimed_total=sheet.claimed_total.value,
        computed_total=total,
        claimed_grade=sheet.claimed_grade.text.strip() or None,
        computed_grade=grade_for(total, framework),
        claimed_sum=sum_claims(items),
        estimated=estimated,
        notes=tuple(notes),
    )


def score_item(item: ScoringItem, spec: SchemeItem | None, facts: Facts) -> ItemScore:
    weight = item.weight.value if item.weight.value is not None else (spec.weight if spec else None)
    claimed = item.score.value
    checklist = CHECKLIST
    if spec is None:
        note = "框架中没有此指标，按自评得分核对，需提供佐证材料"
        explanation = Explanation(checklist.id, checklist.sentence, (), None, note)
        return _checklist(item, weight, claimed, explanation)
    parts: list[Explanation] = []
    fixed, free, missing = ZERO, ZERO, []
    for part in spec.parts:
        kind = RULE_KINDS[part.rule]
        assert kind.apply is not None and part.points is not None
        outcome = kind.apply(part, part.points, facts)
        parts.append(Explanation(part.rule, outcome.sentence, outcome.inputs, outcome.value, outcome.note))
        if part.rule == checklist.id:
            free += part.points
        elif outcome.value is None:
            missing.append(outcome.note or "无法计算")
        else:
            fixed += outcome.value
    explanation = parts[0] if len(parts) == 1 else _sum_explanation(parts, free, fixed if not missing else None)
    if free == spec.weight:
        return _checklist(item, weight, claimed, explanation)
    if missing:
        note = "；".join(missing)
        explanation = Explanation(explanation.rule, explanation.sentence, explanation.inputs, None, note)
        return ItemScore(item, weight, claimed, None, "unscorable", explanation, None, tuple(parts))
    if free == 0:
        return ItemScore(item, weight, claimed, fixed, "formula", explanation, None, tuple(parts))
    band = (fixed, fixed + free)
    computed = None if claimed is None else max(band[0], min(claimed, band[1]))
    explanation = dataclasses.replace(explanation, result=computed)
    return ItemScore(item, weight, claimed, computed, "formula", explanation, band, tuple(parts))


def _checklist(
    item: ScoringItem, weight: Decimal | None, claimed: Decimal | None, explanation: Explanation
) -> ItemScore:
    status: ItemStatus = "checklist"
    computed = None
    if claimed is not None:
        computed = max(ZERO, min(claimed, weight)) if weight is not None else claimed
    band = (ZERO, weight) if weight is not None else None
    return ItemScore(item, weight, claimed, computed, status, explanation, band, (explanation,))


def _sum_explanation(parts: list[Explanation], free: Decimal, result: Decimal | None) -> Explanation:
    kind = RULE_KINDS["sum_of_parts"]
    sentence = "；".join(f"（{i + 1}）{part.sentence}" for i, part in enumerate(parts))
    inputs = tuple(pair for part in parts for pair in part.inputs if pair[0] != "分值")
    notes = [part.note for part in parts if part.note and part.rule != "checklist"]
    if free:
        notes.append(f"其中{show(free)}分无计算公式，由自评确定，需提供佐证材料")
    note = "；".join(notes) or None
    return Explanation(kind.id, f"{kind.sentence}：{sentence}", inputs, result, note)
