"""The one module of the fund report that reads the database, through the portfolio's
selectors: the fund's aggregated rows and its findings' counts, then the pure builder."""

from __future__ import annotations

from typing import Any

from logframe.domain.periods import Quarter
from logframe.portfolio import models as m
from logframe.portfolio.fund_counts import counts_of_rows
from logframe.portfolio.fund_figures import fund_quarter_figures
from logframe.reporting.fund.build import build_fund_report
from logframe.reporting.fund.model import FundReportModel


class FundReportError(LookupError):
    """An unknown fund, or a period that is not a quarter: one sentence for the user."""


def assemble_fund_report(
    fund_code: str,
    period: str,
    *,
    projects: Any = None,
    findings: bool = True,
) -> FundReportModel:
    """The fund's consolidated report for the quarter ``period`` ("2013Q1").

    ``projects`` narrows it to a queryset of the fund's projects (what a person may see);
    ``findings=False`` leaves the data-quality counts out. A fixed number of queries whatever
    the number of projects, when the findings' counts are current.
    """
    fund = m.Fund.objects.filter(code=fund_code).first()
    if fund is None:
        known = ", ".join(m.Fund.objects.order_by("code").values_list("code", flat=True)[:20])
        raise FundReportError(f"unknown fund {fund_code!r} (known: {known or 'none'})")
    try:
        quarter = Quarter.parse(period)
    except ValueError:
        raise FundReportError(f"{period!r} is not a quarter: write it like 2013Q1") from None
    scope = projects if projects is not None else m.Project.objects.filter(fund=fund)
    figures = fund_quarter_figures(fund=fund, quarter=quarter, projects=scope)
    counts = None
    if findings:  # read with the project rows; those not current are counted again
        counts = counts_of_rows(
            (r.period_id, r.errors, r.warnings, r.infos, r.revision, r.counted_revision)
            for r in figures.projects
        )
    return build_fund_report(figures, findings=counts)
