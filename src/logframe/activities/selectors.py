"""Reads of the register: each selector owns its joins, so a page costs a fixed few queries."""

from __future__ import annotations

from django.db.models import QuerySet

from logframe.activities import models as a
from logframe.domain.checks.register import Register
from logframe.domain.register.figures import Rule, RuleKind, RuleScope
from logframe.domain.register.kinds import ActivityStatus, ActivityType, RegisteredActivity
from logframe.portfolio import models as m


def period_activities(*, period: m.ReportingPeriod) -> QuerySet[a.Activity]:
    return (
        a.Activity.objects.filter(period=period)
        .select_related("output", "place", "period")
        .prefetch_related("attachments")
    )


def project_activities(*, project: m.Project) -> QuerySet[a.Activity]:
    return a.Activity.objects.filter(period__project=project).select_related(
        "output", "place", "period"
    )


def project_rules(*, project: m.Project) -> QuerySet[a.IndicatorRule]:
    return a.IndicatorRule.objects.filter(indicator__result__project=project).select_related(
        "indicator", "indicator__result", "group"
    )


def as_registered(activity: a.Activity) -> RegisteredActivity:
    return RegisteredActivity(
        key=activity.key,
        type=ActivityType(activity.type),
        title=activity.title,
        start=activity.start,
        end=activity.end,
        status=ActivityStatus(activity.status),
        output=activity.output.code if activity.output else "",
        period=activity.period.code,
        place=activity.place_name,
        male=activity.male,
        female=activity.female,
        total=activity.total,
        by_institution=tuple((str(n), int(c)) for n, c in activity.by_institution or ()),
        respondents=activity.respondents,
        satisfied=activity.satisfied,
    )


def as_rule(rule: a.IndicatorRule) -> Rule:
    types = rule.group.types if rule.group else rule.types
    return Rule(
        kind=RuleKind(rule.kind),
        output=rule.indicator.result.code,
        types=frozenset(ActivityType(t) for t in types or ()),
        scope=RuleScope(rule.scope),
    )


def register_of(*, project: m.Project) -> Register:
    """The project's whole register and its rules, as the domain's checks and figures take it."""
    return Register(
        activities=tuple(as_registered(x) for x in project_activities(project=project)),
        rules={r.indicator.code: as_rule(r) for r in project_rules(project=project)},
    )


def places() -> QuerySet[a.Place]:
    return a.Place.objects.all()


def place_by_name(text: str) -> a.Place | None:
    """A place by its code, name or one of its other names (case ignored)."""
    wanted = text.strip().casefold()
    if not wanted:
        return None
    for place in a.Place.objects.all():
        names = [place.code, place.name, *place.aliases.split(";")]
        if wanted in {n.strip().casefold() for n in names if n.strip()}:
            return place
    return None


def gazetteer() -> dict[str, str]:
    """Every stored place's names → its code, for reading narratives."""
    from logframe.domain.register.places import default_gazetteer

    names = default_gazetteer()
    for place in a.Place.objects.all():
        for name in [place.name, *place.aliases.split(";")]:
            if name.strip():
                names[name.strip().lower()] = place.code
    return names
