"""What the API answers about a quarter, read through the selectors and built by the same
rules as the report: the % of planned is the report's, the findings are the report's.

Each function returns plain dicts for the serializers of ``serializers.py``.
"""

from __future__ import annotations

from typing import Any

from logframe.api.lookups import PeriodScope
from logframe.domain.checks import check_period
from logframe.domain.findings import Finding
from logframe.domain.records import IndicatorValueRecord, PeriodRecord, ProjectRecord
from logframe.portfolio import models as m
from logframe.portfolio.records import project_records
from logframe.reporting.sections.finance import build_finance
from logframe.reporting.sections.indicators import build_indicator_row


def _records(scope: PeriodScope) -> tuple[ProjectRecord, PeriodRecord]:
    """The project as records, with this quarter only (its other quarters are not read)."""
    record = project_records(projects=[scope.project], periods=[scope.period])[scope.project.pk]
    return record, record.require_period(scope.period.as_quarter())


def quarter_head(scope: PeriodScope) -> dict[str, str]:
    return {
        "project": scope.project.number,
        "fund": scope.project.fund.code,
        "period": scope.period.code,
        "state": scope.period.state,
    }


# ---- indicator values -------------------------------------------------------------------


def value_items(scope: PeriodScope, *, only: str | None = None) -> list[dict[str, Any]]:
    """Every indicator's value in the quarter (or only the one coded ``only``)."""
    record, period = _records(scope)
    conventions = record.fund.conventions
    reported = {v.indicator: v for v in period.values}
    stored = {v.indicator.code: v for v in scope.period.values.select_related("indicator").all()}
    items = []
    for result in record.walk_results():
        for indicator in result.indicators:
            if only is not None and indicator.code != only:
                continue
            value = reported.get(indicator.code)
            row = build_indicator_row(indicator=indicator, value=value, conventions=conventions)
            items.append(
                _value_item(result.code, indicator, value, row, stored.get(indicator.code))
            )
    return items


def _value_item(
    output: str,
    indicator: Any,
    value: IndicatorValueRecord | None,
    row: Any,
    stored: m.IndicatorValue | None,
) -> dict[str, Any]:
    actual = value.actual if value else None
    return {
        "indicator": indicator.code,
        "output": output,
        "text": indicator.text,
        "measure": indicator.measure.value,
        "disaggregation": indicator.disaggregation.value,
        "target": row.target,
        "value": actual.value if actual else None,
        "male": actual.male if actual else None,
        "female": actual.female if actual else None,
        "status": actual.status.value if actual and actual.status else None,
        "estimated_pct": actual.estimated_pct if actual else None,
        "comment": value.comment if value else "",
        "actual_text": row.actual,
        "computed_pct": row.percent.computed,
        "computed_pct_text": row.percent.text,
        "reported_pct": value.reported_pct if value else None,
        "version": stored.version if stored else 0,
    }


# ---- findings ---------------------------------------------------------------------------


def findings(scope: PeriodScope) -> list[dict[str, str | None]]:
    record, _ = _records(scope)
    found: tuple[Finding, ...] = check_period(project=record, quarter=scope.period.as_quarter())
    return [finding.to_json() for finding in found]


# ---- finance ----------------------------------------------------------------------------


def finance_items(scope: PeriodScope, *, only: str | None = None) -> list[dict[str, Any]]:
    """Each participating agency's cumulative committed and disbursed funds."""
    record, period = _records(scope)
    computed = {row.label: row for row in build_finance(project=record, period=period).agencies}
    entered = {f.organisation: f for f in period.finance}
    versions = dict(
        scope.period.finance.values_list("participation__organisation__code", "version")
    )
    items = []
    for participation in record.participations:
        code = participation.organisation
        if only is not None and code != only:
            continue
        line, row = entered.get(code), computed.get(code)
        items.append(
            {
                "organisation": code,
                "role": participation.role.value,
                "approved_budget": participation.approved_budget,
                "committed": line.committed if line else None,
                "disbursed": line.disbursed if line else None,
                "forecast_final_date": line.forecast_final_date if line else None,
                "committed_pct_text": row.committed_pct.text if row else "",
                "disbursed_pct_text": row.disbursed_pct.text if row else "",
                "version": versions.get(code, 0),
            }
        )
    return items


# ---- narratives ---------------------------------------------------------------------------


def narrative_items(scope: PeriodScope, *, only: str | None = None) -> list[dict[str, Any]]:
    """The narrative of each output that has no outputs under it."""
    results = list(scope.project.results.order_by("position"))
    parents = {r.parent_id for r in results}
    progress = {p.result_id: p for p in scope.period.progress.all()}
    return [
        {
            "output": result.code,
            "text": result.text,
            "narrative": progress[result.pk].narrative if result.pk in progress else "",
            "version": progress[result.pk].version if result.pk in progress else 0,
        }
        for result in results
        if result.pk not in parents and (only is None or result.code == only)
    ]


# ---- periods ------------------------------------------------------------------------------


def period_items(project: m.Project, *, only: m.ReportingPeriod | None = None) -> list[Any]:
    periods = project.periods.select_related("submitted_by", "approved_by").prefetch_related(
        "snapshots__created_by"
    )
    if only is not None:
        periods = periods.filter(pk=only.pk)
    return [_period_item(p) for p in periods.order_by("year", "quarter")]


def _period_item(period: m.ReportingPeriod) -> dict[str, Any]:
    return {
        "code": period.code,
        "label": period.as_quarter().label(),
        "state": period.state,
        "version": period.version,
        "submitted_at": period.submitted_at,
        "submitted_by": _name(period.submitted_by),
        "approved_at": period.approved_at,
        "approved_by": _name(period.approved_by),
        "review_comment": period.review_comment,
        "snapshots": [
            {
                "number": s.number,
                "event": s.event,
                "created_at": s.created_at,
                "created_by": _name(s.created_by),
                "note": s.note,
            }
            for s in period.snapshots.all()
        ],
    }


def _name(user: Any) -> str | None:
    return None if user is None else str(user)
