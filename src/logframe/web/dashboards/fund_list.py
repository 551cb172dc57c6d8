"""The fund page's table: each project's key figures, sorted and paged in Python.

The sums come from SQL (``portfolio.dashboards.fund_dashboard_rows``, one query for the
whole fund); the percentages, the time elapsed and the due date are the domain's rules
applied to them. Output progress and findings need the whole quarter, so they are worked
out for the listed page only, from records loaded for the page at once: those two
columns cannot be sorted on.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone

from logframe.domain.checks import check_period
from logframe.domain.findings import Severity
from logframe.domain.formatting import format_amount, format_percent
from logframe.domain.percentages import ratio_percent
from logframe.domain.records import PeriodState
from logframe.portfolio.dashboards import ProjectRow
from logframe.portfolio.records import latest_period_records
from logframe.reporting.sections.results import build_quantitative
from logframe.web.dashboards.deadline import Deadline, report_deadline
from logframe.web.dashboards.overview import ELAPSED_DECIMALS, mean_output_percent, project_elapsed

PAGE_SIZE = 50
STATE_ORDER = {state.value: n for n, state in enumerate(
    (PeriodState.OPEN, PeriodState.RETURNED, PeriodState.SUBMITTED, PeriodState.APPROVED)
)}  # fmt: skip


@dataclass(frozen=True)
class Column:
    key: str  # the ``sort`` value; "" when the column cannot be sorted on
    label: str
    numeric: bool = False
    hint: str = ""  # a title for the header


COLUMNS = (
    Column("project", "Project"),
    Column("lead", "Lead"),
    Column("budget", "Budget", numeric=True, hint="The agencies' approved budgets"),
    Column("committed", "Committed", numeric=True, hint="% of the approved budget"),
    Column("disbursed", "Disbursed", numeric=True, hint="% of the approved budget"),
    Column("elapsed", "Time elapsed", numeric=True, hint="% of the project's duration"),
    Column("", "Outputs", numeric=True, hint="Mean of the outputs' % of planned"),
    Column("", "Findings", numeric=True, hint="Data-quality errors / warnings"),
    Column("quarter", "Quarter"),
    Column("state", "State"),
    Column("due", "Report due"),
)


@dataclass(frozen=True)
class FundRow:
    """A project's row with its figures worked out and written as shown."""

    row: ProjectRow
    committed: Decimal | None
    disbursed: Decimal | None
    elapsed: Decimal | None
    deadline: Deadline | None
    budget_text: str
    committed_text: str
    disbursed_text: str
    elapsed_text: str
    outputs_text: str = ""  # the listed page only
    outputs_bar: str = ""
    errors: int | None = None
    warnings: int | None = None


def fund_rows(
    *, rows: Sequence[ProjectRow], finance_decimals: int, due_days: int, today: date
) -> list[FundRow]:
    return [_fund_row(row, places=finance_decimals, due_days=due_days, today=today) for row in rows]


def _fund_row(row: ProjectRow, *, places: int, due_days: int, today: date) -> FundRow:
    committed = _share(row.committed, row.budget)
    disbursed = _share(row.disbursed, row.budget)
    quarter, sent = row.latest_quarter, row.latest_submitted_at
    elapsed = deadline = None
    if quarter is not None:
        elapsed = project_elapsed(start=row.start_date, end=row.end_date, on=quarter.end)
        deadline = report_deadline(
            quarter=quarter,
            due_days=due_days,
            state=row.latest_state,
            today=today,
            submitted_on=timezone.localtime(sent).date() if sent else None,
        )
    return FundRow(
        row=row,
        committed=committed,
        disbursed=disbursed,
        elapsed=elapsed,
        deadline=deadline,
        budget_text="—" if row.budget is None else format_amount(row.budget),
        committed_text=_percent(committed, places),
        disbursed_text=_percent(disbursed, places),
        elapsed_text=_percent(elapsed, ELAPSED_DECIMALS),
    )


def _share(part: Decimal | None, whole: Decimal | None) -> Decimal | None:
    return None if part is None or whole is None else ratio_percent(part=part, whole=whole)


def _percent(value: Decimal | None, places: int) -> str:
    return "—" if value is None else format_percent(value, places)


_SORT_KEYS: dict[str, Callable[[FundRow], Any]] = {
    "project": lambda r: r.row.number.casefold(),
    "lead": lambda r: r.row.lead_code.casefold() or None,
    "budget": lambda r: r.row.budget,
    "committed": lambda r: r.committed,
    "disbursed": lambda r: r.disbursed,
    "elapsed": lambda r: r.elapsed,
    "quarter": lambda r: r.row.latest_quarter,
    "state": lambda r: STATE_ORDER.get(r.row.latest_state),
    "due": lambda r: r.deadline.days_left if r.deadline else None,
}
DEFAULT_SORT = "project"


def parse_sort(text: str) -> tuple[str, bool]:
    """``?sort=-committed`` → ("committed", descending); an unknown key → the default."""
    key = text.removeprefix("-")
    if key not in _SORT_KEYS:
        return DEFAULT_SORT, False
    return key, text.startswith("-")


def sorted_rows(rows: Sequence[FundRow], *, key: str, descending: bool) -> list[FundRow]:
    """Sorted on ``key``, ties by project number; rows without the figure last either way."""
    by = _SORT_KEYS[key]
    ordered = sorted(rows, key=lambda r: r.row.number.casefold())
    present = [r for r in ordered if by(r) is not None]
    missing = [r for r in ordered if by(r) is None]
    return sorted(present, key=by, reverse=descending) + missing


def with_progress(rows: Sequence[FundRow], *, indicator_decimals: int) -> list[FundRow]:
    """The rows with their latest quarter's output progress and findings: a fixed number of
    queries for all of them (``latest_period_records``), then pure computation."""
    ids = [r.row.latest_period_id for r in rows if r.row.latest_period_id is not None]
    records = latest_period_records(period_ids=ids)
    done = []
    for r in rows:
        record = records.get(r.row.latest_period_id or 0)
        if record is None:
            done.append(r)
            continue
        period = record.periods[0]
        mean = mean_output_percent(build_quantitative(project=record, period=period))
        findings = check_period(project=record, quarter=period.quarter)
        done.append(
            replace(
                r,
                outputs_text=_percent(mean, indicator_decimals),
                outputs_bar="" if mean is None else f"{min(mean, Decimal(100)):.1f}",
                errors=sum(f.severity is Severity.ERROR for f in findings),
                warnings=sum(f.severity is Severity.WARNING for f in findings),
            )
        )
    return done
