"""Write what a quarter holds: values, finance, beneficiaries, progress and source cells."""

from __future__ import annotations

from typing import Any

from logframe.domain.records import IndicatorValueRecord, PeriodRecord
from logframe.portfolio import models as m
from logframe.portfolio.services.changes import Changes
from logframe.richtext import sanitise_html


def period_contents(
    *,
    record: PeriodRecord,
    project: m.Project,
    participations: dict[str, m.Participation],
    results: dict[str, m.Result],
    indicators: dict[str, m.Indicator],
    changes: Changes,
) -> m.ReportingPeriod:
    """Upsert one quarter and everything in it; rows the record no longer holds are deleted."""
    period = changes.upsert(
        m.ReportingPeriod,
        key={"project": project, "year": record.quarter.year, "quarter": record.quarter.number},
        values=period_values(record),
    )
    values = changes.sync(
        m.IndicatorValue,
        existing=period.values.all(),
        key=lambda v: v.indicator_id,
        wanted={
            indicators[v.indicator].pk: _value(v, period, indicators[v.indicator])
            for v in record.values
        },
    )
    _parts(record, values, indicators, changes)
    changes.sync(
        m.FinancialStatus,
        existing=period.finance.all(),
        key=lambda f: f.participation_id,
        wanted={
            participations[f.organisation].pk: {
                "period": period,
                "participation": participations[f.organisation],
                "committed": f.committed,
                "disbursed": f.disbursed,
                "forecast_final_date": f.forecast_final_date,
                "reported_committed_pct": f.reported_committed_pct,
                "reported_disbursed_pct": f.reported_disbursed_pct,
                "reported_delay_months": f.reported_delay_months,
            }
            for f in record.finance
        },
    )
    changes.sync(
        m.BeneficiaryFigure,
        existing=period.beneficiaries.all(),
        key=lambda b: b.group,
        wanted={
            b.group.value: {
                "period": period,
                "group": b.group.value,
                "target": b.target,
                "actual": b.actual,
                "applicable": b.applicable,
                "note": b.note,
                "reported_pct": b.reported_pct,
                "position": n,
            }
            for n, b in enumerate(record.beneficiaries, start=1)
        },
    )
    changes.sync(
        m.ResultProgress,
        existing=period.progress.all(),
        key=lambda p: p.result_id,
        wanted={
            results[p.result].pk: {
                "period": period,
                "result": results[p.result],
                "narrative": sanitise_html(p.narrative),
                "reported_pct": p.reported_pct,
            }
            for p in record.progress
        },
    )
    changes.sync(
        m.SourceCell,
        existing=period.sources.all(),
        key=lambda c: c.position,
        wanted={
            n: {
                "period": period,
                "position": n,
                "where": c.where,
                "field": c.field,
                "text": c.text,
                "location": c.location,
                "understood": c.understood,
            }
            for n, c in enumerate(record.sources, start=1)
        },
    )
    return period


def period_values(record: PeriodRecord) -> dict[str, Any]:
    """The quarter's own fields as stored (the bulk loader writes the same)."""
    return {
        "state": record.state.value,
        "summary": sanitise_html(record.summary),
        "constraints": sanitise_html(record.constraints),
        "procurement": sanitise_html(record.procurement),
        "reported_committed_total": record.reported_committed_total,
        "reported_disbursed_total": record.reported_disbursed_total,
        "reported_committed_pct": record.reported_committed_pct,
        "reported_disbursed_pct": record.reported_disbursed_pct,
    }


def _value(
    record: IndicatorValueRecord, period: m.ReportingPeriod, indicator: m.Indicator
) -> dict[str, Any]:
    actual = record.actual
    return {
        "period": period,
        "indicator": indicator,
        "value": actual.value,
        "male": actual.male,
        "female": actual.female,
        "status": actual.status.value if actual.status else "",
        "estimated_pct": actual.estimated_pct,
        "actual_text": record.actual_text,
        "comment": record.comment,
        "reported_pct": record.reported_pct,
        "reported_pct_text": record.reported_pct_text,
        "source": record.source,
    }


def _parts(
    record: PeriodRecord,
    values: dict[int, m.IndicatorValue],
    indicators: dict[str, m.Indicator],
    changes: Changes,
) -> None:
    wanted = {
        (values[indicators[v.indicator].pk].pk, n): {
            "indicator_value": values[indicators[v.indicator].pk],
            "position": n,
            "label": part.label,
            "value": part.value,
        }
        for v in record.values
        for n, part in enumerate(v.actual.parts, start=1)
    }
    changes.sync(
        m.IndicatorValuePart,
        existing=m.IndicatorValuePart.objects.filter(
            indicator_value__in=[v.pk for v in values.values()]
        ),
        key=lambda p: (p.indicator_value_id, p.position),
        wanted=wanted,
    )
