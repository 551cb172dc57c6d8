"""Reads for the dashboards: a fund's project rows and the records behind their findings.

Every selector here costs a fixed number of queries, whatever the number of projects:
the figures of the fund list are SQL sums (``fund_project_rows``), and the records the
findings and output progress need are loaded for a whole page of projects at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db.models import OuterRef, Q, QuerySet, Subquery

from logframe.domain.periods import Quarter
from logframe.domain.records import (
    Role,
)
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
    latest = m.ReportingPeriod.objects.filter(project=OuterRef("pk")).order_by("-year", "-quarter")
    rows = fund_project_rows(projects=projects).annotate(
        latest_id=Subquery(latest.values("pk")[:1]),
        latest_submitted_at=Subquery(latest.values("submitted_at")[:1]),
    )
    return [_row(values) for values in _filtered(rows, filters).values(*_ROW_FIELDS)]


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
