"""What an indicator bound to a rule over the register is worth in a quarter.

A rule counts the **confirmed** activities of given kinds under one output (the indicator's),
either *in the period* (started within the quarter) or *cumulative* (started on or before the
quarter's last day), and gives one of: the number of activities, the participants (total,
male or female), or the % of survey respondents who were satisfied (rounded half-up to one
decimal; None when nobody answered a survey). Proposed and rejected activities never count.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from logframe.domain.percentages import round_half_up
from logframe.domain.periods import Quarter
from logframe.domain.register.kinds import ActivityStatus, ActivityType, RegisteredActivity


class RuleKind(StrEnum):
    ACTIVITIES = "activities"  # the number of activities
    PARTICIPANTS = "participants"  # people, total
    MALE = "male"
    FEMALE = "female"
    SATISFIED_PCT = "satisfied_pct"  # % of survey respondents satisfied


class RuleScope(StrEnum):
    PERIOD = "period"
    CUMULATIVE = "cumulative"


@dataclass(frozen=True)
class Rule:
    kind: RuleKind
    output: str  # result code
    types: frozenset[ActivityType]
    scope: RuleScope = RuleScope.CUMULATIVE


@dataclass(frozen=True)
class Figure:
    """A computed figure, the split by sex when the rule counts people, and what it counts."""

    value: Decimal | None
    male: Decimal | None
    female: Decimal | None
    activities: tuple[RegisteredActivity, ...]


def counted(
    rule: Rule, activities: Iterable[RegisteredActivity], *, quarter: Quarter
) -> tuple[RegisteredActivity, ...]:
    """The activities behind the figure, in date order."""
    return tuple(
        sorted(
            (a for a in activities if _counts(rule, a, quarter)),
            key=lambda a: (a.start, a.end, a.key),
        )
    )


def _counts(rule: Rule, activity: RegisteredActivity, quarter: Quarter) -> bool:
    if activity.status != ActivityStatus.CONFIRMED or activity.output != rule.output:
        return False
    if rule.types and activity.type not in rule.types:
        return False
    if activity.start > quarter.end:
        return False
    return rule.scope == RuleScope.CUMULATIVE or activity.start >= quarter.start


def compute(rule: Rule, activities: Iterable[RegisteredActivity], *, quarter: Quarter) -> Figure:
    """The rule's figure for ``quarter`` (see the module's docstring)."""
    behind = counted(rule, activities, quarter=quarter)
    male = Decimal(sum(a.male or 0 for a in behind))
    female = Decimal(sum(a.female or 0 for a in behind))
    if rule.kind == RuleKind.ACTIVITIES:
        return Figure(Decimal(len(behind)), None, None, behind)
    if rule.kind == RuleKind.PARTICIPANTS:
        return Figure(Decimal(sum(a.participants for a in behind)), male, female, behind)
    if rule.kind == RuleKind.MALE:
        return Figure(male, None, None, behind)
    if rule.kind == RuleKind.FEMALE:
        return Figure(female, None, None, behind)
    return Figure(satisfied_pct(behind), None, None, behind)


def satisfied_pct(activities: Iterable[RegisteredActivity]) -> Decimal | None:
    """Satisfied respondents over all respondents, in %, one decimal; None without any."""
    answered = [a for a in activities if a.respondents]
    respondents = sum(a.respondents or 0 for a in answered)
    if not respondents:
        return None
    satisfied = sum(a.satisfied or 0 for a in answered)
    return round_half_up(value=Decimal(satisfied) * 100 / Decimal(respondents), places=1)
