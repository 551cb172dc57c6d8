"""The dashboards' pure rules: status bands and due dates (no database)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from logframe.domain.measures import Status
from logframe.domain.periods import Quarter
from logframe.web.dashboards.bands import Band, band_counts, indicator_band
from logframe.web.dashboards.deadline import report_deadline

D = Decimal
ELAPSED = D("81.75")


@pytest.mark.parametrize(
    ("percent", "status", "elapsed", "band"),
    [
        (D(100), None, ELAPSED, Band.ACHIEVED),
        (D(250), None, ELAPSED, Band.ACHIEVED),
        (D("99.99"), None, ELAPSED, Band.ON_TRACK),
        (D("81.75"), None, ELAPSED, Band.ON_TRACK),  # exactly the time elapsed
        (D("81.74"), None, ELAPSED, Band.BEHIND),
        (D("0.1"), Status.INITIATED, ELAPSED, Band.BEHIND),
        (D(0), None, ELAPSED, Band.NOT_STARTED),
        (None, Status.NOT_YET_INITIATED, ELAPSED, Band.NOT_STARTED),
        (D(5), Status.NOT_YET_INITIATED, ELAPSED, Band.BEHIND),  # an estimate counts
        (None, None, ELAPSED, Band.NO_PERCENT),  # tbd, not scored, or nothing reported
        (None, Status.INITIATED, ELAPSED, Band.NO_PERCENT),  # initiated without an estimate
        (D(10), None, None, Band.ON_TRACK),  # no project dates: any progress is on track
    ],
)
def test_indicator_band(percent, status, elapsed, band):
    assert indicator_band(percent=percent, status=status, elapsed=elapsed) is band


def test_band_counts_list_every_band_in_order_with_its_rule():
    counts = band_counts(bands=[Band.BEHIND, Band.BEHIND, Band.ACHIEVED], elapsed_text="81.8 %")
    assert [(c.band, c.count) for c in counts] == [
        (Band.ACHIEVED, 1),
        (Band.ON_TRACK, 0),
        (Band.BEHIND, 2),
        (Band.NOT_STARTED, 0),
        (Band.NO_PERCENT, 0),
    ]
    assert "81.8 %" in counts[1].rule
    assert "81.8 %" in counts[2].rule


Q1 = Quarter(year=2013, number=1)  # ends 31 March 2013; due 30 April with 30 days


@pytest.mark.parametrize(
    ("state", "today", "submitted_on", "text", "late"),
    [
        ("open", date(2013, 4, 1), None, "due in 29 days", False),
        ("open", date(2013, 4, 29), None, "due in 1 day", False),
        ("open", date(2013, 4, 30), None, "due today", False),
        ("open", date(2013, 5, 1), None, "late by 1 day", True),
        ("returned", date(2014, 4, 30), None, "late by 365 days", True),
        ("open", date(2025, 4, 30), None, "late by 4,383 days", True),
        ("submitted", date(2014, 1, 1), date(2013, 4, 30), "submitted on time", False),
        ("approved", date(2014, 1, 1), date(2013, 5, 3), "submitted 3 days late", True),
        ("approved", date(2014, 1, 1), None, "submitted", False),
    ],
)
def test_report_deadline(state, today, submitted_on, text, late):
    deadline = report_deadline(
        quarter=Q1, due_days=30, state=state, today=today, submitted_on=submitted_on
    )
    assert deadline.due == date(2013, 4, 30)
    assert (deadline.text, deadline.late) == (text, late)
