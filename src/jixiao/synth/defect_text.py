"""Injectors for the prose, dates, copies and completeness families, and the registry of all injectors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from jixiao.synth.defect_kinds import (
    NARRATIVE,
    Target,
    _parse,
    _quantize_like,
    _where,
    actual_as_bound,
    funds_source_sum,
    impossible_percentage,
    income_sum,
    label_weight,
    low_execution,
    magnitude,
    missed_full_marks,
    no_deviation_reason,
    over_achieved,
    rate_cell,
    score_above_weight,
    score_mismatch,
    three_public_sum,
    total_not_sum,
    weights_not_100,
    words_only_actual,
    wrong_grade,
    yuan_for_wanyuan,
)
from jixiao.synth.draft import EvalTable
from jixiao.synth.key import Defect
from jixiao.synth.layout import TEXT_ANCHOR
from jixiao.synth.money import grade, score_text
from jixiao.synth.prose import amount

# --- narrative ------------------------------------------------------------------------------------


def prose_amount(t: Target) -> Defect | None:
    for d, _ in t.projects():
        index = d - 2
        text = t.paragraph(f"project-{index}")
        if text is None or not t.claims.take(("narr", "project", index)):
            continue
        true = amount(t.facts.projects[index].executed)
        shift = t.rng.randint(200, 3000)
        wrong = amount(t.facts.projects[index].executed + (shift if t.rng.random() < 0.5 else -shift // 10))
        anchor = t.rewrite(f"project-{index}", text.replace(f"全年执行数{true}万元", f"全年执行数{wrong}万元"))
        location = f"二、（二）项目支出情况 · {t.draft.projects[index].name} · 全年执行数"
        return Defect("narrative", "prose-amount", NARRATIVE, location, None, f"{true}万元", f"{wrong}万元", anchor)
    return None


def prose_score(t: Target) -> Defect | None:
    text = t.paragraph("score")
    if text is None or not t.claims.take(("narr", "score")):
        return None
    true = Decimal(t.draft.department.total_score)
    low = {"优": Decimal(90), "良": Decimal(80), "中": Decimal(60), "差": Decimal(0)}[grade(true)]
    high = {"优": Decimal(100), "良": Decimal("89.99"), "中": Decimal("79.99"), "差": Decimal("59.99")}[grade(true)]
    shift = Decimal(t.rng.randint(50, 300)) / 100
    wrong = true + shift if true + shift <= high else true - shift
    if wrong < low:
        wrong = low if true - low > Decimal("0.3") else high
    anchor = t.rewrite("score", text.replace(f"综合得分{score_text(true)}分", f"综合得分{score_text(wrong)}分"))
    return Defect("narrative", "prose-score", NARRATIVE, "六、部门整体支出绩效情况 · 综合得分",
                  None, f"{score_text(true)}分", f"{score_text(wrong)}分", anchor)  # fmt: skip


def prose_indicator(t: Target) -> Defect | None:
    text = t.paragraph("results")
    if text is None or not t.prose.results or not t.claims.take(("narr", "results")):
        return None
    line = t.draft.department.indicators[t.rng.choice(t.prose.results)]
    parsed = _parse(line.actual)
    if parsed is None:
        return None
    _, value, unit = parsed
    if unit == "%":
        shift = Decimal(t.rng.randint(20, 60)) / 10
        changed = value - shift if value + shift > 100 else value + shift
        wrong = f"{_quantize_like(changed, line.actual)}{unit}"
    else:
        wrong = f"{value + t.rng.randint(1, 3)}{unit}"
    anchor = t.rewrite("results", text.replace(f"{line.name}{line.actual}", f"{line.name}{wrong}", 1))
    return Defect("narrative", "prose-indicator", NARRATIVE, f"六、部门整体支出绩效情况 · 主要绩效指标 · {line.name}",
                  None, line.actual, wrong, anchor)  # fmt: skip


def sum_parts(t: Target) -> Defect | None:
    text = t.paragraph("basic")
    if text is None or not t.claims.take(("narr", "basic")):
        return None
    personnel = t.facts.basic - t.facts.public_funds[2]
    wrong = personnel + t.rng.randint(500, 5000)  # the parts now exceed the stated total
    anchor = t.rewrite("basic", text.replace(f"人员经费{amount(personnel)}万元", f"人员经费{amount(wrong)}万元"))
    return Defect("narrative", "sum-parts", NARRATIVE, "二、（一）基本支出情况 · 基本支出＝人员经费＋公用经费",
                  None, f"{amount(personnel)}万元", f"{amount(wrong)}万元", anchor)  # fmt: skip


def project_missing_prose(t: Target) -> Defect | None:
    index: int | None = t.plan.prose.omit_project  # type: ignore[attr-defined]
    text = t.paragraph("project-list")
    if index is None or text is None or not t.claims.take(("narr", "project", index)):
        return None
    name = t.draft.projects[index].name
    return Defect("narrative", "project-missing-prose", NARRATIVE, "二、（二）项目支出情况 · 项目名单",
                  None, name, None, TEXT_ANCHOR + text)  # fmt: skip


# --- dates ----------------------------------------------------------------------------------------


def stray_year(t: Target) -> Defect | None:
    planned: tuple[int, int] | None = t.plan.prose.stray_year  # type: ignore[attr-defined]
    if planned is None:
        return None
    index, wrong = planned
    text = t.paragraph(f"project-{index}")
    if text is None or not t.claims.take(("narr", "project", index)):
        return None
    location = f"二、（二）项目支出情况 · {t.draft.projects[index].name} · 实施时间"
    return Defect(
        "dates", "stray-year", NARRATIVE, location, None, f"{t.draft.year}年", f"{wrong}年", TEXT_ANCHOR + text
    )


def past_plan(t: Target) -> Defect | None:
    """A project's paragraph that still states a plan for the year evaluated ("计划2023年…完成"), last
    year's text left in place."""
    for d, _ in t.projects():
        index = d - 2
        text = t.paragraph(f"project-{index}")
        if text is None or not t.claims.take(("narr", "project", index)):
            continue
        name = t.draft.projects[index].name
        plan = f"计划{t.draft.year}年{t.rng.choice(('上半年', '年底前', '6月底前', '三季度'))}全面完成项目建设。"
        anchor = t.rewrite(f"project-{index}", text + plan)
        location = f"二、（二）项目支出情况 · {name} · 计划"
        return Defect("dates", "past-plan", NARRATIVE, location, None, "完成情况", f"计划{t.draft.year}年", anchor)
    return None


def table_year(t: Target) -> Defect | None:
    for d, table in t.projects():
        if not t.claims.take(("title", d)):
            continue
        wrong = t.draft.year - 1
        table.title = table.title.replace(f"{t.draft.year}年度", f"{wrong}年度")
        return Defect("dates", "table-year", table.attachment, _where(table, "标题"),
                      None, f"{t.draft.year}年度", f"{wrong}年度", f"{d}.title")  # fmt: skip
    return None


# --- copies ---------------------------------------------------------------------------------------


def goal_other_project(t: Target) -> Defect | None:
    projects = t.projects()
    for d, table in projects:
        others = [o for e, o in projects if e != d]
        if not others or not table.goals or not t.claims.take(("goal", d)):
            continue
        other = t.rng.choice(others)
        expected, actual = table.goals[0]
        rest = expected.split("\n", 1)[1] if "\n" in expected else ""
        first = f"1．按计划完成{other.name}各项工作任务；"
        table.goals[0] = (first + ("\n" + rest if rest else ""), actual)
        return Defect("copies", "goal-other-project", table.attachment, _where(table, "年度总体目标", "预期目标"),
                      None, table.name, other.name, f"{d}.goal.0.expected")  # fmt: skip
    return None


def indicator_reuse(t: Target) -> Defect | None:
    """A later project's indicator block copied from an earlier, unrelated project (names, targets, actuals)."""
    projects = sorted(t.projects(), key=lambda p: p[0])
    for later in range(len(projects) - 1, 0, -1):
        d, table = projects[later]
        e, source = projects[t.rng.randrange(later)]
        keys = [("ind", d, j) for j in range(len(table.indicators))]
        keys += [("ind", e, j) for j in range(len(source.indicators))]
        if not t.claims.take(("total", d), ("label", d), ("label", e), *keys):
            continue
        before = Decimal(table.total_score) - ind_sum(table)
        table.indicators = [replace(line) for line in source.indicators]
        table.labels = dict(source.labels)
        table.total_score = score_text(before + ind_sum(table))
        return Defect("copies", "indicator-reuse", table.attachment, _where(table, "绩效指标"),
                      None, f"{table.name}的个性化指标", f"与{source.attachment}「{source.name}」的指标完全相同",
                      f"{d}.ind.0")  # fmt: skip
    return None


def ind_sum(table: EvalTable) -> Decimal:
    return sum((Decimal(line.score) for line in table.indicators), Decimal(0))


# --- completeness ---------------------------------------------------------------------------------


def missing_preparer(t: Target) -> Defect | None:
    candidates: list[tuple[int, EvalTable | None]] = [(0, None), *t.tables()]
    t.rng.shuffle(candidates)
    for d, table in candidates:
        if not t.claims.take(("signoff", d)):
            continue
        signoff = t.draft.basic.signoff if table is None else table.signoff
        old, signoff[0] = signoff[0], ""
        name = "附件1" if table is None else table.attachment
        return Defect("completeness", "missing-preparer", name, f"{name} · 填表人", None, old, "", f"{d}.signoff")
    return None


def project_without_table(t: Target) -> Defect | None:
    removed: int | None = t.plan.removed  # type: ignore[attr-defined]
    if removed is None or removed != len(t.draft.projects) - 1:
        return None
    table = t.draft.projects.pop()
    index = next(i for i, r in enumerate(t.draft.basic.rows) if r.category == "project" and r.label == table.name)
    return Defect("completeness", "project-without-table", "附件1", f"附件1 · 项目支出 · {table.name}",
                  None, f"{table.attachment} 项目支出绩效自评表", None, f"0.exp.{index}.label")  # fmt: skip


def empty_goal(t: Target) -> Defect | None:
    for d, table in t.projects():
        if not table.goals or not t.claims.take(("goal", d)):
            continue
        table.goals = [("", "")]
        return Defect("completeness", "empty-goal", table.attachment, _where(table, "年度总体目标"),
                      None, "预期目标及实际完成情况", "", f"{d}.goal.0.expected")  # fmt: skip
    return None


INJECTORS: dict[str, Callable[[Target], Defect | None]] = {
    "funds-source-sum": funds_source_sum,
    "three-public-sum": three_public_sum,
    "income-sum": income_sum,
    "rate-cell": rate_cell,
    "score-mismatch": score_mismatch,
    "score-above-weight": score_above_weight,
    "label-weight": label_weight,
    "weights-not-100": weights_not_100,
    "total-not-sum": total_not_sum,
    "wrong-grade": wrong_grade,
    "missed-full-marks": missed_full_marks,
    "no-deviation-reason": no_deviation_reason,
    "words-only-actual": words_only_actual,
    "over-achieved": over_achieved,
    "actual-as-bound": actual_as_bound,
    "low-execution": low_execution,
    "yuan-for-wanyuan": yuan_for_wanyuan,
    "magnitude": magnitude,
    "impossible-percentage": impossible_percentage,
    "prose-amount": prose_amount,
    "prose-score": prose_score,
    "sum-parts": sum_parts,
    "prose-indicator": prose_indicator,
    "project-missing-prose": project_missing_prose,
    "stray-year": stray_year,
    "past-plan": past_plan,
    "table-year": table_year,
    "goal-other-project": goal_other_project,
    "indicator-reuse": indicator_reuse,
    "missing-preparer": missing_preparer,
    "project-without-table": project_without_table,
    "empty-goal": empty_goal,
}
