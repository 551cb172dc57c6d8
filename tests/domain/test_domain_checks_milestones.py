"""Milestone rules: a status and its %, the word it was written with, its estimate."""

from decimal import Decimal as D

import pytest

from logframe.domain.checks.milestones import milestone_estimate, status_pct, status_word
from logframe.domain.conventions import Conventions
from logframe.domain.findings import Severity
from logframe.domain.measures import Status

DEFAULTS = Conventions()


@pytest.mark.parametrize(
    ("status", "estimate", "reported", "message"),
    [
        pytest.param(Status.COMPLETED, D(100), D(100), None, id="seed-1.3.5-completed-100"),
        pytest.param(Status.NOT_YET_INITIATED, None, None, None, id="seed-1.1.6-blank"),
        pytest.param(Status.INITIATED, D(8), D(8), None, id="seed-1.1.1-initiated-8"),
        pytest.param(Status.COMPLETED, None, D(90),
                     'Status "Completed", but the reported % is 90 %:'
                     " a completed milestone is 100 %.", id="made-up-completed-90"),
        pytest.param(Status.COMPLETED, D("87.5"), None,
                     'Status "Completed", but the estimate is 87.5 %:'
                     " a completed milestone is 100 %.", id="made-up-completed-estimate"),
        pytest.param(Status.NOT_YET_INITIATED, None, D(10),
                     'Status "Not yet initiated", but the reported % is 10 %:'
                     " a milestone not yet initiated is 0 % or blank.", id="made-up-nyi-10"),
        pytest.param(Status.NOT_YET_INITIATED, D(0), D(0), None, id="made-up-nyi-0"),
        pytest.param(Status.PARTIALLY, D(100), None,
                     'Status "Partially", but the estimate is 100 %: only "Completed" is 100 %.',
                     id="made-up-partially-100"),
        pytest.param(None, None, D(40), None, id="made-up-no-status"),
    ],
)  # fmt: skip
def test_status_pct(
    status: Status | None, estimate: D | None, reported: D | None, message: str | None
) -> None:
    finding = status_pct(
        where="1.3.5", status=status, estimated_pct=estimate, reported_pct=reported
    )
    if message is None:
        assert finding is None
        return
    assert finding is not None
    assert (finding.rule, finding.severity, finding.message) == (
        "status-pct",
        Severity.WARNING,
        message,
    )


@pytest.mark.parametrize(
    ("status", "text", "message"),
    [
        pytest.param(Status.PARTIALLY, "Part", 'Status written "Part", read as "Partially".',
                     id="seed-2.1.1-part"),
        pytest.param(Status.COMPLETED, "Yes", 'Status written "Yes", read as "Completed".',
                     id="seed-1.1.5-yes"),
        pytest.param(Status.COMPLETED, "Completed", None, id="seed-3.1.2-canonical"),
        pytest.param(Status.NOT_YET_INITIATED, "Not yet initiated", None, id="seed-1.1.6"),
        pytest.param(Status.COMPLETED, "Done", 'Status written "Done", read as "Completed".',
                     id="made-up-done"),
        pytest.param(Status.INITIATED, " initiated ", None, id="made-up-case-and-spaces"),
        pytest.param(Status.COMPLETED, "100%", None, id="made-up-not-a-status-word"),
        pytest.param(Status.COMPLETED, None, None, id="made-up-no-text"),
        pytest.param(None, "Part", None, id="made-up-no-status"),
    ],
)  # fmt: skip
def test_status_word(status: Status | None, text: str | None, message: str | None) -> None:
    finding = status_word(where="2.1.1", status=status, text=text, source="r.txt:104")
    if message is None:
        assert finding is None
        return
    assert finding is not None
    assert (finding.rule, finding.severity, finding.message, finding.source) == (
        "status-word",
        Severity.INFO,
        message,
        "r.txt:104",
    )


@pytest.mark.parametrize(
    ("status", "estimate", "message"),
    [
        pytest.param(Status.INITIATED, D(8), None, id="seed-1.1.1-initiated-8"),
        pytest.param(Status.PARTIALLY, D(75), None, id="seed-2.1.1-part-75"),
        pytest.param(Status.COMPLETED, None, None, id="seed-1.1.5-yes"),
        pytest.param(Status.NOT_YET_INITIATED, None, None, id="seed-1.1.6-not-yet-initiated"),
        pytest.param(None, None, None, id="seed-1.2.2-blank"),
        pytest.param(Status.INITIATED, None,
                     'Status "Initiated" without an estimated % complete, and the fund gives it'
                     " no default %: no % can be computed.", id="made-up-initiated"),
        pytest.param(Status.PARTIALLY, None,
                     'Status "Partially" without an estimated % complete, and the fund gives it'
                     " no default %: no % can be computed.", id="made-up-partially"),
    ],
)  # fmt: skip
def test_milestone_estimate(status: Status | None, estimate: D | None, message: str | None) -> None:
    finding = milestone_estimate(
        where="1.1.1", status=status, estimated_pct=estimate, conventions=DEFAULTS
    )
    if message is None:
        assert finding is None
        return
    assert finding is not None
    assert (finding.rule, finding.severity, finding.message) == (
        "milestone-estimate",
        Severity.WARNING,
        message,
    )


def test_a_fund_with_a_status_scale_needs_no_estimate() -> None:
    conventions = Conventions(status_pct={Status.INITIATED: D(10), Status.COMPLETED: D(100)})
    finding = milestone_estimate(
        where="1.1.1", status=Status.INITIATED, estimated_pct=None, conventions=conventions
    )
    assert finding is None
