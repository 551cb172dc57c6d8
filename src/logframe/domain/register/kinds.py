"""Kinds of activity, the words that name them, and the register's plain records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class ActivityType(StrEnum):
    TRAINING = "training"
    WORKSHOP = "workshop"
    STUDY_VISIT = "study_visit"
    SEMINAR = "seminar"
    ROUNDTABLE = "roundtable"
    LESSONS_LEARNED = "lessons_learned"
    CONFERENCE = "conference"
    MEETING = "meeting"
    SURVEY = "survey"
    OTHER = "other"


class ActivityStatus(StrEnum):
    PROPOSED = "proposed"  # read out of a narrative, waiting for a person
    CONFIRMED = "confirmed"  # counts in computed indicators
    REJECTED = "rejected"  # kept, so the same sentence is not proposed again


# The seed's footnote 1: "Capacity building activity refers to training, study visit,
# workshop, seminar, roundtable or election lessons learned event."
CAPACITY_BUILDING = frozenset(
    {
        ActivityType.TRAINING,
        ActivityType.STUDY_VISIT,
        ActivityType.WORKSHOP,
        ActivityType.SEMINAR,
        ActivityType.ROUNDTABLE,
        ActivityType.LESSONS_LEARNED,
    }
)

# Words a narrative names a kind by (lower case); the first one in a sentence decides.
TYPE_WORDS: tuple[tuple[str, ActivityType], ...] = (
    (r"study\s+(?:visit|tour)s?", ActivityType.STUDY_VISIT),
    (r"lessons?[\s-]+learn(?:ed|t)\s+(?:event|workshop|session|conference)s?",
     ActivityType.LESSONS_LEARNED),
    (r"round[\s-]?tables?", ActivityType.ROUNDTABLE),
    (r"trainings?|training\s+(?:course|session)s?|courses?", ActivityType.TRAINING),
    (r"workshops?", ActivityType.WORKSHOP),
    (r"seminars?", ActivityType.SEMINAR),
    (r"conferences?", ActivityType.CONFERENCE),
    (r"meetings?", ActivityType.MEETING),
    (r"surveys?", ActivityType.SURVEY),
)  # fmt: skip


@dataclass(frozen=True)
class ProposedActivity:
    """An activity read out of a narrative, before a person confirms it."""

    type: ActivityType
    title: str
    start: date
    end: date
    output: str = ""  # the output (result code) whose section told of it; "" for the summary
    period: str = ""  # the quarter of the report that told of it, "2013Q1"
    place_code: str = ""  # a known place's code (an Iraqi governorate's P-code)
    place_text: str = ""  # the place as the sentence names it ("Baghdad", "Maputo, Mozambique")
    male: int | None = None
    female: int | None = None
    total: int | None = None
    source: str = ""  # the sentence (or paragraph) it was read from
    notes: str = ""


@dataclass(frozen=True)
class RegisteredActivity:
    """An activity of the register, as the rules and checks see it."""

    key: str  # a stable id: "#12" for a stored activity
    type: ActivityType
    title: str
    start: date
    end: date
    status: ActivityStatus = ActivityStatus.CONFIRMED
    output: str = ""
    period: str = ""  # the quarter it is registered in, "2013Q1"
    place: str = ""
    male: int | None = None
    female: int | None = None
    total: int | None = None
    by_institution: tuple[tuple[str, int], ...] = ()  # (institution, participants)
    respondents: int | None = None
    satisfied: int | None = None

    @property
    def participants(self) -> int:
        """The total when given, else male + female."""
        if self.total is not None:
            return self.total
        return (self.male or 0) + (self.female or 0)
