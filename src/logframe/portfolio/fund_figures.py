"""The fund's consolidated figures for one quarter, as SQL aggregates: a fixed number of
queries whatever the number of projects, and no project read back as records.

Every selector returns plain rows of sums (``Decimal``) and counts; no percentage is worked
out here except an indicator's % of planned, which ``indicator_percent_sql`` writes as a
SQL ``CASE`` reproducing ``domain.progress.indicator_percent`` for the fund's conventions
(``tests/fund/test_indicator_sql.py`` checks the two agree on generated indicators). The
reporting layer (``reporting/fund``) turns these rows into the report.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import Count, Max, OuterRef, Q, QuerySet, Subquery, Sum

from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.conventions import Conventions
from logframe.domain.measures import Measure, Status, TargetKind
from logframe.domain.periods import Quarter
from logframe.domain.records import Role
from logframe.portfolio import models as m

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

    Eight queries whatever the number of projects.
    """
    if projects is None:
        projects = m.Project.objects.filter(fund=fund)
    conventions = fund.conventions()
    periods = m.ReportingPeriod.objects.filter(
        project__in=projects, year=quarter.year, quarter=quarter.number
    )
    indicators = _indicator_counts(periods=periods, conventions=conventions, on=quarter.end)
    rows = tuple(_project_row(v, indicators.get(v["pk"])) for v in _project_values(periods))
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
        )
    )


def _sum(rows: QuerySet[Any], group: str, field: str) -> Subquery:
    return Subquery(rows.values(group).annotate(total=Sum(field)).values("total")[:1])


def _project_row(v: dict[str, Any], counts: dict[str, Any] | None) -> FundProjectRow:
    counts = counts or {}
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
        indicators=counts.get("indicators") or 0,
        scored=counts.get("scored") or 0,
        percent_sum=_decimal(counts.get("percent_sum")),
        achieved=counts.get("achieved") or 0,
        far_behind=counts.get("far_behind") or 0,
    )


def _decimal(value: Any) -> Decimal | None:
    """SQLite hands back a float for a sum of expressions: read it through its repr."""
    if value is None or isinstance(value, Decimal):
        return value
    return Decimal(repr(value))


# -- indicators ---------------------------------------------------------------------------


def indicator_percent_sql(*, conventions: Conventions, vendor: str) -> tuple[str, list[Any]]:
    """An indicator's % of planned in a quarter as one SQL expression over the aliases
    ``v`` (its IndicatorValue) and ``i`` (its Indicator), with its parameters.

    The rules of ``domain.progress.indicator_percent``, first that applies: no target or
    one to be determined, or a qualitative measure → NULL; a milestone (measure or target)
    → the estimated % when given, else the fund's default % for the status; a percentage
    measure the fund does not score → NULL; else the effective actual (the value; else
    the parts' sum, or their mean for a percentage measure; else male + female) over the
    target value times 100, NULL without an actual or with a target of 0 or less; then the
    100 % cap when the fund sets it.
    """
    number = "NUMERIC" if vendor == "postgresql" else "REAL"
    parts = (
        f"(SELECT {{agg}}(pp.value) FROM {m.IndicatorValuePart._meta.db_table} pp"
        " WHERE pp.indicator_value_id = v.id)"
    )
    both = "CASE WHEN v.male IS NOT NULL AND v.female IS NOT NULL THEN v.male + v.female END"
    actual = (
        "CASE WHEN v.value IS NOT NULL THEN v.value"
        f" WHEN i.measure = '{Measure.PERCENTAGE.value}'"
        f" THEN COALESCE({parts.format(agg='AVG')}, {both})"
        f" ELSE COALESCE({parts.format(agg='SUM')}, {both}) END"
    )
    statuses = [s for s in Status if conventions.status_pct.get(s) is not None]
    default = "".join(f" WHEN v.status = %s THEN CAST(%s AS {number})" for _ in statuses)
    params: list[Any] = []
    for status in statuses:
        params += [status.value, conventions.status_pct[status]]
    milestone = f"COALESCE(v.estimated_pct, CASE{default} END)" if statuses else "v.estimated_pct"
    unscored = (
        "" if conventions.score_percentage_indicators
        else f" WHEN i.measure = '{Measure.PERCENTAGE.value}' THEN NULL"
    )  # fmt: skip
    uncapped = (
        f"CASE WHEN i.target_kind IN ('{TargetKind.TBD.value}', '{TargetKind.NONE.value}')"
        f" OR i.measure = '{Measure.QUALITATIVE.value}' THEN NULL"
        f" WHEN i.measure = '{Measure.MILESTONE.value}'"
        f" OR i.target_kind = '{TargetKind.MILESTONE.value}' THEN {milestone}"
        f"{unscored}"
        " WHEN i.target_value IS NULL OR i.target_value <= 0 THEN NULL"
        f" ELSE ({actual}) * CAST(100 AS {number}) / i.target_value END"
    )
    return uncapped, params


def _days(column: str, vendor: str) -> str:
    return f"julianday({column})" if vendor == "sqlite" else f"({column} - DATE '2000-01-01')"


def elapsed_percent_sql(*, on: date, vendor: str) -> tuple[str, list[Any]]:
    """``domain.finance.elapsed_percent`` at ``on`` over the project alias ``pr``: days from
    the start through ``on`` over days from the start through the end (the revised end
    when there is one), kept within 0..100; NULL without dates or with reversed ones."""
    end = "COALESCE(pr.revised_end_date, pr.planned_end_date)"
    start, stop = _days("pr.start_date", vendor), _days(end, vendor)
    day = _days("%s", vendor)
    done = f"({day} - {start} + 1)"
    total = f"({stop} - {start} + 1)"
    sql = (
        f"CASE WHEN pr.start_date IS NULL OR {end} IS NULL OR {end} < pr.start_date THEN NULL"
        f" WHEN {done} <= 0 THEN 0 WHEN {done} >= {total} THEN 100"
        f" ELSE {done} * 100.0 / {total} END"
    )
    return sql, [on, on, on]


def _fence(vendor: str) -> str:
    """Keeps the database from merging a subquery into the query around it, so that each
    row's expressions are worked out once, not once per reference (PostgreSQL inlines a
    simple subquery, and its % of planned would be divided out eight times a row)."""
    return " OFFSET 0" if vendor == "postgresql" else " LIMIT -1 OFFSET 0"


def _percent_rows(
    *, periods: QuerySet[m.ReportingPeriod], conventions: Conventions
) -> tuple[str, list[Any]]:
    """SQL of a derived table: per indicator value of ``periods``, its ``period_id``,
    ``value_id`` and ``pct`` (the % of planned, capped when the fund caps it)."""
    vendor = connection.vendor
    percent, percent_params = indicator_percent_sql(conventions=conventions, vendor=vendor)
    ids_sql, ids_params = periods.order_by().values("pk").query.sql_with_params()
    capped = "CASE WHEN r.raw > 100 THEN 100 ELSE r.raw END" if conventions.cap_at_100 else "r.raw"
    sql = (
        f"SELECT r.period_id, r.value_id, {capped} AS pct FROM"
        f" (SELECT v.period_id AS period_id, v.id AS value_id, {percent} AS raw"
        f" FROM {m.IndicatorValue._meta.db_table} v"
        f" JOIN {m.Indicator._meta.db_table} i ON i.id = v.indicator_id"
        f" WHERE v.period_id IN ({ids_sql}){_fence(vendor)}) r"
    )
    return sql, [*percent_params, *ids_params]


def _elapsed_rows(*, periods: QuerySet[m.ReportingPeriod], on: date) -> tuple[str, list[Any]]:
    """SQL of a derived table: per period of ``periods``, its project's % of time elapsed
    at ``on`` (``period_id``, ``elapsed``)."""
    vendor = connection.vendor
    elapsed, elapsed_params = elapsed_percent_sql(on=on, vendor=vendor)
    ids_sql, ids_params = periods.order_by().values("pk").query.sql_with_params()
    sql = (
        f"SELECT p.id AS period_id, {elapsed} AS elapsed"
        f" FROM {m.ReportingPeriod._meta.db_table} p"
        f" JOIN {m.Project._meta.db_table} pr ON pr.id = p.project_id"
        f" WHERE p.id IN ({ids_sql}){_fence(vendor)}"
    )
    return sql, [*elapsed_params, *ids_params]


def indicator_percents(
    *, periods: QuerySet[m.ReportingPeriod], conventions: Conventions, on: date
) -> dict[int, Decimal | None]:
    """One query: per IndicatorValue id of ``periods``, its % of planned by the SQL rule."""
    sql, params = _percent_rows(periods=periods, conventions=conventions)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT x.value_id, x.pct FROM ({sql}) x", params)
        return {row[0]: _decimal(row[1]) for row in cursor.fetchall()}


def _indicator_counts(
    *, periods: QuerySet[m.ReportingPeriod], conventions: Conventions, on: date
) -> dict[int, dict[str, Any]]:
    """One query: per period id, its indicators' counts and the sum of their % of planned.

    "Far behind": a % of planned below half the project's time elapsed at ``on``.
    """
    rows, params = _percent_rows(periods=periods, conventions=conventions)
    times, time_params = _elapsed_rows(periods=periods, on=on)
    fence = _fence(connection.vendor)
    sql = (
        "SELECT x.period_id, COUNT(*), COUNT(x.pct), SUM(x.pct),"
        " SUM(CASE WHEN x.pct >= 100 THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN x.pct * 2 < e.elapsed THEN 1 ELSE 0 END)"
        f" FROM ({rows}{fence}) x JOIN ({times}) e ON e.period_id = x.period_id"
        " GROUP BY x.period_id"
    )
    params = [*params, *time_params]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {
            row[0]: {
                "indicators": row[1],
                "scored": row[2],
                "percent_sum": row[3],
                "achieved": row[4] or 0,
                "far_behind": row[5] or 0,
            }
            for row in cursor.fetchall()
        }


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
