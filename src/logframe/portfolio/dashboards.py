"""Reads for the dashboards: a fund's project rows and the records behind their findings.

Every selector here costs a fixed number of queries, whatever the number of projects:
the figures of the fund list are SQL sums (``fund_project_rows``), and the records the
findings and output progress need are loaded for a whole page of projects at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db.models import (
    Case,
    Count,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Greatest, Least, Lower

from logframe.domain.periods import Quarter
from logframe.domain.records import PeriodState, Role
from logframe.portfolio import models as m
from logframe.portfolio.selectors import fund_project_rows

NO_QUARTER = "none"  # the state filter's value for projects without any quarter


@dataclass(frozen=True)
class ProjectRow:
    """One project of a fund list: its SQL sums and its latest quarter, unformatted."""

    pk: int
    number: str
    title: str
    sector: str
    lead_code: str
    agency_count: int
    budget: Decimal | None
    committed: Decimal | None  # the agencies' sum at the latest quarter
    disbursed: Decimal | None
    start_date: date | None
    end_date: date | None  # the revised end date when there is one, else the planned one
    latest_period_id: int | None
    latest_quarter: Quarter | None
    latest_state: str  # "" when the project has no quarter yet
    latest_submitted_at: datetime | None


@dataclass(frozen=True)
class RowFilters:
    """The fund list's filters; an empty string leaves that filter out."""

    state: str = ""  # a PeriodState value, or NO_QUARTER
    lead: str = ""  # the lead agency's code
    sector: str = ""
    text: str = ""  # searched in the number and the title


def fund_dashboard_rows(
    *, projects: QuerySet[m.Project], filters: RowFilters = RowFilters()
) -> list[ProjectRow]:
    """The projects' rows, filtered, ordered by number: one query in all."""
    return [_row(values) for values in fund_dashboard_query(projects=projects, filters=filters)]


def fund_dashboard_query(
    *, projects: QuerySet[m.Project], filters: RowFilters = RowFilters()
) -> QuerySet[m.Project, dict[str, Any]]:
    """The rows as a query (values of ``_ROW_FIELDS``), filtered, not yet evaluated."""
    latest = m.ReportingPeriod.objects.filter(project=OuterRef("pk")).order_by("-year", "-quarter")
    rows = fund_project_rows(projects=projects).annotate(
        latest_id=Subquery(latest.values("pk")[:1]),
        latest_submitted_at=Subquery(latest.values("submitted_at")[:1]),
    )
    values: QuerySet[m.Project, dict[str, Any]] = _filtered(rows, filters).values(*_ROW_FIELDS)
    return values


@dataclass(frozen=True)
class FundTotals:
    """The sums of the filtered projects' figures (None when no project has the figure)."""

    projects: int
    budget: Decimal | None
    committed: Decimal | None
    disbursed: Decimal | None


def fund_dashboard_totals(*, rows: QuerySet[m.Project, dict[str, Any]]) -> FundTotals:
    """One query: how many rows, and their budgets, committed and disbursed added up."""
    sums = rows.order_by().aggregate(
        n=Count("pk"), budget_sum=Sum("budget"), committed_sum=Sum("committed"),
        disbursed_sum=Sum("disbursed"),
    )  # fmt: skip
    return FundTotals(
        projects=sums["n"],
        budget=sums["budget_sum"],
        committed=sums["committed_sum"],
        disbursed=sums["disbursed_sum"],
    )


def fund_dashboard_page(
    *, rows: QuerySet[m.Project, dict[str, Any]], sort: str, descending: bool, start: int,
    stop: int,
) -> list[ProjectRow]:  # fmt: skip
    """Rows ``start`` to ``stop`` in the order of ``sort`` (a key of ``SORTS``): one query,
    the order and the slice in SQL. Rows without the figure come last either way; ties
    are in project number order."""
    order = SORTS[sort]()
    first = order.desc(nulls_last=True) if descending else order.asc(nulls_last=True)
    then = Lower("number").desc() if sort == "project" and descending else Lower("number").asc()
    return [_row(values) for values in rows.order_by(first, then, "pk")[start:stop]]


SENT_STATES = (PeriodState.SUBMITTED.value, PeriodState.APPROVED.value)
STATE_ORDER = (PeriodState.OPEN, PeriodState.RETURNED, PeriodState.SUBMITTED, PeriodState.APPROVED)


def _ratio(part: str) -> Case:
    """``part`` as a share of the budget; NULL without a positive budget (``ratio_percent``)."""
    return Case(
        When(budget__gt=0, then=Cast(part, FloatField()) * 100.0 / Cast("budget", FloatField())),
        default=None,
        output_field=FloatField(),
    )


def _elapsed() -> Case:
    """``domain.finance.elapsed_percent`` at the end of the latest quarter, as its order:
    the days from the start to the quarter's end (+1, within 0..duration) over the
    duration's days; NULL where ``project_elapsed`` is None."""
    end = Coalesce("revised_end_date", "planned_end_date")
    total = DaysBetween(end, F("start_date")) + 1
    elapsed = Least(
        Greatest(
            QuarterEndDays(F("latest_year"), F("latest_quarter"), F("start_date")) + 1, Value(0)
        ),
        total,
    )
    return Case(
        When(
            Q(start_date__isnull=False, latest_year__isnull=False)
            & Q(
                Q(revised_end_date__gte=F("start_date"))
                | Q(revised_end_date__isnull=True, planned_end_date__gte=F("start_date"))
            ),
            then=ExpressionWrapper(elapsed * 1.0 / total, FloatField()),
        ),
        default=None,
        output_field=FloatField(),
    )


SORTS: dict[str, Callable[[], Any]] = {
    "project": lambda: Lower("number"),
    "lead": lambda: Lower("lead_code"),
    "budget": lambda: F("budget"),
    "committed": lambda: _ratio("committed"),
    "disbursed": lambda: _ratio("disbursed"),
    "elapsed": _elapsed,
    "quarter": lambda: F("latest_year") * 10 + F("latest_quarter"),
    "state": lambda: Case(
        *(When(latest_state=state.value, then=Value(n)) for n, state in enumerate(STATE_ORDER)),
        default=None,
        output_field=IntegerField(),
    ),
    # the days left until an unsent report is due, in the order of its quarter's end
    "due": lambda: Case(
        When(
            Q(latest_year__isnull=False) & ~Q(latest_state__in=SENT_STATES),
            then=F("latest_year") * 10 + F("latest_quarter"),
        ),
        default=None,
        output_field=IntegerField(),
    ),
}


class DaysBetween(Func):
    """Whole days from the second date to the first."""

    output_field = IntegerField()

    def as_sql(  # type: ignore[override]
        self, compiler: Any, connection: Any, **extra: Any
    ) -> tuple[str, list[Any]]:
        (later, lp), (earlier, ep) = (compiler.compile(e) for e in self.get_source_expressions())
        if connection.vendor == "postgresql":
            return f"({later} - {earlier})", [*lp, *ep]
        return f"CAST(julianday({later}) - julianday({earlier}) AS INTEGER)", [*lp, *ep]


class QuarterEndDays(Func):
    """Whole days from a date to the last day of quarter (year, number)."""

    output_field = IntegerField()

    def as_sql(  # type: ignore[override]
        self, compiler: Any, connection: Any, **extra: Any
    ) -> tuple[str, list[Any]]:
        (y, yp), (q, qp), (d, dp) = (compiler.compile(e) for e in self.get_source_expressions())
        if connection.vendor == "postgresql":
            end = f"(make_date({y}, 3 * {q}, 1) + interval '1 month' - interval '1 day')::date"
            return f"({end} - {d})", [*yp, *qp, *dp]
        end = f"date(printf('%%04d-%%02d-01', {y}, 3 * {q}), '+1 month', '-1 day')"
        return f"CAST(julianday({end}) - julianday({d}) AS INTEGER)", [*yp, *qp, *dp]


_ROW_FIELDS = (
    "pk", "number", "title", "sector", "lead_code", "agency_count", "budget", "committed",
    "disbursed", "start_date", "planned_end_date", "revised_end_date", "latest_id",
    "latest_year", "latest_quarter", "latest_state", "latest_submitted_at",
)  # fmt: skip


def _filtered(rows: QuerySet[m.Project], filters: RowFilters) -> QuerySet[m.Project]:
    """The filters as SQL, on the columns and on the annotations of ``fund_project_rows``."""
    wanted = Q()
    if filters.state == NO_QUARTER:
        wanted &= Q(latest_state__isnull=True)
    elif filters.state:
        wanted &= Q(latest_state=filters.state)
    if filters.lead:
        wanted &= Q(lead_code=filters.lead)
    if filters.sector:
        wanted &= Q(sector=filters.sector)
    if text := filters.text.strip():
        wanted &= Q(number__icontains=text) | Q(title__icontains=text)
    return rows.filter(wanted)


def _row(v: dict[str, Any]) -> ProjectRow:
    year, number = v["latest_year"], v["latest_quarter"]
    return ProjectRow(
        pk=v["pk"],
        number=v["number"],
        title=v["title"],
        sector=v["sector"],
        lead_code=v["lead_code"] or "",
        agency_count=v["agency_count"] or 0,
        budget=v["budget"],
        committed=v["committed"],
        disbursed=v["disbursed"],
        start_date=v["start_date"],
        end_date=v["revised_end_date"] or v["planned_end_date"],
        latest_period_id=v["latest_id"],
        latest_quarter=Quarter(year=year, number=number) if year and number else None,
        latest_state=v["latest_state"] or "",
        latest_submitted_at=v["latest_submitted_at"],
    )


@dataclass(frozen=True)
class FilterChoices:
    """What the fund list's filters offer: the visible projects' lead agencies and sectors."""

    leads: tuple[tuple[str, str], ...]  # (code, name)
    sectors: tuple[str, ...]


def fund_filter_choices(*, projects: QuerySet[m.Project]) -> FilterChoices:
    """Two queries."""
    leads = (
        m.Participation.objects.filter(project__in=projects, role=Role.LEAD.value)
        .values_list("organisation__code", "organisation__name")
        .distinct()
        .order_by("organisation__code")
    )
    sectors = projects.exclude(sector="").order_by("sector").values_list("sector", flat=True)
    return FilterChoices(leads=tuple(leads), sectors=tuple(sectors.distinct()))


def overview_periods(*, project: m.Project) -> list[m.ReportingPeriod]:
    """The project's quarters in order, with who submitted and approved them: one query."""
    return list(project.periods.select_related("submitted_by", "approved_by"))
