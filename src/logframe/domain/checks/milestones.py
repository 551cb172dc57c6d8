"""Rules about milestones: a status word, its %, and the estimate it needs."""

from __future__ import annotations

from decimal import Decimal

from logframe.domain.checks import rules
from logframe.domain.conventions import Conventions
from logframe.domain.findings import Finding, Severity, Words, _
from logframe.domain.formatting import format_count
from logframe.domain.measures import Status, parse_status
from logframe.domain.percentages import HUNDRED

STATUS_WORDS = {
    Status.NOT_YET_INITIATED: "Not yet initiated",
    Status.INITIATED: "Initiated",
    Status.PARTIALLY: "Partially",
    Status.COMPLETED: "Completed",
}
_STARTED = (Status.INITIATED, Status.PARTIALLY)


def status_pct(
    *,
    where: str,
    status: Status | None,
    estimated_pct: Decimal | None,
    reported_pct: Decimal | None,
    source: str = "",
) -> Finding | None:
    """A status and its % must tell the same story; if not, a WARNING.

    The status's % is the estimate when one is given, else the reported % of planned.
    "Completed" must be 100 %; "Not yet initiated" 0 % or blank; "Initiated" and
    "Partially" below 100 % (only a completed milestone is done). No status, or no % → no
    finding.
    """
    estimated = estimated_pct is not None
    percent = estimated_pct if estimated_pct is not None else reported_pct
    if status is None or percent is None:
        return None
    problem = _status_problem(status=status, percent=percent)
    if problem is None:
        return None
    which = _("the estimate") if estimated else _("the reported %%")
    words = _(
        'Status "%(status)s", but %(which)s is %(pct)s %%: %(problem)s.',
        status=Words(STATUS_WORDS[status]),
        which=which,
        pct=format_count(percent),
        problem=problem,
    )
    return Finding.said(
        words,
        rule=rules.STATUS_PCT,
        severity=Severity.WARNING,
        where=where,
        computed=None,
        reported=percent,
        source=source,
    )


def _status_problem(*, status: Status, percent: Decimal) -> Words | None:
    if status is Status.COMPLETED and percent != HUNDRED:
        return _("a completed milestone is 100 %%")
    if status is Status.NOT_YET_INITIATED and percent != 0:
        return _("a milestone not yet initiated is 0 %% or blank")
    if status in _STARTED and percent >= HUNDRED:
        return _('only "Completed" is 100 %%')
    return None


def status_word(
    *, where: str, status: Status | None, text: str | None, source: str = ""
) -> Finding | None:
    """A status written with a variant word ("Part", "Yes", "Done") is noted (INFO).

    ``text`` is the cell exactly as it stood. No finding for the canonical word, whatever
    its case or spacing ("Completed", "not yet  initiated"), nor when the text is not a
    status word at all (then it was not read as this status).
    """
    if status is None or not text or parse_status(text) is not status:
        return None
    canonical = STATUS_WORDS[status]
    if " ".join(text.split()).casefold() == canonical.casefold():
        return None
    return Finding.said(
        _(
            'Status written "%(text)s", read as "%(status)s".',
            text=text.strip(),
            status=Words(canonical),
        ),
        rule=rules.STATUS_WORD,
        severity=Severity.INFO,
        where=where,
        source=source,
    )


def milestone_estimate(
    *,
    where: str,
    status: Status | None,
    estimated_pct: Decimal | None,
    conventions: Conventions,
    source: str = "",
) -> Finding | None:
    """A started milestone needs an estimate unless the fund gives its status a default %.

    WARNING for "Initiated" or "Partially" without an estimate when
    ``conventions.status_pct`` has no % for that status: no % can be computed. Not for
    "Not yet initiated" without an estimate — leaving it out of the roll-up is the fund's
    convention, not a slip — nor for "Completed" (100 % by default).
    """
    if status not in _STARTED or estimated_pct is not None:
        return None
    if conventions.status_pct[status] is not None:
        return None
    words = _(
        'Status "%(status)s" without an estimated %% complete,'
        " and the fund gives it no default %%: no %% can be computed.",
        status=Words(STATUS_WORDS[status]),
    )
    return Finding.said(
        words,
        rule=rules.MILESTONE_ESTIMATE,
        severity=Severity.WARNING,
        where=where,
        source=source,
    )
