"""The edit form of the basic data table (附件1 基础数据表) ↔ the model.

Field names: ``staff-authorized|actual|control_rate``; ``exp-count`` and ``exp-<i>-label|category|
previous_final|budget|final`` for the 经费控制情况 rows; ``bld-count`` and ``bld-<i>-<field>`` for
楼堂馆所; ``savings_measures``; ``signoff-*``. Row operations: ``exp-add:i`` and so on.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import get_args

from django.utils.translation import gettext_lazy as _

from jixiao.model import BasicData, BuildingRow, Cell, ExpenseCategory, ExpenseRow, Staffing
from jixiao.web.packages.editing_cells import (
    move_rows,
    posted_cell,
    posted_figure,
    posted_rows,
    text_field,
)

EXPENSE_CATEGORIES: tuple[str, ...] = get_args(ExpenseCategory)
EXPENSE_FIELDS = ("previous_final", "budget", "final")
BUILDING_FIELDS = (
    ("approved_area", "平方米"),
    ("actual_area", "平方米"),
    ("area_control_rate", "%"),
    ("budget_investment", "万元"),
    ("actual_investment", "万元"),
    ("investment_control_rate", "%"),
)
CATEGORY_LABELS = (
    ("basic_total", _("部门基本支出")),
    ("three_public", _("三公经费")),
    ("car", _("公务用车购置和维护经费")),
    ("car_purchase", _("其中：公车购置")),
    ("car_running", _("公车运行维护")),
    ("abroad", _("出国经费")),
    ("reception", _("公务接待")),
    ("project_total", _("项目支出合计")),
    ("project_group", _("项目类别小计")),
    ("project", _("项目")),
    ("public_funds", _("公用经费")),
    ("office", _("其中：办公经费")),
    ("utilities_travel", _("水费、电费、差旅费")),
    ("meetings_training", _("会议费、培训费")),
    ("procurement", _("政府采购金额")),
    ("budget_adjustment", _("部门基本支出预算调整")),
    ("other", _("其他")),
)
PROJECT_CATEGORIES = ("project_total", "project_group", "project")


def _staffing(data: Mapping[str, str], old: Staffing) -> Staffing:
    new = replace(
        old,
        authorized=posted_figure(data, "staff-authorized", old.authorized, "人"),
        actual=posted_figure(data, "staff-actual", old.actual, "人"),
        control_rate=posted_figure(data, "staff-control_rate", old.control_rate, "%"),
    )
    return old if new == old else new


def _expense(data: Mapping[str, str], index: int, old: ExpenseRow | None) -> ExpenseRow:
    base = old or ExpenseRow(label=Cell(""), category="other")
    key = f"exp-{index}-"
    category = text_field(data, key + "category", base.category)
    new = replace(
        base,
        label=posted_cell(data, key + "label", base.label),
        category=category if category in EXPENSE_CATEGORIES else base.category,  # type: ignore[arg-type]
        previous_final=posted_figure(data, key + "previous_final", base.previous_final, "万元"),
        budget=posted_figure(data, key + "budget", base.budget, "万元"),
        final=posted_figure(data, key + "final", base.final, "万元"),
    )
    return base if old is not None and new == base else new


def _building(data: Mapping[str, str], index: int, old: BuildingRow | None) -> BuildingRow:
    base = old or BuildingRow()
    changes = {
        name: posted_figure(data, f"bld-{index}-{name}", getattr(base, name), unit) for name, unit in BUILDING_FIELDS
    }
    new = replace(base, **changes)
    return base if old is not None and new == base else new


def apply_basic(document: BasicData, data: Mapping[str, str]) -> BasicData:
    new = replace(
        document,
        staffing=_staffing(data, document.staffing),
        expenses=posted_rows(data, "exp", document.expenses, lambda i, old: _expense(data, i, old)),
        buildings=posted_rows(data, "bld", document.buildings, lambda i, old: _building(data, i, old)),
        savings_measures=posted_cell(data, "savings_measures", document.savings_measures),
    )
    return document if new == document else new


def _blank_expense(near: ExpenseRow | None) -> ExpenseRow:
    """A new row next to a project row is a project; elsewhere 'other' until the user picks a category."""
    category = "project" if near is not None and near.category in PROJECT_CATEGORIES else "other"
    return ExpenseRow(label=Cell(""), category=category)  # type: ignore[arg-type]


def basic_row_operation(document: BasicData, block: str, verb: str, index: int) -> BasicData:
    if block == "exp":
        rows = move_rows(document.expenses, verb, index, _blank_expense)
        return document if rows is None else replace(document, expenses=rows)
    if block == "bld":
        buildings = move_rows(document.buildings, verb, index, lambda near: BuildingRow())
        return document if buildings is None else replace(document, buildings=buildings)
    return document
