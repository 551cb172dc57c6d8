"""The seed report, transcribed into examples/itf-g11-23/project.json, reads as reported."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.measures import Measure, Part, Status, TargetKind
from logframe.domain.periods import Quarter
from logframe.domain.records import (
    Disaggregation,
    FootnoteMark,
    IndicatorRecord,
    IndicatorValueRecord,
    MarkPlace,
    OrganisationKind,
    PeriodRecord,
    PeriodState,
    ProjectRecord,
    ResultLevel,
    Role,
)
from logframe.interchange.projectfile import read_project_file

SEED = Path("/work/shared/seed/itf-g11-23-2013q1-progress-report.txt")


@pytest.fixture
def project(example_path: Path) -> ProjectRecord:
    return read_project_file(example_path)


@pytest.fixture
def period(project: ProjectRecord) -> PeriodRecord:
    found = project.period(Quarter(2013, 1))
    assert found is not None
    return found


def indicator(project: ProjectRecord, code: str) -> IndicatorRecord:
    found = [i for r in project.walk_results() for i in r.indicators if i.code == code]
    assert len(found) == 1
    return found[0]


def value(period: PeriodRecord, code: str) -> IndicatorValueRecord:
    return next(v for v in period.values if v.indicator == code)


def test_the_example_holds_the_whole_result_tree(project: ProjectRecord) -> None:
    results = project.walk_results()
    levels = [r.level for r in results]
    assert levels.count(ResultLevel.JP_OUTPUT) == 3
    assert [r.code for r in results if r.level is ResultLevel.OUTPUT] == [
        "1.1",
        "1.2",
        "1.3",
        "2.1",
        "2.2",
        "3.1",
    ]
    assert sum(len(r.indicators) for r in results) == 51
    assert sum(len(r.activities) for r in results) == 51
    assert [f.number for f in project.footnotes] == [1, 2, 3, 4, 7]


def test_the_project_header_is_as_reported(project: ProjectRecord) -> None:
    assert (project.fund.code, project.fund.currency) == ("UNDG-ITF", "USD")
    assert project.number == "G11-23"
    assert [(p.organisation, p.role, p.approved_budget) for p in project.participations] == [
        ("UNDP", Role.LEAD, Decimal(13947279)),
        ("UNOPS", Role.PARTICIPATING, Decimal(10914712)),
    ]
    ihec = next(o for o in project.organisations if o.code == "IHEC")
    assert ihec.kind is OrganisationKind.GOVERNMENT
    assert project.line_ministry == "IHEC"
    assert (project.approval_date, project.start_date, project.planned_end_date) == (
        date(2010, 9, 29),
        date(2010, 10, 18),
        date(2013, 10, 17),
    )
    assert (project.reported_total_budget, project.reported_duration_months) == (
        Decimal(24861991),
        36,
    )
    assert project.description.count("<li>") == 3
    assert "only after project was initiated" in project.undaf_outcome
    assert len(project.procurement_plan) == 7


def test_responsible_agencies_come_from_the_quantitative_table(project: ProjectRecord) -> None:
    responsible = {r.code: (r.lead, r.partners) for r in project.walk_results()}
    assert responsible["1.1"] == ("UNDP", ())
    assert responsible["1.3"] == ("UNDP", ("UNOPS",))
    assert responsible["2.2"] == ("UNOPS", ())
    assert responsible["3.1"] == ("UNOPS", ())


def test_a_split_actual_keeps_its_slip(project: ProjectRecord, period: PeriodRecord) -> None:
    reported = value(period, "1.1.9")
    assert (reported.actual.value, reported.actual.male, reported.actual.female) == tuple(
        Decimal(n) for n in (498, 468, 28)
    )
    assert reported.actual_text == "498 (468 male/28 female)"
    assert reported.source == "itf-g11-23-2013q1-progress-report.txt:76"
    assert indicator(project, "1.1.9").disaggregation is Disaggregation.SEX


def test_a_two_part_actual_keeps_both_parts(project: ProjectRecord, period: PeriodRecord) -> None:
    reported = value(period, "3.1.5")
    assert reported.actual.parts == (Part("Test 1", Decimal(95)), Part("Test 2", Decimal(98)))
    assert reported.actual.value is None
    assert reported.actual_text == "95(Test 1) /98 Test 2)"
    assert indicator(project, "3.1.5").measure is Measure.PERCENTAGE
    assert indicator(project, "3.1.5").footnotes == (FootnoteMark(4),)


def test_a_target_to_be_determined_has_its_note_and_mark(
    project: ProjectRecord, period: PeriodRecord
) -> None:
    tbd = indicator(project, "2.1.6")
    assert (tbd.target.kind, tbd.target.note, tbd.target_text) == (
        TargetKind.TBD,
        "by IHEC",
        "tbd by IHEC",
    )
    assert tbd.footnotes == (FootnoteMark(3, MarkPlace.TARGET),)
    reported = value(period, "2.1.6")
    assert (reported.reported_pct, reported.reported_pct_text) == (None, "n/a")


@pytest.mark.parametrize(
    ("code", "status", "estimate", "text"),
    [
        ("1.1.1", Status.INITIATED, Decimal(8), "Initiated"),
        ("1.1.2", Status.COMPLETED, Decimal(100), "Yes"),
        ("1.1.4", Status.PARTIALLY, Decimal(30), "Partially"),
        ("1.1.6", Status.NOT_YET_INITIATED, None, "Not yet initiated"),
        ("2.1.1", Status.PARTIALLY, Decimal(75), "Part"),
    ],
)
def test_milestones_keep_status_and_estimate(
    period: PeriodRecord, code: str, status: Status, estimate: Decimal | None, text: str
) -> None:
    reported = value(period, code)
    assert (reported.actual.status, reported.actual.estimated_pct) == (status, estimate)
    assert reported.reported_pct == estimate
    assert reported.actual_text == text


def test_blank_rows_have_no_value_and_every_other_row_has_one(
    project: ProjectRecord, period: PeriodRecord
) -> None:
    codes = [i.code for r in project.walk_results() for i in r.indicators]
    assert sorted(set(codes) - {v.indicator for v in period.values}) == ["1.2.2", "3.1.8"]
    assert len(period.values) == 49


def test_finance_beneficiaries_and_totals(period: PeriodRecord) -> None:
    undp = next(f for f in period.finance if f.organisation == "UNDP")
    assert (undp.committed, undp.disbursed) == (Decimal("5848841.07"), Decimal("5594796.22"))
    assert (undp.reported_committed_pct, undp.reported_disbursed_pct) == (Decimal(41), Decimal(40))
    assert (undp.forecast_final_date, undp.reported_delay_months) == (date(2013, 10, 17), 0)
    assert period.reported_committed_total == Decimal("12824814.81")
    assert period.reported_disbursed_pct == Decimal("49.5")
    groups = {b.group: b for b in period.beneficiaries}
    assert (groups[BeneficiaryGroup.MEN].target, groups[BeneficiaryGroup.MEN].actual) == (
        Decimal(1471),
        Decimal(1459),
    )
    assert not groups[BeneficiaryGroup.INDIRECT].applicable
    assert groups[BeneficiaryGroup.INDIRECT].note.startswith("By contributing")
    assert period.state is PeriodState.OPEN  # nothing in the report says it was approved


def test_narratives_are_per_output_and_leave_out_the_footnote(period: PeriodRecord) -> None:
    progress = {p.result: p for p in period.progress}
    assert {code: p.reported_pct for code, p in progress.items()} == {
        "1.1": 56,
        "1.2": 61,
        "1.3": 70,
        "2.1": 77,
        "2.2": 76,
        "3.1": 63,
    }
    assert "implemented by IHEC during Voter Registration Update" in progress["1.1"].narrative
    everything = " ".join(p.narrative for p in period.progress) + period.summary
    assert "Some components of graphic design" not in everything
    assert progress["3.1"].narrative.count("<li>") == 20
    assert "<strong>Email Service:</strong>" in progress["3.1"].narrative
    assert period.summary.count("<p>") == 2
    assert period.constraints.startswith("<p>The shift of IHEC's focus")


@pytest.mark.skipif(not SEED.exists(), reason="the seed report is not checked out beside the repo")
def test_every_value_points_at_its_row_in_the_seed(period: PeriodRecord) -> None:
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for reported in period.values:
        name, line = reported.source.split(":")
        assert name == SEED.name
        row = lines[int(line) - 1]
        assert re.match(rf"{re.escape(reported.indicator)}\.? ", row), reported.indicator
        cells = [cell.strip() for cell in row.split("\t")]
        assert cells[3] == reported.reported_pct_text
        assert reported.actual_text.startswith(cells[2])  # 1.1.9's cell goes on 4 lines later
