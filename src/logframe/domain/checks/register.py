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
from logframe.domain.checks.wording import joined, written
from logframe.domain.findings import Finding, Severity
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


def _label(activity: RegisteredActivity) -> str:
    return f'"{activity.title}" ({written(activity.start)})'


def duplicates(activities: list[RegisteredActivity]) -> tuple[Finding, ...]:
    """WARNING for each group of two or more live entries of one kind, days, place, output."""
    groups: dict[tuple[object, ...], list[RegisteredActivity]] = defaultdict(list)
    for a in activities:
        if a.status != ActivityStatus.REJECTED:
            groups[(a.type, a.start, a.end, a.place.casefold(), a.output)].append(a)
    return tuple(
        Finding(
            rule=rules.ACTIVITY_DUPLICATE,
            severity=Severity.WARNING,
            where=same[0].output or REGISTER,
            message=(
                f"The register holds {_label(same[0])} {len(same)} times "
                f"({joined([a.key for a in same])}): the same kind, days and place."
            ),
        )
        for same in groups.values()
        if len(same) > 1
    )


def participants_add_up(activity: RegisteredActivity) -> tuple[Finding, ...]:
    found: list[str] = []
    a = activity
    split = a.male is not None and a.female is not None
    if a.total is not None and split and (a.male or 0) + (a.female or 0) != a.total:
        male, female = Decimal(a.male or 0), Decimal(a.female or 0)
        found.append(
            f"{format_count(male)} male + {format_count(female)} female = "
            f"{format_count(male + female)}, not {format_count(Decimal(a.total))}"
        )
    if a.by_institution and a.total is not None:
        institutions = sum(n for _, n in a.by_institution)
        if institutions != a.total:
            found.append(f"the institutions' participants add up to {institutions}, not {a.total}")
    if a.satisfied is not None and a.respondents is not None and a.satisfied > a.respondents:
        found.append(f"{a.satisfied} satisfied of {a.respondents} respondents")
    if a.respondents is not None and a.participants and a.respondents > a.participants:
        found.append(f"{a.respondents} respondents of {a.participants} participants")
    return tuple(
        Finding(
            rule=rules.ACTIVITY_PARTICIPANTS,
            severity=Severity.WARNING,
            where=a.output or REGISTER,
            message=f"{_label(a)} {a.key}: {text}.",
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
        Finding(
            rule=rules.ACTIVITY_DATES,
            severity=Severity.INFO,
            where=activity.output or REGISTER,
            message=(
                f"{_label(activity)} {activity.key} runs from {written(activity.start)} to "
                f"{written(activity.end)}, outside {quarter.code} "
                f"({written(quarter.start)} to {written(quarter.end)})."
            ),
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
            Finding(
                rule=rules.ACTIVITY_VALUE_MISMATCH,
                severity=Severity.WARNING,
                where=code,
                message=(
                    f"{code}'s value is {format_count(entered)}, but its register gives "
                    f"{format_count(figure.value)} ({len(figure.activities)} confirmed "
                    "activities): an entered value overrides the computed one."
                ),
                computed=figure.value,
                reported=entered,
            )
        )
    return tuple(found)
