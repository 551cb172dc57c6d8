"""Rule ``dates``: the project's dates in order, its duration, and each agency's delay."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import pairwise

from logframe.domain.checks import rules
from logframe.domain.checks.provenance import Sources
from logframe.domain.checks.wording import written
from logframe.domain.finance import delay_months, duration_months
from logframe.domain.findings import Finding, Severity
from logframe.domain.records import FinanceRecord, PeriodRecord, ProjectRecord

DATES = "dates"  # where: the header's dates and duration
HEADER = "header"  # where the header's cells were kept


def months(n: int) -> str:
    """A number of months in words: "1 month", "3 months"."""
    return f"{n} month" if n == 1 else f"{n} months"


def _finding(
    *,
    where: str,
    message: str,
    severity: Severity = Severity.ERROR,
    computed: int | None = None,
    reported: int | None = None,
    source: str = "",
) -> Finding:
    return Finding(
        rule=rules.DATES,
        severity=severity,
        where=where,
        message=message,
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
        ("approval date", approval),
        ("start date", start),
        ("planned end date", planned_end),
    ]
    present = [(name, day) for name, day in named if day is not None]
    pairs = list(pairwise(present))
    if start is not None and revised_end is not None:
        pairs.append((("start date", start), ("revised end date", revised_end)))
    return tuple(
        _finding(
            where=DATES,
            message=f"The {first} {written(a)} is after the {second} {written(b)}.",
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
        message = (
            f"A duration of {months(reported)} is reported, but a date to compute it is missing."
        )
        return _finding(
            where=DATES,
            message=message,
            severity=Severity.WARNING,
            reported=reported,
            source=source,
        )
    if planned_end < start:
        return None  # date_order says so; no duration can be computed
    computed = duration_months(start=start, end=planned_end)
    if computed == reported:
        return None
    message = (
        f"A duration of {months(reported)} is reported, but {written(start)} to"
        f" {written(planned_end)} is {months(computed)}."
    )
    return _finding(
        where=DATES, message=message, computed=computed, reported=reported, source=source
    )


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
    said = f"A delay of {months(reported)} is reported"
    if planned_end is None or forecast is None:
        missing = "planned end date" if planned_end is None else "forecast final date"
        return _finding(
            where=where,
            message=f"{said}, but there is no {missing} to compute it from.",
            severity=Severity.WARNING,
            reported=reported,
            source=source,
        )
    computed = delay_months(planned_end=planned_end, forecast_end=forecast)
    if computed == reported:
        return None
    assert computed is not None
    message = (
        f"{said}, but the forecast final date {written(forecast)} is {months(computed)}"
        f" after the planned end {written(planned_end)}."
    )
    if computed == 0:
        message = (
            f"{said}, but the forecast final date {written(forecast)} is not after the"
            f" planned end {written(planned_end)}."
        )
    return _finding(
        where=where, message=message, computed=computed, reported=reported, source=source
    )


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
