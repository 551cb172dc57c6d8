"""The tolerance rules, one table each: how a cell as people typed it is read — or not."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D
from pathlib import Path

import pytest

from logframe.domain.measures import Actual, Measure, Part, Status, Target, TargetKind
from logframe.domain.periods import Quarter
from logframe.domain.records import MarkPlace, OrganisationKind, Role
from logframe.interchange.legacy import read_legacy_report
from logframe.interchange.legacy.agencies import participants, responsible
from logframe.interchange.legacy.blocks import Paragraph, Row
from logframe.interchange.legacy.dates import named_quarter, parse_date
from logframe.interchange.legacy.indicator_cells import read_actual, read_target
from logframe.interchange.legacy.marks import footnote_line, split_marks
from logframe.interchange.legacy.markup import cell_html
from logframe.interchange.legacy.numbers import parse_number, parse_percent
from logframe.interchange.legacy.organisations import fund_record, organisation_named
from logframe.interchange.legacy.text_blocks import text_blocks


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("24, 861, 991", D(24861991)),
        ("USD 24, 861, 991", D(24861991)),
        ("5,848,841.07", D("5848841.07")),
        ("1,471", D(1471)),
        ("1 471", D(1471)),
        ("0", D(0)),
        ("12.5", D("12.5")),
        ("1,5", None),  # a decimal comma or a slip: not guessed
        ("1.234.567", None),
        ("12,34", None),
        ("n/a", None),
        ("", None),
        ("about 5", None),
    ],
)
def test_numbers(text: str, number: D | None) -> None:
    assert parse_number(text) == number


@pytest.mark.parametrize(
    ("text", "pct"),
    [("80%", D(80)), ("80 %", D(80)), ("51.6 %", D("51.6")), ("101%", D(101)), ("80", None)],
)
def test_percentages(text: str, pct: D | None) -> None:
    assert parse_percent(text) == pct


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("29 September 2010", date(2010, 9, 29)),
        ("17 October 2013", date(2013, 10, 17)),
        ("29th Sept. 2010", date(2010, 9, 29)),
        ("September 29, 2010", date(2010, 9, 29)),
        ("2010-09-29", date(2010, 9, 29)),
        ("29/09/2010", date(2010, 9, 29)),
        ("05/06/2010", None),  # 5 June or May 6: not guessed
        ("31 February 2010", None),
        ("soon", None),
        ("1 May 2010 to 2 May 2010", None),
    ],
)
def test_dates(text: str, day: date | None) -> None:
    assert parse_date(text) == day


@pytest.mark.parametrize(
    ("text", "quarter"),
    [
        ("01 January \u2013 31 March 2013 - 1st Quarter 2013", Quarter(2013, 1)),
        ("Q3 2012", Quarter(2012, 3)),
        ("2012Q4", Quarter(2012, 4)),
        ("third quarter of 2011", Quarter(2011, 3)),
        ("nothing", None),
    ],
)
def test_named_quarters(text: str, quarter: Quarter | None) -> None:
    assert named_quarter(text) == quarter


@pytest.mark.parametrize(
    ("text", "plain", "marks"),
    [
        ("tbd by IHEC \u00b3", "tbd by IHEC", (3,)),
        ("activities \u00b2 organised", "activities organised", (2,)),
        ("activities\u00b9 organised", "activities organised", (1,)),
        ("test \u2074", "test", (4,)),
        ("Test 1", "Test 1", ()),  # a plain digit after a word is text
        ("x\u2070", "x\u2070", ()),  # 0 is no footnote
    ],
)
def test_footnote_marks(text: str, plain: str, marks: tuple[int, ...]) -> None:
    assert split_marks(text) == (plain, marks)


def test_footnote_lines() -> None:
    assert footnote_line("\u00b3 The IHEC has not") == (3, "The IHEC has not")
    assert footnote_line("\u00b9\u2070 Ten") == (10, "Ten")
    assert footnote_line("8 IHEC officials") is None


@pytest.mark.parametrize(
    ("text", "target", "measure"),
    [
        ("Yes", Target(TargetKind.MILESTONE, milestone="Yes"), Measure.MILESTONE),
        ("All", Target(TargetKind.MILESTONE, milestone="All"), Measure.MILESTONE),
        ("No", Target(TargetKind.MILESTONE, milestone="No"), Measure.MILESTONE),
        ("80%", Target(TargetKind.NUMBER, value=D(80)), Measure.PERCENTAGE),
        ("80 %", Target(TargetKind.NUMBER, value=D(80)), Measure.PERCENTAGE),
        ("1,200", Target(TargetKind.NUMBER, value=D(1200)), Measure.COUNT),
        ("tbd by IHEC", Target(TargetKind.TBD, note="by IHEC"), None),
        ("TBD", Target(TargetKind.TBD), None),
        ("to be determined (MoE)", Target(TargetKind.TBD, note="MoE"), None),
        ("", Target(TargetKind.NONE), None),
        ("n/a", Target(TargetKind.NONE), None),
    ],
)
def test_targets(text: str, target: Target, measure: Measure | None) -> None:
    reading = read_target(text)
    assert (reading.target, reading.measure, reading.understood) == (target, measure, True)


def test_a_target_that_cannot_be_read_is_not_guessed() -> None:
    reading = read_target("3 or 4 (tbc)")
    assert (reading.target.kind, reading.understood) == (TargetKind.NONE, False)


@pytest.mark.parametrize(
    ("text", "actual"),
    [
        ("Initiated", Actual(status=Status.INITIATED)),
        ("Part", Actual(status=Status.PARTIALLY)),
        ("Not yet initiated", Actual(status=Status.NOT_YET_INITIATED)),
        ("Yes", Actual(status=Status.COMPLETED)),
        ("93%", Actual(value=D(93))),
        ("13", Actual(value=D(13))),
        ("498 (468 male/28 female)", Actual(value=D(498), male=D(468), female=D(28))),
        ("452 (372 male /80 female)", Actual(value=D(452), male=D(372), female=D(80))),
        ("11 (10 male/1female)", Actual(value=D(11), male=D(10), female=D(1))),
        ("25 (22 male /3 female)", Actual(value=D(25), male=D(22), female=D(3))),
        ("(M: 10, F: 1)", Actual(male=D(10), female=D(1))),
        ("12 (5 female / 7 male)", Actual(value=D(12), male=D(7), female=D(5))),
        ("95(Test 1) /98 Test 2)", Actual(parts=(Part("Test 1", D(95)), Part("Test 2", D(98))))),
        ("", Actual()),
        ("n/a", Actual()),
    ],
)
def test_actuals(text: str, actual: Actual) -> None:
    assert read_actual(text) == (actual, True)


@pytest.mark.parametrize("text", ["Ongoing", "some 40", "12 (5 male)", "1/2"])
def test_an_actual_that_cannot_be_read_is_not_guessed(text: str) -> None:
    assert read_actual(text) == (Actual(), False)


def test_participating_agencies_and_their_roles() -> None:
    found = participants("UNDP (lead agency), UNOPS")
    assert [(n.organisation.code, n.organisation.name, n.lead) for n in found] == [
        ("UNDP", "United Nations Development Programme", True),
        ("UNOPS", "United Nations Office for Project Services", False),
    ]
    assert [n.lead for n in participants("UNICEF")] == [True]  # alone, it leads
    assert [n.lead for n in participants("WHO and UNICEF")] == [False, False]  # not guessed
    assert [n.organisation.code for n in participants("UN Habitat / XYZ")] == [
        "UN-HABITAT",
        "XYZ",
    ]


def test_responsible_agencies_of_an_output_row() -> None:
    agencies = [
        o
        for o in (organisation_named(c, kind=OrganisationKind.UN_AGENCY) for c in ("UNDP", "UNOPS"))
        if o
    ]
    found = responsible("UNDP lead w UNOPS IHEC has enhanced processes", participants=agencies)
    assert (found.lead, found.partners, found.rest) == (
        "UNDP",
        ("UNOPS",),
        "IHEC has enhanced processes",
    )
    found = responsible("UNDP IHEC has improved", participants=agencies)
    assert (found.lead, found.partners, found.rest) == ("UNDP", (), "IHEC has improved")
    found = responsible("UNOPS w/ UNDP lead", participants=agencies)
    assert (found.lead, found.partners) == ("UNDP", ("UNOPS",))


def test_organisations_and_funds() -> None:
    ihec = organisation_named(
        "Independent High Electoral Commission (IHEC)", kind=OrganisationKind.GOVERNMENT
    )
    assert ihec is not None
    assert (ihec.code, ihec.name, ihec.kind) == (
        "IHEC",
        "Independent High Electoral Commission",
        OrganisationKind.GOVERNMENT,
    )
    ministry = organisation_named("Ministry of Water Resources", kind=OrganisationKind.GOVERNMENT)
    assert ministry is not None
    assert (ministry.code, ministry.name) == ("MWR", "Ministry of Water Resources")
    assert (
        fund_record("United Nations Development Group Iraq Trust Fund", currency="USD").code
        == "UNDG-ITF"
    )
    assert fund_record("Iraq UNDAF Fund", currency="USD").code == "IUF"


def test_html_cells_become_sanitised_lists() -> None:
    html = cell_html(('<p>Intro:</p> <ol style="x"> 1. One; 2. Two <script>x</script>',))
    assert html == "<p>Intro:</p>\n<ol><li>One;</li><li>Two</li></ol>"
    assert cell_html(("<ul> \u2022 a \u2022 b</ul>",)) == "<ul><li>a</li><li>b</li></ul>"
    assert (
        cell_html(("First.", "- one", "- two"))
        == "<p>First.</p>\n<ul><li>one</li><li>two</li></ul>"
    )


def _rows(text: str) -> list[list[str]]:
    return [
        [c.text for c in b.cells] if isinstance(b, Row) else [b.text]
        for b in text_blocks(text, name="r.txt")
    ]


def test_a_wrapped_row_is_joined_cell_by_cell() -> None:
    text = (
        "1.1.9 Number of personnel, representatives of\t340\t498\t100%\n\n\u00b2 A note.\n\n"
        "relevant partners\t\t(468 male/28 female)\t\n"
    )
    assert _rows(text) == [
        [
            "1.1.9 Number of personnel, representatives of relevant partners",
            "340",
            "498 (468 male/28 female)",
            "100%",
        ],
        ["\u00b2 A note."],
    ]


@pytest.mark.parametrize(
    ("second", "joined"),
    [
        ("1.1.2 Next\tYes\tYes\t100%", False),  # a code opens a row
        ("Output 1.2 / UNDP\t\t\t50%", False),
        ("building strategy\t\t\t", True),  # lower case goes on
        ("IHEC CB Department\t\t\t", True),  # no code under a coded row goes on
        ("Women\t253\t69%", False),  # fewer cells than the row above: another table's row
        ("and more\t\t\t\t", False),  # more cells
    ],
)
def test_when_a_tab_line_goes_on_from_the_row_above(second: str, joined: bool) -> None:
    rows = _rows(f"1.1.1 Activities organised by\t8\t5\t63%\n\n{second}\n")
    assert (len(rows) == 1) is joined


def test_a_label_row_is_not_continued_by_another_label() -> None:
    assert len(_rows("Men (Target: 10)\t5\t50%\nWomen (Target: 8)\t4\t50%\n")) == 2


def test_a_paragraph_is_never_a_row() -> None:
    (block,) = text_blocks("A paragraph\n", name="r.txt")
    assert block == Paragraph("A paragraph", "r.txt:1")


def _variant(seed: Path, tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    text = seed.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new, 1)
    path = tmp_path / "variant.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_cell_that_cannot_be_read_is_kept_unread_and_not_guessed(
    seed: Path, tmp_path: Path
) -> None:
    path = _variant(seed, tmp_path, ("\t340\t498\t100%", "\t340\tabout 500\t100%"))
    period = read_legacy_report(path).periods[0]
    cell = next(c for c in period.sources if (c.where, c.field) == ("1.1.9", "actual"))
    assert (cell.text, cell.understood, cell.location) == (
        "about 500 (468 male/28 female)",
        False,
        "variant.txt:76",
    )
    value = next(v for v in period.values if v.indicator == "1.1.9")
    assert (value.actual, value.actual_text) == (Actual(), "about 500 (468 male/28 female)")


def test_variants_of_wording_and_spacing_read_the_same(seed: Path, tmp_path: Path) -> None:
    path = _variant(
        seed,
        tmp_path,
        ("Project #: G11-23", "PROJECT #:   G11-23"),
        ("Participating UN Organisation:", "Participating UN Organization :"),
        (
            "Qualitative achievements against objectives and results",
            "QUALITATIVE ACHIEVEMENTS against objectives & results",
        ),
        (
            "Main implementation constraints & challenges (2-3 sentences)",
            "Main Implementation Constraints and Challenges",
        ),
        ("\t41 %", "\t41  %"),
        ("\nFunds Committed (UNDP)", "\n**Financial status**\n\nFunds Committed (UNDP)"),
        ("29 September 2010", "29th Sept. 2010"),
        ("1st Quarter 2013", "Q1 2013"),
    )
    record = read_legacy_report(path)
    original = read_legacy_report(seed)
    assert (record.number, record.participations) == (original.number, original.participations)
    assert record.periods[0].progress == original.periods[0].progress
    assert record.periods[0].finance == original.periods[0].finance
    assert record.approval_date == original.approval_date
    assert record.periods[0].quarter == original.periods[0].quarter
    assert all(cell.understood for cell in record.periods[0].sources)


def test_a_duplicated_indicator_row_counts_once_and_is_reported(seed: Path, tmp_path: Path) -> None:
    row = "1.1.5 IHEC complaints process reviewed\tYes\tYes\t100%"
    path = _variant(
        seed, tmp_path, (row, f"{row}\n1.1.5 IHEC complaints process reviewed\tYes\tNo\t0%")
    )
    record = read_legacy_report(path)
    assert [v.indicator for v in record.periods[0].values].count("1.1.5") == 1
    unread = [c for c in record.periods[0].sources if not c.understood]
    assert {(c.where, c.location) for c in unread} == {("1.1.5", "variant.txt:73")}


def test_roles_budgets_and_dates_of_the_header(seed: Path) -> None:
    record = read_legacy_report(seed)
    assert [(p.organisation, p.role, p.approved_budget) for p in record.participations] == [
        ("UNDP", Role.LEAD, D(13947279)),
        ("UNOPS", Role.PARTICIPATING, D(10914712)),
    ]
    indicator = next(i for r in record.walk_results() for i in r.indicators if i.code == "2.1.6")
    assert [(m.number, m.place) for m in indicator.footnotes] == [(3, MarkPlace.TARGET)]
