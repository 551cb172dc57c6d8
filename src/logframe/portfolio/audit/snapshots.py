"""Reading a quarter's snapshots: the list, and one or two by number."""

from __future__ import annotations

from logframe.portfolio import models as m
from logframe.portfolio.selectors import NotFound


def period_snapshots(*, period: m.ReportingPeriod) -> list[m.PeriodSnapshot]:
    """The quarter's snapshots, oldest first, with who made them: one query."""
    return list(
        m.PeriodSnapshot.objects.filter(period=period)
        .select_related("created_by")
        .order_by("number")
    )


def snapshots_by_number(
    *, period: m.ReportingPeriod, numbers: tuple[int, ...]
) -> dict[int, m.PeriodSnapshot]:
    """The snapshots with these numbers (one query); NotFound naming one that is missing."""
    found = {
        s.number: s
        for s in m.PeriodSnapshot.objects.filter(period=period, number__in=numbers).select_related(
            "created_by"
        )
    }
    for number in numbers:
        if number not in found:
            raise NotFound(f"{period.code} has no snapshot {number}")
    return found


def indicator_by_code(*, project: m.Project, code: str) -> m.Indicator:
    """The project's indicator with this code, or NotFound."""
    found = m.Indicator.objects.filter(result__project=project, code=code).first()
    if found is None:
        raise NotFound(f"project {project.number} has no indicator {code}")
    return found
