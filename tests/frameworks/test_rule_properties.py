"""Properties of the indicator arithmetic: scores stay within 0…weight and move the right way."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from jixiao.frameworks import indicator_rules as rules

amounts = st.decimals(min_value=0, max_value=100_000, places=2, allow_nan=False, allow_infinity=False)
weights = st.decimals(min_value=0, max_value=100, places=1, allow_nan=False, allow_infinity=False)


@given(amounts, amounts, weights)
def test_every_formula_stays_within_the_weight(target: Decimal, actual: Decimal, weight: Decimal) -> None:
    for score in (
        rules.ratio_capped(target, actual, weight),
        rules.inverse_linear(target, actual, weight),
        rules.inverse_ratio(target, actual, weight),
        rules.zero_target(actual, weight),
    ):
        assert 0 <= score <= weight


@given(amounts, amounts, amounts, weights)
def test_more_is_better_for_at_least_and_worse_for_at_most(
    target: Decimal, low: Decimal, high: Decimal, weight: Decimal
) -> None:
    low, high = min(low, high), max(low, high)
    assert rules.ratio_capped(target, low, weight) <= rules.ratio_capped(target, high, weight)
    assert rules.inverse_linear(target, low, weight) >= rules.inverse_linear(target, high, weight)
    assert rules.inverse_ratio(target, low, weight) >= rules.inverse_ratio(target, high, weight)


@given(amounts, weights)
def test_meeting_the_target_scores_full(target: Decimal, weight: Decimal) -> None:
    assert rules.ratio_capped(target, target, weight) == weight
    assert rules.inverse_linear(target, target, weight) == weight
    assert rules.inverse_ratio(target, target, weight) == weight
