"""When a quarter's report is due and where it stands: pure rules, then read off a period."""

from __future__ import annotations

from datetime import date

import pytest

from logframe.domain.periods import Quarter
from logframe.notify.deadlines import (
    DeadlineStatus,
    Standing,
    deadline_status,
    due_date,
    reminder_window_opens,
    report_due,
    standing_on,
)


@pytest.mark.parametrize(
    ("quarter", "due_days", "due"),
    [
        ("2013Q1", 30, date(2013, 4, 30)),
        ("2013Q2", 30, date(2013, 7, 30)),
        ("2013Q4", 30, date(2014, 1, 30)),  # into the next year
        ("2012Q1", 0, date(2012, 3, 31)),  # due the quarter's last day
        ("2024Q1", 60, date(2024, 5, 30)),
    ],
)
def test_the_report_is_due_days_after_the_quarter_ends(quarter, due_days, due):
    assert report_due(quarter=Quarter.parse(quarter), due_days=due_days) == due


DUE = date(2013, 4, 30)


@pytest.mark.parametrize(
    ("state", "today", "standing", "days", "label"),
    [
        ("open", date(2013, 4, 1), Standing.DUE, 29, "due in 29 days"),
        ("open", date(2013, 4, 29), Standing.DUE, 1, "due in 1 day"),
        ("open", date(2013, 4, 30), Standing.DUE_TODAY, 0, "due today"),
        ("open", date(2013, 5, 1), Standing.LATE, 1, "late by 1 day"),
        ("open", date(2016, 4, 30), Standing.LATE, 1096, "late by 1,096 days"),
        ("returned", date(2013, 4, 25), Standing.DUE, 5, "returned, due in 5 days"),
        ("returned", date(2013, 5, 3), Standing.LATE, 3, "returned, late by 3 days"),
        ("submitted", date(2013, 5, 3), Standing.SUBMITTED, 0, "submitted, waiting for review"),
        ("submitted", date(2013, 4, 1), Standing.SUBMITTED, 0, "submitted, waiting for review"),
        ("approved", date(2013, 6, 1), Standing.APPROVED, 0, "approved"),
    ],
)
def test_the_standing_on_a_day(state, today, standing, days, label):
    status = standing_on(state=state, due=DUE, today=today)
    assert (status.standing, status.days, status.label, str(status)) == (
        standing, days, label, label,
    )  # fmt: skip
    assert status.due == DUE
    assert status.is_late == (standing is Standing.LATE)
    assert status.awaits_report == (state in ("open", "returned"))


def test_reminders_start_reminder_days_before_the_deadline():
    assert reminder_window_opens(due=DUE, reminder_days=7) == date(2013, 4, 23)
    assert reminder_window_opens(due=DUE, reminder_days=0) == DUE


@pytest.mark.django_db
def test_read_off_a_period_with_its_funds_settings(loaded_project):
    fund = loaded_project.fund
    fund.report_due_days = 45
    fund.save()
    period = loaded_project.periods.select_related("project__fund").get()
    assert due_date(period=period) == date(2013, 5, 15)
    assert deadline_status(period=period, today=date(2013, 5, 10)) == DeadlineStatus(
        Standing.DUE, date(2013, 5, 15), 5
    )
