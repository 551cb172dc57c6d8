"""From narrative to register: the activities a report's narrative tells of, proposed.

A sentence tells of an activity when it names a kind of activity (``kinds.TYPE_WORDS``,
the first one standing in it decides) and the days it took place (``dates.event_dates``).
Each range of days in such a sentence is one activity ("Two sessions ... on 2 to 5 February,
5 to 7 February 2013" are two). The place is the first known place in the sentence; the
participants the first count of people in the sentence or, failing that, in the sentences
that follow it in the paragraph up to the next activity — when one sentence tells of several
sessions, their participants are left for a person to split, and said in the notes. The
output is the section the paragraph stands in. The same activity told under two outputs
(same kind, days and place) is proposed once, under the first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from logframe.domain.checks.narrative_text import paragraphs
from logframe.domain.periods import Quarter
from logframe.domain.records import ProjectRecord
from logframe.domain.register.dates import event_dates
from logframe.domain.register.kinds import TYPE_WORDS, ActivityType, ProposedActivity
from logframe.domain.register.participants import Participants, participants
from logframe.domain.register.places import default_gazetteer, find_place

_TYPES = tuple((re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.IGNORECASE), kind)
               for words, kind in TYPE_WORDS)  # fmt: skip
_TITLE_STOP = re.compile(
    r"\s+(?:was|were|held|took|which|that|in|at|from|during|between|back-to-back|"
    r"implemented|organi[sz]ed|conducted|attended|to)\b|[,.;]|\s+on\s+\d",
    re.IGNORECASE,
)
_TITLE_MAX = 100
# a sentence ends at . ! ? or ; before a capital or a digit (not at a colon: "SPSS): Project")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z0-9\"\u201c(])")
_LEAD_WORDS = re.compile(r"(?:(?<=\s)|^)((?:[A-Za-z][\w'-]*\s+){0,2})$")
_NOT_IN_TITLE = frozenset(
    {"a", "an", "the", "of", "held", "two", "three", "sessions", "session", "and", "ihec",
     "first", "second", "third", "this", "that", "on", "to", "for", "in", "by", "with"}
)  # fmt: skip


def proposed_activities(
    *, project: ProjectRecord, gazetteer: Mapping[str, str] | None = None
) -> list[ProposedActivity]:
    """Every activity the narratives of all the project's periods tell of, deduplicated."""
    names = gazetteer if gazetteer is not None else default_gazetteer()
    found: list[ProposedActivity] = []
    for period in project.periods:
        sections = [("", period.summary)] + [(p.result, p.narrative) for p in period.progress]
        for output, html in sections:
            for paragraph in paragraphs(html):
                found += activities_in(paragraph, quarter=period.quarter, output=output,
                                       gazetteer=names)  # fmt: skip
    return deduplicated(found)


def activities_in(
    paragraph: str, *, quarter: Quarter, output: str = "", gazetteer: Mapping[str, str]
) -> list[ProposedActivity]:
    """The activities one paragraph of plain text tells of (see the module's docstring)."""
    found: list[ProposedActivity] = []
    pending: list[int] = []  # found[i] still without participants
    shared = False  # the pending activities came from one sentence: never split a count
    for sentence in _SENTENCE_END.split(paragraph):
        events = _events(sentence, quarter=quarter, output=output, gazetteer=gazetteer)
        counted = participants(sentence)
        if events:
            pending = list(range(len(found), len(found) + len(events)))
            shared = len(events) > 1
            found += events
        if counted is None or not pending:
            continue
        if shared:
            for i in pending:
                found[i] = replace(found[i], notes=_shared_note(counted, len(pending)))
        else:
            found[pending[0]] = _with(found[pending[0]], counted)
        pending = []
    return found


def _events(
    sentence: str, *, quarter: Quarter, output: str, gazetteer: Mapping[str, str]
) -> list[ProposedActivity]:
    kind = _kind(sentence)
    days = event_dates(sentence, quarter=quarter)
    if kind is None or not days:
        return []
    place = find_place(sentence, gazetteer=gazetteer)
    title = _title(sentence, kind[1])
    return [
        ProposedActivity(
            type=kind[0],
            title=title if len(days) == 1 else f"{title} ({n} of {len(days)})",
            start=when.start,
            end=when.end,
            output=output,
            period=quarter.code,
            place_code=place.code if place else "",
            place_text=place.text if place else "",
            source=sentence,
        )
        for n, when in enumerate(days, start=1)
    ]


def _kind(sentence: str) -> tuple[ActivityType, re.Match[str]] | None:
    matches = [(match, kind) for pattern, kind in _TYPES if (match := pattern.search(sentence))]
    if not matches:
        return None
    match, kind = min(matches, key=lambda pair: pair[0].start())
    return kind, match


def _title(sentence: str, match: re.Match[str]) -> str:
    """The kind's words with up to two words before them and the topic after them:
    "operational meeting", "workshop on Statistical Package for Social Sciences (SPSS)"."""
    lead = _LEAD_WORDS.search(sentence[: match.start()])
    before = [
        word
        for word in (lead.group(1).split() if lead else [])
        if word.lower() not in _NOT_IN_TITLE and not re.search(r"\d|-day|-week", word)
    ]
    rest = sentence[match.end() :]
    topic = ""
    if re.match(r"\s+(?:on|about|for|of)\s", rest, re.IGNORECASE):
        stop = _TITLE_STOP.search(rest, 4)
        topic = rest[: stop.start()] if stop else rest
    title = " ".join([*before, match.group(0).lower()]) + topic.rstrip()
    title = " ".join(title.split())
    if len(title) > _TITLE_MAX:
        title = title[: _TITLE_MAX - 1].rsplit(" ", 1)[0] + "…"
    return title[:1].upper() + title[1:]


def _with(activity: ProposedActivity, counted: Participants) -> ProposedActivity:
    return replace(activity, total=counted.total, male=counted.male, female=counted.female)


def _shared_note(counted: Participants, sessions: int) -> str:
    split = ""
    if counted.male is not None and counted.female is not None:
        split = f" ({counted.male} male, {counted.female} female)"
    return (
        f"The narrative counts {counted.total}{split} participants "
        f"for {sessions} sessions together."
    )


def deduplicated(activities: Iterable[ProposedActivity]) -> list[ProposedActivity]:
    """One activity per kind, days and place; a later telling fills in what the first lacks."""
    kept: dict[tuple[object, ...], ProposedActivity] = {}
    for activity in activities:
        key = (activity.type, activity.start, activity.end, activity.place_text.split(",")[0])
        first = kept.get(key)
        if first is None:
            kept[key] = activity
        elif first.total is None and activity.total is not None:
            kept[key] = replace(first, total=activity.total, male=activity.male,
                                female=activity.female)  # fmt: skip
    return list(kept.values())
