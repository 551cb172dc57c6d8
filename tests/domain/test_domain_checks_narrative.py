"""Narrative rules: participant counts that add up, dates in the period, no repeats."""

from datetime import date
from decimal import Decimal as D

import pytest
from checks_records import Q1_2013

from logframe.domain.checks.narrative import (
    narrative_dates,
    narrative_participants,
    narrative_repeated,
)
from logframe.domain.checks.narrative_text import date_mentions, paragraphs
from logframe.domain.findings import Severity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("27 IHEC staff (22 male and 5 female) from Operations Department", [],
                     id="seed-1.3-27"),
        pytest.param("44 surveyors, 40 male and 4 female, from the national offices", [],
                     id="seed-1.1-44"),
        pytest.param("8 IHEC officials, 7 male and 1 female, and one UN staff attended", [],
                     id="seed-1.2-8"),
        pytest.param("The meeting was attended by 34 staff members (32 male and 2 female).", [],
                     id="seed-1.3-34"),
        pytest.param("7 IHEC participants (all male) from data management", [],
                     id="seed-2.2-all-male"),
        pytest.param("27 IHEC staff (22 male and 4 female) from Operations Department",
                     [("27 IHEC staff (22 male and 4 female)", D(26), D(27))],
                     id="made-up-27"),
        pytest.param("44 surveyors, 40 male and 5 female, from the national offices",
                     [("44 surveyors, 40 male and 5 female", D(45), D(44))], id="made-up-44"),
        pytest.param("attended by 1,200 people (700 women/400 men)",
                     [("1,200 people (700 women/400 men)", D(1100), D(1200))],
                     id="made-up-women-first"),
        pytest.param("held on 5 March 2013, 40 male and 4 female attended", [],
                     id="made-up-a-year-is-not-a-count"),
        pytest.param("10 trainers (6 male and 3 male)", [], id="made-up-same-sex-twice"),
    ],
)  # fmt: skip
def test_narrative_participants(text: str, expected: list[tuple[str, D, D]]) -> None:
    found = narrative_participants(where="1.3", text=text)
    assert [(f.message.split('"')[1], f.computed, f.reported) for f in found] == expected
    assert all(
        (f.rule, f.severity, f.where) == ("narrative-participants", Severity.WARNING, "1.3")
        for f in found
    )


def test_a_participants_message_quotes_the_phrase_and_the_sum() -> None:
    (finding,) = narrative_participants(where="1.3", text="27 IHEC staff (22 male and 4 female)")
    assert finding.message == (
        'The narrative counts "27 IHEC staff (22 male and 4 female)", but 22 + 4 = 26, not 27.'
    )


@pytest.mark.parametrize(
    ("text", "first", "last", "ranged"),
    [
        ("from 17 to 20 February 2013", date(2013, 2, 17), date(2013, 2, 20), True),
        ("from 03 to 05 of February 2013", date(2013, 2, 3), date(2013, 2, 5), True),
        ("on 10-12 February 2013", date(2013, 2, 10), date(2013, 2, 12), True),
        ("From 17 January to 30 April 2013", date(2013, 1, 17), date(2013, 4, 30), True),
        ("January to March 2013", date(2013, 1, 1), date(2013, 3, 31), True),
        ("December to January 2014", date(2013, 12, 1), date(2014, 1, 31), True),
        ("on 23rd January 2013", date(2013, 1, 23), date(2013, 1, 23), False),
        ("by 10th of April 2013", date(2013, 4, 10), date(2013, 4, 10), False),
        ("on February 17, 2013", date(2013, 2, 17), date(2013, 2, 17), False),
        ("at the end of March 2013", date(2013, 3, 1), date(2013, 3, 31), False),
    ],
)
def test_date_mentions(text: str, first: date, last: date, ranged: bool) -> None:
    (mention,) = date_mentions(text)
    assert (mention.first, mention.last, mention.ranged) == (first, last, ranged)


@pytest.mark.parametrize(
    "text", ["Baghdad, February 17 to 28.", "on 31 February 2013", "in mid-March", "the year 2013"]
)
def test_what_is_not_read_as_a_date(text: str) -> None:
    assert date_mentions(text) == []


@pytest.mark.parametrize(
    ("text", "messages"),
    [
        pytest.param("IHEC held a workshop in Baghdad from 17 to 20 February 2013.", [],
                     id="seed-inside"),
        pytest.param("preparations for the 20 April 2013 Governorate Council Elections", [],
                     id="seed-elections-after-the-period"),
        pytest.param("From 17 January to 30 April 2013, UNDP recruited a consultant", [],
                     id="seed-consultancy-overlapping"),
        pytest.param("The workstations will be ready for use by 10th of April 2013.", [],
                     id="seed-deadline"),
        pytest.param("A conference was held in Maputo from 4 to 8 March 2012.",
                     ['The narrative tells of "4 to 8 March 2012", before the period began on'
                      " 1 January 2013."], id="made-up-last-year"),
        pytest.param("In December 2012 the IHEC agreed the plan.",
                     ['The narrative tells of "December 2012", before the period began on'
                      " 1 January 2013."], id="made-up-month-before"),
        pytest.param("A workshop will be held from 5 to 8 May 2013.",
                     ['The narrative tells of "5 to 8 May 2013", wholly after the period ended on'
                      " 31 March 2013."], id="made-up-range-after"),
    ],
)  # fmt: skip
def test_narrative_dates(text: str, messages: list[str]) -> None:
    found = narrative_dates(where="1.1", text=text, quarter=Q1_2013)
    assert [f.message for f in found] == messages
    assert all((f.rule, f.severity) == ("narrative-dates", Severity.INFO) for f in found)


MAPUTO_12 = (
    "<p>8 IHEC officials, 7 male and 1 female, and one UN staff attended an EC-UNDP"
    " international conference on Sustainability in Electoral Administration: Adequate"
    " Resourcing for Credible Elections which was held in Maputo, Mozambique from 4 to 8 March"
    " 2013. The workshop addressed issues surrounding the sustainability of electoral"
    " administration and processes focusing on the costs and funding of electoral processes,"
    " and the extent to which costs affect the wider grounding of electoral administration."
    " The IHEC delegation presented an Iraq case study on <em>Assurances of Integrity and"
    " Transparency in the Iraqi Elections</em> presented by the head of delegation and IHEC"
    " Spokesperson Commissioner Safaa Al-Musawi. In addition, the IHEC learned a number of best"
    " practices in electoral processes from other electoral management bodies during and in the"
    " sidelines of the workshop.</p>"
)
MAPUTO_13 = (
    "<p>8 IHEC officials attended an EC-UNDP international conference on Sustainability in"
    " Electoral Administration: Adequate Resourcing for Credible Elections in Maputo, Mozambique"
    " from 4 to 8 March 2013. The workshop addressed issues surrounding the sustainability of"
    " electoral administration and processes focusing on the costs and funding of electoral"
    " processes, and the extent to which costs affect the wider functioning of electoral"
    " administration. The IHEC delegation presented an Iraq case study on <em>Assurances of"
    " Integrity and Transparency in the Iraqi Elections</em> presented by the head of delegation"
    " and IHEC spokesperson Commissioner Safaa Al-Musawi.</p>"
)
TRAINING = (
    "<p>The training was implemented by UNOPS and delivered by MENTOR Global Consultancy for"
    " the data management, voter registration and data entry sections of the IHEC.</p>"
)
SUPPORT = (
    "<p>Support under this output focused on enhancing knowledge of electoral processes and"
    " broadening awareness of the different options for electoral policies.</p>"
)
# one long sentence shared, the rest of the paragraphs different
SHARED = (
    "The IHEC delegation presented an Iraq case study on the integrity and transparency of the"
    " Iraqi elections, presented by the head of delegation and the IHEC spokesperson."
)


@pytest.mark.parametrize(
    ("narratives", "expected"),
    [
        pytest.param([("1.2", MAPUTO_12), ("1.3", SUPPORT + MAPUTO_13)], [("1.3", "1.2")],
                     id="seed-maputo"),
        pytest.param([("1.2", MAPUTO_12), ("1.3", SUPPORT)], [], id="seed-without-repeat"),
        pytest.param([("2.2", TRAINING + TRAINING)], [], id="made-up-same-output"),
        pytest.param([("2.1", TRAINING), ("2.2", TRAINING.replace("UNOPS", "UNDP"))],
                     [("2.2", "2.1")], id="made-up-one-word-changed"),
        pytest.param([("1.1", f"<p>In January the IHEC met. {SHARED}</p>"),
                      ("3.1", f"<p>{SHARED} Then servers were upgraded across the offices.</p>")],
                     [("3.1", "1.1")], id="made-up-shared-sentence"),
        pytest.param([("1.1", "<p>The meeting was held.</p>"),
                      ("1.2", "<p>The meeting was held.</p>")], [], id="made-up-too-short"),
    ],
)  # fmt: skip
def test_narrative_repeated(
    narratives: list[tuple[str, str]], expected: list[tuple[str, str]]
) -> None:
    found = narrative_repeated(narratives=narratives)
    assert [(f.where, f.message.rsplit("output ", 1)[1].rstrip(".")) for f in found] == expected
    assert all((f.rule, f.severity) == ("narrative-repeated", Severity.WARNING) for f in found)


def test_a_repeat_message_quotes_the_paragraphs_opening() -> None:
    (finding,) = narrative_repeated(narratives=[("1.2", MAPUTO_12), ("1.3", MAPUTO_13)])
    assert finding.message == (
        'The paragraph "8 IHEC officials attended an EC-UNDP international conference on'
        ' Sustainability in Electoral\N{HORIZONTAL ELLIPSIS}" repeats, almost word for word,'
        " one under output 1.2."
    )


def test_paragraphs_are_plain_text() -> None:
    html = "<p>One &amp; <em>two</em>.</p><ul><li>Three</li><li>Four<br>five</li></ul>"
    assert paragraphs(html) == ["One & two .", "Three", "Four", "five"]
