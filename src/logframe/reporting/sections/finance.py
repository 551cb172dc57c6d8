"""Financial status: committed and disbursed per agency and in total, and delay."""

from __future__ import annotations

from decimal import Decimal

from logframe.domain.finance import FinanceFigures, FinanceLine, delay_months, finance_figures
from logframe.domain.findings import Finding, check_reported_percent, check_reported_total
from logframe.domain.formatting import format_amount
from logframe.domain.records import FinanceRecord, PeriodRecord, ProjectRecord
from logframe.reporting.checks import check_reported_count, collect
from logframe.reporting.figures import amount_figure, count_figure, format_date, percent_figure
from logframe.reporting.model import Figure, FinanceRow, FinanceSection


def build_finance(
    *, project: ProjectRecord, period: PeriodRecord
) -> tuple[FinanceSection, tuple[Finding, ...]]:
    """One row per agency with a budget or a financial status, then the total.

    The total's committed and disbursed are the sums of the agencies'; a total the report
    stated is carried as the reported figure and checked against the sum.
    """
    records = {record.organisation: record for record in period.finance}
    per_agency, total = finance_figures(lines=_lines(project=project, records=records))
    places = project.fund.conventions.finance_decimals
    rows: list[FinanceRow] = []
    findings: list[Finding] = []
    for figures in per_agency:
        record = records.get(figures.agency, FinanceRecord(organisation=figures.agency))
        row, found = _agency_row(project=project, figures=figures, record=record, places=places)
        rows.append(row)
        findings.extend(found)
    total_row, found = _total_row(
        figures=total, period=period, per_agency=per_agency, places=places
    )
    section = FinanceSection(currency=project.fund.currency, agencies=tuple(rows), total=total_row)
    return section, (*findings, *found)


def _lines(*, project: ProjectRecord, records: dict[str, FinanceRecord]) -> list[FinanceLine]:
    budgets = {
        p.organisation: p.approved_budget
        for p in project.participations
        if p.approved_budget is not None
    }
    agencies = dict.fromkeys([*budgets, *records])
    return [
        FinanceLine(
            agency=agency,
            approved=budgets.get(agency, Decimal(0)),
            committed=records[agency].committed if agency in records else None,
            disbursed=records[agency].disbursed if agency in records else None,
        )
        for agency in agencies
    ]


def _agency_row(
    *, project: ProjectRecord, figures: FinanceFigures, record: FinanceRecord, places: int
) -> tuple[FinanceRow, tuple[Finding, ...]]:
    label = figures.agency
    committed_pct = percent_figure(
        computed=figures.committed_pct, reported=record.reported_committed_pct, places=places
    )
    disbursed_pct = percent_figure(
        computed=figures.disbursed_pct, reported=record.reported_disbursed_pct, places=places
    )
    delay = _delay(project=project, record=record)
    row = FinanceRow(
        label=label,
        is_total=False,
        approved=format_amount(figures.approved),
        committed=amount_figure(computed=figures.committed),
        committed_pct=committed_pct,
        disbursed=amount_figure(computed=figures.disbursed),
        disbursed_pct=disbursed_pct,
        forecast_final_date=format_date(record.forecast_final_date),
        delay=delay,
    )
    found = collect(
        *_percent_findings(label=label, figures=figures, row=row),
        check_reported_count(
            subject=f"Delay ({label})",
            computed=None if delay.computed is None else int(delay.computed),
            reported=record.reported_delay_months,
            unit="months",
        ),
    )
    return row, found


def _delay(*, project: ProjectRecord, record: FinanceRecord) -> Figure:
    planned_end = project.planned_end_date
    computed = (
        None
        if planned_end is None
        else delay_months(planned_end=planned_end, forecast_end=record.forecast_final_date)
    )
    return count_figure(computed=computed, reported=record.reported_delay_months)


def _total_row(
    *,
    figures: FinanceFigures,
    period: PeriodRecord,
    per_agency: tuple[FinanceFigures, ...],
    places: int,
) -> tuple[FinanceRow, tuple[Finding, ...]]:
    row = FinanceRow(
        label="Total",
        is_total=True,
        approved=format_amount(figures.approved),
        committed=amount_figure(
            computed=figures.committed, reported=period.reported_committed_total
        ),
        committed_pct=percent_figure(
            computed=figures.committed_pct, reported=period.reported_committed_pct, places=places
        ),
        disbursed=amount_figure(
            computed=figures.disbursed, reported=period.reported_disbursed_total
        ),
        disbursed_pct=percent_figure(
            computed=figures.disbursed_pct, reported=period.reported_disbursed_pct, places=places
        ),
        forecast_final_date="",
        delay=None,
    )
    committed = [f.committed for f in per_agency if f.committed is not None]
    disbursed = [f.disbursed for f in per_agency if f.disbursed is not None]
    found = collect(
        *_percent_findings(label="total", figures=figures, row=row),
        check_reported_total(
            subject="Funds committed (total)",
            parts=committed,
            reported=period.reported_committed_total,
        ),
        check_reported_total(
            subject="Funds disbursed (total)",
            parts=disbursed,
            reported=period.reported_disbursed_total,
        ),
    )
    return row, found


def _percent_findings(
    *, label: str, figures: FinanceFigures, row: FinanceRow
) -> tuple[Finding | None, Finding | None]:
    approved = format_amount(figures.approved)
    return (
        check_reported_percent(
            subject=f"Funds committed ({label}), % of approved",
            computed=figures.committed_pct,
            reported=row.committed_pct.reported,
            basis=f"{row.committed.text} of {approved}",
        ),
        check_reported_percent(
            subject=f"Funds disbursed ({label}), % of approved",
            computed=figures.disbursed_pct,
            reported=row.disbursed_pct.reported,
            basis=f"{row.disbursed.text} of {approved}",
        ),
    )
