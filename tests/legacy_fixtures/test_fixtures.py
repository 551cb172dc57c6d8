"""The legacy-report fixtures are what they claim to be (pure: runs with ``-p no:django``).

- the files in files/ are what the writer makes of the catalogue today;
- the seed written by the writer is the real seed extract, line for line;
- each Word file opens and has the tables the catalogue says;
- each fixture's slips are exactly its ``expected_findings``, recomputed here with the rules of
  ``logframe.domain`` — so a consistent fixture cannot drift into an inconsistent one.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from logframe.domain.beneficiaries import beneficiary_percent
from logframe.domain.finance import FinanceLine, delay_months, duration_months, finance_figures
from logframe.domain.measures import Actual, Measure, Status, TargetKind
from logframe.domain.percentages import agrees
from logframe.domain.progress import indicator_percent, output_percent
from logframe.domain.records import (
    Disaggregation,
    MarkPlace,
    ProjectRecord,
    ResultLevel,
    ResultRecord,
)
from logframe.interchange.projectfile import (
    parse_project_document,
    project_document,
    read_project_file,
)
from logframe.richtext import sanitise_html

from .catalogue import (
    DISBURSED_ABOVE_COMMITTED,
    FINANCE_PCT_MISMATCH,
    OUTPUT_PCT_MISMATCH,
    PCT_MISMATCH,
    ROOT,
    RULES,
    SEED_RECORD,
    SEX_SPLIT,
    STATUS_PCT,
    TOTAL_MISMATCH,
    Finding,
    Fixture,
    comparable,
    fixtures,
)
from .writer import render_docx, render_txt

FIXTURES = fixtures()
NAMES = [fixture.name for fixture in FIXTURES]
REAL_SEED = (
    ROOT / "examples" / "itf-g11-23" / "itf-g11-23-2013q1-progress-report.txt",
    Path("/work/shared/seed/itf-g11-23-2013q1-progress-report.txt"),
)


def by_name(name: str) -> Fixture:
    return FIXTURES[NAMES.index(name)]


# --------------------------------------------------------------------------------------------
# An independent checker: the rules of catalogue.RULES, from logframe.domain's functions


def findings(record: ProjectRecord) -> set[Finding]:
    conventions = record.fund.conventions
    (period,) = record.periods
    values = {value.indicator: value for value in period.values}
    progress = {p.result: p for p in period.progress}
    found: set[Finding] = set()
    for result in record.walk_results():
        percents = []
        for indicator in result.indicators:
            value = values.get(indicator.code)
            actual = value.actual if value is not None else Actual()
            computed = indicator_percent(
                measure=indicator.measure,
                target=indicator.target,
                actual=actual,
                conventions=conventions,
            )
            percents.append(computed)
            if value is None:
                continue
            if None not in (actual.value, actual.male, actual.female):
                assert actual.value is not None
                assert actual.male is not None
                assert actual.female is not None
                if actual.male + actual.female != actual.value:
                    found.add((SEX_SPLIT, indicator.code))
            if not agrees(computed=computed, reported=value.reported_pct):
                found.add((PCT_MISMATCH, indicator.code))
            milestone = (
                indicator.measure is Measure.MILESTONE
                or indicator.target.kind is TargetKind.MILESTONE
            )
            if milestone and _status_pct_slip(actual):
                found.add((STATUS_PCT, indicator.code))
        if result.code in progress:
            computed_output = output_percent(indicator_percents=percents, conventions=conventions)
            if not agrees(computed=computed_output, reported=progress[result.code].reported_pct):
                found.add((OUTPUT_PCT_MISMATCH, result.code))
    budgets = {p.organisation: p.approved_budget for p in record.participations}
    lines = [
        FinanceLine(
            agency=line.organisation,
            approved=budgets[line.organisation] or Decimal(0),
            committed=line.committed,
            disbursed=line.disbursed,
        )
        for line in period.finance
    ]
    agencies, total = finance_figures(lines=lines)
    for figures, line in zip(agencies, period.finance, strict=True):
        if not (
            agrees(computed=figures.committed_pct, reported=line.reported_committed_pct)
            and agrees(computed=figures.disbursed_pct, reported=line.reported_disbursed_pct)
        ):
            found.add((FINANCE_PCT_MISMATCH, line.organisation))
        if None not in (line.committed, line.disbursed):
            assert line.committed is not None
            assert line.disbursed is not None
            if line.disbursed > line.committed:
                found.add((DISBURSED_ABOVE_COMMITTED, line.organisation))
    if not (
        agrees(computed=total.committed_pct, reported=period.reported_committed_pct)
        and agrees(computed=total.disbursed_pct, reported=period.reported_disbursed_pct)
    ):
        found.add((FINANCE_PCT_MISMATCH, "finance"))
    for reported, parts in (
        (period.reported_committed_total, total.committed),
        (period.reported_disbursed_total, total.disbursed),
    ):
        if reported is not None and reported != parts:
            found.add((TOTAL_MISMATCH, "finance"))
    return found


def _status_pct_slip(actual: Actual) -> bool:
    status, estimate = actual.status, actual.estimated_pct
    if status is None:
        return False
    if estimate is None:
        return status in (Status.INITIATED, Status.PARTIALLY)
    return (status is Status.COMPLETED) != (estimate >= 100)


# --------------------------------------------------------------------------------------------
# The catalogue


def test_the_catalogue_has_the_seed_and_at_least_six_synthetic_reports() -> None:
    assert NAMES[0] == "itf-g11-23-2013q1"
    assert len(NAMES) >= 7
    assert len(set(NAMES)) == len(NAMES)


def test_the_seed_fixture_is_the_hand_transcription() -> None:
    assert by_name("itf-g11-23-2013q1").record == read_project_file(SEED_RECORD)


@pytest.mark.parametrize("name", NAMES)
def test_expected_findings_are_exactly_the_slips_in_the_report(name: str) -> None:
    fixture = by_name(name)
    assert {rule for rule, _ in fixture.expected_findings} <= set(RULES)
    assert list(fixture.expected_findings) == sorted(set(fixture.expected_findings))
    assert findings(fixture.record) == set(fixture.expected_findings)


@pytest.mark.parametrize("name", NAMES)
def test_figures_without_a_slip_rule_are_right_in_every_fixture(name: str) -> None:
    """Beneficiaries, budget, duration and delay never hold a slip: a checker may trust them."""
    record = by_name(name).record
    (period,) = record.periods
    for figure in period.beneficiaries:
        computed = beneficiary_percent(target=figure.target, actual=figure.actual)
        assert agrees(computed=computed, reported=figure.reported_pct), figure
    budgets = [p.approved_budget for p in record.participations if p.approved_budget]
    assert record.reported_total_budget == sum(budgets, Decimal(0))
    assert record.start_date
    assert record.planned_end_date
    assert record.reported_duration_months == duration_months(
        start=record.start_date, end=record.planned_end_date
    )
    for line in period.finance:
        assert line.reported_delay_months == delay_months(
            planned_end=record.planned_end_date, forecast_end=line.forecast_final_date
        )


def test_there_is_an_entirely_consistent_and_clean_report() -> None:
    consistent = [f for f in FIXTURES if not f.expected_findings]
    assert consistent
    assert any(f.clean for f in consistent)


@pytest.mark.parametrize("name", [f.name for f in FIXTURES if f.clean])
def test_a_clean_report_has_nothing_else_worth_a_warning(name: str) -> None:
    record = by_name(name).record
    (period,) = record.periods
    values = {value.indicator: value for value in period.values}
    for result in record.walk_results():
        for indicator in result.indicators:
            assert indicator.target.kind in (TargetKind.NUMBER, TargetKind.MILESTONE)
            assert indicator.code in values, f"{indicator.code} has a blank actual"
    assert all(footnote.text for footnote in record.footnotes)
    narratives = [p.narrative for p in period.progress] + [period.summary]
    paragraphs = [block for html in narratives for block in html.split("\n")]
    assert len(paragraphs) == len(set(paragraphs)), "a narrative paragraph is repeated"


@pytest.mark.parametrize("name", NAMES)
def test_records_survive_the_project_file_and_their_rich_text_is_sanitised(name: str) -> None:
    fixture = by_name(name)
    record = fixture.record
    assert parse_project_document(project_document(record), source=name) == record
    assert read_project_file(fixture.json_path) == record
    period = record.periods[0]
    for html in (
        record.description,
        record.development_goal,
        record.undaf_outcome,
        record.immediate_objective,
        period.summary,
        period.constraints,
        *(p.narrative for p in period.progress),
    ):
        assert sanitise_html(html) == html


def test_comparable_blanks_only_what_the_report_does_not_print() -> None:
    record = by_name("itf-g11-23-2013q1").record
    blank = comparable(record)
    assert blank.title == record.title
    assert blank.periods[0].values[0].source == ""
    assert blank.periods[0].values[0].actual == record.periods[0].values[0].actual
    assert comparable(blank) == blank


# --------------------------------------------------------------------------------------------
# The variety the importer is to be judged on


def _all_results(fixture: Fixture) -> tuple[ResultRecord, ...]:
    return fixture.record.walk_results()


def test_the_fixtures_vary_agencies_quarters_and_shapes() -> None:
    synthetic = FIXTURES[1:]
    assert {len(f.record.participations) for f in synthetic} == {1, 2, 3}
    assert {f.record.periods[0].quarter.number for f in synthetic} == {1, 2, 3, 4}
    assert len({f.record.periods[0].quarter.year for f in synthetic}) >= 3
    assert len({f.record.sector for f in synthetic}) == len(synthetic)
    assert len({f.record.fund.name for f in FIXTURES}) >= 2
    jp_counts = {len(f.record.results) for f in synthetic}
    assert {1, 4} <= jp_counts
    output_counts = {len(jp.children) for f in synthetic for jp in f.record.results}
    assert {1, 4} <= output_counts
    indicator_counts = {
        len(r.indicators)
        for f in synthetic
        for r in _all_results(f)
        if r.level is ResultLevel.OUTPUT
    }
    assert min(indicator_counts) == 2
    assert max(indicator_counts) == 12
    assert {True, False} == {f.layout.first_output_quirk for f in synthetic}


def test_the_fixtures_hold_every_kind_of_indicator_and_way_of_writing() -> None:
    kinds: Counter[str] = Counter()
    words: set[str] = set()
    texts: set[str] = set()
    for fixture in FIXTURES:
        values = {v.indicator: v for v in fixture.record.periods[0].values}
        for result in _all_results(fixture):
            for indicator in result.indicators:
                value = values.get(indicator.code)
                kinds[indicator.measure.value] += 1
                kinds[f"target:{indicator.target.kind.value}"] += 1
                if indicator.target_text in ("", "n/a"):
                    kinds[f"target-text:{indicator.target_text or 'blank'}"] += 1
                if value is None:
                    kinds["blank-actual"] += 1
                    continue
                texts.add(value.actual_text)
                if value.actual.male is not None:
                    kinds["sex-split"] += 1
                if indicator.disaggregation is Disaggregation.SEX and value.actual.male is None:
                    kinds["sex-disaggregated-but-not-split"] += 1
                if value.actual.parts:
                    kinds[f"parts:{indicator.measure.value}"] += 1
                if value.actual.status is not None:
                    words.add(value.actual_text)
                if value.reported_pct_text == "n/a":
                    kinds["pct-n/a"] += 1
    for kind in (
        "count",
        "percentage",
        "milestone",
        "target:number",
        "target:milestone",
        "target:tbd",
        "target:none",
        "target-text:blank",
        "target-text:n/a",
        "blank-actual",
        "sex-split",
        "sex-disaggregated-but-not-split",
        "parts:count",
        "parts:percentage",
        "pct-n/a",
    ):
        assert kinds[kind], kind
    assert {"Initiated", "initiated", "Part", "Partially", "Completed", "Yes",
            "Not yet initiated"} <= words  # fmt: skip
    places = {
        mark.place
        for fixture in FIXTURES[1:]
        for result in _all_results(fixture)
        for indicator in result.indicators
        for mark in indicator.footnotes
    }
    assert places == set(MarkPlace)
    assert any("male /" in text for text in texts)
    assert any("," in text for text in texts)  # thousands


# --------------------------------------------------------------------------------------------
# The files


@pytest.mark.parametrize("name", NAMES)
def test_the_txt_file_is_up_to_date(name: str) -> None:
    fixture = by_name(name)
    written = fixture.txt_path.read_text(encoding="utf-8")
    assert written == render_txt(fixture.record, fixture.layout), (
        "stale: run python -m tests.legacy_fixtures.generate"
    )


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name) for name in package.namelist()}


@pytest.mark.parametrize("name", NAMES)
def test_the_docx_file_is_up_to_date(name: str) -> None:
    fixture = by_name(name)
    written = _members(fixture.docx_path.read_bytes())
    fresh = _members(render_docx(fixture.record, fixture.layout))
    assert written.keys() == fresh.keys()
    assert written["word/document.xml"] == fresh["word/document.xml"], (
        "stale: run python -m tests.legacy_fixtures.generate"
    )
    assert written == fresh


@pytest.mark.parametrize("name", NAMES)
def test_each_docx_opens_and_has_the_expected_tables(name: str) -> None:
    fixture = by_name(name)
    document = docx.Document(str(fixture.docx_path))
    tables = document.tables
    assert len(tables) == fixture.table_count
    record = fixture.record
    header, outputs, *finance, beneficiaries, quantitative = tables
    assert len(header.columns) == 6
    assert [cell.text for cell in header.rows[0].cells][:2] == ["Title", record.title]
    assert len({cell._tc for cell in header.rows[0].cells}) == 2  # merged across 5 columns
    assert len({cell._tc for cell in header.rows[4].cells}) == 6  # the dates row
    assert [row.cells[0].text for row in outputs.rows][1:] == [
        "Outputs",
        "Activities",
        "Procurement",
    ]
    agencies = [line.organisation for line in record.periods[0].finance]
    assert [t.rows[0].cells[0].text for t in finance] == [
        *(f"Funds Committed ({code})" for code in agencies),
        "Funds Committed (total)",
    ]
    assert len(beneficiaries.rows) == 8
    outputs_count = sum(1 for r in record.walk_results() if r.level is ResultLevel.OUTPUT)
    indicators = sum(len(r.indicators) for r in record.walk_results())
    quirk = 1 if fixture.layout.first_output_quirk else 0
    assert len(quantitative.columns) == 4
    assert len(quantitative.rows) == 1 + outputs_count + quirk + indicators
    footnotes = [p for p in document.paragraphs if p.style and p.style.name == "Footnote Text"]
    assert [p.runs[0].text for p in footnotes] == [str(n) for n in _printed_footnotes(fixture)]
    assert all(p.runs[0].font.superscript for p in footnotes)


def _printed_footnotes(fixture: Fixture) -> list[int]:
    """The numbers of the footnotes the txt prints, in its order."""
    marks = "⁰¹²³⁴⁵⁶⁷⁸⁹"
    numbers = []
    for line in fixture.txt_path.read_text(encoding="utf-8").split("\n"):
        first = line.split(" ")[0]
        if first and all(char in marks for char in first):
            numbers.append(int("".join(str(marks.index(char)) for char in first)))
    return numbers


# --------------------------------------------------------------------------------------------
# The seed, written by the writer, against the real extract


def test_the_seed_txt_is_the_real_seed_line_by_line() -> None:
    """The writer's seed is the real extract byte for byte.

    Differing lines: none. (Every quirk of the real extract that the record does not hold —
    "41 %" against "40%", "1.1.8." with its full stop, footnote marks inside texts, the
    wording of output 2.1 in the table, the page breaks — is in the seed fixture's Layout.)
    """
    real = next((path for path in REAL_SEED if path.exists()), None)
    if real is None:
        pytest.skip("the real seed extract is not here")
    fixture = by_name("itf-g11-23-2013q1")
    mine = fixture.txt_path.read_text(encoding="utf-8").split("\n")
    theirs = real.read_text(encoding="utf-8").split("\n")
    differing = [
        (number, a, b)
        for number, (a, b) in enumerate(zip(mine, theirs, strict=False), start=1)
        if a != b
    ]
    assert len(mine) == len(theirs)
    assert differing == []
