"""The project overview's figures, from the report model of one quarter. Pure.

Every figure is the report's own (``reporting.build``): the overview only picks, counts and
writes out what the report computed, so the two pages never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from logframe.domain.finance import duration_months, elapsed_percent
from logframe.domain.findings import Finding, Severity
from logframe.domain.formatting import format_amount, format_percent
from logframe.domain.percentages import HUNDRED, round_half_up
from logframe.domain.periods import Quarter
from logframe.domain.records import ProjectRecord, ResultLevel, Role
from logframe.reporting.build import build_report
from logframe.reporting.model import FinanceRow, OutputBlock, ReportModel
from logframe.reporting.sections.header import organisation_name
from logframe.reporting.wording import result_label
from logframe.web.dashboards.bands import BandCount, band_counts, indicator_band
from logframe.web.vocabulary import PROJECT_STATUSES, report_labels, written_date

ELAPSED_DECIMALS = 1
TOP_FINDINGS = 5
_SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@dataclass(frozen=True)
class OutputBar:
    """An output's progress bar; a JP output (``group``) is a heading without a bar."""

    code: str
    label: str  # "Output 1.1"
    text: str
    group: bool
    percent_text: str  # "56 %", "n/a", or "" when it has no indicators
    bar_value: str  # "56.3": the bar's value, within 0..100; "" without a %
    reported_text: str  # the report's claim when it disagrees ("61 %"), else ""


@dataclass(frozen=True)
class FinanceBar:
    """An agency's (or all agencies') committed and disbursed % of its approved budget."""

    label: str
    total: bool
    approved: str
    committed_text: str
    disbursed_text: str
    committed: float | None  # for the chart, at the fund's finance decimals
    disbursed: float | None


@dataclass(frozen=True)
class FindingsSummary:
    errors: int
    warnings: int
    infos: int
    top: tuple[Finding, ...]  # the most serious first, in report order within a severity

    @property
    def total(self) -> int:
        return self.errors + self.warnings + self.infos


@dataclass(frozen=True)
class Overview:
    report: ReportModel
    quarter: Quarter
    elapsed: Decimal | None  # % of the project's time elapsed at the quarter's end, unrounded
    end_date: date | None
    outputs: tuple[OutputBar, ...]
    outputs_mean_text: str  # the mean of the outputs' %, or "n/a"
    bands: tuple[BandCount, ...]
    indicator_count: int
    finance: tuple[FinanceBar, ...]  # all agencies first, then each agency
    findings: FindingsSummary

    @property
    def elapsed_text(self) -> str:
        """ "81.8 %", or "" without project dates."""
        return "" if self.elapsed is None else format_percent(self.elapsed, ELAPSED_DECIMALS)

    def chart_data(self) -> dict[str, Any]:
        """What ``dashboards.js`` draws: committed and disbursed %, and the time elapsed."""
        return {
            "labels": [bar.label for bar in self.finance],
            "committed": [bar.committed for bar in self.finance],
            "disbursed": [bar.disbursed for bar in self.finance],
            "elapsed": _chart_value(self.elapsed, ELAPSED_DECIMALS),
            "series": [_("Committed"), _("Disbursed"), _("Time elapsed")],
        }


def project_overview(*, record: ProjectRecord, quarter: Quarter) -> Overview:
    """The overview of ``record``'s quarter (ReportError when it has no such quarter)."""
    report = build_report(project=record, quarter=quarter)
    period = record.period(quarter)
    assert period is not None  # build_report raised otherwise
    end = record.revised_end_date or record.planned_end_date
    elapsed = project_elapsed(start=record.start_date, end=end, on=quarter.end)
    statuses = {value.indicator: value.actual.status for value in period.values}
    rows = [row for block in report.quantitative for row in block.indicators]
    bands = (
        indicator_band(percent=row.percent.computed, status=statuses.get(row.code), elapsed=elapsed)
        for row in rows
    )
    places = record.fund.conventions.indicator_decimals
    mean = mean_output_percent(report.quantitative)
    return Overview(
        report=report,
        quarter=quarter,
        elapsed=elapsed,
        end_date=end,
        outputs=tuple(_output_bar(block) for block in report.quantitative),
        outputs_mean_text=format_percent(mean, places),
        bands=band_counts(
            bands=bands,
            elapsed_text="" if elapsed is None else format_percent(elapsed, ELAPSED_DECIMALS),
        ),
        indicator_count=len(rows),
        finance=_finance_bars((report.finance.total, *report.finance.agencies)),
        findings=summarise_findings(report.findings),
    )


def project_elapsed(*, start: date | None, end: date | None, on: date) -> Decimal | None:
    """``domain.finance.elapsed_percent``, or None when a date is missing or they are reversed."""
    if start is None or end is None or end < start:
        return None
    return elapsed_percent(start=start, end=end, on=on)


def mean_output_percent(blocks: Iterable[OutputBlock]) -> Decimal | None:
    """The plain mean of the outputs' computed % (unrounded); outputs without one left out."""
    present = [block.percent.computed for block in blocks if block.percent.computed is not None]
    return sum(present, Decimal(0)) / len(present) if present else None


def summarise_findings(findings: Sequence[Finding]) -> FindingsSummary:
    ranked = sorted(findings, key=lambda f: _SEVERITY_ORDER[f.severity])  # stable: report order
    return FindingsSummary(
        errors=sum(f.severity is Severity.ERROR for f in findings),
        warnings=sum(f.severity is Severity.WARNING for f in findings),
        infos=sum(f.severity is Severity.INFO for f in findings),
        top=tuple(f for f in ranked[:TOP_FINDINGS] if f.severity is not Severity.INFO),
    )


def _output_bar(block: OutputBlock) -> OutputBar:
    percent = block.percent
    value = "" if percent.computed is None else str(_bar(percent.computed))
    return OutputBar(
        code=block.result.code,
        label=result_label(block.result, report_labels()),
        text=block.result.text,
        group=block.result.level is ResultLevel.JP_OUTPUT and not block.indicators,
        percent_text=percent.text,
        bar_value=value,
        reported_text="" if percent.agrees else percent.reported_text,
    )


def _bar(percent: Decimal) -> Decimal:
    return round_half_up(value=min(max(percent, Decimal(0)), HUNDRED), places=1)


def _finance_bars(rows: Sequence[FinanceRow]) -> tuple[FinanceBar, ...]:
    return tuple(
        FinanceBar(
            label=_("All agencies") if row.is_total else row.label,
            total=row.is_total,
            approved=row.approved,
            committed_text=row.committed_pct.text,
            disbursed_text=row.disbursed_pct.text,
            committed=_chart_value(row.committed_pct.computed, row.committed_pct.places),
            disbursed=_chart_value(row.disbursed_pct.computed, row.disbursed_pct.places),
        )
        for row in rows
    )


def _chart_value(value: Decimal | None, places: int) -> float | None:
    return None if value is None else float(round_half_up(value=value, places=places))


@dataclass(frozen=True)
class Agency:
    code: str
    name: str
    lead: bool
    budget: str  # "13,947,279.00", or ""


@dataclass(frozen=True)
class HeaderFacts:
    """The project's identity as the overview's header shows it."""

    agencies: tuple[Agency, ...]
    budget: str  # "USD 24,861,991.00", or ""
    dates: str  # "18 October 2010 to 17 October 2013" (with an en dash), or ""
    revised_end: str  # "" unless the end date was revised
    duration: str  # "36 months", or ""
    approved: str
    facts: tuple[tuple[str, str], ...]  # (label, text) of the rest, the empty ones left out


def header_facts(record: ProjectRecord) -> HeaderFacts:
    budgets = [p.approved_budget for p in record.participations if p.approved_budget is not None]
    start, end = record.start_date, record.planned_end_date
    months = duration_months(start=start, end=end) if start and end and start <= end else None
    dates = f"{written_date(start)} \N{EN DASH} {written_date(end)}" if start and end else ""
    others = (
        (_("Sector"), record.sector),
        (_("Thematic group"), record.thematic_group),
        (_("Location"), record.location),
        (_("Line ministry"), organisation_name(record, record.line_ministry)),
        (_("Status"), str(PROJECT_STATUSES.get(record.status.value, record.status.value))),
    )
    return HeaderFacts(
        agencies=tuple(
            Agency(
                code=p.organisation,
                name=organisation_name(record, p.organisation),
                lead=p.role is Role.LEAD,
                budget="" if p.approved_budget is None else format_amount(p.approved_budget),
            )
            for p in record.participations
        ),
        budget=f"{record.fund.currency} {format_amount(sum(budgets, Decimal(0)))}"
        if budgets
        else "",
        dates=dates,
        revised_end=written_date(record.revised_end_date),
        duration=""
        if months is None
        else ngettext("%(count)s month", "%(count)s months", months) % {"count": months},
        approved=written_date(record.approval_date),
        facts=tuple((label, text) for label, text in others if text),
    )
