"""The quarter's workflow: open → submitted → approved (locked), or returned with comments.

Each transition checks the role, moves the state, stamps who and when, keeps an
immutable snapshot where the report must be reproducible, and is audited with its
reason in the period's history.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from logframe.accounts.access import ProjectAccess, project_access
from logframe.domain.records import PeriodState
from logframe.portfolio import models as m
from logframe.textclean import strip_bidi_controls
from logframe.workflow import rights as may
from logframe.workflow.errors import EntryError
from logframe.workflow.locking import stale_edit
from logframe.workflow.snapshots import snapshot_take

OPEN, SUBMITTED, RETURNED, APPROVED = (
    PeriodState.OPEN.value,
    PeriodState.SUBMITTED.value,
    PeriodState.RETURNED.value,
    PeriodState.APPROVED.value,
)


# The states and actions named in refusals, for the catalogs (translated where they are said).
STATE_WORDS = (
    gettext_noop("open"),
    gettext_noop("submitted"),
    gettext_noop("returned"),
    gettext_noop("approved"),
    gettext_noop("reopened"),
)


def _rights(actor: Any, period: m.ReportingPeriod, access: ProjectAccess | None) -> ProjectAccess:
    return access if access is not None else project_access(user=actor, project=period.project)


def _move(period: m.ReportingPeriod, *, to: str, actor: Any, reason: str, channel: str) -> None:
    period.state = to
    period.version += 1
    period._history_user = actor  # type: ignore[attr-defined]
    period._change_reason = f"{reason} ({channel})" if channel else reason  # type: ignore[attr-defined]
    period.save()


def _locked(period: m.ReportingPeriod, expected_version: int | None) -> m.ReportingPeriod:
    """The quarter read again with its row locked; StaleEdit when it moved since the
    version the caller read (None: the caller did not say, as the web's buttons do not)."""
    locked = m.ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    if expected_version is not None and locked.version != expected_version:
        raise stale_edit(locked)
    return locked


def _require_state(period: m.ReportingPeriod, *states: str, action: str) -> None:
    if period.state not in states:
        raise PermissionDenied(
            _("%(quarter)s is %(state)s: it cannot be %(action)s")
            % {"quarter": period.code, "state": _(period.state), "action": _(action)}
        )


@transaction.atomic
def period_submit(
    *,
    period: m.ReportingPeriod,
    actor: Any,
    access: ProjectAccess | None = None,
    expected_version: int | None = None,
    channel: str = "",
) -> m.PeriodSnapshot:
    """The programme manager submits the quarter for review; a snapshot keeps it as sent.

    ``channel`` ("entered through the API") is added to the history's reason.
    """
    may.require_submit_right(_rights(actor, period, access))
    period = _locked(period, expected_version)
    _require_state(period, OPEN, RETURNED, action="submitted")
    period.submitted_at, period.submitted_by = timezone.now(), actor
    period.review_comment = ""
    _move(period, to=SUBMITTED, actor=actor, reason="submitted for review", channel=channel)
    return snapshot_take(period=period, event=SUBMITTED, actor=actor)


@transaction.atomic
def period_approve(
    *,
    period: m.ReportingPeriod,
    actor: Any,
    access: ProjectAccess | None = None,
    expected_version: int | None = None,
    channel: str = "",
) -> m.PeriodSnapshot:
    """The reviewer approves: the quarter is locked for everyone."""
    may.require_review_right(_rights(actor, period, access), action="approves")
    period = _locked(period, expected_version)
    _require_state(period, SUBMITTED, action="approved")
    period.approved_at, period.approved_by = timezone.now(), actor
    _move(period, to=APPROVED, actor=actor, reason="approved", channel=channel)
    return snapshot_take(period=period, event=APPROVED, actor=actor)


@transaction.atomic
def period_return(
    *,
    period: m.ReportingPeriod,
    actor: Any,
    comment: str,
    access: ProjectAccess | None = None,
    expected_version: int | None = None,
    channel: str = "",
) -> m.ReportingPeriod:
    """The reviewer sends the quarter back with comments; it is open for changes again."""
    may.require_review_right(_rights(actor, period, access), action="returns")
    comment = strip_bidi_controls(comment)
    if not comment.strip():
        raise EntryError({"comment": _("say what must change before it can be approved")})
    period = _locked(period, expected_version)
    _require_state(period, SUBMITTED, action="returned")
    period.review_comment = comment.strip()
    _move(period, to=RETURNED, actor=actor, reason=f"returned: {comment.strip()}", channel=channel)
    return period


@transaction.atomic
def period_reopen(
    *,
    period: m.ReportingPeriod,
    actor: Any,
    reason: str,
    access: ProjectAccess | None = None,
    expected_version: int | None = None,
    channel: str = "",
) -> m.ReportingPeriod:
    """A fund administrator reopens an approved quarter, with a written reason (audited)."""
    may.require_reopen_right(_rights(actor, period, access))
    reason = strip_bidi_controls(reason)
    if not reason.strip():
        raise EntryError({"reason": _("a reopened quarter needs a written reason")})
    period = _locked(period, expected_version)
    _require_state(period, APPROVED, action="reopened")
    snapshot_take(period=period, event="reopened", actor=actor, note=reason.strip())
    period.approved_at, period.approved_by = None, None
    _move(period, to=OPEN, actor=actor, reason=f"reopened: {reason.strip()}", channel=channel)
    return period


# the states of the latest quarter from which the next one may be opened: its cumulative
# values must be the ones reported, not figures still being entered
CARRIED_FROM = frozenset({"submitted", "approved"})


@transaction.atomic
def period_open_next(
    *, project: m.Project, actor: Any, access: ProjectAccess | None = None, channel: str = ""
) -> m.ReportingPeriod:
    """Open the quarter after the latest one, carrying indicators' cumulative values forward.

    The latest quarter must have been submitted (or approved): otherwise the figures
    carried forward could still change, and the two quarters would disagree.

    Cumulative indicator values (value, split, status, % complete), the agencies'
    cumulative finance and the beneficiary targets and actuals are copied; per-period
    values, comments, narratives and the reported figures of a legacy report are not.
    """
    may.require_open_next_right(
        access if access is not None else project_access(user=actor, project=project)
    )
    latest = project.periods.order_by("-year", "-quarter").first()
    if latest is None:
        raise EntryError({"period": _("the project has no quarter yet to carry forward")})
    if latest.state not in CARRIED_FROM:
        raise EntryError(
            {
                "period": _(
                    "%(quarter)s is still %(state)s: submit it first, so that"
                    " what is carried forward is what was reported"
                )
                % {"quarter": latest.code, "state": _(latest.state)}
            }
        )
    following = latest.as_quarter().next()
    period = m.ReportingPeriod(project=project, year=following.year, quarter=following.number)
    period._history_user = actor  # type: ignore[attr-defined]
    opened = f"opened after {latest.code}"
    period._change_reason = f"{opened} ({channel})" if channel else opened  # type: ignore[attr-defined]
    period.save()
    _carry_forward(latest, period, actor=actor)
    return period


def _carry_forward(previous: m.ReportingPeriod, period: m.ReportingPeriod, *, actor: Any) -> None:
    from simple_history.utils import bulk_create_with_history

    reason = f"carried forward from {previous.code}"
    values = [
        m.IndicatorValue(
            period=period,
            indicator=v.indicator,
            value=v.value,
            male=v.male,
            female=v.female,
            status=v.status,
            estimated_pct=v.estimated_pct,
        )
        for v in previous.values.select_related("indicator").filter(indicator__cumulative=True)
    ]
    finance = [
        m.FinancialStatus(
            period=period,
            participation_id=f.participation_id,
            committed=f.committed,
            disbursed=f.disbursed,
            forecast_final_date=f.forecast_final_date,
        )
        for f in previous.finance.all()
    ]
    beneficiaries = [
        m.BeneficiaryFigure(
            period=period,
            group=b.group,
            target=b.target,
            actual=b.actual,
            applicable=b.applicable,
            note=b.note,
            position=b.position,
        )
        for b in previous.beneficiaries.all()
    ]
    for model, rows in (
        (m.IndicatorValue, values),
        (m.FinancialStatus, finance),
        (m.BeneficiaryFigure, beneficiaries),
    ):
        bulk_create_with_history(rows, model, default_user=actor, default_change_reason=reason)
