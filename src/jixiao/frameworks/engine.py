"""Scoring a package under a framework: tables, the points scheme, derived figures."""

from __future__ import annotations

from decimal import Decimal

from jixiao.allocation import gc_paused
from jixiao.frameworks import indicator_rules as rules
from jixiao.frameworks.display import show, show_rate
from jixiao.frameworks.facts import resolve_facts
from jixiao.frameworks.indicators import score_indicator
from jixiao.frameworks.registry import RULE_KINDS, Fact
from jixiao.frameworks.results import DocumentScore, ExecutionScore, Explanation, PackageScore
from jixiao.frameworks.schema import Framework
from jixiao.frameworks.scheme_scoring import score_derived, score_sheet, synthesize_sheet
from jixiao.frameworks.totals import build_groups, grade_for
from jixiao.model import DepartmentTable, Figure, FundsRow, Package, ProjectTable, ScoringSheet

ZERO = Decimal(0)
HUNDRED = Decimal(100)


def score_package(package: Package, framework: Framework) -> PackageScore:
    with gc_paused():  # thousands of result records, no cycles among them
        return _score_package(package, framework)


def _score_package(package: Package, framework: Framework) -> PackageScore:
    documents: list[DocumentScore] = []
    sheets = [d for d in package.documents if isinstance(d, ScoringSheet)]
    needs_facts = bool(framework.derived or framework.scheme or sheets)
    facts = resolve_facts(package) if needs_facts else None
    derived = score_derived(framework, facts) if facts is not None else ()
    for document in package.documents:
        if isinstance(document, ProjectTable | DepartmentTable):
            documents.append(score_table(document, framework))
        elif isinstance(document, ScoringSheet) and facts is not None:
            documents.append(score_sheet(document, framework, facts))
    scheme = None
    if framework.scheme is not None and not sheets and facts is not None:
        scheme = score_sheet(synthesize_sheet(framework.scheme), framework, facts, kind="scheme")
    all_facts: tuple[Fact, ...] = facts.all() if facts is not None else ()
    return PackageScore(framework, tuple(documents), derived, scheme, all_facts)


def score_table(table: ProjectTable | DepartmentTable, framework: Framework) -> DocumentScore:
    execution = score_execution(table.total, framework)
    block = table.indicators
    indicators = tuple(score_indicator(i, ind, framework) for i, ind in enumerate(block.indicators))
    rows = [(s.indicator.level1, s.indicator.level2, s) for s in indicators]
    groups = build_groups(rows, block.groups, framework.table(table.kind), framework)
    settings = framework.settings

    # One pass for weight_sum, claimed_sum and computed_sum of the indicators (same order of additions).
    weights = total = ZERO
    claimed: Decimal | None = None
    estimated = skipped = False
    notes: list[str] = []
    for s in indicators:
        weights += s.weight or ZERO
        if s.claimed is not None:
            claimed = ZERO + s.claimed if claimed is None else claimed + s.claimed
        status = s.status
        if status == "skipped":
            total += ZERO
            skipped = True
        elif s.computed is not None:
            total += s.computed
        else:
            total += s.claimed or ZERO
            estimated = True
        if status == "unscorable":
            notes.append(f"第{s.index + 1}项指标「{s.indicator.name.text.strip()}」无法计分，总分中按自评得分计入")
    weight_total = (execution.weight or ZERO) + weights
    claims = [c for c in (execution.claimed, claimed) if c is not None]
    if execution.computed is not None:
        total += execution.computed
    else:
        total += execution.claimed or ZERO
        estimated = True
        notes.append("预算执行率无法计算，总分中按自评得分计入")
    if settings.rescale_not_applicable and skipped and ZERO < weight_total < settings.total_weight:
        total = total * settings.total_weight / weight_total
        notes.append(f"有不适用的指标，按 {show(weight_total)} 分折算为 {show(settings.total_weight)} 分")
    return DocumentScore(
        document=table,
        kind=table.kind,
        name=table.name,
        execution=execution,
        indicators=indicators,
        groups=groups,
        items=(),
        weight_total=weight_total,
        claimed_total=table.claimed_total.value,
        computed_total=total,
        claimed_grade=None,
        computed_grade=grade_for(total, framework),
        claimed_sum=sum(claims, ZERO) if claims else None,
        estimated=estimated,
        notes=tuple(notes),
    )


def claimed_rate(figure: Figure) -> Decimal | None:
    """The 执行率 cell as a fraction: "100%" → 1, "100" → 1, "0.96" → 0.96."""
    if figure.value is None:
        return None
    if figure.unit in ("%", "％") or figure.value > 2:
        return figure.value / HUNDRED
    return figure.value


def score_execution(row: FundsRow, framework: Framework) -> ExecutionScore:
    kind = rules.EXECUTION
    weight = row.weight.value if row.weight.value is not None else framework.settings.execution_weight
    adjusted, executed = row.adjusted_budget.in_wan, row.executed.in_wan
    claimed = row.score.value
    rate = computed = None
    note = None
    if adjusted is None:
        note = "缺少全年预算数，无法计算执行率"
    elif executed is None:
        note = "缺少全年执行数，无法计算执行率"
    elif adjusted == 0:
        note = "全年预算数为0，无法计算执行率"
    else:
        rate, computed = rules.execution(adjusted, executed, weight)
        if rate < framework.settings.execution_rate_floor:
            note = f"执行率低于{show_rate(framework.settings.execution_rate_floor)}，应说明原因"
    inputs: tuple[tuple[str, str], ...] = (
        ("全年预算数", row.adjusted_budget.text.strip()),
        ("全年执行数", row.executed.text.strip()),
        ("分值", show(weight)),
        ("执行率", show_rate(rate)),
    )
    if claimed is not None:
        inputs += (("自评得分", show(claimed)),)
    explanation = Explanation(kind.id, RULE_KINDS[kind.id].sentence, inputs, computed, note)
    return ExecutionScore(row, weight, rate, claimed_rate(row.execution_rate), computed, claimed, explanation)
