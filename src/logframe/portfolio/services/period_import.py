"""Write what a quarter holds: values, finance, beneficiaries and progress narratives."""

from __future__ import annotations

from logframe.domain.records import IndicatorValueRecord, PeriodRecord
from logframe.portfolio import models as m
from logframe.portfolio.services.changes import Changes
from logframe.richtext import sanitise_html


def period_contents(
    *,
    record: PeriodRecord,
    period: m.ReportingPeriod,
    participations: dict[str, m.Participation],
    results: dict[str, m.Result],
    indicators: dict[str, m.Indicator],
    changes: Changes,
) -> None:
    """Upsert everything of one quarter; rows the record no longer holds are deleted."""
    kept = {_value(v, period, indicators[v.indicator], changes).pk for v in record.values}
    changes.delete_except(period.values.all(), kept)
    kept = set()
    for f in record.finance:
        finance = changes.upsert(
            m.FinancialStatus,
            key={"period": period, "participation": participations[f.organisation]},
            values={
                "committed": f.committed,
                "disbursed": f.disbursed,
                "forecast_final_date": f.forecast_final_date,
                "reported_committed_pct": f.reported_committed_pct,
                "reported_disbursed_pct": f.reported_disbursed_pct,
                "reported_delay_months": f.reported_delay_months,
            },
        )
        kept.add(finance.pk)
    changes.delete_except(period.finance.all(), kept)
    kept = set()
    for n, b in enumerate(record.beneficiaries, start=1):
        figure = changes.upsert(
            m.BeneficiaryFigure,
            key={"period": period, "group": b.group.value},
            values={
                "target": b.target,
                "actual": b.actual,
                "applicable": b.applicable,
                "note": b.note,
                "reported_pct": b.reported_pct,
                "position": n,
            },
        )
        kept.add(figure.pk)
    changes.delete_except(period.beneficiaries.all(), kept)
    kept = set()
    for p in record.progress:
        progress = changes.upsert(
            m.ResultProgress,
            key={"period": period, "result": results[p.result]},
            values={"narrative": sanitise_html(p.narrative), "reported_pct": p.reported_pct},
        )
        kept.add(progress.pk)
    changes.delete_except(period.progress.all(), kept)


def _value(
    record: IndicatorValueRecord,
    period: m.ReportingPeriod,
    indicator: m.Indicator,
    changes: Changes,
) -> m.IndicatorValue:
    actual = record.actual
    value = changes.upsert(
        m.IndicatorValue,
        key={"period": period, "indicator": indicator},
        values={
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
        },
    )
    kept = set()
    for n, part in enumerate(actual.parts, start=1):
        row = changes.upsert(
            m.IndicatorValuePart,
            key={"indicator_value": value, "position": n},
            values={"label": part.label, "value": part.value},
        )
        kept.add(row.pk)
    changes.delete_except(value.parts.all(), kept)
    return value
