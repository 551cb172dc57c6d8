"""Financial status figures, delay and duration, pinned by the seed report."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from logframe.domain.finance import (
    FinanceFigures,
    FinanceLine,
    delay_months,
    duration_months,
    elapsed_percent,
    finance_figures,
)
from logframe.domain.percentages import agrees, round_half_up

SEED_LINES = (
    FinanceLine("UNDP", D("13947279"), D("5848841.07"), D("5594796.22")),
    FinanceLine("UNOPS", D("10914712"), D("6975973.74"), D("6716550.71")),
)


def seed_figures() -> dict[str, FinanceFigures]:
    per_agency, total = finance_figures(lines=SEED_LINES)
    return {figures.agency: figures for figures in (*per_agency, total)}


def test_totals_are_sums() -> None:
    total = seed_figures()["total"]
    assert total.approved == D("24861991")
    assert total.committed == D("12824814.81")
    assert total.disbursed == D("12311346.93")


@pytest.mark.parametrize(
    ("agency", "kind", "shown", "reported", "agreement"),
    [
        pytest.param("UNDP", "committed", D("41.9"), D("41"), False, id="UNDP-committed-41"),
        pytest.param("UNDP", "disbursed", D("40.1"), D("40"), True, id="UNDP-disbursed-40"),
        pytest.param("UNOPS", "committed", D("63.9"), D("64"), True, id="UNOPS-committed-64"),
        pytest.param("UNOPS", "disbursed", D("61.5"), D("62"), True, id="UNOPS-disbursed-62"),
        pytest.param("total", "committed", D("51.6"), D("51.6"), True, id="total-committed"),
        pytest.param("total", "disbursed", D("49.5"), D("49.5"), True, id="total-disbursed"),
    ],
)
def test_finance_percent_reproduces_the_seed(
    agency: str, kind: str, shown: D, reported: D, agreement: bool
) -> None:
    figures = seed_figures()[agency]
    computed = figures.committed_pct if kind == "committed" else figures.disbursed_pct
    assert computed is not None
    assert round_half_up(value=computed, places=1) == shown  # finance_decimals = 1
    assert agrees(computed=computed, reported=reported) is agreement


def test_agencies_keep_their_order_and_lines_of_one_agency_add_up() -> None:
    lines = (
        FinanceLine("UNOPS", D(100), D(10), None),
        FinanceLine("UNDP", D(200), None, None),
        FinanceLine("UNOPS", D(100), D(30), D(5)),
    )
    per_agency, total = finance_figures(lines=lines)
    assert [figures.agency for figures in per_agency] == ["UNOPS", "UNDP"]
    assert per_agency[0] == FinanceFigures("UNOPS", D(200), D(40), D(5), D(20), D("2.5"))
    assert per_agency[1] == FinanceFigures("UNDP", D(200), None, None, None, None)
    assert total == FinanceFigures("total", D(400), D(40), D(5), D(10), D("1.25"))


def test_no_lines_give_an_empty_total() -> None:
    assert finance_figures(lines=()) == ((), FinanceFigures("total", D(0), None, None, None, None))


PLANNED_END = date(2013, 10, 17)


@pytest.mark.parametrize(
    ("forecast", "expected"),
    [
        (date(2013, 10, 17), 0),
        (date(2013, 9, 30), 0),
        (date(2013, 10, 18), 1),
        (date(2013, 11, 17), 1),
        (date(2013, 11, 18), 2),
        (date(2014, 1, 17), 3),
        (date(2014, 1, 18), 4),
        (None, None),
    ],
)
def test_delay_months(forecast: date | None, expected: int | None) -> None:
    assert delay_months(planned_end=PLANNED_END, forecast_end=forecast) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (date(2010, 10, 18), date(2013, 10, 17), 36),
        (date(2010, 10, 18), date(2013, 10, 18), 37),
        (date(2010, 10, 18), date(2013, 10, 16), 36),
        (date(2013, 1, 1), date(2013, 3, 31), 3),
        (date(2013, 1, 31), date(2013, 2, 27), 1),
        (date(2013, 1, 1), date(2013, 1, 1), 1),
    ],
)
def test_duration_months(start: date, end: date, expected: int) -> None:
    assert duration_months(start=start, end=end) == expected


def test_duration_refuses_an_end_before_the_start() -> None:
    with pytest.raises(ValueError, match="before the start"):
        duration_months(start=date(2013, 1, 2), end=date(2013, 1, 1))


START, END = date(2010, 10, 18), date(2013, 10, 17)


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2010, 10, 17), D(0)),
        (date(2013, 10, 17), D(100)),
        (date(2014, 1, 1), D(100)),
        (date(2012, 4, 17), D(50)),  # day 548 of 1,096
        (date(2013, 3, 31), D(100) * 896 / 1096),  # end of 2013 Q1: 81.8 %
    ],
)
def test_elapsed_percent(on: date, expected: D) -> None:
    assert elapsed_percent(start=START, end=END, on=on) == expected


@settings(database=None)
@given(
    planned=st.dates(min_value=date(2000, 1, 1), max_value=date(2050, 12, 31)),
    later=st.integers(min_value=0, max_value=2000),
)
def test_a_later_forecast_never_has_a_shorter_delay(planned: date, later: int) -> None:
    forecast = planned + timedelta(days=later)
    delay = delay_months(planned_end=planned, forecast_end=forecast)
    one_more = delay_months(planned_end=planned, forecast_end=forecast + timedelta(days=1))
    assert delay is not None
    assert one_more is not None
    assert 0 <= delay <= one_more <= delay + 1
    assert (delay == 0) is (later == 0)
