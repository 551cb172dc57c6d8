"""Rule ``dates``: the project's dates in order, its duration, and each agency's delay."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import pairwise

from logframe.domain.checks import rules
from logframe.domain.checks.provenance import Sources
from logframe.domain.finance import delay_months, duration_months
from logframe.domain.findings import Finding, Severity, Words, _, ngettext
from logframe.domain.records import FinanceRecord, PeriodRecord, ProjectRecord

DATES = "dates"  # where: the header's dates and duration
HEADER = "header"  # where the header's cells were kept


def months(n: int) -> Words:
    """A number of months in words: "1 month", "3 months"."""
    return ngettext("%(count)s month", "%(count)s months", n, count=n)


def _finding(
    *,
    where: str,
    words: Words,
    severity: Severity = Severity.ERROR,
    computed: int | None = None,
    reported: int | None = None,
    source: str = "",
) -> Finding:
    return Finding.said(
        words,
        rule=rules.DATES,
        severity=severity,
        where=where,
        computed=None if computed is None else Decimal(computed),
        reported=None if reported is None else Decimal(reported),
        source=source,
    )


def date_order(
    *,
    approval: date | None,
    start: date | None,
    planned_end: date | None,
    revised_end: date | None = None,
    source: str = "",
) -> tuple[Finding, ...]:
    """Approval ≤ start ≤ planned end (and start ≤ revised end): each breach is an ERROR.

    A missing date is skipped, and the next pair compared instead (approval ≤ planned end
    when there is no start).
    """
    named = [
        (_("approval date"), approval),
        (_("start date"), start),
        (_("planned end date"), planned_end),
    ]
    present = [(name, day) for name, day in named if day is not None]
    pairs = list(pairwise(present))
    if start is not None and revised_end is not None:
        pairs.append(((_("start date"), start), (_("revised end date"), revised_end)))
    return tuple(
        _finding(
            where=DATES,
            words=_(
                "The %(first)s %(a)s is after the %(second)s %(b)s.",
                first=first,
                a=a,
                second=second,
                b=b,
            ),
            source=source,
        )
        for (first, a), (second, b) in pairs
        if a > b
    )


def duration(
    *, start: date | None, planned_end: date | None, reported: int | None, source: str = ""
) -> Finding | None:
    """The reported duration in months must be ``duration_months`` of start and planned end.

    ERROR when it differs; WARNING when a duration is reported but a date is missing.
    """
    if reported is None:
        return None
    if start is None or planned_end is None:
        return _finding(
            where=DATES,
            words=_(
                "A duration of %(months)s is reported, but a date to compute it is missing.",
                months=months(reported),
            ),
            severity=Severity.WARNING,
            reported=reported,
            source=source,
        )
    if planned_end < start:
        return None  # date_order says so; no duration can be computed
    computed = duration_months(start=start, end=planned_end)
    if computed == reported:
        return None
    words = _(
        "A duration of %(months)s is reported, but %(start)s to %(end)s is %(computed)s.",
        months=months(reported),
        start=start,
        end=planned_end,
        computed=months(computed),
    )
    return _finding(where=DATES, words=words, computed=computed, reported=reported, source=source)


def delay(
    *, where: str, planned_end: date | None, record: FinanceRecord, source: str = ""
) -> Finding | None:
    """An agency's reported delay must be ``delay_months`` of planned end and forecast date.

    ERROR when it differs ("A delay of 0 months is reported, but the forecast final date
    17 January 2014 is 3 months after the planned end 17 October 2013."); WARNING when a
    delay is reported but the planned end or the forecast is missing.
    """
    reported = record.reported_delay_months
    forecast = record.forecast_final_date
    if reported is None:
        return None
    said = _("A delay of %(months)s is reported", months=months(reported))
    if planned_end is None or forecast is None:
        missing = _("planned end date") if planned_end is None else _("forecast final date")
        return _finding(
            where=where,
            words=_(
                "%(said)s, but there is no %(missing)s to compute it from.",
                said=said,
                missing=missing,
            ),
            severity=Severity.WARNING,
            reported=reported,
            source=source,
        )
    computed = delay_months(planned_end=planned_end, forecast_end=forecast)
    if computed == reported:
        return None
    assert computed is not None
    words = _(
        "%(said)s, but the forecast final date %(forecast)s is %(months)s after the planned"
        " end %(end)s.",
        said=said,
        forecast=forecast,
        months=months(computed),
        end=planned_end,
    )
    if computed == 0:
        words = _(
            "%(said)s, but the forecast final date %(forecast)s is not after the planned"
            " end %(end)s.",
            said=said,
            forecast=forecast,
            end=planned_end,
        )
    return _finding(where=where, words=words, computed=computed, reported=reported, source=source)


def check_dates(
    *, project: ProjectRecord, period: PeriodRecord, sources: Sources
) -> tuple[Finding, ...]:
    """The header's dates and duration ("dates"), then each agency's delay (its code)."""
    found: list[Finding | None] = [
        *date_order(
            approval=project.approval_date,
            start=project.start_date,
            planned_end=project.planned_end_date,
            revised_end=project.revised_end_date,
            source=sources.location(HEADER, "start_date"),
        ),
        duration(
            start=project.start_date,
            planned_end=project.planned_end_date,
            reported=project.reported_duration_months,
            source=sources.location(HEADER, "duration"),
        ),
    ]
    found.extend(
        delay(
            where=record.organisation,
            planned_end=project.planned_end_date,
            record=record,
            source=sources.location(record.organisation, "delay"),
        )
        for record in period.finance
    )
    return tuple(f for f in found if f is not None)
