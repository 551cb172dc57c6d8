"""build_report: every figure computed by the domain rules, claims carried and checked."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from reporting_project import D, with_period

from logframe.domain.checks import check_period
from logframe.domain.periods import Quarter
from logframe.domain.records import FinanceRecord, FootnoteMark, ProjectRecord
from logframe.reporting.build import ReportError, build_report
from logframe.reporting.model import IndicatorRow, ReportModel


def indicator(report: ReportModel, code: str) -> IndicatorRow:
    return next(row for b in report.quantitative for row in b.indicators if row.code == code)


def findings(report: ReportModel) -> set[tuple[str, str]]:
    return {(f.rule, f.where) for f in report.findings}


@pytest.fixture
def report(project: ProjectRecord, quarter: Quarter) -> ReportModel:
    return build_report(project=project, quarter=quarter)


def test_the_header_names_the_project_and_the_quarter(report: ReportModel):
    h = report.header
    assert (h.project_number, h.period_code) == ("G11-23", "2013Q1")
    assert h.period_label == "01 January \N{EN DASH} 31 March 2013 - 1st Quarter 2013"
    assert [(p.code, p.lead, p.budget) for p in h.participants] == [
        ("UNDP", True, "13,947,279.00"),
        ("UNOPS", False, "10,914,712.00"),
    ]
    assert h.line_ministry == "Independent High Electoral Commission (IHEC)"
    assert (h.budget_total.text, h.budget_total.agrees) == ("24,861,991.00", True)
    assert (h.duration.text, h.duration.agrees) == ("36", True)
    assert (h.approval_date, h.start_date, h.completion_date) == (
        "29 September 2010",
        "18 October 2010",
        "17 October 2013",
    )


@pytest.mark.parametrize(
    ("code", "target", "actual", "shown"),
    [
        ("1.1.1", "Yes", "Initiated", "8 %"),  # milestone with an estimate
        ("1.1.6", "Yes", "Initiated", ""),  # started, but no estimate: no %
        ("1.1.8", "19", "13", "68 %"),  # 13 of 19
        ("1.1.9", "340", "498 (468 male / 28 female)", "100 %"),  # capped at 100
        ("1.1.10", "80 %", "93 %", ""),  # percentage indicators are not scored
        ("2.1.6", "tbd by IHEC", "82", "n/a"),  # target to be determined
        ("3.1.4", "252", "25 (22 male / 3 female)", "10 % (reported 5 %)"),
        ("3.1.5", "80 %", "95 % (Test 1) / 98 % (Test 2)", "n/a (reported 97 %)"),
        ("3.1.10", "3", "5", "100 % (reported 101 %)"),
    ],
)
def test_indicator_rows(report: ReportModel, code: str, target: str, actual: str, shown: str):
    row = indicator(report, code)
    assert (row.target, row.actual, row.percent.display) == (target, actual, shown)


def test_a_mismatch_carries_both_figures_and_is_flagged(report: ReportModel):
    percent = indicator(report, "3.1.4").percent
    assert (percent.text, percent.reported_text, percent.mismatch) == ("10 %", "5 %", True)
    assert percent.computed == Decimal(25) * 100 / Decimal(252)  # unrounded
    assert indicator(report, "1.1.8").percent.mismatch is False  # reported 68 agrees


def test_footnote_marks_stand_where_the_report_put_them(report: ReportModel):
    assert indicator(report, "1.1.8").marks.text == (1,)
    assert indicator(report, "2.1.6").marks.target == (3,)


def test_an_output_rolls_up_its_indicators_and_is_checked_against_the_claim(
    report: ReportModel,
):
    blocks = {b.result.code: b for b in report.quantitative}
    # 1.1: mean of 8, 68.42 and 100 (1.1.6 and 1.1.10 have no %) = 58.8, reported 56
    assert blocks["1.1"].percent.display == "59 % (reported 56 %)"
    assert blocks["2.1"].percent.display == "75 %"
    assert blocks["2.1"].result.responsible == "UNDP (lead), UNOPS"
    assert blocks["1"].percent.text == ""  # a JP output without indicators has no %
    assert [b.result.label for b in report.quantitative] == [
        "JP Output 1", "Output 1.1", "JP Output 2", "Output 2.1", "JP Output 3", "Output 3.1",
    ]  # fmt: skip


def test_finance_per_agency_and_total(report: ReportModel):
    undp, unops = report.finance.agencies
    total = report.finance.total
    assert undp.committed_pct.display == "41.9 % (reported 41 %)"  # 41.94 rounds to 42, not 41
    assert undp.disbursed_pct.display == "40.1 %"  # reported 40 agrees
    assert (unops.committed_pct.display, unops.disbursed_pct.display) == ("63.9 %", "61.5 %")
    assert (total.committed.display, total.committed_pct.display) == ("12,824,814.81", "51.6 %")
    assert (total.disbursed.display, total.disbursed_pct.display) == ("12,311,346.93", "49.5 %")
    assert total.approved == "24,861,991.00"
    assert undp.forecast_final_date == "17 October 2013"
    assert undp.delay is not None
    assert undp.delay.display == "0"


def test_beneficiaries(report: ReportModel):
    rows = {row.label: row for row in report.beneficiaries}
    assert rows["Men (Target: 1,471)"].percent.display == "99 %"
    assert rows["Women (Target: 368)"].percent.display == "69 %"
    assert (rows["Children"].actual, rows["Children"].percent.text) == ("n/a", "n/a")
    assert rows["Indirect beneficiaries"].note.startswith("By contributing")
    assert len(report.beneficiaries) == 7  # every group, as the seed lists them


def test_the_report_lists_the_domains_findings_in_report_order(
    report: ReportModel, project: ProjectRecord, quarter: Quarter
):
    assert report.findings == check_period(project=project, quarter=quarter)
    assert [(f.rule, f.where) for f in report.findings] == [
        ("finance-pct-mismatch", "UNDP"),
        ("output-pct-mismatch", "1.1"),
        ("milestone-estimate", "1.1.6"),
        ("sex-split", "1.1.9"),
        ("target-tbd", "2.1.6"),
        ("output-pct-mismatch", "3.1"),
        ("pct-mismatch", "3.1.4"),
        ("pct-mismatch", "3.1.5"),
        ("cap-uneven", "3.1.10"),
        ("pct-mismatch", "3.1.10"),
        ("footnote-empty", "footnotes"),
    ]


def test_the_finding_messages_say_what_was_computed(report: ReportModel):
    messages = {(f.rule, f.where): f.message for f in report.findings}
    assert messages["pct-mismatch", "3.1.4"] == (
        "Reported 5 % of planned, computed 9.9 % (25 of 252), which rounds to 10 %."
    )
    assert messages["sex-split", "1.1.9"] == "498 reported, but 468 male + 28 female = 496."


def test_reported_totals_are_checked_against_the_sum(project: ProjectRecord, quarter: Quarter):
    changed = with_period(project, reported_committed_total=D("12824814.00"))
    report = build_report(project=changed, quarter=quarter)
    assert ("total-mismatch", "finance") in findings(report)
    assert report.finance.total.committed.display == "12,824,814.81 (reported 12,824,814.00)"


def test_a_reported_delay_is_checked(project: ProjectRecord, quarter: Quarter):
    (period,) = project.periods
    late = replace(period.finance[1], forecast_final_date=date(2014, 1, 17))
    report = build_report(
        project=with_period(project, finance=(period.finance[0], late)), quarter=quarter
    )
    delay = report.finance.agencies[1].delay
    assert delay is not None
    assert delay.display == "3 (reported 0)"
    assert ("dates", "UNOPS") in findings(report)


def test_a_budget_total_that_is_not_the_sum_of_the_agencies(
    project: ProjectRecord, quarter: Quarter
):
    report = build_report(
        project=replace(project, reported_total_budget=D(24861990)), quarter=quarter
    )
    assert ("total-mismatch", "header") in findings(report)
    assert report.header.budget_total.mismatch


def test_a_reported_duration_is_checked(project: ProjectRecord, quarter: Quarter):
    report = build_report(project=replace(project, reported_duration_months=35), quarter=quarter)
    assert ("dates", "dates") in findings(report)


def test_a_footnote_referenced_but_missing(project: ProjectRecord, quarter: Quarter):
    activity = replace(
        project.results[0].children[0].activities[0], footnotes=(FootnoteMark(number=9),)
    )
    output = replace(project.results[0].children[0], activities=(activity,))
    jp = replace(project.results[0], children=(output,))
    report = build_report(
        project=replace(project, results=(jp, *project.results[1:])), quarter=quarter
    )
    assert ("footnote-missing", "footnotes") in findings(report)
    assert report.outputs.activities[0].marks == (9,)


def test_a_finance_record_of_an_agency_without_a_budget(project: ProjectRecord, quarter: Quarter):
    (period,) = project.periods
    extra = FinanceRecord(organisation="UNICEF", committed=D(10), disbursed=D(5))
    report = build_report(
        project=with_period(project, finance=(*period.finance, extra)), quarter=quarter
    )
    unicef = report.finance.agencies[2]
    assert (unicef.label, unicef.committed.text, unicef.committed_pct.text) == (
        "UNICEF",
        "10.00",
        "n/a",
    )


def test_narratives_follow_the_result_tree(report: ReportModel):
    (narrative,) = report.qualitative.narratives  # 3.1 has a claim but no narrative
    assert narrative.heading == (
        "Output 1.1: IHEC has improved institutional transparency and accountability"
    )
    assert "<strong>Data centre:</strong>" in narrative.html


def test_an_unknown_quarter_is_a_clear_error(project: ProjectRecord):
    with pytest.raises(ReportError, match=r"G11-23 has no period 2013Q2 \(it has: 2013Q1\)"):
        build_report(project=project, quarter=Quarter(year=2013, number=2))


def test_reporting_imports_no_django():
    code = (
        "import sys, logframe.reporting.build, logframe.reporting.html,"
        " logframe.reporting.markdown; print(sorted(m for m in sys.modules if 'django' in m))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
