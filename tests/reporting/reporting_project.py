"""A small seed-like project for the reporting tests, built from readable pieces.

Imported by name (``from reporting_project import ...``): conftest modules are not
safe to import from, since every test folder has one.

The figures are the seed report's (ITF G11-23, 2013 Q1) where they exist, so the tests can
check the report against numbers a reader of the seed recognises.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.measures import Actual, Measure, Part, Status, Target, TargetKind
from logframe.domain.periods import Quarter
from logframe.domain.records import (
    ActivityRecord,
    BeneficiaryRecord,
    Disaggregation,
    FinanceRecord,
    FootnoteMark,
    FootnoteRecord,
    FundRecord,
    IndicatorRecord,
    IndicatorValueRecord,
    MarkPlace,
    OrganisationKind,
    OrganisationRecord,
    ParticipationRecord,
    PeriodRecord,
    PeriodState,
    ProjectRecord,
    ResultLevel,
    ResultProgressRecord,
    ResultRecord,
    Role,
)

Q1_2013 = Quarter(year=2013, number=1)


def D(value: str | int) -> Decimal:
    return Decimal(str(value))


# Indicators, one function per kind of target -------------------------------------------


def count(
    code: str, text: str, target: int, *, by_sex: bool = False, notes: tuple[int, ...] = ()
) -> IndicatorRecord:
    return IndicatorRecord(
        code=code,
        text=text,
        measure=Measure.COUNT,
        target=Target(kind=TargetKind.NUMBER, value=D(target)),
        disaggregation=Disaggregation.SEX if by_sex else Disaggregation.NONE,
        footnotes=tuple(FootnoteMark(number=n) for n in notes),
    )


def milestone(code: str, text: str, word: str = "Yes") -> IndicatorRecord:
    target = Target(kind=TargetKind.MILESTONE, milestone=word)
    return IndicatorRecord(code=code, text=text, measure=Measure.MILESTONE, target=target)


def percentage(code: str, text: str, target: int) -> IndicatorRecord:
    target_ = Target(kind=TargetKind.NUMBER, value=D(target))
    return IndicatorRecord(code=code, text=text, measure=Measure.PERCENTAGE, target=target_)


def tbd(code: str, text: str, printed: str, *, note: int) -> IndicatorRecord:
    return IndicatorRecord(
        code=code,
        text=text,
        measure=Measure.COUNT,
        target=Target(kind=TargetKind.TBD),
        target_text=printed,
        footnotes=(FootnoteMark(number=note, place=MarkPlace.TARGET),),
    )


def output(
    code: str, text: str, lead: str, *indicators: IndicatorRecord, partners: tuple[str, ...] = ()
) -> ResultRecord:
    activities = tuple(ActivityRecord(code=i.code, text=i.text) for i in indicators)
    return ResultRecord(
        code=code,
        text=text,
        level=ResultLevel.OUTPUT,
        lead=lead,
        partners=partners,
        activities=activities,
        indicators=indicators,
    )


def jp_output(code: str, text: str, *children: ResultRecord) -> ResultRecord:
    return ResultRecord(code=code, text=text, level=ResultLevel.JP_OUTPUT, children=children)


# Values ---------------------------------------------------------------------------------


def value(
    code: str,
    *,
    n: int | None = None,
    male: int | None = None,
    female: int | None = None,
    status: Status | None = None,
    estimate: int | None = None,
    parts: tuple[tuple[str, int], ...] = (),
    reported: str | None = None,
) -> IndicatorValueRecord:
    actual = Actual(
        value=None if n is None else D(n),
        male=None if male is None else D(male),
        female=None if female is None else D(female),
        status=status,
        estimated_pct=None if estimate is None else D(estimate),
        parts=tuple(Part(label=label, value=D(v)) for label, v in parts),
    )
    return IndicatorValueRecord(
        indicator=code, actual=actual, reported_pct=None if reported is None else D(reported)
    )


# The project ------------------------------------------------------------------------------

RESULTS = (
    jp_output(
        "1",
        "IHEC has strengthened institutional framework and organisational capacity",
        output(
            "1.1",
            "IHEC has improved institutional transparency and accountability",
            "UNDP",
            milestone("1.1.1", "CoR reporting requirements reviewed with the IHEC"),
            milestone("1.1.6", "Institutional framework for dispute resolution reviewed"),
            count("1.1.8", "Number of capacity building activities organised", 19, notes=(1,)),
            count("1.1.9", "Number of personnel (male/female) engaged", 340, by_sex=True),
            percentage("1.1.10", "Percentage of participants satisfied", 80),
        ),
    ),
    jp_output(
        "2",
        "IHEC has enhanced human resource capacity",
        output(
            "2.1",
            "IHEC has enhanced internal capacity building and professional development strategy",
            "UNDP",
            milestone("2.1.1", "Internal CB procedures and evaluation tools developed by IHEC"),
            tbd(
                "2.1.6",
                "Number of activities organised by IHEC CB Department",
                "tbd by IHEC",
                note=3,
            ),
            partners=("UNOPS",),
        ),
    ),
    jp_output(
        "3",
        "IHEC has improved technological capacity",
        output(
            "3.1",
            "IHEC has improved technological capacities to support electoral processes",
            "UNOPS",
            count("3.1.4", "Number of personnel trained on IT systems", 252, by_sex=True),
            percentage("3.1.5", "Percentage of trainees passing the technical test", 80),
            count("3.1.10", "Number of consultants providing technical support", 3),
        ),
    ),
)

VALUES = (
    value("1.1.1", status=Status.INITIATED, estimate=8, reported="8"),
    value("1.1.6", status=Status.INITIATED),
    value("1.1.8", n=13, reported="68"),
    value("1.1.9", n=498, male=468, female=28, reported="100"),
    value("1.1.10", n=93),
    value("2.1.1", status=Status.PARTIALLY, estimate=75, reported="75"),
    value("2.1.6", n=82),
    value("3.1.4", n=25, male=22, female=3, reported="5"),
    value("3.1.5", parts=(("Test 1", 95), ("Test 2", 98)), reported="97"),
    value("3.1.10", n=5, reported="101"),
)

FINANCE = (
    FinanceRecord(
        organisation="UNDP",
        committed=D("5848841.07"),
        disbursed=D("5594796.22"),
        forecast_final_date=date(2013, 10, 17),
        reported_committed_pct=D(41),
        reported_disbursed_pct=D(40),
        reported_delay_months=0,
    ),
    FinanceRecord(
        organisation="UNOPS",
        committed=D("6975973.74"),
        disbursed=D("6716550.71"),
        forecast_final_date=date(2013, 10, 17),
        reported_committed_pct=D(64),
        reported_disbursed_pct=D(62),
        reported_delay_months=0,
    ),
)

BENEFICIARIES = (
    BeneficiaryRecord(
        group=BeneficiaryGroup.MEN, target=D(1471), actual=D(1459), reported_pct=D(99)
    ),
    BeneficiaryRecord(
        group=BeneficiaryGroup.WOMEN, target=D(368), actual=D(253), reported_pct=D(69)
    ),
    BeneficiaryRecord(group=BeneficiaryGroup.CHILDREN, applicable=False),
    BeneficiaryRecord(
        group=BeneficiaryGroup.INDIRECT,
        applicable=False,
        note="By contributing to a transparent democratic electoral process, the programme "
        "benefits the population of Iraq.",
    ),
)

PERIOD = PeriodRecord(
    quarter=Q1_2013,
    state=PeriodState.SUBMITTED,
    summary="<p>The programme has continued to support <strong>IHEC</strong> capacity.</p>",
    constraints="<p>The shift of IHEC's focus to the Governorate Council Elections.</p>",
    values=VALUES,
    finance=FINANCE,
    beneficiaries=BENEFICIARIES,
    progress=(
        ResultProgressRecord(
            result="1.1",
            narrative="<p>A Political Entities Adviser was hired.</p><ul>"
            "<li><strong>Data centre:</strong> cabling rearranged</li><li>Email restored</li></ul>",
            reported_pct=D(56),
        ),
        ResultProgressRecord(result="3.1", reported_pct=D(63)),
    ),
    reported_committed_total=D("12824814.81"),
    reported_disbursed_total=D("12311346.93"),
    reported_committed_pct=D("51.6"),
    reported_disbursed_pct=D("49.5"),
)

PROJECT = ProjectRecord(
    fund=FundRecord(code="ITF", name="United Nations Development Group Iraq Trust Fund"),
    number="G11-23",
    title="Institutional Development Support to the Independent High Electoral Commission (IHEC)",
    organisations=(
        OrganisationRecord(code="UNDP", name="United Nations Development Programme"),
        OrganisationRecord(code="UNOPS", name="United Nations Office for Project Services"),
        OrganisationRecord(
            code="IHEC",
            name="Independent High Electoral Commission",
            kind=OrganisationKind.GOVERNMENT,
        ),
    ),
    participations=(
        ParticipationRecord(organisation="UNDP", role=Role.LEAD, approved_budget=D(13947279)),
        ParticipationRecord(
            organisation="UNOPS", role=Role.PARTICIPATING, approved_budget=D(10914712)
        ),
    ),
    description="<p>This programme has been jointly developed by the UN and the IHEC.</p>"
    "<ol><li>Institutional framework;</li><li>Human resource capacity;</li></ol>",
    sector="Governance",
    thematic_group="Governance and Human Rights",
    line_ministry="IHEC",
    location="All Governorates of Iraq",
    approval_date=date(2010, 9, 29),
    start_date=date(2010, 10, 18),
    planned_end_date=date(2013, 10, 17),
    development_goal="<p>To contribute to an enhanced implementation of electoral processes.</p>",
    undaf_outcome="<p>Outcome 1: <em>Improved governance</em></p>",
    immediate_objective="<p>To support the IHEC in its continued institutional development.</p>",
    procurement_plan=("Graphic Design equipment", "Call centre equipment and software"),
    results=RESULTS,
    footnotes=(
        FootnoteRecord(number=1, text="Capacity building activity refers to training."),
        FootnoteRecord(number=3, text=""),
    ),
    reported_total_budget=D(24861991),
    reported_duration_months=36,
    periods=(PERIOD,),
)


def with_period(project: ProjectRecord, **changes: object) -> ProjectRecord:
    """The project with its (only) period changed, e.g. ``reported_committed_total=...``."""
    (period,) = project.periods
    return replace(project, periods=(replace(period, **changes),))  # type: ignore[arg-type]
