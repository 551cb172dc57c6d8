"""Data entry: one function per thing a person changes in a quarter."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from logframe.accounts.access import ProjectAccess, project_access, require_editable
from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.measures import Status
from logframe.portfolio import models as m
from logframe.richtext import sanitise_html
from logframe.textclean import strip_bidi_controls
from logframe.workflow import rights
from logframe.workflow.errors import EntryError
from logframe.workflow.locking import locked_row, save_audited

HUNDRED = Decimal(100)

WEB = "entered on the web"  # the history's reason unless the caller names its channel


@dataclass(frozen=True)
class ValueInput:
    """What a person enters for an indicator in a quarter (already parsed from the form)."""

    value: Decimal | None = None
    male: Decimal | None = None
    female: Decimal | None = None
    status: Status | None = None
    estimated_pct: Decimal | None = None
    comment: str = ""


def _access(actor: Any, project: m.Project, access: ProjectAccess | None) -> ProjectAccess:
    return access if access is not None else project_access(user=actor, project=project)


@transaction.atomic
def indicator_value_set(
    *,
    period: m.ReportingPeriod,
    indicator: m.Indicator,
    data: ValueInput,
    expected_version: int,
    actor: Any,
    access: ProjectAccess | None = None,
    reason: str = WEB,
    computed: bool = False,
) -> m.IndicatorValue:
    """Save an indicator's actual for the quarter; refused when locked, foreign or stale.

    An indicator bound to the activity register takes its figures from the register
    (``computed``: the register's own services); any other channel may change its
    status and comment, but changing its figures is an override, which needs a reason
    and is made on the indicator's register page."""
    rights.require_values_right(_access(actor, period.project, access), indicator)
    require_editable(period)
    _check_value(data)
    row = locked_row(
        m.IndicatorValue,
        key={"period": period, "indicator": indicator},
        expected_version=expected_version,
    ) or m.IndicatorValue(period=period, indicator=indicator)
    if not computed and _register_bound(indicator):
        figures = (data.value, data.male, data.female)
        if figures != (row.value, row.male, row.female):
            raise EntryError(
                {
                    "value": _(
                        "computed from the activity register: to enter another figure,"
                        " override it with a reason on the indicator's register page"
                    )
                }
            )
    row.value, row.male, row.female = data.value, data.male, data.female
    row.status = data.status.value if data.status else ""
    row.estimated_pct = data.estimated_pct
    row.comment = strip_bidi_controls(data.comment).strip()
    # What an imported report printed and claimed described the old value, not this one;
    # the history keeps it.
    row.actual_text = row.reported_pct_text = row.source = ""
    row.reported_pct = None
    save_audited(row, actor=actor, reason=reason)
    return row


def _register_bound(indicator: m.Indicator) -> bool:
    """Whether ``indicator``'s value is computed from the activity register."""
    return hasattr(indicator, "register_rule")  # the register's one-to-one rule


def _check_value(data: ValueInput) -> None:
    errors: dict[str, str] = {}
    for name in ("value", "male", "female"):
        number = getattr(data, name)
        if number is not None and number < 0:
            errors[name] = _("a count cannot be negative")
    if data.estimated_pct is not None and not 0 <= data.estimated_pct <= HUNDRED:
        errors["estimated_pct"] = _("a %(pct)s complete lies between 0 and 100") % {"pct": "%"}
    split = [n for n in (data.male, data.female) if n is not None]
    if data.value is not None and split and sum(split) > data.value and not errors:
        errors["male"] = _(
            "male + female = %(split)s is more than the total %(total)s:"
            " correct the total or the split"
        ) % {"split": sum(split), "total": data.value}
    if errors:
        raise EntryError(errors)


@transaction.atomic
def finance_set(
    *,
    period: m.ReportingPeriod,
    participation: m.Participation,
    committed: Decimal | None,
    disbursed: Decimal | None,
    forecast_final_date: date | None,
    expected_version: int,
    actor: Any,
    access: ProjectAccess | None = None,
    reason: str = WEB,
) -> m.FinancialStatus:
    """Save an agency's cumulative committed and disbursed funds for the quarter."""
    rights.require_finance_right(_access(actor, period.project, access), participation.organisation)
    require_editable(period)
    errors = {
        name: _("an amount cannot be negative")
        for name, amount in (("committed", committed), ("disbursed", disbursed))
        if amount is not None and amount < 0
    }
    if forecast_final_date and not 1990 <= forecast_final_date.year <= 2100:
        errors["forecast_final_date"] = _("the date is out of range")
    if errors:
        raise EntryError(errors)
    row = locked_row(
        m.FinancialStatus,
        key={"period": period, "participation": participation},
        expected_version=expected_version,
    ) or m.FinancialStatus(period=period, participation=participation)
    row.committed, row.disbursed = committed, disbursed
    row.forecast_final_date = forecast_final_date
    save_audited(row, actor=actor, reason=reason)
    return row


@transaction.atomic
def beneficiary_set(
    *,
    period: m.ReportingPeriod,
    group: BeneficiaryGroup,
    target: Decimal | None,
    actual: Decimal | None,
    expected_version: int,
    actor: Any,
    access: ProjectAccess | None = None,
    reason: str = WEB,
) -> m.BeneficiaryFigure:
    """Save a beneficiary group's target and actual for the quarter (the manager's)."""
    rights.require_beneficiaries_right(_access(actor, period.project, access))
    require_editable(period)
    errors = {
        name: _("a number of people cannot be negative")
        for name, number in (("target", target), ("actual", actual))
        if number is not None and number < 0
    }
    if errors:
        raise EntryError(errors)
    row = locked_row(
        m.BeneficiaryFigure,
        key={"period": period, "group": group.value},
        expected_version=expected_version,
    ) or m.BeneficiaryFigure(period=period, group=group.value, position=len(BeneficiaryGroup))
    row.target, row.actual = target, actual
    save_audited(row, actor=actor, reason=reason)
    return row


@transaction.atomic
def narrative_set(
    *,
    period: m.ReportingPeriod,
    result: m.Result,
    narrative: str,
    expected_version: int,
    actor: Any,
    access: ProjectAccess | None = None,
    reason: str = WEB,
) -> m.ResultProgress:
    """Save the qualitative achievements of an output (sanitised rich text)."""
    rights.require_narrative_right(_access(actor, period.project, access), result)
    require_editable(period)
    row = locked_row(
        m.ResultProgress,
        key={"period": period, "result": result},
        expected_version=expected_version,
    ) or m.ResultProgress(period=period, result=result)
    row.narrative = strip_bidi_controls(sanitise_html(narrative))
    save_audited(row, actor=actor, reason=reason)
    return row


@transaction.atomic
def period_texts_set(
    *,
    period: m.ReportingPeriod,
    summary: str,
    constraints: str,
    procurement: str,
    expected_version: int,
    actor: Any,
    access: ProjectAccess | None = None,
    reason: str = WEB,
) -> m.ReportingPeriod:
    """Save the quarter's summary, constraints and procurement (the manager's)."""
    rights.require_texts_right(_access(actor, period.project, access))
    require_editable(period)
    row = locked_row(m.ReportingPeriod, key={"pk": period.pk}, expected_version=expected_version)
    assert row is not None
    row.summary = strip_bidi_controls(sanitise_html(summary))
    row.constraints = strip_bidi_controls(sanitise_html(constraints))
    row.procurement = strip_bidi_controls(sanitise_html(procurement))
    save_audited(row, actor=actor, reason=reason)
    return row
