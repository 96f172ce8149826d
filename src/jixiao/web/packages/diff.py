"""A readable, field-level diff between two versions of a package, with Chinese labels."""

from __future__ import annotations

from typing import Any

from jixiao.model import Cell, Figure, FundsRow, Goal, Indicator, Package

INDICATOR_FIELDS: tuple[tuple[str, str], ...] = (
    ("level1", "一级指标"),
    ("level2", "二级指标"),
    ("name", "三级指标"),
    ("target", "年度指标值"),
    ("actual", "实际完成值"),
    ("weight", "分值"),
    ("score", "得分"),
    ("deviation_reason", "偏差原因分析及改进措施"),
)
FUNDS_FIELDS: tuple[tuple[str, str], ...] = (
    ("initial_budget", "年初预算数"),
    ("adjusted_budget", "全年预算数"),
    ("executed", "全年执行数"),
    ("weight", "分值"),
    ("execution_rate", "执行率"),
    ("score", "得分"),
)
FUNDS_ROWS: tuple[tuple[str, str], ...] = (
    ("total", "年度资金总额"),
    ("current_appropriation", "当年财政拨款"),
    ("carryover", "上年结转资金"),
    ("other_funds", "其他资金"),
)
SIGNOFF_FIELDS: tuple[tuple[str, str], ...] = (
    ("preparer", "填表人"),
    ("date", "填报日期"),
    ("phone", "联系电话"),
    ("head", "单位负责人签字"),
)
STAFF_FIELDS: tuple[tuple[str, str], ...] = (
    ("authorized", "编制数"),
    ("actual", "实际在职人数"),
    ("control_rate", "控制率"),
)
BUILDING_FIELDS: tuple[tuple[str, str], ...] = (
    ("approved_area", "批复规模"),
    ("actual_area", "实际规模"),
    ("area_control_rate", "规模控制率"),
    ("budget_investment", "预算投资"),
    ("actual_investment", "实际投资"),
    ("investment_control_rate", "投资概算控制率"),
)
ITEM_FIELDS: tuple[tuple[str, str], ...] = (("name", "三级指标"), ("weight", "分值"), ("score", "分数"))
TASK_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "任务名称"),
    ("status", "完成情况"),
    ("budget", "预算数（全额）"),
    ("budget_fiscal", "预算数（其中：财政拨款）"),
    ("executed", "执行数（全额）"),
    ("executed_fiscal", "执行数（其中：财政拨款）"),
)
MAX_CHANGES = 500


def text_of(value: Any) -> str:
    if isinstance(value, Cell | Figure):
        return value.text
    if value is None:
        return ""
    return str(value)


def _change(where: str, field: str, before: Any, after: Any) -> dict[str, str]:
    return {"where": where, "field": field, "before": text_of(before), "after": text_of(after)}


def _indicator_key(indicator: Indicator) -> str:
    return f"{indicator.level1}/{indicator.level2}/{indicator.name.text}"


def _diff_indicators(where: str, old: tuple[Indicator, ...], new: tuple[Indicator, ...]) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    if [_indicator_key(i) for i in old] != [_indicator_key(i) for i in new] and len(old) != len(new):
        old_names = {_indicator_key(i) for i in old}
        new_names = {_indicator_key(i) for i in new}
        for indicator in new:
            if _indicator_key(indicator) not in old_names:
                out.append(_change(where, "新增指标", "", indicator.name.text))
        for indicator in old:
            if _indicator_key(indicator) not in new_names:
                out.append(_change(where, "删除指标", indicator.name.text, ""))
        return out
    for index, (a, b) in enumerate(zip(old, new, strict=False), start=1):
        if a == b:
            continue
        for attr, label in INDICATOR_FIELDS:
            before, after = getattr(a, attr), getattr(b, attr)
            if text_of(before) != text_of(after):
                name = b.name.text or a.name.text
                out.append(_change(f"{where} · 第{index}行「{name}」", label, before, after))
    return out


def _diff_funds(where: str, a: Any, b: Any) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for attr, row_label in FUNDS_ROWS:
        old: FundsRow | None = getattr(a, attr, None)
        new: FundsRow | None = getattr(b, attr, None)
        if old == new:
            continue
        for field, label in FUNDS_FIELDS:
            before = getattr(old, field) if old is not None else None
            after = getattr(new, field) if new is not None else None
            if text_of(before) != text_of(after):
                out.append(_change(f"{where} · {row_label}", label, before, after))
    return out


def _diff_goals(where: str, old: tuple[Goal, ...], new: tuple[Goal, ...]) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for index in range(max(len(old), len(new))):
        a = old[index] if index < len(old) else Goal()
        b = new[index] if index < len(new) else Goal()
        if a.expected.text != b.expected.text:
            out.append(_change(f"{where} · 年度总体目标{index + 1}", "预期目标", a.expected, b.expected))
        if a.actual.text != b.actual.text:
            out.append(_change(f"{where} · 年度总体目标{index + 1}", "实际完成情况", a.actual, b.actual))
    return out


def _diff_fields(where: str, a: Any, b: Any, fields: tuple[tuple[str, str], ...]) -> list[dict[str, str]]:
    if a == b:
        return []
    out: list[dict[str, str]] = []
    for attr, label in fields:
        before = getattr(a, attr) if a is not None else None
        after = getattr(b, attr) if b is not None else None
        if text_of(before) != text_of(after):
            out.append(_change(where, label, before, after))
    return out


def _diff_rows(
    where: str, old: tuple[Any, ...], new: tuple[Any, ...], fields: tuple[tuple[str, str], ...], name: Any
) -> list[dict[str, str]]:
    """Row by row; a row added or removed at the end shows as its fields going from or to blank."""
    out: list[dict[str, str]] = []
    for index in range(max(len(old), len(new))):
        a = old[index] if index < len(old) else None
        b = new[index] if index < len(new) else None
        label = name(b if b is not None else a)
        if a is None:
            out.append(_change(where, "新增行", "", label))
        elif b is None:
            out.append(_change(where, "删除行", label, ""))
        else:
            out.extend(_diff_fields(f"{where} · 第{index + 1}行「{label}」", a, b, fields))
    return out


def _diff_other_tables(where: str, a: Any, b: Any) -> list[dict[str, str]]:
    """Basic data, scoring sheets and goals tables; the sign-off of every table."""
    out: list[dict[str, str]] = []
    kind = b.kind
    if kind == "basic" and a.kind == "basic":
        out.extend(_diff_fields(f"{where} · 财政供养人员情况", a.staffing, b.staffing, STAFF_FIELDS))
        labels = tuple(zip(("previous_final", "budget", "final"), b.column_labels, strict=True))
        fields = (("label", "项目"), ("category", "类别"), *labels)
        out.extend(_diff_rows(f"{where} · 经费控制情况", a.expenses, b.expenses, fields, lambda r: r.label.text))
        out.extend(_diff_rows(f"{where} · 楼堂馆所", a.buildings, b.buildings, BUILDING_FIELDS, lambda r: ""))
        out.extend(_diff_fields(where, a, b, (("savings_measures", "厉行节约保障措施"),)))
    if kind == "scoring" and a.kind == "scoring":
        out.extend(_diff_rows(where, a.items, b.items, ITEM_FIELDS, lambda r: r.name.text))
        out.extend(_diff_fields(where, a, b, (("claimed_total", "综合评分"), ("claimed_grade", "评分等级"))))
    if kind == "goals" and a.kind == "goals":
        out.extend(_diff_fields(where, a, b, (("unit", "部门（单位）名称"),)))
        out.extend(_diff_rows(f"{where} · 年度主要任务", a.tasks, b.tasks, TASK_FIELDS, lambda r: r.name.text))
        out.extend(_diff_fields(f"{where} · 金额合计", a.task_total, b.task_total, TASK_FIELDS[2:]))
    if hasattr(a, "signoff") and hasattr(b, "signoff"):
        out.extend(_diff_fields(f"{where} · 签署", a.signoff, b.signoff, SIGNOFF_FIELDS))
    return out


def diff_packages(old: Package, new: Package) -> list[dict[str, str]]:
    """Changes as rows {where, field, before, after}; documents compared position by position."""
    out: list[dict[str, str]] = []
    for attr, label in (("unit", "单位"), ("year", "年度")):
        if getattr(old, attr) != getattr(new, attr):
            out.append(_change("报告包", label, getattr(old, attr), getattr(new, attr)))
    for a, b in zip(old.documents, new.documents, strict=False):
        if a == b:
            continue
        where = b.name
        if a.name != b.name:
            out.append(_change(where, "名称", a.name, b.name))
        if hasattr(a, "total") and hasattr(b, "total"):
            out.extend(_diff_funds(where, a, b))
        if hasattr(a, "goals") and hasattr(b, "goals"):
            out.extend(_diff_goals(where, a.goals, b.goals))
        if hasattr(a, "indicators") and hasattr(b, "indicators"):
            out.extend(_diff_indicators(where, a.indicators.indicators, b.indicators.indicators))
        if hasattr(a, "claimed_total") and hasattr(b, "claimed_total") and b.kind != "scoring":
            out.extend(_diff_fields(where, a, b, (("claimed_total", "自评总分"),)))
        out.extend(_diff_other_tables(where, a, b))
    for document in new.documents[len(old.documents) :]:
        out.append(_change(document.name, "新增表", "", document.name))
    for document in old.documents[len(new.documents) :]:
        out.append(_change(document.name, "删除表", document.name, ""))
    return out[:MAX_CHANGES]
