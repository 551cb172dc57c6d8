"""Any valid project survives the trip through a project file unchanged."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.conventions import Conventions, RollupRule
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
    ProjectStatus,
    ResultLevel,
    ResultProgressRecord,
    ResultRecord,
    Role,
)
from logframe.interchange.projectfile import parse_project_document, project_document

texts = st.text(max_size=12)
codes = st.from_regex(r"[A-Z][A-Z0-9-]{0,5}", fullmatch=True)
rich_texts = st.sampled_from(
    [
        "",
        "<p>One</p>",
        "<p>a <strong>b</strong> &amp; <em>c</em></p>\n<p>d<br>e</p>",
        "<ul><li>x</li><li><b>y</b></li></ul><ol><li><i>z</i></li></ol>",
        '<a href="https://example.org/?a=1&amp;b=2">link</a>',
        "plain text, “quoted”",
    ]
)
decimals = st.decimals(min_value=-(10**12), max_value=10**12, allow_nan=False, allow_infinity=False)
optional_decimals = st.none() | decimals
optional_dates = st.none() | st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31))
quarters = st.builds(Quarter, year=st.integers(1990, 2100), number=st.integers(1, 4))

conventions = st.just(Conventions()) | st.builds(
    Conventions,
    indicator_decimals=st.integers(0, 10),
    finance_decimals=st.integers(0, 10),
    beneficiary_decimals=st.integers(0, 10),
    cap_at_100=st.booleans(),
    rollup=st.sampled_from(RollupRule),
    score_percentage_indicators=st.booleans(),
    status_pct=st.dictionaries(st.sampled_from(Status), optional_decimals),
)


def targets() -> st.SearchStrategy[Target]:
    number = st.builds(Target, kind=st.just(TargetKind.NUMBER), value=decimals, note=texts)
    other = st.builds(
        Target,
        kind=st.sampled_from([TargetKind.MILESTONE, TargetKind.TBD, TargetKind.NONE]),
        milestone=texts,
        note=texts,
    )
    return number | other


def marks(numbers: list[int]) -> st.SearchStrategy[tuple[FootnoteMark, ...]]:
    if not numbers:
        return st.just(())
    mark = st.builds(
        FootnoteMark, number=st.sampled_from(numbers), place=st.sampled_from(MarkPlace)
    )
    return st.lists(mark, max_size=2).map(tuple)


@st.composite
def outputs(
    draw: st.DrawFn, *, code: str, organisations: list[str], notes: list[int]
) -> ResultRecord:
    indicators = tuple(
        IndicatorRecord(
            code=f"{code}.{k + 1}",
            text=draw(texts),
            measure=draw(st.sampled_from(Measure)),
            target=draw(targets()),
            target_text=draw(texts),
            unit=draw(texts),
            disaggregation=draw(st.sampled_from(Disaggregation)),
            baseline=draw(optional_decimals),
            baseline_text=draw(texts),
            cumulative=draw(st.booleans()),
            footnotes=draw(marks(notes)),
        )
        for k in range(draw(st.integers(0, 3)))
    )
    activities = tuple(
        ActivityRecord(code=f"{code}.{k + 1}", text=draw(texts), footnotes=draw(marks(notes)))
        for k in range(draw(st.integers(0, 2)))
    )
    return ResultRecord(
        code=code,
        text=draw(texts),
        level=ResultLevel.OUTPUT,
        lead=draw(st.sampled_from(["", *organisations])),
        partners=tuple(draw(st.lists(st.sampled_from(organisations), max_size=2)))
        if organisations
        else (),
        activities=activities,
        indicators=indicators,
    )


@st.composite
def periods(
    draw: st.DrawFn,
    *,
    quarter: Quarter,
    indicators: list[str],
    results: list[str],
    organisations: list[str],
) -> PeriodRecord:
    actual = st.builds(
        Actual,
        value=optional_decimals,
        male=optional_decimals,
        female=optional_decimals,
        status=st.none() | st.sampled_from(Status),
        estimated_pct=optional_decimals,
        parts=st.lists(st.builds(Part, label=texts, value=decimals), max_size=2).map(tuple),
    )
    chosen = draw(st.lists(st.sampled_from(indicators), unique=True)) if indicators else []
    values = tuple(
        IndicatorValueRecord(
            indicator=code,
            actual=draw(actual),
            actual_text=draw(texts),
            comment=draw(texts),
            reported_pct=draw(optional_decimals),
            reported_pct_text=draw(texts),
            source=draw(texts),
        )
        for code in chosen
    )
    payers = draw(st.lists(st.sampled_from(organisations), unique=True)) if organisations else []
    finance = tuple(
        FinanceRecord(
            organisation=code,
            committed=draw(optional_decimals),
            disbursed=draw(optional_decimals),
            forecast_final_date=draw(optional_dates),
            reported_committed_pct=draw(optional_decimals),
            reported_disbursed_pct=draw(optional_decimals),
            reported_delay_months=draw(st.none() | st.integers(-24, 120)),
        )
        for code in payers
    )
    groups = draw(st.lists(st.sampled_from(BeneficiaryGroup), unique=True))
    beneficiaries = tuple(
        BeneficiaryRecord(
            group=group,
            target=draw(optional_decimals),
            actual=draw(optional_decimals),
            applicable=draw(st.booleans()),
            note=draw(texts),
            reported_pct=draw(optional_decimals),
        )
        for group in groups
    )
    reported = draw(st.lists(st.sampled_from(results), unique=True)) if results else []
    progress = tuple(
        ResultProgressRecord(
            result=code, narrative=draw(rich_texts), reported_pct=draw(optional_decimals)
        )
        for code in reported
    )
    return PeriodRecord(
        quarter=quarter,
        state=draw(st.sampled_from(PeriodState)),
        summary=draw(rich_texts),
        constraints=draw(rich_texts),
        procurement=draw(rich_texts),
        values=values,
        finance=finance,
        beneficiaries=beneficiaries,
        progress=progress,
        reported_committed_total=draw(optional_decimals),
        reported_disbursed_total=draw(optional_decimals),
        reported_committed_pct=draw(optional_decimals),
        reported_disbursed_pct=draw(optional_decimals),
    )


@st.composite
def projects(draw: st.DrawFn) -> ProjectRecord:
    organisation = st.builds(
        OrganisationRecord,
        code=codes,
        name=texts,
        kind=st.sampled_from(OrganisationKind),
        iati_ref=texts,
    )
    organisations = tuple(draw(st.lists(organisation, max_size=3, unique_by=lambda o: o.code)))
    known = [o.code for o in organisations]
    maybe_known = st.sampled_from(["", *known])
    footnote = st.builds(FootnoteRecord, number=st.integers(1, 99), text=texts)
    footnotes = tuple(draw(st.lists(footnote, max_size=3, unique_by=lambda f: f.number)))
    notes = [f.number for f in footnotes]
    results = tuple(
        ResultRecord(
            code=f"{i + 1}",
            text=draw(texts),
            level=ResultLevel.JP_OUTPUT,
            lead=draw(maybe_known),
            children=tuple(
                draw(outputs(code=f"{i + 1}.{j + 1}", organisations=known, notes=notes))
                for j in range(draw(st.integers(0, 2)))
            ),
        )
        for i in range(draw(st.integers(0, 2)))
    )
    walked = ProjectRecord(
        fund=FundRecord(code="F", name="F"), number="N", title="T", results=results
    )
    result_codes = [r.code for r in walked.walk_results()]
    indicator_codes = [i.code for r in walked.walk_results() for i in r.indicators]
    participants = draw(st.lists(st.sampled_from(known), unique=True)) if known else []
    return ProjectRecord(
        fund=FundRecord(
            code=draw(codes),
            name=draw(texts),
            currency=draw(st.from_regex(r"[A-Z]{3}", fullmatch=True)),
            administrative_agent=draw(maybe_known),
            conventions=draw(conventions),
        ),
        number=draw(codes),
        title=draw(texts),
        organisations=organisations,
        participations=tuple(
            ParticipationRecord(
                organisation=code,
                role=draw(st.sampled_from(Role)),
                approved_budget=draw(optional_decimals),
            )
            for code in participants
        ),
        description=draw(rich_texts),
        sector=draw(texts),
        sector_code=draw(st.sampled_from(["", "15151"])),
        thematic_group=draw(texts),
        line_ministry=draw(maybe_known),
        location=draw(texts),
        approval_date=draw(optional_dates),
        start_date=draw(optional_dates),
        planned_end_date=draw(optional_dates),
        revised_end_date=draw(optional_dates),
        status=draw(st.sampled_from(ProjectStatus)),
        development_goal=draw(rich_texts),
        undaf_outcome=draw(rich_texts),
        immediate_objective=draw(rich_texts),
        procurement_plan=tuple(draw(st.lists(texts, max_size=2))),
        results=results,
        footnotes=footnotes,
        reported_total_budget=draw(optional_decimals),
        reported_duration_months=draw(st.none() | st.integers(0, 240)),
        periods=tuple(
            draw(
                periods(
                    quarter=quarter,
                    indicators=indicator_codes,
                    results=result_codes,
                    organisations=known,
                )
            )
            for quarter in draw(st.lists(quarters, unique=True, max_size=2))
        ),
    )


@settings(max_examples=75, deadline=None)
@given(projects())
def test_a_project_survives_the_trip_through_a_file(project: ProjectRecord) -> None:
    document = project_document(project)
    text = json.dumps(document, ensure_ascii=False, indent=2)
    read_back = parse_project_document(json.loads(text), source="generated")
    assert read_back == project
    assert project_document(read_back) == document


@settings(max_examples=75, deadline=None)
@given(decimals)
def test_a_decimal_survives_the_trip_exactly(number: Decimal) -> None:
    fund = FundRecord(code="F", name="F")
    project = ProjectRecord(fund=fund, number="N", title="T", reported_total_budget=number)
    document = project_document(project)
    assert parse_project_document(document, source="d").reported_total_budget == number
