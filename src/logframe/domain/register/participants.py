"""Who took part, as a sentence counts them: a total, a split by sex, or both.

Read (numbers in words too, after ``numbers.with_digits``): "37 staff members (29 male and
8 female)", "44 surveyors, 40 male and 4 female", "7 IHEC participants (all male)", "12
women and 10 men", "attended by 25 participants", "8 IHEC officials attended".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from logframe.domain.register.numbers import count, with_digits

_N = r"\d{1,3}(?:,\d{3})+(?!\d)|\d+"
_NOUN = r"[A-Za-z][A-Za-z'\u2019-]*"
_SEX = r"females?|males?|women|men|girls|boys"
_FEMALE = {"female", "females", "women", "girls"}
_PEOPLE = (
    r"participants?|staff|officials?|people|persons?|trainees?|surveyors?|members?|"
    r"attendees?|representatives?|delegates?|facilitators?|officers?|employees?|"
    r"personnel|experts?|commissioners?|managers?|journalists?|observers?|students?|"
    r"women|men|youth|trainers?"
)
_TOTAL_SPLIT = re.compile(
    rf"(?<![\w,.])(?P<total>{_N})\s+(?P<noun>(?:{_NOUN}\s+){{0,5}}?{_NOUN})\s*"
    rf"[(,]\s*(?P<a>{_N})\s*(?P<sa>{_SEX})\s*(?:and|/|,|&)\s*(?P<b>{_N})\s*(?P<sb>{_SEX})\b"
)
_TOTAL_ALL = re.compile(
    rf"(?<![\w,.])(?P<total>{_N})\s+(?P<noun>(?:{_NOUN}\s+){{0,5}}?{_NOUN})\s*"
    rf"\(\s*all\s+(?P<sex>{_SEX})\s*\)"
)
_SPLIT = re.compile(
    rf"(?<![\w,.])(?P<a>{_N})\s*(?P<sa>{_SEX})\s*(?:and|/|,|&)\s*(?P<b>{_N})\s*(?P<sb>{_SEX})\b"
)
_TOTAL = re.compile(
    rf"(?<![\w,.-])(?P<total>{_N})\s+(?:(?:{_NOUN})\s+){{0,3}}?(?:{_PEOPLE})\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Participants:
    total: int | None = None
    male: int | None = None
    female: int | None = None


def participants(sentence: str) -> Participants | None:
    """The first count of people in ``sentence``, or None when it counts none."""
    text = with_digits(sentence)
    if match := _TOTAL_SPLIT.search(text):
        return _split(match, total=count(match["total"]))
    if match := _TOTAL_ALL.search(text):
        total = count(match["total"])
        if match["sex"].lower() in _FEMALE:
            return Participants(total=total, male=0, female=total)
        return Participants(total=total, male=total, female=0)
    if match := _SPLIT.search(text):
        return _split(match, total=None)
    if match := _TOTAL.search(text):
        return Participants(total=count(match["total"]))
    return None


def _split(match: re.Match[str], *, total: int | None) -> Participants | None:
    a, b = count(match["a"]), count(match["b"])
    female_a, female_b = match["sa"].lower() in _FEMALE, match["sb"].lower() in _FEMALE
    if female_a == female_b:
        return Participants(total=total) if total is not None else None
    male, female = (b, a) if female_a else (a, b)
    return Participants(total=total if total is not None else male + female, male=male,
                        female=female)  # fmt: skip
