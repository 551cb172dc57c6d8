"""Rules about the activity register of a quarter (``logframe.activities``).

- ``activity-duplicate``: the same activity registered twice — same kind, days and place
  under the same output (rejected entries aside);
- ``activity-participants``: participants that do not add up — male + female ≠ total, the
  institutions' participants ≠ total, more satisfied than respondents or more respondents
  than participants;
- ``activity-dates``: an activity registered in a quarter it did not take place in;
- ``activity-value-mismatch``: an indicator bound to a rule over the register whose value
  for the quarter is not what the register gives (an entered value that overrides it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from logframe.domain.checks import rules
from logframe.domain.findings import Finding, Severity, Words, _, listed
from logframe.domain.formatting import format_count
from logframe.domain.periods import Quarter
from logframe.domain.records import PeriodRecord
from logframe.domain.register.figures import Rule, compute
from logframe.domain.register.kinds import ActivityStatus, RegisteredActivity

REGISTER = "register"  # where: an activity without an output


@dataclass(frozen=True)
class Register:
    """The project's register as the checks see it: every activity of every quarter, and
    the rules indicators are bound to (indicator code → rule)."""

    activities: tuple[RegisteredActivity, ...] = ()
    rules: Mapping[str, Rule] = field(default_factory=dict)


def check_register(*, period: PeriodRecord, register: Register) -> tuple[Finding, ...]:
    quarter = period.quarter
    here = [a for a in register.activities if a.period == quarter.code]
    return (
        *duplicates(here),
        *(f for a in here for f in participants_add_up(a)),
        *(f for a in here for f in dates_in_period(a, quarter)),
        *values_agree(period=period, register=register),
    )


def _label(activity: RegisteredActivity) -> Words:
    return _('"%(title)s" (%(start)s)', title=activity.title, start=activity.start)


def duplicates(activities: list[RegisteredActivity]) -> tuple[Finding, ...]:
    """WARNING for each group of two or more live entries of one kind, days, place, output."""
    groups: dict[tuple[object, ...], list[RegisteredActivity]] = defaultdict(list)
    for a in activities:
        if a.status != ActivityStatus.REJECTED:
            groups[(a.type, a.start, a.end, a.place.casefold(), a.output)].append(a)
    return tuple(
        Finding.said(
            _(
                "The register holds %(activity)s %(n)s times (%(keys)s): the same kind, days "
                "and place.",
                activity=_label(same[0]),
                n=len(same),
                keys=listed([a.key for a in same]),
            ),
            rule=rules.ACTIVITY_DUPLICATE,
            severity=Severity.WARNING,
            where=same[0].output or REGISTER,
        )
        for same in groups.values()
        if len(same) > 1
    )


def participants_add_up(activity: RegisteredActivity) -> tuple[Finding, ...]:
    found: list[Words] = []
    a = activity
    split = a.male is not None and a.female is not None
    if a.total is not None and split and (a.male or 0) + (a.female or 0) != a.total:
        male, female = Decimal(a.male or 0), Decimal(a.female or 0)
        found.append(
            _(
                "%(male)s male + %(female)s female = %(sum)s, not %(total)s",
                male=format_count(male),
                female=format_count(female),
                sum=format_count(male + female),
                total=format_count(Decimal(a.total)),
            )
        )
    if a.by_institution and a.total is not None:
        institutions = sum(n for _, n in a.by_institution)
        if institutions != a.total:
            found.append(
                _(
                    "the institutions' participants add up to %(sum)s, not %(total)s",
                    sum=institutions,
                    total=a.total,
                )
            )
    if a.satisfied is not None and a.respondents is not None and a.satisfied > a.respondents:
        found.append(
            _(
                "%(satisfied)s satisfied of %(respondents)s respondents",
                satisfied=a.satisfied,
                respondents=a.respondents,
            )
        )
    if a.respondents is not None and a.participants and a.respondents > a.participants:
        found.append(
            _(
                "%(respondents)s respondents of %(participants)s participants",
                respondents=a.respondents,
                participants=a.participants,
            )
        )
    return tuple(
        Finding.said(
            _("%(activity)s %(key)s: %(problem)s.", activity=_label(a), key=a.key, problem=text),
            rule=rules.ACTIVITY_PARTICIPANTS,
            severity=Severity.WARNING,
            where=a.output or REGISTER,
        )
        for text in found
    )


def dates_in_period(activity: RegisteredActivity, quarter: Quarter) -> tuple[Finding, ...]:
    """INFO when an activity of the quarter's register lies partly or wholly outside it."""
    if activity.status == ActivityStatus.REJECTED:
        return ()
    if quarter.start <= activity.start and activity.end <= quarter.end:
        return ()
    return (
        Finding.said(
            _(
                "%(activity)s %(key)s runs from %(start)s to %(end)s, outside %(quarter)s "
                "(%(first)s to %(last)s).",
                activity=_label(activity),
                key=activity.key,
                start=activity.start,
                end=activity.end,
                quarter=quarter.code,
                first=quarter.start,
                last=quarter.end,
            ),
            rule=rules.ACTIVITY_DATES,
            severity=Severity.INFO,
            where=activity.output or REGISTER,
        ),
    )


def values_agree(*, period: PeriodRecord, register: Register) -> tuple[Finding, ...]:
    """WARNING when a bound indicator's value differs from what its rule computes."""
    values = {v.indicator: v.actual.value for v in period.values}
    found: list[Finding] = []
    for code, rule in sorted(register.rules.items()):
        figure = compute(rule, register.activities, quarter=period.quarter)
        entered = values.get(code)
        if figure.value is None or entered is None or entered == figure.value:
            continue
        found.append(
            Finding.said(
                _(
                    "%(code)s's value is %(value)s, but its register gives %(computed)s "
                    "(%(n)s confirmed activities): an entered value overrides the computed one.",
                    code=code,
                    value=format_count(entered),
                    computed=format_count(figure.value),
                    n=len(figure.activities),
                ),
                rule=rules.ACTIVITY_VALUE_MISMATCH,
                severity=Severity.WARNING,
                where=code,
                computed=figure.value,
                reported=entered,
            )
        )
    return tuple(found)
