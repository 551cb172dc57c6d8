"""Data-quality rules: what a report claimed, compared with what the rules compute.

Each check is a pure function that returns a Finding, or None when all is well.
Codes are stable slugs that other code and users may rely on:
"pct-mismatch", "sex-split", "total-mismatch", "milestone-estimate".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from logframe.domain.conventions import Conventions
from logframe.domain.formatting import format_count, format_percent
from logframe.domain.measures import Status
from logframe.domain.percentages import HUNDRED, agrees, decimals_of

PCT_MISMATCH = "pct-mismatch"
SEX_SPLIT = "sex-split"
TOTAL_MISMATCH = "total-mismatch"
MILESTONE_ESTIMATE = "milestone-estimate"

_STATUS_WORDS = {
    Status.NOT_YET_INITIATED: "Not yet initiated",
    Status.INITIATED: "Initiated",
    Status.PARTIALLY: "Partially",
    Status.COMPLETED: "Completed",
}


class Severity(StrEnum):
    """ERROR: a claimed figure is wrong. WARNING: something to look at, perhaps fine."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One data-quality finding about one subject, in words a programme manager reads."""

    code: str
    severity: Severity
    subject: str
    message: str
    computed: Decimal | None = None
    reported: Decimal | None = None


def check_reported_percent(
    *,
    subject: str,
    computed: Decimal | None,
    reported: Decimal | None,
    code: str = PCT_MISMATCH,
    basis: str = "",
) -> Finding | None:
    """A reported % must agree with the computed one at the reported figure's own precision.

    Disagreement is an ERROR: "Reported 41 %, computed 42 % (41.9 %, from 5,848,841.07 of
    13,947,279.00)." — the computed % at the reported precision, then at one more decimal,
    then ``basis`` when given. A % reported where none can be computed is a WARNING.
    Nothing reported → no finding.
    """
    if agrees(computed=computed, reported=reported) or reported is None:
        return None
    places = decimals_of(reported)
    said = f"Reported {format_percent(reported, places)}"
    if computed is None:
        message = f"{said}, but no % can be computed under the fund's conventions{_from(basis)}."
        return Finding(
            code=code,
            severity=Severity.WARNING,
            subject=subject,
            message=message,
            computed=computed,
            reported=reported,
        )
    finer = format_percent(computed, places + 1)
    message = f"{said}, computed {format_percent(computed, places)} ({finer}{_from(basis)})."
    return Finding(
        code=code,
        severity=Severity.ERROR,
        subject=subject,
        message=message,
        computed=computed,
        reported=reported,
    )


def _from(basis: str) -> str:
    return f", from {basis}" if basis else ""


def check_sex_split(
    *, subject: str, total: Decimal | None, male: Decimal | None, female: Decimal | None
) -> Finding | None:
    """Male + female must equal the reported total; if not, a WARNING.

    "498 reported, but 468 male + 28 female = 496." No finding when any figure is missing.
    """
    if total is None or male is None or female is None or male + female == total:
        return None
    both = male + female
    message = (
        f"{format_count(total)} reported, but {format_count(male)} male"
        f" + {format_count(female)} female = {format_count(both)}."
    )
    return Finding(
        code=SEX_SPLIT,
        severity=Severity.WARNING,
        subject=subject,
        message=message,
        computed=both,
        reported=total,
    )


def check_reported_total(
    *, subject: str, parts: Sequence[Decimal], reported: Decimal | None
) -> Finding | None:
    """A reported total must equal the sum of its parts, exactly; if not, an ERROR.

    No finding when nothing is reported or there are no parts.
    """
    if reported is None or not parts:
        return None
    total = sum(parts, Decimal(0))
    if total == reported:
        return None
    message = (
        f"Reported total {format_count(reported)}, but the {len(parts)} parts"
        f" add up to {format_count(total)}."
    )
    return Finding(
        code=TOTAL_MISMATCH,
        severity=Severity.ERROR,
        subject=subject,
        message=message,
        computed=total,
        reported=reported,
    )


def check_milestone_estimate(
    *,
    subject: str,
    status: Status | None,
    estimated_pct: Decimal | None,
    conventions: Conventions,
) -> Finding | None:
    """A milestone's status and estimated % must make a % and agree with each other.

    WARNING when a status that says work has started (Initiated, Partially) has no
    default % (conventions.status_pct) and no estimate, so no % can be computed; when
    the estimate is 100 but the status is not COMPLETED; or when the status is
    COMPLETED but the estimate is below 100.
    No finding when neither status nor estimate is given, nor for "Not yet initiated"
    without an estimate: leaving it out of the roll-up is the fund's convention, not a slip.
    """
    if status is None:
        return None
    message = _milestone_problem(
        status=status, estimated_pct=estimated_pct, conventions=conventions
    )
    if message is None:
        return None
    return Finding(
        code=MILESTONE_ESTIMATE,
        severity=Severity.WARNING,
        subject=subject,
        message=message,
        computed=estimated_pct,
        reported=None,
    )


def _milestone_problem(
    *, status: Status, estimated_pct: Decimal | None, conventions: Conventions
) -> str | None:
    word = _STATUS_WORDS[status]
    if estimated_pct is None:
        if conventions.status_pct[status] is None and status is not Status.NOT_YET_INITIATED:
            return f'Status "{word}" has no default % and no estimate: no % can be computed.'
        return None
    estimate = format_count(estimated_pct)
    if estimated_pct >= HUNDRED and status is not Status.COMPLETED:
        return f'Estimated {estimate} % complete, but the status is "{word}", not "Completed".'
    if estimated_pct < HUNDRED and status is Status.COMPLETED:
        return f'Status "Completed", but the estimate is only {estimate} %.'
    return None
