"""One input cell read: a table of what a person may type and what it reads as. Pure."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pytest

from logframe.domain.measures import Status
from logframe.interchange.workbook.cells import CellProblem, canonical, is_formula, read_cell
from logframe.interchange.workbook.layout import Kind


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        (12, Kind.DECIMAL, Decimal(12)),
        (3.25, Kind.DECIMAL, Decimal("3.25")),
        (0.1, Kind.DECIMAL, Decimal("0.1")),
        (" 254 ", Kind.WHOLE, Decimal(254)),
        ("", Kind.WHOLE, None),
        ("   ", Kind.MONEY, None),
        (None, Kind.MONEY, None),
        (5848841.07, Kind.MONEY, Decimal("5848841.07")),
        (100, Kind.PERCENT, Decimal(100)),
        (7.0, Kind.WHOLE, Decimal(7)),
        ("partial", Kind.STATUS, Status.PARTIALLY),
        ("NOT  YET-INITIATED", Kind.STATUS, Status.NOT_YET_INITIATED),
        (datetime(2013, 10, 17), Kind.DATE, date(2013, 10, 17)),
        ("2013-10-17", Kind.DATE, date(2013, 10, 17)),
        ("  done ", Kind.TEXT, "done"),
        (None, Kind.TEXT, ""),
        (42, Kind.TEXT, "42"),
    ],
)
def test_what_a_cell_reads_as(value, kind, expected):
    assert read_cell(value, kind) == expected


@pytest.mark.parametrize(
    ("value", "kind", "message"),
    [
        ("twelve", Kind.DECIMAL, "'twelve' is text where a number belongs"),
        ("1,459", Kind.WHOLE, "'1,459' is text where a number belongs"),
        ("1e5", Kind.DECIMAL, "'1e5' is text where a number belongs"),
        (True, Kind.DECIMAL, "'True' is not a number"),
        (time(10, 30), Kind.DECIMAL, "'10:30:00' is not a number"),
        (datetime(2013, 1, 1), Kind.MONEY, "'2013-01-01' is not a number"),
        (float("nan"), Kind.DECIMAL, "'NaN' is not a number"),
        (-0.5, Kind.DECIMAL, "-0.5 is negative; a number here is 0 or more"),
        (2.5, Kind.WHOLE, "2.5 is not a whole number"),
        (100.5, Kind.PERCENT, "100.5 is more than 100"),
        (1.001, Kind.MONEY, "1.001 has more than 2 decimals"),
        (0.00001, Kind.DECIMAL, "0.00001 has more than 4 decimals"),
        (10**15, Kind.DECIMAL, "1000000000000000 is too large"),
        ("maybe", Kind.STATUS, "'maybe' is not a status"),
        (5, Kind.STATUS, "'5' is not a status"),
        ("17/10/2013", Kind.DATE, "'17/10/2013' is not a date"),
        (41564, Kind.DATE, "'41564' is not a date"),
    ],
)
def test_what_a_cell_is_refused_for(value, kind, message):
    with pytest.raises(CellProblem) as refused:
        read_cell(value, kind)
    assert str(refused.value).startswith(message)


@pytest.mark.parametrize(
    ("value", "data_type", "formula"),
    [("=1+1", "f", True), ("=A1", "s", True), ("1+1", "s", False), (5, "n", False)],
)
def test_formulas(value, data_type, formula):
    assert is_formula(value, data_type) is formula


@pytest.mark.parametrize(
    ("a", "b"),
    [(5, Decimal("5.000")), (13947279.0, Decimal(13947279)), (None, ""),
     (datetime(2013, 10, 17), date(2013, 10, 17)), ("a\r\nb", "a\nb")],
)  # fmt: skip
def test_canonical_text_ignores_how_a_value_is_stored(a, b):
    assert canonical(a) == canonical(b)
