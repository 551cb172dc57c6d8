"""The legacy-report fixtures: records, how each is laid out, and the slips each report holds.

``fixtures()`` lists them: the seed (ITF G11-23, 2013 Q1) and synthetic reports from a
deterministic generator (``synthetic.py``). Each fixture's files are in ``files/``
(``python -m tests.legacy_fixtures.generate`` rewrites them).

An importer reading ``fixture.txt_path`` or ``fixture.docx_path`` should give back
``fixture.record`` — compare both through ``comparable()``, which blanks what the report does
not print — and its checks should find exactly ``fixture.expected_findings``.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from logframe.domain.records import (
    FundRecord,
    IndicatorRecord,
    IndicatorValueRecord,
    OrganisationRecord,
    PeriodRecord,
    PeriodState,
    ProjectRecord,
    ProjectStatus,
    ResultRecord,
)
from logframe.interchange.projectfile import read_project_file

from .writer import Layout, PageBreak, html_blocks

ROOT = Path(__file__).resolve().parents[2]
FILES = Path(__file__).resolve().parent / "files"
SEED_RECORD = ROOT / "examples" / "itf-g11-23" / "project.json"

# The data-quality rules the fixtures' slips are about: the one place their ids are spelled.
SEX_SPLIT = "sex-split"
PCT_MISMATCH = "pct-mismatch"
OUTPUT_PCT_MISMATCH = "output-pct-mismatch"
FINANCE_PCT_MISMATCH = "finance-pct-mismatch"
TOTAL_MISMATCH = "total-mismatch"
DISBURSED_ABOVE_COMMITTED = "disbursed-above-committed"
STATUS_PCT = "status-pct"

RULES: dict[str, str] = {
    SEX_SPLIT: "an actual's male + female differs from its total (where: indicator code)",
    PCT_MISMATCH: "an indicator's reported % of planned disagrees with the rule's, at the "
    "printed precision, or is reported where none can be computed (where: indicator code)",
    OUTPUT_PCT_MISMATCH: "an output's reported % is not the mean of its indicators' "
    "(where: output code)",
    FINANCE_PCT_MISMATCH: "an agency's committed or disbursed % of approved disagrees with "
    "the amounts, at the printed precision (where: agency code, or 'finance' for the total)",
    TOTAL_MISMATCH: "the total committed or disbursed is not the sum of the agencies' "
    "(where: 'finance')",
    DISBURSED_ABOVE_COMMITTED: "an agency disbursed more than it committed (where: agency code)",
    STATUS_PCT: "a milestone's status and its % disagree: Completed below 100 %, another "
    "status at 100 %, or Initiated/Partially with no % (where: indicator code)",
}

Finding = tuple[str, str]  # (rule id, where)


@dataclass(frozen=True)
class Fixture:
    """One report: the record it was written from, its layout, and the slips it holds.

    ``expected_findings``: the findings of the rules in ``RULES`` a correct checker gives on
    this report, sorted; empty for a report whose arithmetic is right. ``clean``: also nothing
    else worth a warning (no blank actual, no target to be determined, no empty footnote).
    """

    name: str
    record: ProjectRecord
    layout: Layout
    expected_findings: tuple[Finding, ...]
    varies: str  # what this fixture varies, in a line
    clean: bool = False
    json: bool = True  # whether files/ holds the record as a project file (the seed's is examples/)

    @property
    def txt_path(self) -> Path:
        return FILES / f"{self.name}.txt"

    @property
    def docx_path(self) -> Path:
        return FILES / f"{self.name}.docx"

    @property
    def json_path(self) -> Path:
        return FILES / f"{self.name}.json" if self.json else SEED_RECORD

    @property
    def table_count(self) -> int:
        """Tables in the Word form: header, outputs, one per agency's finance, the total
        finance, beneficiaries, quantitative."""
        return 5 + len(self.record.periods[0].finance)


def fixtures() -> list[Fixture]:
    """Every fixture, the seed first."""
    from .synthetic import synthetic_fixtures  # the generator is long; keep it apart

    return [seed_fixture(), *synthetic_fixtures()]


def by_name(name: str) -> Fixture:
    return next(fixture for fixture in fixtures() if fixture.name == name)


# --------------------------------------------------------------------------------------------
# The seed


def _words_through(html: str, block: int, through: str) -> int:
    """How many words of the ``block``-th block of ``html`` run up to ``through`` included."""
    text = html_blocks(html)[block - 1][1]
    return len(text[: text.index(through) + len(through)].split(" "))


def seed_fixture() -> Fixture:
    """ITF G11-23, 2013 Q1: the hand-transcribed record, laid out as the real report is.

    Its txt differs from the real extract in no line (see test_fixtures.py). Slips: the ones
    docs/figures.md lists for the seed.
    """
    record = read_project_file(SEED_RECORD)
    narrative = {p.result: p.narrative for p in record.periods[0].progress}
    layout = Layout(
        first_output_quirk=True,
        single_output_as_jp=True,
        spaced_pcts=frozenset(
            {
                "output:1.1",
                "output:1.2",
                "output:1.3",
                "output:2.2",
                "output:3.1",
                "finance:UNDP:committed",
                "finance:total:committed",
                "beneficiary:men",
            }
        ),
        dotted_codes=frozenset({"1.1.8"}),
        mark_after={
            "activity:1.1.8": "activities",
            "indicator:1.1.8": "activities",
            "activity:2.2.1": "activities",
            "indicator:2.2.1": "activities",
        },
        table_texts={
            "2.1": "IHEC has enhanced internal capacity building and professional development"
            " strategy"
        },
        activities_run_in=1,
        page_breaks=(
            PageBreak("activities", "1.3.2"),
            PageBreak("table", "1.1.9", words=7),
            PageBreak("table", "output:2.1", words=14),
            PageBreak("table", "3.1.4"),
            PageBreak(
                "progress:1.1",
                "3",
                words=_words_through(narrative["1.1"], 3, "campaign implemented by"),
            ),
            PageBreak(
                "progress:1.2", "3", words=_words_through(narrative["1.2"], 3, "were printed")
            ),
            PageBreak("progress:3.1", "6"),
            PageBreak(
                "progress:3.1", "19", words=_words_through(narrative["3.1"], 19, "newly acquired")
            ),
        ),
        footnote_line_breaks={3: "2011 activities:"},
    )
    findings = (
        (SEX_SPLIT, "1.1.9"),  # 498 vs 468 + 28
        (SEX_SPLIT, "1.2.5"),  # 253 vs 185 + 67
        (SEX_SPLIT, "2.1.4"),  # 107 vs 86 + 23
        (PCT_MISMATCH, "3.1.4"),  # 5 % reported, 25 of 252 is 10 %
        (PCT_MISMATCH, "3.1.5"),  # 97 % reported on a percentage indicator: none computable
        (PCT_MISMATCH, "3.1.10"),  # 101 % reported, capped at 100
        (OUTPUT_PCT_MISMATCH, "1.2"),  # 61 % reported, mean 49
        (OUTPUT_PCT_MISMATCH, "3.1"),  # 63 % reported, mean 59
        (FINANCE_PCT_MISMATCH, "UNDP"),  # committed 41 % reported, 41.94 rounds to 42
    )
    return Fixture(
        name="itf-g11-23-2013q1",
        record=record,
        layout=layout,
        expected_findings=tuple(sorted(findings)),
        varies="the real seed: governance, UNDP + UNOPS, 3 JP outputs / 6 outputs / 51 "
        "indicators, the first-output quirk, wrapped rows, 5 footnotes (one empty)",
        json=False,
    )


# --------------------------------------------------------------------------------------------
# Comparing an importer's record with a fixture's


def comparable(record: ProjectRecord) -> ProjectRecord:
    """The record with what the report does not print set to neutral values.

    Not printed: the fund's code, currency and conventions; the UN agencies' names (only
    their codes are printed; the line ministry's name is); organisations' IATI refs; the
    project's DAC sector code, status and revised end date; indicators' unit, baseline and
    cumulative flag; an indicator value's comment and provenance (``source``); the period's
    state, procurement progress and source cells.
    """
    printed_names = {record.line_ministry}
    return dataclasses.replace(
        record,
        fund=FundRecord(code="", name=record.fund.name),
        organisations=tuple(
            OrganisationRecord(
                code=org.code,
                name=org.name if org.code in printed_names else "",
                kind=org.kind,
            )
            for org in record.organisations
        ),
        sector_code="",
        status=ProjectStatus.ONGOING,
        revised_end_date=None,
        results=tuple(_comparable_result(result) for result in record.results),
        periods=tuple(_comparable_period(period) for period in record.periods),
    )


def _comparable_result(result: ResultRecord) -> ResultRecord:
    return dataclasses.replace(
        result,
        indicators=tuple(_comparable_indicator(i) for i in result.indicators),
        children=tuple(_comparable_result(child) for child in result.children),
    )


def _comparable_indicator(indicator: IndicatorRecord) -> IndicatorRecord:
    return dataclasses.replace(indicator, unit="", baseline=None, baseline_text="", cumulative=True)


def _comparable_period(period: PeriodRecord) -> PeriodRecord:
    return dataclasses.replace(
        period,
        state=PeriodState.OPEN,
        procurement="",
        sources=(),
        values=tuple(_comparable_value(value) for value in period.values),
    )


def _comparable_value(value: IndicatorValueRecord) -> IndicatorValueRecord:
    return dataclasses.replace(value, comment="", source="")
