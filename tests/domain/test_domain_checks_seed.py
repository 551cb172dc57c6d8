"""check_period on the seed report: exactly its slips, in report order, quickly."""

from __future__ import annotations

import time
from dataclasses import replace
from decimal import Decimal as D

import pytest
from checks_records import Q1_2013, corrected_seed, seed, seed_period, with_period

from logframe.domain.checks import check_period
from logframe.domain.conventions import Conventions
from logframe.domain.findings import Severity
from logframe.domain.periods import Quarter
from logframe.domain.records import SourceCell

SEED_FINDINGS = [
    ("finance-pct-mismatch", "UNDP"),  # 41 % reported, 41.9 % computed: truncated
    ("status-word", "1.1.2"),  # "Yes"
    ("status-word", "1.1.5"),  # "Yes"
    ("sex-split", "1.1.9"),  # 468 + 28 = 496, not 498
    ("output-pct-mismatch", "1.2"),  # 61 % reported, 48.65 % computed
    ("missing-actual", "1.2.2"),  # target Yes, actual blank
    ("sex-split", "1.2.5"),  # 185 + 67 = 252, not 253
    ("status-word", "2.1.1"),  # "Part"
    ("sex-split", "2.1.4"),  # 86 + 23 = 109, not 107
    ("target-tbd", "2.1.6"),
    ("target-tbd", "2.1.7"),
    ("output-pct-mismatch", "3.1"),  # 63 % reported, 58.74 % computed
    ("pct-mismatch", "3.1.4"),  # 5 % reported, 9.92 % computed
    ("pct-mismatch", "3.1.5"),  # 97 % reported, a percentage indicator has none
    ("missing-actual", "3.1.8"),  # target 8, actual blank
    ("cap-uneven", "3.1.10"),  # 101 % while the other over-achievers say 100 %
    ("pct-mismatch", "3.1.10"),  # 101 % reported, capped at 100
    ("narrative-repeated", "1.3"),  # the Maputo conference, also under 1.2
    ("footnote-empty", "footnotes"),  # note 7 has no text
]


def test_the_seed_gives_exactly_its_slips_in_report_order() -> None:
    found = check_period(project=seed(), quarter=Q1_2013)
    assert [(f.rule, f.where) for f in found] == SEED_FINDINGS


def test_the_seeds_messages() -> None:
    messages = {(f.rule, f.where): f.message for f in check_period(project=seed(), quarter=Q1_2013)}
    assert messages["finance-pct-mismatch", "UNDP"] == (
        "Committed: reported 41 % of approved, computed 41.9 % (5,848,841.07 of 13,947,279.00):"
        " truncated, not rounded."
    )
    assert messages["output-pct-mismatch", "1.2"] == (
        "Reported 61 % of planned, computed 48.7 % (the mean of 5 indicators' %),"
        " which rounds to 49 %."
    )
    assert messages["narrative-repeated", "1.3"].endswith(
        "repeats, almost word for word, one under output 1.2."
    )


def test_the_seeds_severities() -> None:
    found = check_period(project=seed(), quarter=Q1_2013)
    severities = [f.severity for f in found]
    assert (
        severities.count(Severity.ERROR),
        severities.count(Severity.WARNING),
        severities.count(Severity.INFO),
    ) == (5, 8, 6)


def test_indicator_findings_name_their_source_line() -> None:
    found = check_period(project=seed(), quarter=Q1_2013)
    sources = {f.where: f.source for f in found if f.rule == "sex-split"}
    assert sources == {
        "1.1.9": "itf-g11-23-2013q1-progress-report.txt:76",
        "1.2.5": "itf-g11-23-2013q1-progress-report.txt:88",
        "2.1.4": "itf-g11-23-2013q1-progress-report.txt:107",
    }


def test_a_source_cell_gives_the_location_and_an_unread_one_is_found() -> None:
    cells = (
        SourceCell(where="UNDP", field="committed_pct", text="41 %", location="r.docx: t5 r1 c4"),
        SourceCell(where="3.1.5", field="actual", text="95(Test 1) /98 Test 2)",
                   location="r.docx: t9 r5 c3", understood=False),
        SourceCell(where="2.1.1", field="actual", text="Part", location="r.docx: t8 r2 c3"),
        SourceCell(where="1.3", field="narrative", text="Support under...", location="r.docx: p40"),
    )  # fmt: skip
    project = with_period(seed(), replace(seed_period(), sources=cells))
    found = {(f.rule, f.where): f for f in check_period(project=project, quarter=Q1_2013)}
    assert found["finance-pct-mismatch", "UNDP"].source == "r.docx: t5 r1 c4"
    assert found["status-word", "2.1.1"].source == "r.docx: t8 r2 c3"
    assert found["narrative-repeated", "1.3"].source == "r.docx: p40"
    unread = found["unparsed-cell", "3.1.5"]
    assert (unread.severity, unread.source) == (Severity.WARNING, "r.docx: t9 r5 c3")


def test_a_source_cells_text_decides_the_status_word() -> None:
    cells = (SourceCell(where="2.1.1", field="actual", text="Partially", location="r:104"),)
    project = with_period(seed(), replace(seed_period(), sources=cells))
    found = {(f.rule, f.where) for f in check_period(project=project, quarter=Q1_2013)}
    assert ("status-word", "2.1.1") not in found
    assert ("status-word", "1.1.2") in found  # no cell: the printed actual text decides


def test_the_corrected_seed_raises_no_error_and_no_warning() -> None:
    found = check_period(project=corrected_seed(), quarter=Q1_2013)
    assert [(f.rule, f.where) for f in found if f.severity is not Severity.INFO] == []
    assert [(f.rule, f.where) for f in found] == [
        ("status-word", "1.1.2"),
        ("status-word", "1.1.5"),
        ("status-word", "2.1.1"),
        ("target-tbd", "2.1.6"),
        ("target-tbd", "2.1.7"),
    ]


def test_a_fund_that_does_not_cap_sees_the_seeds_100s_as_uneven() -> None:
    project = seed()
    fund = replace(project.fund, conventions=Conventions(cap_at_100=False))
    found = check_period(project=replace(project, fund=fund), quarter=Q1_2013)
    uneven = [f.where for f in found if f.rule == "cap-uneven"]
    assert uneven == ["1.1.9", "1.3.6", "1.3.7", "2.1.2", "2.1.4", "2.1.8", "2.2.1"]
    undercounted = next(f for f in found if (f.rule, f.where) == ("pct-mismatch", "1.1.9"))
    assert undercounted.reported == D(100)


def test_an_unknown_period_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="G11-23 has no period 2013Q2"):
        check_period(project=seed(), quarter=Quarter(year=2013, number=2))


def test_the_same_record_gives_the_same_findings() -> None:
    first = check_period(project=seed(), quarter=Q1_2013)
    assert check_period(project=seed(), quarter=Q1_2013) == first


def test_check_period_is_fast_on_the_seed() -> None:
    project = seed()
    check_period(project=project, quarter=Q1_2013)  # warm the regular expressions
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        check_period(project=project, quarter=Q1_2013)
        timings.append(time.perf_counter() - start)
    assert min(timings) < 0.050, f"check_period took {min(timings) * 1000:.1f} ms"
