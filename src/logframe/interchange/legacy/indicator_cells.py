"""An indicator's cells: what its target, actual and % say.

Target: blank or ``n/a`` → none; ``tbd``/``TBD``/``to be determined`` → to be determined, the
rest of the cell its note (``tbd by IHEC`` → note ``by IHEC``); ``80%`` → a number on a
percentage measure; ``19`` → a number on a count measure (``5 reports``: unit ``reports``); a
word or a few words without digits (``Yes``, ``All``, ``No``, ``Adopted``) → a milestone.
Anything else is not understood: target none, the cell kept as unread.

Actual: a status word (``Initiated``, ``Partially``, ``Part``, ``Yes``, ``Completed``, …) →
the status; ``93%`` or ``13`` → the value; a split by sex ``498 (468 male/28 female)``,
``452 (372 male /80 female)``, ``11 (10 male/1female)``, ``(M: 10, F: 1)`` → value, male,
female; labelled parts ``95(Test 1) /98 Test 2)`` → parts Test 1 = 95, Test 2 = 98. Anything
else is not understood.

Measure: from the target when it tells (a % target, a number, a milestone word), else from
the indicator's words ("Number of" → count, "Percentage of"/"% of"/"Proportion of" → percentage),
else from the actual (a status → milestone, a % → percentage, a number → count), else
milestone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from logframe.domain.measures import Actual, Measure, Part, Target, TargetKind, parse_status
from logframe.interchange.legacy.numbers import (
    NUMBER,
    is_not_applicable,
    parse_number,
    parse_percent,
    to_decimal,
)
from logframe.interchange.legacy.wording import collapse

_TBD = re.compile(
    r"^(?:t\.?b\.?[dc]\.?|to be (?:determined|defined|confirmed))(?=[\s:,(\-]|$)[\s:,\-]*(.*)$",
    re.I,
)
_UNIT = re.compile(rf"^({NUMBER})\s+([A-Za-z][A-Za-z\- ]{{0,30}})$")
_MILESTONE = re.compile(r"^[A-Za-z][A-Za-z'\- ]{0,40}$")
_MALE = rf"(?:({NUMBER})\s*(?:males?|men|m)\b|\b(?:males?|men|m)\s*[:=]?\s*({NUMBER}))"
_FEMALE = rf"(?:({NUMBER})\s*(?:females?|women|f)\b|\b(?:females?|women|f)\s*[:=]?\s*({NUMBER}))"
_SPLIT = re.compile(rf"^(?:({NUMBER})\s*)?\((.*)\)\s*$")
_PART = re.compile(rf"^({NUMBER})\s*%?\s*\(?\s*([A-Za-z][^()/]*?)\s*\)?$")
_SEX_WORDS = re.compile(
    r"\b(?:male\s*/\s*female|female\s*/\s*male|men\s*/\s*women|women\s*/\s*men|by sex|"
    r"sex[- ]disaggregated)\b",
    re.IGNORECASE,
)
_COUNT_WORDS = re.compile(r"^(?:the\s+)?(?:total\s+)?(?:number|no\.|#)\s+of\b", re.I)
_PERCENT_WORDS = re.compile(
    r"^(?:the\s+)?(?:percentage|percent|%|proportion|share)\s+(?:of\b)?", re.I
)


@dataclass(frozen=True)
class TargetReading:
    target: Target
    measure: Measure | None  # None: the target does not tell
    unit: str = ""
    understood: bool = True


def read_target(text: str) -> TargetReading:
    """What a target cell (marks already taken out) says."""
    text = collapse(text)
    if not text or is_not_applicable(text):
        return TargetReading(Target(TargetKind.NONE), None)
    tbd = _TBD.match(text)
    if tbd:
        note = tbd[1].strip(" ()[]")
        return TargetReading(Target(TargetKind.TBD, note=note), None)
    percent = parse_percent(text)
    if percent is not None:
        return TargetReading(Target(TargetKind.NUMBER, value=percent), Measure.PERCENTAGE)
    number = parse_number(text)
    if number is not None:
        return TargetReading(Target(TargetKind.NUMBER, value=number), Measure.COUNT)
    unit = _UNIT.match(text)
    if unit:
        value = to_decimal(unit[1])
        return TargetReading(Target(TargetKind.NUMBER, value=value), Measure.COUNT, unit[2].strip())
    if _MILESTONE.match(text) and len(text.split()) <= 4:
        return TargetReading(Target(TargetKind.MILESTONE, milestone=text), Measure.MILESTONE)
    return TargetReading(Target(TargetKind.NONE), None, understood=False)


def _number_of(match: re.Match[str]) -> Decimal:
    return to_decimal(next(group for group in match.groups() if group is not None))


def _sex_split(text: str) -> Actual | None:
    total, inner = None, text
    if "(" in text:
        outer = _SPLIT.match(text)
        if outer is None:
            return None
        total, inner = outer[1], outer[2]
    male = re.search(_MALE, inner, re.I)
    female = re.search(_FEMALE, inner, re.I)
    if male is None or female is None:
        return None
    rest = inner.replace(male[0], " ", 1).replace(female[0], " ", 1)
    if re.sub(r"[\s/,;&+]|and", "", rest):
        return None
    value = to_decimal(total) if total else None
    return Actual(value=value, male=_number_of(male), female=_number_of(female))


def _parts(text: str) -> Actual | None:
    pieces = [piece.strip() for piece in re.split(r"\s*[/;]\s*", text)]
    if len(pieces) < 2:
        return None
    parts: list[Part] = []
    for piece in pieces:
        match = _PART.match(piece)
        if match is None:
            return None
        parts.append(Part(label=collapse(match[2]), value=to_decimal(match[1])))
    labels = [part.label.lower() for part in parts]
    if len(set(labels)) != len(labels):
        return None
    return Actual(parts=tuple(parts))


def read_actual(text: str) -> tuple[Actual, bool]:
    """What an actual cell (marks taken out) says, and whether it could be read."""
    text = collapse(text)
    if not text or is_not_applicable(text):
        return Actual(), True
    status = parse_status(text)
    if status is not None:
        return Actual(status=status), True
    number = parse_percent(text, sign_required=False)
    if number is not None:
        return Actual(value=number), True
    for reader in (_sex_split, _parts):
        found = reader(text)
        if found is not None:
            return found, True
    unit = _UNIT.match(text)
    if unit:
        return Actual(value=to_decimal(unit[1])), True
    return Actual(), False


def has_sex_words(text: str) -> bool:
    return bool(_SEX_WORDS.search(text))


def measure_of(*, reading: TargetReading, text: str, actual: Actual, actual_text: str) -> Measure:
    """The indicator's measure by the rule in this module's docstring."""
    if reading.measure is not None:
        return reading.measure
    if _COUNT_WORDS.match(text):
        return Measure.COUNT
    if _PERCENT_WORDS.match(text):
        return Measure.PERCENTAGE
    if actual.status is not None:
        return Measure.MILESTONE
    if actual.value is not None and "%" in actual_text:
        return Measure.PERCENTAGE
    if actual.value is not None or actual.parts or actual.male is not None:
        return Measure.COUNT
    return Measure.MILESTONE
