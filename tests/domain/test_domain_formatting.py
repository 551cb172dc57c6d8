"""How figures are written in messages and reports."""

from decimal import Decimal as D

import pytest

from logframe.domain.formatting import format_amount, format_count, format_percent


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D("12824814.81"), "12,824,814.81"),
        (D("13947279"), "13,947,279.00"),
        (D("0.005"), "0.01"),
        (D("-0.004"), "0.00"),
        (D("999.995"), "1,000.00"),
    ],
)
def test_format_amount(value: D, expected: str) -> None:
    assert format_amount(value) == expected


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (D("51.584"), 1, "51.6 %"),
        (D("62.5"), 0, "63 %"),
        (D("41.935"), 0, "42 %"),
        (D(100), 0, "100 %"),
        (D("-0.2"), 0, "0 %"),
        (None, 0, "n/a"),
    ],
)
def test_format_percent(value: D | None, places: int, expected: str) -> None:
    assert format_percent(value, places) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D(1459), "1,459"),
        (D("1459.0"), "1,459"),
        (D("96.5"), "96.5"),
        (D("96.50"), "96.5"),
        (D("1E+3"), "1,000"),
        (D("12824814.81"), "12,824,814.81"),
        (None, "n/a"),
    ],
)
def test_format_count(value: D | None, expected: str) -> None:
    assert format_count(value) == expected
