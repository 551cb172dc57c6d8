"""Rule ``dates``: approval ≤ start ≤ planned end, the duration, each agency's delay."""

from datetime import date

import pytest

from logframe.domain.checks.dates import date_order, delay, duration
from logframe.domain.findings import Severity
from logframe.domain.records import FinanceRecord

APPROVAL, START, END = date(2010, 9, 29), date(2010, 10, 18), date(2013, 10, 17)


@pytest.mark.parametrize(
    ("approval", "start", "end", "revised", "messages"),
    [
        pytest.param(APPROVAL, START, END, None, [], id="seed"),
        pytest.param(date(2010, 11, 1), START, END, None,
                     ["The approval date 1 November 2010 is after the start date 18 October 2010."],
                     id="made-up-approved-late"),
        pytest.param(APPROVAL, START, date(2010, 10, 1), None,
                     ["The start date 18 October 2010 is after the planned end date"
                      " 1 October 2010."], id="made-up-ends-first"),
        pytest.param(date(2014, 1, 1), None, END, None,
                     ["The approval date 1 January 2014 is after the planned end date"
                      " 17 October 2013."], id="made-up-no-start"),
        pytest.param(APPROVAL, START, END, date(2010, 10, 1),
                     ["The start date 18 October 2010 is after the revised end date"
                      " 1 October 2010."], id="made-up-revised"),
        pytest.param(None, None, None, None, [], id="made-up-no-dates"),
    ],
)  # fmt: skip
def test_date_order(
    approval: date | None,
    start: date | None,
    end: date | None,
    revised: date | None,
    messages: list[str],
) -> None:
    found = date_order(approval=approval, start=start, planned_end=end, revised_end=revised)
    assert [f.message for f in found] == messages
    assert all((f.rule, f.severity, f.where) == ("dates", Severity.ERROR, "dates") for f in found)


@pytest.mark.parametrize(
    ("start", "end", "reported", "severity", "message"),
    [
        pytest.param(START, END, 36, None, None, id="seed-36"),
        pytest.param(START, END, None, None, None, id="seed-nothing-reported"),
        pytest.param(START, END, 35, Severity.ERROR,
                     "A duration of 35 months is reported, but 18 October 2010 to"
                     " 17 October 2013 is 36 months.", id="made-up-35"),
        pytest.param(START, None, 36, Severity.WARNING,
                     "A duration of 36 months is reported, but a date to compute it is missing.",
                     id="made-up-no-end"),
    ],
)  # fmt: skip
def test_duration(
    start: date | None,
    end: date | None,
    reported: int | None,
    severity: Severity | None,
    message: str | None,
) -> None:
    finding = duration(start=start, planned_end=end, reported=reported)
    if message is None:
        assert finding is None
        return
    assert finding is not None
    assert (finding.rule, finding.where, finding.severity, finding.message) == (
        "dates",
        "dates",
        severity,
        message,
    )


@pytest.mark.parametrize(
    ("forecast", "reported", "severity", "message"),
    [
        pytest.param(END, 0, None, None, id="seed-on-time"),
        pytest.param(date(2014, 1, 17), 3, None, None, id="made-up-3-late"),
        pytest.param(date(2014, 1, 17), 0, Severity.ERROR,
                     "A delay of 0 months is reported, but the forecast final date"
                     " 17 January 2014 is 3 months after the planned end 17 October 2013.",
                     id="made-up-late-but-0"),
        pytest.param(date(2013, 9, 1), 2, Severity.ERROR,
                     "A delay of 2 months is reported, but the forecast final date"
                     " 1 September 2013 is not after the planned end 17 October 2013.",
                     id="made-up-early"),
        pytest.param(None, 1, Severity.WARNING,
                     "A delay of 1 month is reported, but there is no forecast final date"
                     " to compute it from.", id="made-up-no-forecast"),
        pytest.param(None, None, None, None, id="made-up-nothing"),
    ],
)  # fmt: skip
def test_delay(
    forecast: date | None, reported: int | None, severity: Severity | None, message: str | None
) -> None:
    record = FinanceRecord(
        organisation="UNOPS", forecast_final_date=forecast, reported_delay_months=reported
    )
    finding = delay(where="UNOPS", planned_end=END, record=record)
    if message is None:
        assert finding is None
        return
    assert finding is not None
    assert (finding.rule, finding.where, finding.severity, finding.message) == (
        "dates",
        "UNOPS",
        severity,
        message,
    )
