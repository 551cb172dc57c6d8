"""Financial status: committed and disbursed per agency and in total, and delay."""

from __future__ import annotations

from logframe.domain.checks.finance import finance_lines
from logframe.domain.finance import FinanceFigures, delay_months, finance_figures
from logframe.domain.formatting import format_amount
from logframe.domain.records import FinanceRecord, PeriodRecord, ProjectRecord
from logframe.reporting.figures import amount_figure, count_figure, format_date, percent_figure
from logframe.reporting.model import Figure, FinanceRow, FinanceSection


def build_finance(*, project: ProjectRecord, period: PeriodRecord) -> FinanceSection:
    """One row per agency with a budget or a financial status, then the total.

    The total's committed and disbursed are the sums of the agencies'; a total the report
    stated is carried as the reported figure beside the sum.
    """
    records = {record.organisation: record for record in period.finance}
    per_agency, total = finance_figures(lines=finance_lines(project=project, period=period))
    places = project.fund.conventions.finance_decimals
    rows = tuple(
        _agency_row(
            project=project,
            figures=figures,
            record=records.get(figures.agency, FinanceRecord(organisation=figures.agency)),
            places=places,
        )
        for figures in per_agency
    )
    total_row = _total_row(figures=total, period=period, places=places)
    return FinanceSection(currency=project.fund.currency, agencies=rows, total=total_row)


def _agency_row(
    *, project: ProjectRecord, figures: FinanceFigures, record: FinanceRecord, places: int
) -> FinanceRow:
    return FinanceRow(
        label=figures.agency,
        is_total=False,
        approved=format_amount(figures.approved),
        committed=amount_figure(computed=figures.committed),
        committed_pct=percent_figure(
            computed=figures.committed_pct, reported=record.reported_committed_pct, places=places
        ),
        disbursed=amount_figure(computed=figures.disbursed),
        disbursed_pct=percent_figure(
            computed=figures.disbursed_pct, reported=record.reported_disbursed_pct, places=places
        ),
        forecast_final_date=format_date(record.forecast_final_date),
        delay=_delay(project=project, record=record),
        approved_value=figures.approved,
    )


def _delay(*, project: ProjectRecord, record: FinanceRecord) -> Figure:
    planned_end = project.planned_end_date
    computed = (
        None
        if planned_end is None
        else delay_months(planned_end=planned_end, forecast_end=record.forecast_final_date)
    )
    return count_figure(computed=computed, reported=record.reported_delay_months)


def _total_row(*, figures: FinanceFigures, period: PeriodRecord, places: int) -> FinanceRow:
    return FinanceRow(
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
        approved_value=figures.approved,
    )
