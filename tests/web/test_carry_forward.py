"""Copying last year's package: every kind of table keeps its structure and targets, results are cleared."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.model import BasicData, GoalsTable, ScoringSheet
from jixiao.readers import read_package
from jixiao.web.packages.making import carry_forward

pytestmark = pytest.mark.seeds


def test_the_basic_data_table_moves_this_years_final_into_last_years_column(seed003: Path) -> None:
    previous = read_package(str(seed003))
    old = next(d for d in previous.documents if isinstance(d, BasicData))
    new = next(d for d in carry_forward(previous, 2024).documents if isinstance(d, BasicData))
    assert old.column_labels == ("2022年决算数", "2023年预算数", "2023年决算数")
    assert new.column_labels == ("2023年决算数", "2024年预算数", "2024年决算数")
    assert new.year == 2024 and len(new.expenses) == len(old.expenses)
    for before, after in zip(old.expenses, new.expenses, strict=True):
        assert after.label == before.label and after.category == before.category
        assert (after.previous_final.text, after.previous_final.value) == (before.final.text, before.final.value)
        assert after.previous_final.source == before.previous_final.source  # the cell it now stands in
        assert not after.budget.text and not after.final.text
        assert after.final.source == before.final.source
    assert new.staffing.authorized == old.staffing.authorized
    assert not new.staffing.actual.text and not new.staffing.control_rate.text
    assert new.buildings == () and not new.savings_measures.text


def test_shenzhen_tables_keep_items_weights_and_targets(seed002: Path) -> None:
    previous = read_package(str(seed002))
    assert previous.year == 2020
    copied = carry_forward(previous, 2021)
    old_sheet = next(d for d in previous.documents if isinstance(d, ScoringSheet))
    new_sheet = next(d for d in copied.documents if isinstance(d, ScoringSheet))
    assert [(i.name, i.weight, i.criteria) for i in new_sheet.items] == [
        (i.name, i.weight, i.criteria) for i in old_sheet.items
    ]
    assert len(new_sheet.items) == 21 and all(not i.score.text for i in new_sheet.items)
    assert not new_sheet.claimed_total.text and not new_sheet.claimed_grade.text
    old_goals = next(d for d in previous.documents if isinstance(d, GoalsTable))
    new_goals = next(d for d in copied.documents if isinstance(d, GoalsTable))
    assert [t.name for t in new_goals.tasks] == [t.name for t in old_goals.tasks]
    assert all(not (t.budget.text or t.executed.text) for t in new_goals.tasks)
    assert [i.target for i in new_goals.indicators.indicators] == [i.target for i in old_goals.indicators.indicators]
    assert all(not i.actual.text for i in new_goals.indicators.indicators)
    assert [g.expected for g in new_goals.goals] == [g.expected for g in old_goals.goals]
    assert new_goals.year == new_sheet.year == 2021
