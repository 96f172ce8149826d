"""The injectors, one per kind of defect: each edits the draft and says what it did (or returns None)."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from jixiao.synth.build import Facts
from jixiao.synth.draft import Draft, EvalTable, ExpLine, IndLine
from jixiao.synth.key import Defect
from jixiao.synth.layout import TEXT_ANCHOR
from jixiao.synth.money import money, r2, score_text
from jixiao.synth.names import DEVIATION_REASONS
from jixiao.synth.prose import Prose

NARRATIVE = "自评报告"
_NUMBER = re.compile(r"^([≥≤]?)(\d+(?:\.\d+)?)(.*)$")
_FUNDS_COLUMNS = {"initial": ("initial_budget", "年初预算数"), "adjusted": ("adjusted_budget", "全年预算数"),
                  "executed": ("executed", "全年执行数")}  # fmt: skip


@dataclass(slots=True)
class Claims:
    taken: set[tuple[object, ...]] = field(default_factory=set)

    def take(self, *keys: tuple[object, ...]) -> bool:
        if any(k in self.taken for k in keys):
            return False
        self.taken.update(keys)
        return True


@dataclass(slots=True)
class Target:
    rng: random.Random
    plan: object  # defects.Plan (kept loose to avoid an import cycle)
    draft: Draft
    facts: Facts
    prose: Prose
    claims: Claims

    def projects(self) -> list[tuple[int, EvalTable]]:
        eligible: list[int] = self.plan.eligible  # type: ignore[attr-defined]
        found = [(2 + i, self.draft.projects[i]) for i in eligible]
        self.rng.shuffle(found)
        return found

    def tables(self) -> list[tuple[int, EvalTable]]:
        return [*self.projects(), (1, self.draft.department)]

    def paragraph(self, role: str) -> str | None:
        index = self.prose.roles.get(role)
        return None if index is None else self.draft.narrative[index]

    def rewrite(self, role: str, text: str) -> str:
        self.draft.narrative[self.prose.roles[role]] = text
        return TEXT_ANCHOR + text

    def basic_row(self, category: str) -> tuple[int, ExpLine]:
        return next((i, r) for i, r in enumerate(self.draft.basic.rows) if r.category == category)


def _cents(text: str) -> int:
    return int(Decimal(text or "0") * 100)


def _parse(text: str) -> tuple[str, Decimal, str] | None:
    match = _NUMBER.match(text)
    return (match.group(1), Decimal(match.group(2)), match.group(3)) if match else None


def _quantize_like(value: Decimal, like: str) -> Decimal:
    return value.quantize(Decimal("0.1") if "." in like else Decimal(1))


def _shift_total(table: EvalTable, delta: Decimal) -> None:
    table.total_score = score_text(Decimal(table.total_score) + delta)


def _pick(t: Target, tables: list[tuple[int, EvalTable]], test: Callable[[IndLine], bool], total: bool = True):  # type: ignore[no-untyped-def]
    """A (doc, table, index, line) whose indicator passes the test, claimed with its table's total."""
    for d, table in tables:
        options = [j for j, line in enumerate(table.indicators) if test(line)]
        t.rng.shuffle(options)
        for j in options:
            keys = [("ind", d, j), ("total", d)] if total else [("ind", d, j)]
            if t.claims.take(*keys):
                return d, table, j, table.indicators[j]
    return None


def _missable(line: IndLine) -> bool:
    parsed = _parse(line.target)
    return line.kind in ("ge", "rate") and line.met and parsed is not None and parsed[1] >= 4


def _miss(t: Target, line: IndLine) -> Decimal:
    """Turn a met "≥" row into a missed one (actual 80–95% of the target); returns the rule's score."""
    _, target, unit = _parse(line.target)  # type: ignore[misc]
    actual = _quantize_like(target * Decimal(t.rng.randint(80, 95)) / 100, line.target)
    line.actual = f"{actual}{unit}"
    line.met = False
    return r2(Decimal(line.weight) * actual / target)


def _where(table: EvalTable, *parts: str) -> str:
    return " · ".join((table.attachment, *parts))


# --- arithmetic ---------------------------------------------------------------------------------


def funds_source_sum(t: Target) -> Defect | None:
    """A source row changed in one column: the total row no longer equals its three source rows there."""
    for d, table in t.projects():
        if not t.claims.take(("funds", d)):
            continue
        column = t.rng.choice(list(_FUNDS_COLUMNS))
        row = table.funds[1]
        old = _cents(getattr(row, column))
        delta = t.rng.randint(100, 2000) * t.rng.choice((1, -1))
        setattr(row, column, money(old + delta if old + delta > 0 else old + abs(delta)))
        parts = sum(_cents(getattr(line, column)) for line in table.funds[1:])
        field_name, label = _FUNDS_COLUMNS[column]
        total = getattr(table.total, column)
        return Defect("arithmetic", "funds-source-sum", table.attachment,
                      _where(table, "项目资金", "年度资金总额", label, f"{row.label}改为{getattr(row, column)}"),
                      None, money(parts), total, f"{d}.funds.total.{field_name}")  # fmt: skip
    return None


def three_public_sum(t: Target) -> Defect | None:
    """公务接待 changed in the budget column: 三公经费 ≠ 车 + 出国 + 接待 there."""
    if not t.claims.take(("three",)):
        return None
    _, row = t.basic_row("reception")
    row.budget = money(_cents(row.budget) + t.rng.randint(50, 500))
    parts = sum(_cents(t.basic_row(c)[1].budget) for c in ("car", "abroad", "reception"))
    index, total = t.basic_row("three_public")
    return Defect("arithmetic", "three-public-sum", "附件1",
                  f"附件1 · 经费控制情况 · 三公经费 · 本年预算数（3、公务接待改为{row.budget}）",
                  None, money(parts), total.budget, f"0.exp.{index}.budget")  # fmt: skip


def income_sum(t: Target) -> Defect | None:
    if not t.claims.take(("income",)):
        return None
    label, old = t.draft.department.income[0]
    new = _cents(old) + t.rng.choice((1, -1)) * t.rng.randint(100, 5000)
    t.draft.department.income[0] = (label, money(new))
    return Defect(
        "arithmetic", "income-sum", "附件2", f"附件2 · 按收入性质分 · {label}", None, old, money(new), "1.income.0"
    )


def rate_cell(t: Target) -> Defect | None:
    for d, table in t.projects():
        if not t.claims.take(("funds", d)):
            continue
        total = table.total
        true = Decimal(total.rate.rstrip("%"))
        shift = Decimal(t.rng.randint(50, 500)) / 100
        wrong = true - shift if true + shift > 100 else true + shift * t.rng.choice((1, -1))
        old, total.rate = total.rate, f"{r2(wrong)}%"
        return Defect("arithmetic", "rate-cell", table.attachment, _where(table, "年度资金总额", "执行率"),
                      None, old, total.rate, f"{d}.funds.total.execution_rate")  # fmt: skip
    return None


# --- scoring --------------------------------------------------------------------------------------


def score_mismatch(t: Target) -> Defect | None:
    picked = _pick(t, t.projects(), _missable)
    if picked is None:
        return None
    d, table, j, line = picked
    correct = _miss(t, line)
    line.reason = t.rng.choice(DEVIATION_REASONS)
    offset = Decimal(t.rng.randint(80, 200)) / 100
    claimed = correct + offset if correct + offset < Decimal(line.weight) else max(Decimal(0), correct - offset)
    _shift_total(table, claimed - Decimal(line.score))
    line.score = score_text(claimed)
    return Defect("scoring", "score-mismatch", table.attachment, _where(table, "绩效指标", line.name, "得分"),
                  None, score_text(correct), line.score, f"{d}.ind.{j}.score")  # fmt: skip


def score_above_weight(t: Target) -> Defect | None:
    picked = _pick(t, t.projects(), lambda x: x.met and x.kind in ("ge", "rate", "le"))
    if picked is None:
        return None
    d, table, j, line = picked
    extra = Decimal(t.rng.randint(1, 5))
    _shift_total(table, extra)
    line.score = score_text(Decimal(line.weight) + extra)
    return Defect("scoring", "score-above-weight", table.attachment, _where(table, "绩效指标", line.name, "得分"),
                  None, line.weight, line.score, f"{d}.ind.{j}.score")  # fmt: skip


def label_weight(t: Target) -> Defect | None:
    for d, table in t.projects():
        if not t.claims.take(("label", d)):
            continue
        order = list(dict.fromkeys(line.level1 for line in table.indicators))
        g = t.rng.randrange(len(order))
        level1 = order[g]
        true = sum(int(line.weight) for line in table.indicators if line.level1 == level1)
        wrong = true + 5 if true <= 5 or t.rng.random() < 0.5 else true - 5
        table.labels[level1] = f"{level1}（{wrong}分）"
        return Defect("scoring", "label-weight", table.attachment, _where(table, "绩效指标", level1),
                      None, str(true), str(wrong), f"{d}.group.{g}")  # fmt: skip
    return None


def weights_not_100(t: Target) -> Defect | None:
    def test(line: IndLine) -> bool:
        return line.met and int(line.weight) >= 10 and line.kind in ("ge", "rate", "le", "time")

    for d, table in t.projects():
        if not t.claims.take(("label", d)):
            continue
        picked = _pick(t, [(d, table)], test)
        if picked is None:
            continue
        line = picked[3]
        line.weight = line.score = str(int(line.weight) - 5)
        weight = int(table.labels[line.level1].split("（")[1].rstrip("分）")) - 5
        table.labels[line.level1] = f"{line.level1}（{weight}分）"
        _shift_total(table, Decimal(-5))
        return Defect("scoring", "weights-not-100", table.attachment, _where(table, "总分", "分值"),
                      None, "100", "95", f"{d}.total.weight")  # fmt: skip
    return None


def total_not_sum(t: Target) -> Defect | None:
    for d, table in t.projects():
        if not t.claims.take(("total", d)):
            continue
        old = Decimal(table.total_score)
        shift = Decimal(t.rng.randint(100, 500)) / 100
        new = old - shift if old + shift > 100 else old + shift * t.rng.choice((1, -1))
        table.total_score = score_text(new)
        return Defect("scoring", "total-not-sum", table.attachment, _where(table, "总分", "得分"),
                      None, score_text(old), table.total_score, f"{d}.total.score")  # fmt: skip
    return None


def wrong_grade(t: Target) -> Defect | None:
    text = t.paragraph("score")
    if text is None or not t.claims.take(("narr", "score")):
        return None
    true = t.facts.grade
    wrong = {"优": "良", "良": "优", "中": "良", "差": "中"}[true]
    anchor = t.rewrite("score", text.replace(f"评价等级为{true}", f"评价等级为{wrong}"))
    return Defect("scoring", "wrong-grade", NARRATIVE, "六、部门整体支出绩效情况 · 评价等级", None, true, wrong, anchor)


# --- logic ----------------------------------------------------------------------------------------


def missed_full_marks(t: Target) -> Defect | None:
    picked = _pick(t, t.tables(), lambda x: _missable(x) and x.kind == "ge")
    if picked is None:
        return None
    d, table, j, line = picked
    correct = _miss(t, line)
    return Defect("logic", "missed-full-marks", table.attachment, _where(table, "绩效指标", line.name, "得分"),
                  None, score_text(correct), line.score, f"{d}.ind.{j}.score")  # fmt: skip


def no_deviation_reason(t: Target) -> Defect | None:
    picked = _pick(t, t.projects(), lambda x: (not x.met and bool(x.reason)) or _missable(x))
    if picked is None:
        return None
    d, table, j, line = picked
    if line.met:
        correct = _miss(t, line)
        _shift_total(table, correct - Decimal(line.score))
        line.score = score_text(correct)
    line.reason = ""
    return Defect("logic", "no-deviation-reason", table.attachment,
                  _where(table, "绩效指标", line.name, "偏差原因分析及改进措施"), None, "偏差原因及改进措施", "",
                  f"{d}.ind.{j}.deviation_reason")  # fmt: skip


def words_only_actual(t: Target) -> Defect | None:
    picked = _pick(t, t.tables(), lambda x: x.met and x.kind == "ge", total=False)
    if picked is None:
        return None
    d, table, j, line = picked
    old, line.actual = line.actual, t.rng.choice(("已完成", "完成", "全部完成"))
    return Defect("logic", "words-only-actual", table.attachment, _where(table, "绩效指标", line.name, "实际完成值"),
                  None, old, line.actual, f"{d}.ind.{j}.actual")  # fmt: skip


def actual_as_bound(t: Target) -> Defect | None:
    """A met "≥" row whose actual only repeats the target's bound ("≥98%"), not the value reached."""
    picked = _pick(
        t, t.tables(), lambda x: x.met and x.kind in ("ge", "rate") and x.target.startswith("≥"), total=False
    )
    if picked is None:
        return None
    d, table, j, line = picked
    old, line.actual = line.actual, line.target
    return Defect("logic", "actual-as-bound", table.attachment, _where(table, "绩效指标", line.name, "实际完成值"),
                  None, old, line.actual, f"{d}.ind.{j}.actual")  # fmt: skip


def over_achieved(t: Target) -> Defect | None:
    picked = _pick(t, t.tables(), lambda x: x.met and x.kind == "ge", total=False)
    if picked is None:
        return None
    d, table, j, line = picked
    _, target, unit = _parse(line.target)  # type: ignore[misc]
    actual = _quantize_like(target * Decimal(t.rng.randint(160, 260)) / 100, line.target)
    old, line.actual = line.actual, f"{actual}{unit}"
    return Defect("logic", "over-achieved", table.attachment, _where(table, "绩效指标", line.name, "实际完成值"),
                  None, old, line.actual, f"{d}.ind.{j}.actual")  # fmt: skip


def low_execution(t: Target) -> Defect | None:
    index: int | None = t.plan.low_execution  # type: ignore[attr-defined]
    if index is None or not t.claims.take(("funds", 2 + index)):
        return None
    table = t.draft.projects[index]
    return Defect("logic", "low-execution", table.attachment, _where(table, "年度资金总额", "执行率"),
                  None, "≥90%（或说明原因）", table.total.rate, f"{2 + index}.funds.total.execution_rate")  # fmt: skip


# --- units ----------------------------------------------------------------------------------------


def yuan_for_wanyuan(t: Target) -> Defect | None:
    if not t.claims.take(("three",)):
        return None
    index, row = t.basic_row("three_public")
    old, row.budget = row.budget, f"{row.budget}元"
    return Defect("units", "yuan-for-wanyuan", "附件1", "附件1 · 经费控制情况 · 三公经费 · 本年预算数",
                  None, f"{old}万元", row.budget, f"0.exp.{index}.budget")  # fmt: skip


def magnitude(t: Target) -> Defect | None:
    if not t.claims.take(("office",)):
        return None
    index, row = t.basic_row("office")
    old, row.final = row.final, str(_cents(row.final) * 100)
    return Defect("units", "magnitude", "附件1", "附件1 · 经费控制情况 · 其中：办公经费 · 本年决算数",
                  None, old, row.final, f"0.exp.{index}.final")  # fmt: skip


def impossible_percentage(t: Target) -> Defect | None:
    picked = _pick(t, t.tables(), lambda x: x.met and x.level2 == "服务对象满意度指标", total=False)
    if picked is None:
        return None
    d, table, j, line = picked
    old, line.actual = line.actual, f"{t.rng.randint(101, 112)}%"
    where = _where(table, "绩效指标", line.name, "实际完成值")
    return Defect(
        "units", "impossible-percentage", table.attachment, where, None, old, line.actual, f"{d}.ind.{j}.actual"
    )
