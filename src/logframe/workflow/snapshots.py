"""Immutable snapshots of a quarter: the project file of the project with that one period."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from django.db.models import Max

from logframe.interchange.projectfile import project_document
from logframe.portfolio import models as m
from logframe.portfolio.selectors import project_record


def snapshot_take(
    *, period: m.ReportingPeriod, event: str, actor: Any, note: str = ""
) -> m.PeriodSnapshot:
    """Keep the project as it stands, with only this quarter, as a project-file document."""
    record = project_record(project=period.project)
    quarter = period.as_quarter()
    kept = replace(record, periods=tuple(p for p in record.periods if p.quarter == quarter))
    last = period.snapshots.aggregate(n=Max("number"))["n"] or 0
    return m.PeriodSnapshot.objects.create(
        period=period,
        number=last + 1,
        event=event,
        created_by=actor if getattr(actor, "pk", None) else None,
        note=note,
        document=project_document(kept),
    )
