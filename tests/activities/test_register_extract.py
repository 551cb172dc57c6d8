"""Reading activities out of narratives: dates, numbers, places, participants (pure)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from logframe.domain.periods import Quarter
from logframe.domain.register.dates import event_dates
from logframe.domain.register.extract import activities_in, proposed_activities
from logframe.domain.register.kinds import ActivityType
from logframe.domain.register.numbers import with_digits, words_to_number
from logframe.domain.register.participants import Participants, participants
from logframe.domain.register.places import default_gazetteer, find_place

Q1 = Quarter(2013, 1)
SEED = Path(__file__).resolve().parents[2] / "examples" / "itf-g11-23"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("held on 2 to 5 February", date(2013, 2, 2), date(2013, 2, 5)),
        ("held in Baghdad, February 17 to 28.", date(2013, 2, 17), date(2013, 2, 28)),
        ("from 03 to 05 of February 2013", date(2013, 2, 3), date(2013, 2, 5)),
        ("on 10-12 February 2013", date(2013, 2, 10), date(2013, 2, 12)),
        ("from 17 to 20 February 2013", date(2013, 2, 17), date(2013, 2, 20)),
        ("from 28 February to 2 March 2013", date(2013, 2, 28), date(2013, 3, 2)),
        ("February 28 to March 2, 2013", date(2013, 2, 28), date(2013, 3, 2)),
        ("on 14th of February 2013", date(2013, 2, 14), date(2013, 2, 14)),
        ("on February 14, 2013", date(2013, 2, 14), date(2013, 2, 14)),
        ("on 14 Feb.", date(2013, 2, 14), date(2013, 2, 14)),
        ("from 9 \u2013 21 February 2013", date(2013, 2, 9), date(2013, 2, 21)),
        ("from 3rd until 5th March", date(2013, 3, 3), date(2013, 3, 5)),
        ("on 28 December", date(2012, 12, 28), date(2012, 12, 28)),  # nearest to 2013 Q1
        ("from 28 December to 3 January 2013", date(2012, 12, 28), date(2013, 1, 3)),
    ],
)
def test_event_dates_in_many_phrasings(text: str, start: date, end: date) -> None:
    [found] = event_dates(text, quarter=Q1)
    assert (found.start, found.end) == (start, end)


@pytest.mark.parametrize(
    "text", ["on 31 February 2013", "from 20 to 5 March 2013", "a 3-day event"]
)
def test_no_date_is_made_up(text: str) -> None:
    assert event_dates(text, quarter=Q1) == []


def test_two_ranges_in_one_sentence() -> None:
    found = event_dates("back-to-back on 2 to 5 February, 5 to 7 February 2013", quarter=Q1)
    assert [(d.start.day, d.end.day) for d in found] == [(2, 5), (5, 7)]


@pytest.mark.parametrize(
    ("words", "number"),
    [("seven", 7), ("thirty-seven", 37), ("twenty one", 21), ("one hundred and five", 105),
     ("two hundred forty", 240), ("a dozen", None), ("dozen", 12),
     ("one thousand two hundred", 1200)],
)  # fmt: skip
def test_numbers_in_words(words: str, number: int | None) -> None:
    assert words_to_number(words) == number


def test_a_length_in_words_stays_a_length() -> None:
    assert (
        with_digits("a four-day workshop for thirty-seven staff")
        == "a four-day workshop for 37 staff"
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("37 staff members (29 male and 8 female) took part", Participants(37, 29, 8)),
        ("44 surveyors, 40 male and 4 female, were trained", Participants(44, 40, 4)),
        ("thirty-seven participants (twenty-nine men and eight women)", Participants(37, 29, 8)),
        ("The first session involved 7 IHEC participants (all male)", Participants(7, 7, 0)),
        ("6 officials (all female) attended", Participants(6, 0, 6)),
        ("12 women and 10 men attended", Participants(22, 10, 12)),
        ("498 (468 male/28 female)", Participants(496, 468, 28)),
        ("It was attended by 25 participants from IHEC.", Participants(25)),
        ("8 IHEC officials attended an international conference", Participants(8)),
        ("1,250 voters (1,000 male and 250 female)", Participants(1250, 1000, 250)),
        ("A 3-day meeting was held in Baghdad.", None),
        ("in all the 14 Governorates that conducted it", None),
    ],
)
def test_participants(sentence: str, expected: Participants | None) -> None:
    assert participants(sentence) == expected


@pytest.mark.parametrize(
    ("text", "code", "written"),
    [
        ("held in Baghdad from 3 to 5 March", "IQG08", "Baghdad"),
        ("a training in Erbil", "IQG11", "Erbil"),
        ("a training in Arbil", "IQG11", "Arbil"),
        ("a study visit to Amman, Jordan", "", "Amman, Jordan"),
        ("a seminar in Beirut", "", "Beirut"),
        ("held in Maputo, Mozambique from 4 to 8 March", "", "Maputo, Mozambique"),
        ("the Basra office hosted a workshop in Najaf", "IQG02", "Basra"),
    ],
)
def test_places(text: str, code: str, written: str) -> None:
    found = find_place(text, gazetteer=default_gazetteer())
    assert found is not None
    assert (found.code, found.text) == (code, written)


@pytest.mark.parametrize(
    ("paragraph", "kind", "start", "end", "total", "male", "female"),
    [
        ("A 3-day meeting took place in Baghdad on 10-12 February 2013 for the procedures and "
         "training department in which 37 staff members (29 male and 8 female) were involved.",
         ActivityType.MEETING, date(2013, 2, 10), date(2013, 2, 12), 37, 29, 8),
        ("IHEC organised a study visit to Amman from 03 to 05 of February 2013. Thirty-seven "
         "officials (thirty male and seven female) took part.",
         ActivityType.STUDY_VISIT, date(2013, 2, 3), date(2013, 2, 5), 37, 30, 7),
        ("A seminar on electoral disputes was held in Erbil on 21 March 2013 with 15 judges "
         "(12 men and 3 women).", ActivityType.SEMINAR, date(2013, 3, 21), date(2013, 3, 21), 15,
         12, 3),
        ("A roundtable with civil society took place on March 5 in Basra.",
         ActivityType.ROUNDTABLE, date(2013, 3, 5), date(2013, 3, 5), None, None, None),
        ("An election lessons learned event was held from 17 to 18 January 2013 in Najaf for "
         "twenty participants.", ActivityType.LESSONS_LEARNED, date(2013, 1, 17),
         date(2013, 1, 18), 20, None, None),
    ],
)  # fmt: skip
def test_a_paragraph_proposes_its_activity(
    paragraph: str, kind: ActivityType, start: date, end: date,
    total: int | None, male: int | None, female: int | None,
) -> None:  # fmt: skip
    [found] = activities_in(paragraph, quarter=Q1, output="1.3", gazetteer=default_gazetteer())
    assert (found.type, found.start, found.end) == (kind, start, end)
    assert (found.total, found.male, found.female) == (total, male, female)
    assert found.output == "1.3"
    assert found.source.startswith(paragraph.split(". ")[0][:20])


@pytest.mark.parametrize(
    "paragraph",
    [
        "From 17 January to 30 April 2013, UNDP recruited a national social media consultant.",
        "Plans are underway to hold a three-day workshop to discuss the findings.",
        "The election banner ran from 25 March and 20 April 2013 on two websites.",
    ],
)
def test_no_activity_without_a_kind_and_days_in_one_sentence(paragraph: str) -> None:
    assert activities_in(paragraph, quarter=Q1, gazetteer=default_gazetteer()) == []


def test_the_seeds_dated_events() -> None:
    from logframe.interchange.legacy import read_legacy_report

    record = read_legacy_report(SEED / "itf-g11-23-2013q1-progress-report.txt")
    found = [
        (a.type.value, a.start, a.end, a.output, a.place_code or a.place_text, a.total, a.male,
         a.female)
        for a in proposed_activities(project=record)
    ]  # fmt: skip
    d = date
    assert found == [
        ("workshop", d(2013, 2, 2), d(2013, 2, 5), "1.1", "IQG08", None, None, None),
        ("workshop", d(2013, 2, 5), d(2013, 2, 7), "1.1", "IQG08", None, None, None),
        ("survey", d(2013, 2, 9), d(2013, 2, 21), "1.1", "", 44, 40, 4),
        # told under 1.2 and again under 1.3: proposed once
        ("conference", d(2013, 3, 4), d(2013, 3, 8), "1.2", "Maputo, Mozambique", 8, 7, 1),
        ("meeting", d(2013, 2, 3), d(2013, 2, 5), "1.3", "IQG08", 34, 32, 2),
        ("meeting", d(2013, 2, 10), d(2013, 2, 12), "1.3", "IQG08", 37, 29, 8),
        ("workshop", d(2013, 2, 17), d(2013, 2, 20), "1.3", "IQG08", 27, 22, 5),
        ("training", d(2013, 2, 17), d(2013, 2, 28), "2.2", "IQG08", 7, 7, 0),
        ("training", d(2013, 3, 3), d(2013, 3, 14), "2.2", "IQG08", 6, 4, 2),
    ]
    sessions = proposed_activities(project=record)[0]
    assert "44 (40 male, 4 female) participants for 2 sessions" in sessions.notes
