"""The activities a legacy report's narrative tells of, proposed for a person to confirm.

Called after the report is imported (``logframe import-report``, ``logframe demo``). Each
proposed activity keeps its sentence as its source; importing the same report again
proposes nothing new (an activity of the same quarter, days and source is already there,
whatever became of it).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from logframe.activities import models as a
from logframe.activities.selectors import gazetteer
from logframe.domain.records import ProjectRecord
from logframe.domain.register.extract import proposed_activities
from logframe.domain.register.kinds import ActivityStatus
from logframe.portfolio import models as m


@transaction.atomic
def activities_propose(
    *, project: m.Project, record: ProjectRecord, actor: Any, reason: str
) -> list[a.Activity]:
    """Store the narrative's activities as proposed ones; the new ones are returned."""
    periods = {p.code: p for p in m.ReportingPeriod.objects.filter(project=project)}
    outputs = {r.code: r for r in m.Result.objects.filter(project=project)}
    places = {p.code: p for p in a.Place.objects.all()}
    known = set(
        a.Activity.objects.filter(period__project=project).values_list(
            "period_id", "start", "end", "source"
        )
    )
    made: list[a.Activity] = []
    for proposal in proposed_activities(project=record, gazetteer=gazetteer()):
        period = periods.get(proposal.period)
        if period is None or (period.pk, proposal.start, proposal.end, proposal.source) in known:
            continue
        place = places.get(proposal.place_code)
        row = a.Activity(
            period=period,
            output=outputs.get(proposal.output),
            type=proposal.type.value,
            title=proposal.title,
            start=proposal.start,
            end=proposal.end,
            place=place,
            place_text="" if place else proposal.place_text,
            male=proposal.male,
            female=proposal.female,
            total=proposal.total,
            notes=proposal.notes,
            status=ActivityStatus.PROPOSED.value,
            source=proposal.source,
            version=1,
        )
        row._history_user = actor  # type: ignore[attr-defined]
        row._change_reason = reason  # type: ignore[attr-defined]
        row.save()
        made.append(row)
    return made
