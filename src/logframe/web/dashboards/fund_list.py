"""The fund page's table: each project's key figures, for the page shown.

Filtering, sorting, paging and the fund's totals are SQL (``portfolio.dashboards``: a
fixed number of queries however many projects the fund has); the percentages, the time
elapsed and the due date of the page's rows are the domain's rules applied to their sums.
Output progress needs the whole quarter, so it is worked out for the listed page only,
from records loaded for the page at once; the findings are the stored counts
(``portfolio.fund_counts``, the fund report's own). Those two columns cannot be sorted on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from django.core.cache import cache as page_store
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from logframe.domain.formatting import format_amount, format_percent
from logframe.domain.percentages import ratio_percent
from logframe.pagecache.versions import GLOBAL, versions
from logframe.portfolio import models as m
from logframe.portfolio.dashboards import SORTS, FundTotals, ProjectRow
from logframe.portfolio.fund_counts import finding_counts
from logframe.portfolio.records import latest_period_records
from logframe.reporting.sections.results import build_quantitative
from logframe.web.dashboards.deadline import Deadline, report_deadline
from logframe.web.dashboards.overview import ELAPSED_DECIMALS, mean_output_percent, project_elapsed
from logframe.web.page_cache import TIMEOUT, code_stamp

PAGE_SIZE = 50


@dataclass(frozen=True)
class Column:
    key: str  # the ``sort`` value; "" when the column cannot be sorted on
    label: str | Promise
    numeric: bool = False
    hint: str | Promise = ""  # a title for the header


COLUMNS = (
    Column("project", _("Project")),
    Column("lead", _("Lead")),
    Column("budget", _("Budget"), numeric=True, hint=_("The agencies' approved budgets")),
    Column(
        "committed",
        _("Committed"),
        numeric=True,
        # xgettext:no-python-format
        hint=_("% of the approved budget"),
    ),
    Column(
        "disbursed",
        _("Disbursed"),
        numeric=True,
        # xgettext:no-python-format
        hint=_("% of the approved budget"),
    ),
    Column(
        "elapsed",
        _("Time elapsed"),
        numeric=True,
        # xgettext:no-python-format
        hint=_("% of the project's duration"),
    ),
    Column(
        "",
        _("Outputs"),
        numeric=True,
        # xgettext:no-python-format
        hint=_("Mean of the outputs' % of planned"),
    ),
    Column("", _("Findings"), numeric=True, hint=_("Data-quality errors / warnings")),
    Column("quarter", _("Quarter")),
    Column("state", _("State")),
    Column("due", _("Report due")),
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


DEFAULT_SORT = "project"


@dataclass(frozen=True)
class TotalsRow:
    """The filtered projects' figures added up, written as shown."""

    projects: int
    budget_text: str
    committed_text: str
    disbursed_text: str


def totals_row(totals: FundTotals, *, finance_decimals: int) -> TotalsRow:
    """Committed and disbursed as % of the budgets added up (``ratio_percent``)."""
    return TotalsRow(
        projects=totals.projects,
        budget_text="—" if totals.budget is None else format_amount(totals.budget),
        committed_text=_percent(_share(totals.committed, totals.budget), finance_decimals),
        disbursed_text=_percent(_share(totals.disbursed, totals.budget), finance_decimals),
    )


def parse_sort(text: str) -> tuple[str, bool]:
    """``?sort=-committed`` → ("committed", descending); an unknown key → the default."""
    key = text.removeprefix("-")
    if key not in SORTS:
        return DEFAULT_SORT, False
    return key, text.startswith("-")


def with_progress(rows: Sequence[FundRow], *, indicator_decimals: int) -> list[FundRow]:
    """The rows with their latest quarter's output progress and findings: a fixed number of
    queries for all of them (``_output_means``, ``finding_counts``), then pure computation."""
    ids = [r.row.latest_period_id for r in rows if r.row.latest_period_id is not None]
    means = _output_means(
        {r.row.latest_period_id: r.row.pk for r in rows if r.row.latest_period_id}
    )
    counts = finding_counts(periods=m.ReportingPeriod.objects.filter(pk__in=ids)) if ids else {}
    done = []
    for r in rows:
        period_id = r.row.latest_period_id or 0
        if period_id not in means:
            done.append(r)
            continue
        mean = means[period_id]
        errors, warnings, _infos = counts.get(period_id, (None, None, None))
        done.append(
            replace(
                r,
                outputs_text=_percent(mean, indicator_decimals),
                outputs_bar="" if mean is None else f"{min(mean, Decimal(100)):.1f}",
                errors=errors,
                warnings=warnings,
            )
        )
    return done


def _output_means(projects: dict[int, int]) -> dict[int, Decimal | None]:
    """Per period id of ``projects`` (period id → project id) that exists: the mean of its
    outputs' % of planned (``mean_output_percent``).

    Each mean is kept in the page cache under the data versions of its project and the
    global one (``pagecache``: moved by triggers on every write to what it is made of — the
    values, indicators, results, the fund's rules — and never moved back), so the fund page
    built after a write works out again only the rows of the projects written: one query
    for the versions, and the records of the missing rows only (none when all are kept)."""
    if not projects:
        return {}
    scope = [GLOBAL, *(f"project:{pk}" for pk in sorted(set(projects.values())))]
    current = dict(zip(scope, versions(scope), strict=True))
    keys = {
        period_id: f"fund-row-outputs:{code_stamp()}:{period_id}:{current[GLOBAL]}"
        f":{current[f'project:{project_id}']}"
        for period_id, project_id in projects.items()
    }
    found = page_store.get_many(list(keys.values()))
    means = {pk: found[key][0] for pk, key in keys.items() if key in found}
    missing = [pk for pk in projects if pk not in means]
    records = latest_period_records(period_ids=missing)
    made = {}
    for period_id, record in records.items():
        blocks = build_quantitative(project=record, period=record.periods[0])
        means[period_id] = mean_output_percent(blocks)
        made[keys[period_id]] = (means[period_id],)  # a tuple: a kept None is not a miss
    if made:
        page_store.set_many(made, TIMEOUT)
    return means
