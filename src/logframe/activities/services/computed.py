"""Indicators computed from the register: binding, writing their values, overriding them.

A bound indicator's value is written through ``workflow.entry.indicator_value_set`` with
the reason "computed from the activity register", so the reports, exports, checks and the
history treat it as any value. A person may keep another value for a quarter: the override
needs a reason, which goes into the value's history; the register's figure is then no
longer written there (and ``activity-value-mismatch`` says they disagree) until the
override is cleared.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from logframe.accounts.access import EDITABLE_STATES, ProjectAccess, project_access
from logframe.activities import models as a
from logframe.activities.selectors import as_rule, register_of
from logframe.domain.measures import Status
from logframe.domain.register.figures import Figure, RuleKind, RuleScope, compute
from logframe.domain.register.kinds import ActivityType
from logframe.portfolio import models as m
from logframe.workflow.entry import ValueInput, indicator_value_set
from logframe.workflow.errors import EntryError

COMPUTED = "computed from the activity register"
OVERRIDDEN = "overrides the value computed from the activity register"


def figure_of(*, rule: a.IndicatorRule, period: m.ReportingPeriod) -> Figure:
    """What the register gives the rule's indicator in ``period`` (its confirmed activities)."""
    register = register_of(project=period.project)
    return compute(as_rule(rule), register.activities, quarter=period.as_quarter())


def computed_values_write(
    *,
    period: m.ReportingPeriod,
    outputs: Iterable[m.Result | None],
    actor: Any,
    access: ProjectAccess,
) -> list[m.IndicatorValue]:
    """Write again the values of the indicators bound under ``outputs``, in ``period`` and
    the open quarters after it (a cumulative figure moves them too); the values that did
    not change are left alone, and so are overridden ones and locked quarters."""
    wanted = {o.pk for o in outputs if o is not None}
    rules = list(
        a.IndicatorRule.objects.filter(indicator__result_id__in=wanted).select_related(
            "indicator", "indicator__result", "group"
        )
    )
    if not rules:
        return []
    register = register_of(project=period.project)
    periods = [
        p
        for p in m.ReportingPeriod.objects.filter(project_id=period.project_id)
        if (p.year, p.quarter) >= (period.year, period.quarter) and p.state in EDITABLE_STATES
    ]
    overridden = set(
        a.Override.objects.filter(rule__in=rules, period__in=periods).values_list(
            "rule_id", "period_id"
        )
    )
    written: list[m.IndicatorValue] = []
    for rule in rules:
        for p in periods:
            if (rule.pk, p.pk) in overridden:
                continue
            figure = compute(as_rule(rule), register.activities, quarter=p.as_quarter())
            row = _write(rule=rule, period=p, figure=figure, actor=actor, access=access)
            if row is not None:
                written.append(row)
    return written


def _write(
    *,
    rule: a.IndicatorRule,
    period: m.ReportingPeriod,
    figure: Figure,
    actor: Any,
    access: ProjectAccess,
    reason: str = COMPUTED,
    value: Decimal | None = None,
) -> m.IndicatorValue | None:
    current = m.IndicatorValue.objects.filter(period=period, indicator=rule.indicator).first()
    wanted = (figure.value if value is None else value, figure.male, figure.female)
    if value is not None:
        wanted = (value, None, None)
    if current is not None and (current.value, current.male, current.female) == wanted:
        return None
    data = ValueInput(
        value=wanted[0],
        male=wanted[1],
        female=wanted[2],
        status=Status(current.status) if current is not None and current.status else None,
        estimated_pct=current.estimated_pct if current is not None else None,
        comment=current.comment if current is not None else "",
    )
    return indicator_value_set(
        period=period,
        indicator=rule.indicator,
        data=data,
        expected_version=current.version if current is not None else 0,
        actor=actor,
        access=access,
        reason=reason,
        computed=True,
    )


def _manager(actor: Any, project: m.Project, access: ProjectAccess | None) -> ProjectAccess:
    rights = access if access is not None else project_access(user=actor, project=project)
    if not rights.is_manager:
        raise PermissionDenied(_("only the project manager binds indicators to the register"))
    return rights


@transaction.atomic
def rule_bind(
    *,
    indicator: m.Indicator,
    kind: RuleKind,
    scope: RuleScope = RuleScope.CUMULATIVE,
    group: a.ActivityGroup | None = None,
    types: Iterable[ActivityType] = (),
    actor: Any,
    access: ProjectAccess | None = None,
) -> a.IndicatorRule:
    """Bind (or bind again) an indicator to a rule over its output's register, then write
    its values in the open quarters."""
    project = indicator.result.project
    rights = _manager(actor, project, access)
    rule = a.IndicatorRule.objects.filter(indicator=indicator).first() or a.IndicatorRule(
        indicator=indicator
    )
    rule.kind, rule.scope, rule.group = kind.value, scope.value, group
    rule.types = [] if group is not None else sorted(t.value for t in types)
    rule._history_user = actor  # type: ignore[attr-defined]
    rule._change_reason = "bound to the activity register"  # type: ignore[attr-defined]
    rule.save()
    first = m.ReportingPeriod.objects.filter(project=project).order_by("year", "quarter").first()
    if first is not None:
        computed_values_write(period=first, outputs={indicator.result}, actor=actor, access=rights)
    return rule


@transaction.atomic
def rule_unbind(*, rule: a.IndicatorRule, actor: Any, access: ProjectAccess | None = None) -> None:
    """The indicator is entered by hand again; the values written stay, with their history."""
    _manager(actor, rule.indicator.result.project, access)
    rule._history_user = actor  # type: ignore[attr-defined]
    rule._change_reason = "unbound from the activity register"  # type: ignore[attr-defined]
    rule.delete()


@transaction.atomic
def override_set(
    *,
    rule: a.IndicatorRule,
    period: m.ReportingPeriod,
    value: Decimal,
    reason: str,
    actor: Any,
    access: ProjectAccess | None = None,
) -> m.IndicatorValue:
    """Keep ``value`` instead of the computed figure in ``period``; the reason is required
    and written to the value's history."""
    rights = access if access is not None else project_access(user=actor, project=period.project)
    if not reason.strip():
        raise EntryError({"reason": _("say why the computed value is overridden")})
    if value < 0:
        raise EntryError({"value": _("a count cannot be negative")})
    override = a.Override.objects.filter(rule=rule, period=period).first() or a.Override(
        rule=rule, period=period
    )
    override.reason = " ".join(reason.split())
    figure = figure_of(rule=rule, period=period)
    row = _write(
        rule=rule, period=period, figure=figure, actor=actor, access=rights,
        reason=f"{OVERRIDDEN}: {override.reason}", value=value,
    )  # fmt: skip
    override._history_user = actor  # type: ignore[attr-defined]
    override._change_reason = override.reason  # type: ignore[attr-defined]
    override.save()
    if row is None:
        row = m.IndicatorValue.objects.get(period=period, indicator=rule.indicator)
    return row


@transaction.atomic
def override_clear(
    *,
    rule: a.IndicatorRule,
    period: m.ReportingPeriod,
    actor: Any,
    access: ProjectAccess | None = None,
) -> None:
    """Back to the computed value in ``period``."""
    rights = access if access is not None else project_access(user=actor, project=period.project)
    from logframe.workflow import rights as entry_rights

    entry_rights.require_values_right(rights, rule.indicator)
    a.Override.objects.filter(rule=rule, period=period).delete()
    computed_values_write(
        period=period, outputs={rule.indicator.result}, actor=actor, access=rights
    )
