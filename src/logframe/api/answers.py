"""What the API answers about a quarter, read through the selectors and built by the same
rules as the report: the % of planned is the report's, the findings are the report's.

A list reads the whole quarter in a fixed number of queries and builds the rows of the
page asked for; one line (a value, an agency's finance, a narrative) reads that line
alone, in a few queries whatever the size of the project. Each function returns plain
dicts for the serializers of ``serializers.py``.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from logframe.activities.selectors import register_of
from logframe.api.lookups import PeriodScope
from logframe.domain.beneficiaries import GROUP_LABELS, BeneficiaryGroup
from logframe.domain.checks import check_period
from logframe.domain.finance import FinanceLine, finance_figures
from logframe.domain.findings import Finding
from logframe.domain.measures import Part
from logframe.domain.records import (
    BeneficiaryRecord,
    IndicatorRecord,
    IndicatorValueRecord,
    PeriodRecord,
    ProjectRecord,
)
from logframe.portfolio import models as m

# the one conversion of a stored indicator and value to records, shared with every reader
from logframe.portfolio.records import (
    footnote_marks,
    indicator_record,
    project_records,
    value_record,
)
from logframe.reporting.figures import percent_figure
from logframe.reporting.model import BeneficiaryRow
from logframe.reporting.sections.beneficiaries import build_beneficiaries
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


class ValueRows:
    """Every indicator of the quarter, in the order of the result tree; rows built on demand
    (``rows(part)``), so a page of them costs the building of that page only."""

    def __init__(self, scope: PeriodScope) -> None:
        record, period = _records(scope)
        self.conventions = record.fund.conventions
        self.reported = {v.indicator: v for v in period.values}
        self.versions = dict(
            scope.period.values.values_list("indicator__code", "version").order_by()
        )
        self.lines = [
            (result.code, indicator)
            for result in record.walk_results()
            for indicator in result.indicators
        ]

    def rows(self, lines: list[tuple[str, IndicatorRecord]]) -> list[dict[str, Any]]:
        return [
            _value_item(
                output,
                indicator,
                self.reported.get(indicator.code),
                self.conventions,
                self.versions.get(indicator.code, 0),
            )
            for output, indicator in lines
        ]


def value_item(scope: PeriodScope, indicator: m.Indicator) -> dict[str, Any]:
    """One indicator's value in the quarter: three queries (the value, its parts, the
    indicator's footnote marks), whatever the size of the project."""
    return value_answer(scope, indicator, stored_value(scope, indicator))


def stored_value(scope: PeriodScope, indicator: m.Indicator) -> m.IndicatorValue | None:
    """The indicator's stored value in the quarter, or None: one query."""
    return (
        m.IndicatorValue.objects.filter(period=scope.period, indicator=indicator).order_by().first()
    )


def value_answer(
    scope: PeriodScope, indicator: m.Indicator, stored: m.IndicatorValue | None
) -> dict[str, Any]:
    """``stored`` (the row as read, or as a write just saved it) as the API answers it: two
    queries (the indicator's footnote marks, the value's parts)."""
    marks = m.FootnoteMark.objects.filter(indicator=indicator).select_related("footnote")
    record = indicator_record(indicator, footnote_marks(list(marks)))
    value: IndicatorValueRecord | None = None
    if stored is not None:
        parts = stored.parts.values_list("label", "value")
        value = value_record(
            stored,
            tuple(Part(label=label, value=amount or Decimal(0)) for label, amount in parts),
            indicator=indicator.code,
        )
    conventions = scope.project.fund.conventions()
    version = stored.version if stored is not None else 0
    return _value_item(indicator.result.code, record, value, conventions, version)


def _value_item(
    output: str,
    indicator: IndicatorRecord,
    value: IndicatorValueRecord | None,
    conventions: Any,
    version: int,
) -> dict[str, Any]:
    row = build_indicator_row(indicator=indicator, value=value, conventions=conventions)
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
        "version": version,
    }


# ---- findings ---------------------------------------------------------------------------


def findings(scope: PeriodScope) -> list[dict[str, str | None]]:
    record, _ = _records(scope)
    register = register_of(project=scope.project)
    found: tuple[Finding, ...] = check_period(
        project=record, quarter=scope.period.as_quarter(), register=register
    )
    return [finding.to_json() for finding in found]


# ---- finance ----------------------------------------------------------------------------


def finance_items(scope: PeriodScope, *, only: m.Participation | None = None) -> list[Any]:
    """Each participating agency's cumulative committed and disbursed funds (or only
    ``only``'s): two queries. The % of approved is the report's (``finance_figures``)."""
    participations = scope.project.participations.select_related("organisation")
    statuses = scope.period.finance.order_by()
    if only is not None:
        participations = participations.filter(pk=only.pk)
        statuses = statuses.filter(participation=only)
    stored = {f.participation_id: f for f in statuses}
    places = scope.project.fund.finance_decimals
    return [_finance_item(p, stored.get(p.pk), places) for p in participations]


def _finance_item(
    participation: m.Participation, line: m.FinancialStatus | None, places: int
) -> dict[str, Any]:
    committed = line.committed if line else None
    disbursed = line.disbursed if line else None
    (figures,), _ = finance_figures(
        lines=[
            FinanceLine(
                agency=participation.organisation.code,
                approved=participation.approved_budget or Decimal(0),
                committed=committed,
                disbursed=disbursed,
            )
        ]
    )
    committed_pct = percent_figure(
        computed=figures.committed_pct,
        reported=line.reported_committed_pct if line else None,
        places=places,
    )
    disbursed_pct = percent_figure(
        computed=figures.disbursed_pct,
        reported=line.reported_disbursed_pct if line else None,
        places=places,
    )
    if participation.approved_budget is None and line is None:
        committed_pct = disbursed_pct = replace(committed_pct, text="")  # no line in the report
    return {
        "organisation": participation.organisation.code,
        "role": participation.role,
        "approved_budget": participation.approved_budget,
        "committed": committed,
        "disbursed": disbursed,
        "forecast_final_date": line.forecast_final_date if line else None,
        "committed_pct_text": committed_pct.text,
        "disbursed_pct_text": disbursed_pct.text,
        "version": line.version if line else 0,
    }


# ---- narratives ---------------------------------------------------------------------------


def narrative_items(scope: PeriodScope) -> list[dict[str, Any]]:
    """The narrative of each output that has no outputs under it: two queries."""
    results = list(scope.project.results.order_by("position"))
    parents = {r.parent_id for r in results}
    progress = {p.result_id: p for p in scope.period.progress.order_by()}
    return [_narrative_item(r, progress.get(r.pk)) for r in results if r.pk not in parents]


def narrative_item(scope: PeriodScope, result: m.Result) -> dict[str, Any]:
    """One output's narrative: one query."""
    progress = scope.period.progress.filter(result=result).order_by().first()
    return _narrative_item(result, progress)


def _narrative_item(result: m.Result, progress: m.ResultProgress | None) -> dict[str, Any]:
    return {
        "output": result.code,
        "text": result.text,
        "narrative": progress.narrative if progress else "",
        "version": progress.version if progress else 0,
    }


# ---- beneficiaries ------------------------------------------------------------------------


def beneficiary_items(scope: PeriodScope) -> list[dict[str, Any]]:
    """Every group, stored or not, in the report's order, with the report's % (one query)."""
    stored = {b.group: b for b in scope.period.beneficiaries.order_by()}
    period = PeriodRecord(
        quarter=scope.period.as_quarter(),
        beneficiaries=tuple(_beneficiary_record(b) for b in stored.values()),
    )
    places = scope.project.fund.beneficiary_decimals
    rows = build_beneficiaries(period=period, places=places)
    return [_beneficiary_item(row, stored.get(row.group)) for row in rows]


def _beneficiary_record(b: m.BeneficiaryFigure) -> BeneficiaryRecord:
    return BeneficiaryRecord(
        group=BeneficiaryGroup(b.group),
        target=b.target,
        actual=b.actual,
        applicable=b.applicable,
        note=b.note,
        reported_pct=b.reported_pct,
    )


def _beneficiary_item(row: BeneficiaryRow, stored: m.BeneficiaryFigure | None) -> dict[str, Any]:
    group = BeneficiaryGroup(row.group)
    return {
        "group": group.value,
        "label": GROUP_LABELS[group],
        "target": stored.target if stored else None,
        "actual": stored.actual if stored else None,
        "applicable": stored.applicable if stored else False,
        "note": stored.note if stored else "",
        "computed_pct": row.percent.computed,
        "computed_pct_text": row.percent.text,
        "reported_pct": stored.reported_pct if stored else None,
        "version": stored.version if stored else 0,
    }


# ---- the quarter's texts ------------------------------------------------------------------


def texts_item(period: m.ReportingPeriod) -> dict[str, Any]:
    return {
        "project": period.project.number,
        "period": period.code,
        "state": period.state,
        "summary": period.summary,
        "constraints": period.constraints,
        "procurement": period.procurement,
        "version": period.version,
    }


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
        "snapshots": [snapshot_item(s) for s in period.snapshots.all()],
    }


def snapshot_item(snapshot: m.PeriodSnapshot) -> dict[str, Any]:
    return {
        "number": snapshot.number,
        "event": snapshot.event,
        "created_at": snapshot.created_at,
        "created_by": _name(snapshot.created_by),
        "note": snapshot.note,
    }


def _name(user: Any) -> str | None:
    return None if user is None else str(user)
