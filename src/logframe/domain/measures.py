"""What an indicator measures, its target and its actual value for a period."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Measure(StrEnum):
    """How an indicator is measured."""

    COUNT = "count"
    PERCENTAGE = "percentage"
    MILESTONE = "milestone"
    QUALITATIVE = "qualitative"


class TargetKind(StrEnum):
    """What kind of target an indicator has.

    A percentage target such as "80%" is NUMBER with value 80 on a PERCENTAGE measure;
    "Yes" or "All" is MILESTONE; "tbd by IHEC" is TBD with a note; a blank target is NONE.
    """

    NUMBER = "number"
    MILESTONE = "milestone"
    TBD = "tbd"
    NONE = "none"


class Status(StrEnum):
    """How far a milestone has come."""

    NOT_YET_INITIATED = "not_yet_initiated"
    INITIATED = "initiated"
    PARTIALLY = "partially"
    COMPLETED = "completed"


_STATUS_WORDS: dict[str, Status] = {
    "not yet initiated": Status.NOT_YET_INITIATED,
    "initiated": Status.INITIATED,
    "partially": Status.PARTIALLY,
    "partial": Status.PARTIALLY,
    "part": Status.PARTIALLY,
    "completed": Status.COMPLETED,
    "complete": Status.COMPLETED,
    "yes": Status.COMPLETED,
    "done": Status.COMPLETED,
}


def parse_status(text: str) -> Status | None:
    """Read a status word as a legacy report writes it.

    Case, surrounding and repeated spaces, underscores, hyphens and a final full stop are
    ignored, so "Not yet initiated", "NOT  YET-INITIATED" and "not_yet_initiated" agree.
    "Part" and "Partial" mean PARTIALLY; "Complete", "Yes" and "Done" mean COMPLETED.
    Any other text gives None: the rule never guesses.
    """
    words = text.replace("_", " ").replace("-", " ").strip().rstrip(".").lower().split()
    return _STATUS_WORDS.get(" ".join(words))


@dataclass(frozen=True)
class Target:
    """An indicator's target: a number, a milestone word, to be determined, or none."""

    kind: TargetKind
    value: Decimal | None = None
    milestone: str = ""
    note: str = ""


@dataclass(frozen=True)
class Part:
    """One labelled part of a multi-part actual, such as "Test 1": 95."""

    label: str
    value: Decimal


@dataclass(frozen=True)
class Actual:
    """What was achieved, as reported for one period."""

    value: Decimal | None = None
    male: Decimal | None = None
    female: Decimal | None = None
    status: Status | None = None
    estimated_pct: Decimal | None = None
    parts: tuple[Part, ...] = ()


def effective_actual(*, actual: Actual, measure: Measure) -> Decimal | None:
    """The single number that stands for an actual.

    Rule, first that applies: the value when one is given; else, when there are parts, their
    mean for a PERCENTAGE measure and their sum for any other measure (95 and 98 → 96.5);
    else male + female when both are given; else None.
    """
    if actual.value is not None:
        return actual.value
    if actual.parts:
        return _combine_parts(parts=actual.parts, measure=measure)
    if actual.male is not None and actual.female is not None:
        return actual.male + actual.female
    return None


def _combine_parts(*, parts: tuple[Part, ...], measure: Measure) -> Decimal:
    total = sum((part.value for part in parts), Decimal(0))
    if measure is Measure.PERCENTAGE:
        return total / len(parts)
    return total
