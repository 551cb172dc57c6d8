"""Data-quality findings: the seed's slips, found by rule and told in plain words."""

from decimal import Decimal as D

import pytest

from logframe.domain.conventions import Conventions
from logframe.domain.findings import (
    Finding,
    Severity,
    check_milestone_estimate,
    check_reported_percent,
    check_reported_total,
    check_sex_split,
)
from logframe.domain.measures import Status
from logframe.domain.percentages import ratio_percent

UNDP_COMMITTED = ratio_percent(part=D("5848841.07"), whole=D("13947279"))


def test_a_reported_percent_that_slipped_is_an_error_with_the_figures() -> None:
    finding = check_reported_percent(
        subject="finance UNDP committed",
        computed=UNDP_COMMITTED,
        reported=D(41),
        code="pct-mismatch",
        basis="5,848,841.07 of 13,947,279.00",
    )
    assert finding == Finding(
        code="pct-mismatch",
        severity=Severity.ERROR,
        subject="finance UNDP committed",
        message="Reported 41 %, computed 42 % (41.9 %, from 5,848,841.07 of 13,947,279.00).",
        computed=UNDP_COMMITTED,
        reported=D(41),
    )


@pytest.mark.parametrize(
    ("subject", "computed", "reported", "message"),
    [
        ("indicator 3.1.4", D(2500) / 252, D(5), "Reported 5 %, computed 10 % (9.9 %)."),
        ("indicator 3.1.10", D(100), D(101), "Reported 101 %, computed 100 % (100.0 %)."),
        ("output 1.2", D("48.65"), D(61), "Reported 61 %, computed 49 % (48.7 %)."),
        ("output 3.1", D("469.92") / 8, D(63), "Reported 63 %, computed 59 % (58.7 %)."),
    ],
)
def test_the_seeds_percent_slips_are_found(
    subject: str, computed: D, reported: D, message: str
) -> None:
    finding = check_reported_percent(
        subject=subject, computed=computed, reported=reported, code="pct-mismatch"
    )
    assert finding is not None
    assert (finding.severity, finding.subject, finding.message) == (
        Severity.ERROR,
        subject,
        message,
    )


def test_a_percent_reported_where_none_can_be_computed_is_a_warning() -> None:
    finding = check_reported_percent(
        subject="indicator 3.1.5", computed=None, reported=D(97), code="pct-mismatch"
    )
    assert finding is not None
    assert finding.severity is Severity.WARNING
    assert finding.message == (
        "Reported 97 %, but no % can be computed under the fund's conventions."
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
    assert (
        check_reported_percent(subject="x", computed=computed, reported=reported, code="c") is None
    )


@pytest.mark.parametrize(
    ("subject", "total", "male", "female", "message"),
    [
        ("indicator 1.1.9", 498, 468, 28, "498 reported, but 468 male + 28 female = 496."),
        ("indicator 1.2.5", 253, 185, 67, "253 reported, but 185 male + 67 female = 252."),
        ("indicator 2.1.4", 107, 86, 23, "107 reported, but 86 male + 23 female = 109."),
        ("indicator 1.3.7", 452, 372, 80, None),
        ("indicator 2.1.7", 717, 596, 121, None),
        ("indicator 2.1.2", 80, 56, 24, None),
        ("indicator 2.2.2", 254, 211, 43, None),
        ("indicator 3.1.4", 25, 22, 3, None),
        ("beneficiaries 1,459", 1459, 1459, None, None),
    ],
)
def test_sex_split_must_add_up_to_the_total(
    subject: str, total: int, male: int, female: int | None, message: str | None
) -> None:
    finding = check_sex_split(
        subject=subject,
        total=D(total),
        male=D(male),
        female=None if female is None else D(female),
    )
    if message is None:
        assert finding is None
    else:
        assert finding == Finding(
            code="sex-split",
            severity=Severity.WARNING,
            subject=subject,
            message=message,
            computed=D(male) + D(female or 0),
            reported=D(total),
        )


def test_reported_total_must_equal_its_parts() -> None:
    parts = [D("5848841.07"), D("6975973.74")]
    assert check_reported_total(subject="s", parts=parts, reported=D("12824814.81")) is None
    assert check_reported_total(subject="s", parts=parts, reported=None) is None
    assert check_reported_total(subject="s", parts=[], reported=D(3)) is None
    finding = check_reported_total(
        subject="finance total committed", parts=parts, reported=D("12824814.80")
    )
    assert finding is not None
    assert (finding.code, finding.severity) == ("total-mismatch", Severity.ERROR)
    assert finding.message == (
        "Reported total 12,824,814.8, but the 2 parts add up to 12,824,814.81."
    )


DEFAULTS = Conventions()


@pytest.mark.parametrize(
    ("status", "estimate", "message"),
    [
        pytest.param(Status.INITIATED, D(8), None, id="1.1.1-initiated-8"),
        pytest.param(Status.PARTIALLY, D(75), None, id="2.1.1-part-75"),
        pytest.param(Status.COMPLETED, None, None, id="1.1.5-yes"),
        pytest.param(Status.COMPLETED, D(100), None, id="completed-100"),
        pytest.param(None, None, None, id="1.2.2-blank"),
        pytest.param(None, D(40), None, id="estimate-only"),
        pytest.param(Status.NOT_YET_INITIATED, None, None, id="1.1.6-not-yet-initiated"),
        pytest.param(Status.INITIATED, None,
                     'Status "Initiated" has no default % and no estimate:'
                     " no % can be computed.", id="initiated-without-estimate"),
        pytest.param(Status.PARTIALLY, D(100),
                     'Estimated 100 % complete, but the status is "Partially", not "Completed".',
                     id="partially-100"),
        pytest.param(Status.COMPLETED, D("87.5"),
                     'Status "Completed", but the estimate is only 87.5 %.',
                     id="completed-87.5"),
    ],
)  # fmt: skip
def test_milestone_status_and_estimate(
    status: Status | None, estimate: D | None, message: str | None
) -> None:
    finding = check_milestone_estimate(
        subject="indicator 1.1.6", status=status, estimated_pct=estimate, conventions=DEFAULTS
    )
    if message is None:
        assert finding is None
    else:
        assert finding is not None
        assert (finding.code, finding.severity) == ("milestone-estimate", Severity.WARNING)
        assert finding.message == message


def test_a_fund_with_a_status_scale_needs_no_estimate() -> None:
    conventions = Conventions(status_pct={Status.INITIATED: D(10), Status.COMPLETED: D(100)})
    finding = check_milestone_estimate(
        subject="s", status=Status.INITIATED, estimated_pct=None, conventions=conventions
    )
    assert finding is None
