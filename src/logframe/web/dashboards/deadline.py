"""How a quarter's report stands against its due date, as the dashboards word it. Pure.

The due date itself is ``notify.deadlines.report_due`` (the one rule); this adds the
dashboards' wording for sent reports ("submitted 2 days late").
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from logframe.domain.periods import Quarter
from logframe.domain.records import PeriodState
from logframe.notify.deadlines import report_due

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
            return Deadline(due=due, text="submitted", late=False, days_left=None)
        late_by = (submitted_on - due).days
        text = f"submitted {_days(late_by)} late" if late_by > 0 else "submitted on time"
        return Deadline(due=due, text=text, late=late_by > 0, days_left=None)
    left = (due - today).days
    if left > 0:
        text = f"due in {_days(left)}"
    elif left == 0:
        text = "due today"
    else:
        text = f"late by {_days(-left)}"
    return Deadline(due=due, text=text, late=left < 0, days_left=left)


def _days(n: int) -> str:
    return f"{n:,} day" if n == 1 else f"{n:,} days"
