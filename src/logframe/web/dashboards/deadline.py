"""How a quarter's report stands against its due date, as the dashboards word it. Pure.

The due date and the wording of an unsent report ("due in 12 days", "late by 3 days")
are ``notify.deadlines``' (the one rule, also used by the reminders); this adds only the
dashboards' wording for sent reports ("submitted 2 days late").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from logframe.domain.periods import Quarter
from logframe.domain.records import PeriodState
from logframe.notify.deadlines import Standing, days_text, report_due, standing_on

_SENT = frozenset({PeriodState.SUBMITTED.value, PeriodState.APPROVED.value})


@dataclass(frozen=True)
class Deadline:
    due: date
    text: str  # "due in 12 days", "due today", "late by 3 days", "submitted 2 days late"
    late: bool  # still not submitted after the due date, or submitted after it
    days_left: int | None  # days until due for an unsent report (negative when late)


def report_deadline(
    *, quarter: Quarter, due_days: int, state: str, today: date, submitted_on: date | None
) -> Deadline:
    """The report is due ``due_days`` after the quarter's last day.

    Open or returned: "due in N days", "due today", or "late by N days" counted from
    ``today``. Submitted or approved: "submitted on time" or "submitted N days late" from
    the submission date; "submitted" alone when that date is unknown (an imported quarter).
    """
    due = report_due(quarter=quarter, due_days=due_days)
    if state in _SENT:
        if submitted_on is None:
            return Deadline(due=due, text=_("submitted"), late=False, days_left=None)
        late_by = (submitted_on - due).days
        if late_by > 0:
            text = _("submitted %(days)s late") % {"days": days_text(late_by)}
        else:
            text = _("submitted on time")
        return Deadline(due=due, text=text, late=late_by > 0, days_left=None)
    standing = standing_on(state=PeriodState.OPEN.value, due=due, today=today)
    left = (due - today).days
    return Deadline(
        due=due, text=standing.label, late=standing.standing is Standing.LATE, days_left=left
    )
