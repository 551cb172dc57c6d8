"""The fund's consolidated figures for one quarter, as SQL aggregates: a fixed number of
queries whatever the number of projects, and no project read back as records.

Every selector returns plain rows of sums (``Decimal``) and counts; no percentage is worked
out here. The indicators' figures of each quarter are stored (``fund_indicators``: the % of
planned of every value, by a SQL ``CASE`` reproducing ``domain.progress.indicator_percent``,
added up per quarter and kept current by triggers), and so are its money and dates; the
report reads them with its rows, a plain join.
The reporting layer (``reporting/fund``) turns these rows into the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Context as DecimalContext
from decimal import Decimal
from typing import Any, NamedTuple

from django.db import connection
from django.db.models import Count, Q, QuerySet, Sum

from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.conventions import Conventions
from logframe.domain.periods import Quarter
from logframe.portfolio import models as m
from logframe.portfolio.fund_counts import COUNTS_TABLE, counts_rows_create
from logframe.portfolio.fund_indicators import indicator_figures_refresh

SEXES = (BeneficiaryGroup.MEN.value, BeneficiaryGroup.WOMEN.value)


class FundProjectRow(NamedTuple):
    """One project reporting in the quarter: its sums and counts, unformatted (a named
    tuple: made straight from the query's row, 2,000 of them per report)."""

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
    rows = tuple(_project_rows(periods))
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


_PROJECT_COLUMNS = (  # in the order of FundProjectRow's fields
    "p.id, p.project_id, pr.number, pr.title, pr.sector, pr.thematic_group,"
    " COALESCE(o.code, ''), p.state, pr.start_date, pr.planned_end_date, pr.revised_end_date,"
    " c.approved, c.committed, c.disbursed, c.forecast_end, c.reported_delay,"
    " COALESCE(c.indicators, 0), COALESCE(c.scored, 0), c.percent_sum,"
    " COALESCE(c.achieved, 0), COALESCE(c.far_behind, 0)"
)
_MONEY = (11, 12, 13)
_PERCENT_SUM = 18


def _project_rows(periods: QuerySet[m.ReportingPeriod]) -> list[FundProjectRow]:
    """One query: each period of the quarter with its project and its stored sums, a plain
    join read through a bare cursor (the figures were made current just before)."""
    ids, params = periods.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {_PROJECT_COLUMNS} FROM {m.ReportingPeriod._meta.db_table} p"
            f" JOIN {m.Project._meta.db_table} pr ON pr.id = p.project_id"
            f" LEFT JOIN {COUNTS_TABLE} c ON c.period_id = p.id"
            f" LEFT JOIN {m.Organisation._meta.db_table} o ON o.id = c.lead_id"
            f" WHERE p.id IN ({ids}) ORDER BY pr.number",
            params,
        )
        rows = cursor.fetchall()
    if connection.vendor == "sqlite":
        return [FundProjectRow._make(_from_sqlite(row)) for row in rows]
    return [FundProjectRow._make(row) for row in rows]


_SUM_OF_DECIMALS = DecimalContext(prec=15).create_decimal_from_float
_PERCENT_PLACES = Decimal(1).scaleb(-20)
_PERCENT_CONTEXT = DecimalContext(prec=50)


def _from_sqlite(row: tuple[Any, ...]) -> list[Any]:
    """SQLite hands back decimals as floats (its dates are columns, which the driver turns
    into dates): converted as Django does, a sum through 15 significant digits and
    ``percent_sum`` as its column, to 20 places."""
    out = list(row)
    for i in _MONEY:
        if out[i] is not None:
            out[i] = _SUM_OF_DECIMALS(out[i])
    if out[_PERCENT_SUM] is not None:
        out[_PERCENT_SUM] = _SUM_OF_DECIMALS(out[_PERCENT_SUM]).quantize(
            _PERCENT_PLACES, context=_PERCENT_CONTEXT
        )
    return out


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
