"""Rounding half-up, ratios, and comparing a reported figure at its own precision."""

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from logframe.domain.percentages import agrees, decimals_of, ratio_percent, round_half_up


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (D("62.5"), 0, D(63)),
        (D("68.42"), 0, D(68)),
        (D("41.935"), 1, D("41.9")),
        (D("41.935"), 0, D(42)),
        (D("51.584"), 1, D("51.6")),
        (D("49.5"), 0, D(50)),
        (D("-0.5"), 0, D(-1)),
        (D("0.125"), 2, D("0.13")),
    ],
)
def test_round_half_up(value: D, places: int, expected: D) -> None:
    assert round_half_up(value=value, places=places) == expected


@pytest.mark.parametrize(
    ("part", "whole", "expected"),
    [
        (D(13), D(19), D(1300) / D(19)),
        (D(5), D(8), D("62.5")),
        (D(498), D(340), D(49800) / D(340)),
        (D(1), D(0), None),
        (D(1), D(-3), None),
    ],
)
def test_ratio_percent_is_unrounded(part: D, whole: D, expected: D | None) -> None:
    assert ratio_percent(part=part, whole=whole) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("51.6"), 1),
        (D("41"), 0),
        (D("41.000"), 0),
        (D("100"), 0),
        (D("1E+2"), 0),
        (D("0.05"), 2),
        (D("49.50"), 1),
    ],
)
def test_decimals_of(value: D, expected: int) -> None:
    assert decimals_of(value) == expected


def test_decimals_of_refuses_non_numbers() -> None:
    with pytest.raises(ValueError, match="finite"):
        decimals_of(D("NaN"))


@pytest.mark.parametrize(
    ("computed", "reported", "expected"),
    [
        pytest.param(D("41.935"), D(41), False, id="41.94-is-not-41"),
        pytest.param(D("41.935"), D(42), True, id="41.94-is-42"),
        pytest.param(D("41.935"), D("41.9"), True, id="41.94-is-41.9"),
        pytest.param(D("51.584"), D("51.6"), True, id="total-committed"),
        pytest.param(D("62.5"), D(63), True, id="half-rounds-up"),
        pytest.param(D(1000) / D(3), D(33), False, id="wrong-scale"),
        pytest.param(D(100) / D(3), D(33), True, id="one-third"),
        pytest.param(D(100), D(101), False, id="seed-101"),
        pytest.param(None, None, True, id="nothing-either-side"),
        pytest.param(D(10), None, True, id="nothing-claimed"),
        pytest.param(None, D(97), False, id="claimed-but-not-computable"),
    ],
)
def test_agrees(computed: D | None, reported: D | None, expected: bool) -> None:
    assert agrees(computed=computed, reported=reported) is expected


finite = st.decimals(min_value=-1000, max_value=1000, allow_nan=False, places=6)


@settings(database=None)
@given(value=finite, places=st.integers(min_value=0, max_value=4))
def test_a_figure_rounded_half_up_always_agrees(value: D, places: int) -> None:
    reported = round_half_up(value=value, places=places)
    assert agrees(computed=value, reported=reported)


@settings(database=None)
@given(value=finite, places=st.integers(min_value=0, max_value=4))
def test_rounding_moves_a_figure_by_at_most_half_a_unit(value: D, places: int) -> None:
    rounded = round_half_up(value=value, places=places)
    assert abs(rounded - value) <= D(1).scaleb(-places) / 2
