"""Quarters: parsing, bounds, neighbours and the seed's label."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from logframe.domain.periods import Quarter, add_months, quarter_of

Q1_2013 = Quarter(year=2013, number=1)


@pytest.mark.parametrize("text", ["2013Q1", "2013-Q1", "2013 q1", " 2013q1 ", "2013 - Q 1"])
def test_parse_is_tolerant(text: str) -> None:
    assert Quarter.parse(text) == Q1_2013


@pytest.mark.parametrize("text", ["2013Q5", "2013Q0", "13Q1", "2013", "Q1 2013", "", "2013Q1x"])
def test_parse_refuses_what_is_not_a_quarter(text: str) -> None:
    with pytest.raises(ValueError, match="not a quarter"):
        Quarter.parse(text)


def test_a_quarter_number_outside_1_to_4_is_refused() -> None:
    with pytest.raises(ValueError, match="1 to 4"):
        Quarter(year=2013, number=5)


def test_the_seeds_quarter() -> None:
    assert Q1_2013.start == date(2013, 1, 1)
    assert Q1_2013.end == date(2013, 3, 31)
    assert Q1_2013.code == str(Q1_2013) == "2013Q1"
    assert Q1_2013.label() == "01 January \u2013 31 March 2013 - 1st Quarter 2013"


@pytest.mark.parametrize(
    ("number", "label"),
    [
        (2, "01 April \u2013 30 June 2013 - 2nd Quarter 2013"),
        (3, "01 July \u2013 30 September 2013 - 3rd Quarter 2013"),
        (4, "01 October \u2013 31 December 2013 - 4th Quarter 2013"),
    ],
)
def test_label(number: int, label: str) -> None:
    assert Quarter(year=2013, number=number).label() == label


def test_neighbours_cross_the_year() -> None:
    assert Quarter(year=2013, number=4).next() == Quarter(year=2014, number=1)
    assert Quarter(year=2014, number=1).previous() == Quarter(year=2013, number=4)
    assert Q1_2013.next() == Quarter(year=2013, number=2)


def test_quarters_sort_by_time() -> None:
    assert Quarter(year=2012, number=4) < Q1_2013 < Quarter(year=2013, number=2)


@pytest.mark.parametrize(
    ("day", "code"),
    [(date(2013, 1, 1), "2013Q1"), (date(2013, 3, 31), "2013Q1"), (date(2013, 4, 1), "2013Q2"),
     (date(2013, 10, 17), "2013Q4"), (date(2012, 2, 29), "2012Q1")],
)  # fmt: skip
def test_quarter_of(day: date, code: str) -> None:
    assert quarter_of(day).code == code


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2010, 10, 18), 36, date(2013, 10, 18)),
        (date(2013, 1, 31), 1, date(2013, 2, 28)),
        (date(2012, 1, 31), 1, date(2012, 2, 29)),
        (date(2013, 10, 17), 3, date(2014, 1, 17)),
        (date(2014, 1, 17), -3, date(2013, 10, 17)),
    ],
)
def test_add_months(day: date, months: int, expected: date) -> None:
    assert add_months(day=day, months=months) == expected


quarters = st.builds(
    Quarter, year=st.integers(min_value=1900, max_value=2100), number=st.integers(1, 4)
)


@settings(database=None)
@given(quarter=quarters)
def test_a_quarter_round_trips_and_tiles_the_calendar(quarter: Quarter) -> None:
    assert Quarter.parse(quarter.code) == quarter
    assert quarter_of(quarter.start) == quarter_of(quarter.end) == quarter
    assert quarter.next().previous() == quarter
    assert quarter.next().start == date.fromordinal(quarter.end.toordinal() + 1)
