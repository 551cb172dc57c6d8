"""The finding itself, and the comparisons several rules share: a %, a total."""

from decimal import Decimal as D

import pytest

from logframe.domain.findings import (
    Finding,
    Severity,
    check_reported_percent,
    check_reported_total,
    truncates,
)
from logframe.domain.percentages import ratio_percent

UNDP_COMMITTED = ratio_percent(part=D("5848841.07"), whole=D("13947279"))


def test_a_finding_as_json_has_exactly_its_fields_decimals_as_text() -> None:
    finding = Finding(
        rule="pct-mismatch",
        severity=Severity.ERROR,
        where="3.1.4",
        message="Reported 5 % of planned, computed 9.9 % (25 of 252), which rounds to 10 %.",
        computed=D("9.92"),
        reported=D(5),
        source="report.txt:123",
    )
    assert finding.to_json() == {
        "rule": "pct-mismatch",
        "severity": "error",
        "where": "3.1.4",
        "message": "Reported 5 % of planned, computed 9.9 % (25 of 252), which rounds to 10 %.",
        "computed": "9.92",
        "reported": "5",
        "source": "report.txt:123",
    }


def test_a_finding_without_figures_gives_nulls() -> None:
    finding = Finding(rule="target-tbd", severity=Severity.INFO, where="2.1.6", message="m.")
    assert finding.to_json() == {
        "rule": "target-tbd",
        "severity": "info",
        "where": "2.1.6",
        "message": "m.",
        "computed": None,
        "reported": None,
        "source": "",
    }


@pytest.mark.parametrize(
    ("computed", "reported", "cut"),
    [
        (UNDP_COMMITTED, D(41), True),  # 41.94 cut to 41: the seed's slip
        (UNDP_COMMITTED, D(42), False),  # rounded
        (D("9.92"), D(9), True),
        (D("51.58"), D("51.5"), True),
        (D("51.58"), D("51.6"), False),
    ],
)
def test_truncates(computed: D, reported: D, cut: bool) -> None:
    assert truncates(computed=computed, reported=reported) is cut


@pytest.mark.parametrize(
    ("computed", "reported", "basis", "message"),
    [
        pytest.param(UNDP_COMMITTED, D(41), "5,848,841.07 of 13,947,279.00",
                     "Reported 41 %, computed 41.9 % (5,848,841.07 of 13,947,279.00):"
                     " truncated, not rounded.", id="seed-undp-truncated"),
        pytest.param(D(2500) / 252, D(5), "25 of 252",
                     "Reported 5 %, computed 9.9 % (25 of 252), which rounds to 10 %.",
                     id="seed-3.1.4"),
        pytest.param(D(100), D(101), "5 of 3, capped at 100",
                     "Reported 101 %, computed 100 % (5 of 3, capped at 100).", id="seed-3.1.10"),
        pytest.param(D("62.96"), D(60), "",
                     "Reported 60 %, computed 63 %.", id="made-up-whole"),
    ],
)  # fmt: skip
def test_a_reported_percent_that_slipped_is_an_error_with_the_figures(
    computed: D, reported: D, basis: str, message: str
) -> None:
    finding = check_reported_percent(
        rule="pct-mismatch", where="x", computed=computed, reported=reported, basis=basis
    )
    assert finding == Finding(
        rule="pct-mismatch",
        severity=Severity.ERROR,
        where="x",
        message=message,
        computed=computed,
        reported=reported,
    )


def test_label_and_of_name_the_figure() -> None:
    finding = check_reported_percent(
        rule="finance-pct-mismatch",
        where="UNOPS",
        computed=D("63.91"),
        reported=D(60),
        label="Committed",
        of="of approved",
        source="report.txt:49",
    )
    assert finding is not None
    assert finding.message == (
        "Committed: reported 60 % of approved, computed 63.9 %, which rounds to 64 %."
    )
    assert finding.source == "report.txt:49"


def test_a_percent_reported_where_none_can_be_computed_is_a_warning() -> None:
    finding = check_reported_percent(
        rule="pct-mismatch",
        where="3.1.5",
        computed=None,
        reported=D(97),
        of="of planned",
        why_none="the fund does not score indicators measured as a percentage",
    )
    assert finding is not None
    assert (finding.severity, finding.computed, finding.reported) == (
        Severity.WARNING,
        None,
        D(97),
    )
    assert finding.message == (
        "Reported 97 % of planned, but no % can be computed:"
        " the fund does not score indicators measured as a percentage."
    )


@pytest.mark.parametrize(
    ("computed", "reported"),
    [
        (ratio_percent(part=D("12824814.81"), whole=D("24861991")), D("51.6")),
        (ratio_percent(part=D("5594796.22"), whole=D("13947279")), D(40)),
        (D("62.5"), D(63)),
        (D(10), None),
        (None, None),
    ],
)
def test_an_agreeing_percent_gives_no_finding(computed: D | None, reported: D | None) -> None:
    assert check_reported_percent(rule="r", where="x", computed=computed, reported=reported) is None


def test_reported_total_must_equal_its_parts() -> None:
    parts = [D("5848841.07"), D("6975973.74")]

    def check(reported: D | None, parts: list[D] = parts) -> Finding | None:
        return check_reported_total(
            rule="total-mismatch",
            where="finance",
            label="Funds committed (total)",
            parts=parts,
            reported=reported,
            parts_name="agencies",
        )

    assert check(D("12824814.81")) is None
    assert check(None) is None
    assert check(D(3), parts=[]) is None
    finding = check(D("12824814.80"))
    assert finding is not None
    assert (finding.rule, finding.severity, finding.where) == (
        "total-mismatch",
        Severity.ERROR,
        "finance",
    )
    assert finding.message == (
        "Funds committed (total) reported as 12,824,814.80,"
        " but the 2 agencies add up to 12,824,814.81."
    )
