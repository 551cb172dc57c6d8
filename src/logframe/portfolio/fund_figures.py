"""The fund's consolidated figures for one quarter, as SQL aggregates: a fixed number of
queries whatever the number of projects, and no project read back as records.

Every selector returns plain rows of sums (``Decimal``) and counts; no percentage is worked
out here. The indicators' figures of each quarter are stored (``fund_indicators``: the % of
planned of every value, by a SQL ``CASE`` reproducing ``domain.progress.indicator_percent``,
added up per quarter and kept current by triggers); the report reads them with its rows.
The reporting layer (``reporting/fund``) turns these rows into the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, Max, OuterRef, Q, QuerySet, Subquery, Sum

from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.conventions import Conventions
from logframe.domain.periods import Quarter
from logframe.domain.records import Role
from logframe.portfolio import models as m
from logframe.portfolio.fund_counts import counts_rows_create
from logframe.portfolio.fund_indicators import FIGURES, indicator_figures_refresh

SEXES = (BeneficiaryGroup.MEN.value, BeneficiaryGroup.WOMEN.value)


@dataclass(frozen=True)
class FundProjectRow:
    """One project reporting in the quarter: its sums and counts, unformatted."""

    period_id: int
    project_id: int
    number: str
    title: str
    sector: str
    thematic_group: str
    lead_code: str
    state: str
    start_date: date | None
    planned_end_date: date | None
    revised_end_date: date | None
    approved: Decimal | None  # the agencies' approved budgets
    committed: Decimal | None  # the agencies' cumulative committed at the quarter's end
    disbursed: Decimal | None
    forecast_end: date | None  # the latest forecast final date of its agencies
    reported_delay: int | None  # the longest delay (months) its agencies reported
    indicators: int = 0  # indicators with a value this quarter
    scored: int = 0  # of which have a % of planned
    percent_sum: Decimal | None = None  # the sum of their (capped) % of planned, unrounded
    achieved: int = 0  # % of planned 100 or more
    far_behind: int = 0  # % of planned below half the project's time elapsed


@dataclass(frozen=True)
class OrganisationRow:
    code: str
    name: str
    projects: int
    approved: Decimal | None
    committed: Decimal | None
    disbursed: Decimal | None


@dataclass(frozen=True)
class BeneficiaryRow:
    sector: str
    group: str  # "men" or "women"
    target: Decimal | None
    actual: Decimal | None
    projects: int


@dataclass(frozen=True)
class TrendRow:
    quarter: Quarter
    projects: int
    approved: Decimal | None  # of the agencies reporting in that quarter
    committed: Decimal | None
    disbursed: Decimal | None


@dataclass(frozen=True)
class FundQuarterFigures:
    """Everything the fund report needs from the database for one quarter."""

    fund_code: str
    fund_name: str
    currency: str
    conventions: Conventions
    quarter: Quarter
    projects_in_fund: int
    quarters: tuple[tuple[Quarter, int], ...]  # every quarter with projects reporting in it
    projects: tuple[FundProjectRow, ...]  # ordered by number
    organisations: tuple[OrganisationRow, ...]  # ordered by code
    beneficiaries: tuple[BeneficiaryRow, ...]
    trend: tuple[TrendRow, ...]  # the quarters up to this one, in order


def fund_quarter_figures(
    *, fund: m.Fund, quarter: Quarter, projects: QuerySet[m.Project] | None = None
) -> FundQuarterFigures:
    """The fund's figures for ``quarter``, over ``projects`` (default: all the fund's).

    Ten queries whatever the number of projects; the indicators' figures are the stored
    ones (``fund_indicators``), those behind worked out again first, in the database.
    """
    if projects is None:
        projects = m.Project.objects.filter(fund=fund)
    conventions = fund.conventions()
    periods = m.ReportingPeriod.objects.filter(
        project__in=projects, year=quarter.year, quarter=quarter.number
    )
    counts_rows_create(periods=periods)
    indicator_figures_refresh(fund=fund, periods=periods)
    rows = tuple(_project_row(v) for v in _project_values(periods))
    return FundQuarterFigures(
        fund_code=fund.code,
        fund_name=fund.name,
        currency=fund.currency,
        conventions=conventions,
        quarter=quarter,
        projects_in_fund=projects.count(),
        quarters=_quarters(projects),
        projects=rows,
        organisations=_organisations(periods),
        beneficiaries=_beneficiaries(periods),
        trend=_trend(projects, quarter),
    )


# -- the projects -------------------------------------------------------------------------


def _project_values(periods: QuerySet[m.ReportingPeriod]) -> list[dict[str, Any]]:
    """One query: each period of the quarter with its project's sums."""
    participations = m.Participation.objects.filter(project=OuterRef("project_id")).order_by()
    finance = m.FinancialStatus.objects.filter(period=OuterRef("pk")).order_by()
    lead = participations.filter(role=Role.LEAD.value).values("organisation__code")[:1]
    return list(
        periods.annotate(
            approved=_sum(participations, "project", "approved_budget"),
            committed=_sum(finance, "period", "committed"),
            disbursed=_sum(finance, "period", "disbursed"),
            forecast_end=Subquery(
                finance.values("period").annotate(x=Max("forecast_final_date")).values("x")[:1]
            ),
            reported_delay=Subquery(
                finance.values("period").annotate(x=Max("reported_delay_months")).values("x")[:1]
            ),
            lead_code=Subquery(lead),
        )
        .order_by("project__number")
        .values(
            "pk",
            "project_id",
            "project__number",
            "project__title",
            "project__sector",
            "project__thematic_group",
            "project__start_date",
            "project__planned_end_date",
            "project__revised_end_date",
            "state",
            "approved",
            "committed",
            "disbursed",
            "forecast_end",
            "reported_delay",
            "lead_code",
            *(f"finding_count__{name}" for name in FIGURES),
        )
    )


def _sum(rows: QuerySet[Any], group: str, field: str) -> Subquery:
    return Subquery(rows.values(group).annotate(total=Sum(field)).values("total")[:1])


def _project_row(v: dict[str, Any]) -> FundProjectRow:
    return FundProjectRow(
        period_id=v["pk"],
        project_id=v["project_id"],
        number=v["project__number"],
        title=v["project__title"],
        sector=v["project__sector"],
        thematic_group=v["project__thematic_group"],
        lead_code=v["lead_code"] or "",
        state=v["state"],
        start_date=v["project__start_date"],
        planned_end_date=v["project__planned_end_date"],
        revised_end_date=v["project__revised_end_date"],
        approved=v["approved"],
        committed=v["committed"],
        disbursed=v["disbursed"],
        forecast_end=v["forecast_end"],
        reported_delay=v["reported_delay"],
        indicators=v["finding_count__indicators"] or 0,
        scored=v["finding_count__scored"] or 0,
        percent_sum=v["finding_count__percent_sum"],
        achieved=v["finding_count__achieved"] or 0,
        far_behind=v["finding_count__far_behind"] or 0,
    )


# -- organisations, beneficiaries, the trend ----------------------------------------------


def _organisations(periods: QuerySet[m.ReportingPeriod]) -> tuple[OrganisationRow, ...]:
    """Two queries: approved budgets per organisation over the projects reporting in the
    quarter, and their committed and disbursed in it."""
    approved = (
        m.Participation.objects.filter(project__periods__in=periods)
        .order_by()
        .values("organisation__code", "organisation__name")
        .annotate(approved=Sum("approved_budget"), projects=Count("project", distinct=True))
    )
    spent = {
        v["participation__organisation__code"]: v
        for v in m.FinancialStatus.objects.filter(period__in=periods)
        .order_by()
        .values("participation__organisation__code")
        .annotate(committed=Sum("committed"), disbursed=Sum("disbursed"))
    }
    rows = []
    for v in approved:
        money = spent.get(v["organisation__code"], {})
        rows.append(
            OrganisationRow(
                code=v["organisation__code"],
                name=v["organisation__name"],
                projects=v["projects"],
                approved=v["approved"],
                committed=money.get("committed"),
                disbursed=money.get("disbursed"),
            )
        )
    return tuple(sorted(rows, key=lambda r: r.code))


def _beneficiaries(periods: QuerySet[m.ReportingPeriod]) -> tuple[BeneficiaryRow, ...]:
    """One query: men's and women's targets and actuals, per sector."""
    rows = (
        m.BeneficiaryFigure.objects.filter(period__in=periods, group__in=SEXES, applicable=True)
        .order_by()
        .values("period__project__sector", "group")
        .annotate(
            target=Sum("target"),
            actual=Sum("actual"),
            projects=Count("period__project", distinct=True),
        )
    )
    return tuple(
        sorted(
            (
                BeneficiaryRow(
                    sector=v["period__project__sector"],
                    group=v["group"],
                    target=v["target"],
                    actual=v["actual"],
                    projects=v["projects"],
                )
                for v in rows
            ),
            key=lambda r: (r.sector, SEXES.index(r.group)),
        )
    )


def _trend(projects: QuerySet[m.Project], quarter: Quarter) -> tuple[TrendRow, ...]:
    """One query: per quarter up to ``quarter``, the reporting agencies' approved budgets,
    committed and disbursed."""
    upto = Q(period__year__lt=quarter.year) | Q(
        period__year=quarter.year, period__quarter__lte=quarter.number
    )
    rows = (
        m.FinancialStatus.objects.filter(upto, period__project__in=projects)
        .order_by()
        .values("period__year", "period__quarter")
        .annotate(
            approved=Sum("participation__approved_budget"),
            committed=Sum("committed"),
            disbursed=Sum("disbursed"),
            projects=Count("period__project", distinct=True),
        )
        .order_by("period__year", "period__quarter")
    )
    return tuple(
        TrendRow(
            quarter=Quarter(year=v["period__year"], number=v["period__quarter"]),
            projects=v["projects"],
            approved=v["approved"],
            committed=v["committed"],
            disbursed=v["disbursed"],
        )
        for v in rows
    )


def _quarters(projects: QuerySet[m.Project]) -> tuple[tuple[Quarter, int], ...]:
    """One query: the quarters in which the projects report, with how many do."""
    rows = (
        m.ReportingPeriod.objects.filter(project__in=projects)
        .order_by()
        .values("year", "quarter")
        .annotate(n=Count("pk"))
        .order_by("year", "quarter")
    )
    return tuple((Quarter(year=v["year"], number=v["quarter"]), v["n"]) for v in rows)
