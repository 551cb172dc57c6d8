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
from django.db.models import Q, QuerySet

from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.conventions import Conventions
from logframe.domain.finance import sum_present
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
    men_lines: int = 0  # its applicable beneficiary line of men (0 or 1)
    men_target: Decimal | None = None
    men_actual: Decimal | None = None
    women_lines: int = 0
    women_target: Decimal | None = None
    women_actual: Decimal | None = None
    # its stored findings' counts as read, current or not (``fund_counts.counts_of_rows``)
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    revision: int = 0
    counted_revision: int = -1


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

    Four queries whatever the number of projects when the stored figures are current; they
    are those of every quarter up to ``quarter`` (the trend adds up theirs): the query of
    the trend finds those behind (or without a stored row), which are then made and worked
    out again, in the database (``fund_indicators``), and the trend read again.
    """
    if projects is None:
        projects = m.Project.objects.filter(fund=fund)
    conventions = fund.conventions()
    mine = m.ReportingPeriod.objects.filter(project__in=projects)
    quarters, trend, behind = _quarters_and_trend(projects, quarter)
    if behind:
        upto = Q(year__lt=quarter.year) | Q(year=quarter.year, quarter__lte=quarter.number)
        counts_rows_create(periods=mine.filter(upto))  # the trend query saw them behind
        indicator_figures_refresh(fund=fund, periods=mine.filter(upto))
        quarters, trend, _ = _quarters_and_trend(projects, quarter)
    periods = mine.filter(year=quarter.year, quarter=quarter.number)
    rows = tuple(_project_rows(periods))
    return FundQuarterFigures(
        fund_code=fund.code,
        fund_name=fund.name,
        currency=fund.currency,
        conventions=conventions,
        quarter=quarter,
        projects_in_fund=projects.count(),
        quarters=quarters,
        projects=rows,
        organisations=_organisations(periods),
        beneficiaries=_beneficiaries(rows),
        trend=trend,
    )


# -- the projects -------------------------------------------------------------------------


_PROJECT_COLUMNS = (  # in the order of FundProjectRow's fields
    "p.id, p.project_id, pr.number, pr.title, pr.sector, pr.thematic_group,"
    " COALESCE(o.code, ''), p.state, pr.start_date, pr.planned_end_date, pr.revised_end_date,"
    " c.approved, c.committed, c.disbursed, c.forecast_end, c.reported_delay,"
    " COALESCE(c.indicators, 0), COALESCE(c.scored, 0), c.percent_sum,"
    " COALESCE(c.achieved, 0), COALESCE(c.far_behind, 0),"
    " COALESCE(c.men_lines, 0), c.men_target, c.men_actual,"
    " COALESCE(c.women_lines, 0), c.women_target, c.women_actual,"
    " COALESCE(c.errors, 0), COALESCE(c.warnings, 0), COALESCE(c.infos, 0),"
    " COALESCE(c.revision, 0), COALESCE(c.counted_revision, -1)"
)
_MONEY = tuple(  # the columns SQLite hands back as floats: sums of decimals
    FundProjectRow._fields.index(name)
    for name in ("approved", "committed", "disbursed", "men_target", "men_actual",
                 "women_target", "women_actual")
)  # fmt: skip
_PERCENT_SUM = FundProjectRow._fields.index("percent_sum")


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
        out[i] = _sum(out[i])
    if out[_PERCENT_SUM] is not None:
        out[_PERCENT_SUM] = _SUM_OF_DECIMALS(out[_PERCENT_SUM]).quantize(
            _PERCENT_PLACES, context=_PERCENT_CONTEXT
        )
    return out


# -- organisations, beneficiaries, the trend ----------------------------------------------


def _organisations(periods: QuerySet[m.ReportingPeriod]) -> tuple[OrganisationRow, ...]:
    """One query: per organisation taking part in the projects reporting in the quarter,
    how many, their approved budgets, and their committed and disbursed in it (each
    participation with its finance line of the quarter, if any: one at most)."""
    ids, params = periods.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT o.code, o.name, COUNT(*), SUM(pa.approved_budget), SUM(fs.committed),"
            f" SUM(fs.disbursed) FROM {m.ReportingPeriod._meta.db_table} p"
            f" JOIN {m.Participation._meta.db_table} pa ON pa.project_id = p.project_id"
            f" JOIN {m.Organisation._meta.db_table} o ON o.id = pa.organisation_id"
            f" LEFT JOIN {m.FinancialStatus._meta.db_table} fs"
            " ON fs.period_id = p.id AND fs.participation_id = pa.id"
            f" WHERE p.id IN ({ids}) GROUP BY o.code, o.name",
            params,
        )
        rows = cursor.fetchall()
    return tuple(
        sorted(
            (
                OrganisationRow(code, name, n, _sum(approved), _sum(committed), _sum(disbursed))
                for code, name, n, approved, committed, disbursed in rows
            ),
            key=lambda r: r.code,
        )
    )


def _sum(value: Any) -> Decimal | None:
    """A SQL sum of decimals as Django reads it: SQLite's float (or integer) through 15
    significant digits."""
    if value is None or isinstance(value, Decimal):
        return value
    return _SUM_OF_DECIMALS(value)


def _beneficiaries(rows: tuple[FundProjectRow, ...]) -> tuple[BeneficiaryRow, ...]:
    """Men's and women's targets and actuals per sector, added up from the project rows
    (each with its quarter's stored applicable lines): no query."""
    lines: dict[tuple[str, str], list[tuple[Decimal | None, Decimal | None]]] = {}
    for r in rows:
        if r.men_lines:
            lines.setdefault((r.sector, SEXES[0]), []).append((r.men_target, r.men_actual))
        if r.women_lines:
            lines.setdefault((r.sector, SEXES[1]), []).append((r.women_target, r.women_actual))
    return tuple(
        BeneficiaryRow(
            sector=sector,
            group=group,
            target=sum_present(t for t, _ in members),
            actual=sum_present(a for _, a in members),
            projects=len(members),
        )
        for (sector, group), members in sorted(
            lines.items(), key=lambda item: (item[0][0], SEXES.index(item[0][1]))
        )
    )


def _quarters_and_trend(
    projects: QuerySet[m.Project], quarter: Quarter
) -> tuple[tuple[tuple[Quarter, int], ...], tuple[TrendRow, ...], bool]:
    """One query: the quarters in which the projects report, with how many do; per
    quarter up to ``quarter`` with a finance line, how many projects have one, their
    agencies' approved budgets, committed and disbursed (from the quarters' stored sums);
    and whether the stored figures of a quarter up to ``quarter`` are behind or missing
    (then the trend read is not to be used)."""
    ids, params = projects.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT p.year, p.quarter, COUNT(*),"
            " SUM(CASE WHEN c.finance_lines > 0 THEN 1 ELSE 0 END),"
            " SUM(c.finance_approved), SUM(c.committed), SUM(c.disbursed),"
            " SUM(CASE WHEN c.period_id IS NULL OR c.figured_revision <> c.revision"
            " THEN 1 ELSE 0 END)"
            f" FROM {m.ReportingPeriod._meta.db_table} p"
            f" LEFT JOIN {COUNTS_TABLE} c ON c.period_id = p.id"
            f" WHERE p.project_id IN ({ids})"
            " GROUP BY p.year, p.quarter ORDER BY p.year, p.quarter",
            params,
        )
        rows = cursor.fetchall()
    upto = (quarter.year, quarter.number)
    quarters = tuple((Quarter(year=y, number=q), n) for y, q, n, *_ in rows)
    behind = any(stale for y, q, *_, stale in rows if (y, q) <= upto)
    trend = tuple(
        TrendRow(
            quarter=Quarter(year=y, number=q),
            projects=funded,
            approved=_sum(approved),
            committed=_sum(committed),
            disbursed=_sum(disbursed),
        )
        for y, q, _, funded, approved, committed, disbursed, _ in rows
        if funded and (y, q) <= upto
    )
    return quarters, trend, behind
