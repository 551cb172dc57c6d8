"""When a quarter's report is due, and where it stands against that date.

Each fund sets ``report_due_days``: a quarter's report is due that many days after the
quarter's last day (2013Q1 with 30 days: due 30 April 2013). The rules are pure
functions of the quarter, the state and today's date; :func:`due_date` and
:func:`deadline_status` read them off a ``ReportingPeriod`` whose project and fund are
loaded (``select_related("project__fund")``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from logframe.domain.periods import Quarter
from logframe.domain.records import PeriodState

if TYPE_CHECKING:
    from logframe.portfolio.models import ReportingPeriod


class Standing(StrEnum):
    """Where a quarter stands against its deadline."""

    DUE = "due"  # open or returned, due in N days
    DUE_TODAY = "due_today"
    LATE = "late"  # open or returned after the due date
    SUBMITTED = "submitted"  # waiting for review
    APPROVED = "approved"


@dataclass(frozen=True)
class DeadlineStatus:
    standing: Standing
    due: date
    days: int  # days until due (DUE), days late (LATE), 0 otherwise
    returned: bool = False  # open again after a reviewer returned it

    @property
    def label(self) -> str:
        """ "due in 5 days", "due today", "late by 3 days", "submitted, waiting for review",
        "approved"; "returned, …" before the first three for a returned quarter."""
        text = {
            Standing.DUE: _("due in %(days)s") % {"days": _days(self.days)},
            Standing.DUE_TODAY: _("due today"),
            Standing.LATE: _("late by %(days)s") % {"days": _days(self.days)},
            Standing.SUBMITTED: _("submitted, waiting for review"),
            Standing.APPROVED: _("approved"),
        }[self.standing]
        return _("returned, %(standing)s") % {"standing": text} if self.returned else text

    @property
    def is_late(self) -> bool:
        return self.standing is Standing.LATE

    @property
    def awaits_report(self) -> bool:
        """Still to be filled in and submitted (open or returned)."""
        return self.standing in (Standing.DUE, Standing.DUE_TODAY, Standing.LATE)

    def __str__(self) -> str:
        return self.label


def report_due(*, quarter: Quarter, due_days: int) -> date:
    """The quarter's last day plus ``due_days``."""
    return quarter.end + timedelta(days=due_days)


def standing_on(*, state: str, due: date, today: date) -> DeadlineStatus:
    """Submitted and approved quarters are judged by their state; the others by the date."""
    if state == PeriodState.APPROVED:
        return DeadlineStatus(Standing.APPROVED, due, 0)
    if state == PeriodState.SUBMITTED:
        return DeadlineStatus(Standing.SUBMITTED, due, 0)
    returned = state == PeriodState.RETURNED
    left = (due - today).days
    if left > 0:
        return DeadlineStatus(Standing.DUE, due, left, returned)
    if left == 0:
        return DeadlineStatus(Standing.DUE_TODAY, due, 0, returned)
    return DeadlineStatus(Standing.LATE, due, -left, returned)


def reminder_window_opens(*, due: date, reminder_days: int) -> date:
    """The first day focal points with empty lines are reminded: ``reminder_days`` before."""
    return due - timedelta(days=reminder_days)


def due_date(*, period: ReportingPeriod) -> date:
    return report_due(quarter=period.as_quarter(), due_days=period.project.fund.report_due_days)


def deadline_status(*, period: ReportingPeriod, today: date) -> DeadlineStatus:
    return standing_on(state=period.state, due=due_date(period=period), today=today)


def days_text(n: int) -> str:
    """ "1 day", "12 days", "4,960 days": the one wording of a number of days."""
    return ngettext("%(count)s day", "%(count)s days", n) % {"count": f"{n:,}"}


_days = days_text
