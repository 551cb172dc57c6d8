"""Each quarter's indicators as the fund report adds them up, stored and kept current.

Per quarter (``FindingCount`` row, migration 0010): the indicators with a value, how many
have a % of planned, the sum of those %, how many reach 100 % and how many are "far
behind" (a % of planned below half the project's time elapsed at the quarter's end); and
(migration 0011) the sums the report lists per project (``SUMS``: approved, committed,
disbursed, forecast end, reported delay, lead), figured in the same statement. The
fund report for a quarter reads these rows instead of working out the % of planned of every
value of the fund (56 a project) at each request.

They are kept exact the way the findings' counts are (``fund_counts``): the triggers of
0008 and 0010 move a quarter's ``revision`` on any write its figures depend on (its values
and their parts, its indicators, its project's dates, the fund's conventions), and
``indicator_figures_refresh`` works the figures of every quarter whose ``figured_revision``
is behind out again — by ONE ``UPDATE … FROM`` per fund, in the database, with the same SQL
rule as before (``indicator_percent_sql``). Each row takes the revision read in the same
snapshot as the values it was figured from, so a write that lands meanwhile leaves it stale.
"""

from __future__ import annotations

from datetime import date
from decimal import Context, Decimal
from typing import Any

from django.db import connection
from django.db.models import DecimalField, F, QuerySet

from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.conventions import Conventions
from logframe.domain.measures import Measure, Status, TargetKind
from logframe.domain.records import Role
from logframe.portfolio import models as m
from logframe.portfolio.fund_counts import (
    COUNTS_TABLE,
    FindingCount,
    counts_rows_create,
    finding_counts,
)

FIGURES = ("indicators", "scored", "percent_sum", "achieved", "far_behind")
SUMS = ("approved", "committed", "disbursed", "forecast_end", "reported_delay", "lead_id")
TREND = ("finance_lines", "finance_approved")  # migration 0012, what the trend adds up
BENEFICIARIES = tuple(  # migration 0012: each sex's applicable line, its target and actual
    f"{sex}_{name}" for sex in ("men", "women") for name in ("lines", "target", "actual")
)
PER_PERIOD = SUMS + TREND + BENEFICIARIES
STORED = FIGURES + PER_PERIOD  # what one figuring of a quarter writes
CHUNK = 1000  # periods figured per statement


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


def quarter_end_sql(vendor: str) -> str:
    """The last day of the quarter of the period alias ``p``, as a SQL date."""
    if vendor == "sqlite":
        return "date(printf('%%04d-%%02d-01', p.year, p.quarter * 3), '+1 month', '-1 day')"
    return (
        "CAST(make_date(p.year, p.quarter * 3, 1) + INTERVAL '1 month' - INTERVAL '1 day' AS DATE)"
    )


def elapsed_percent_sql(*, on: date | None = None, vendor: str) -> tuple[str, list[Any]]:
    """``domain.finance.elapsed_percent`` at ``on`` (default: the end of the quarter of the
    period alias ``p``) over the project alias ``pr``: days from the start through ``on``
    over days from the start through the end (the revised end when there is one), kept
    within 0..100; NULL without dates or with reversed ones."""
    end = "COALESCE(pr.revised_end_date, pr.planned_end_date)"
    start, stop = _days("pr.start_date", vendor), _days(end, vendor)
    day = _days("%s" if on else quarter_end_sql(vendor), vendor)
    done = f"({day} - {start} + 1)"
    total = f"({stop} - {start} + 1)"
    sql = (
        f"CASE WHEN pr.start_date IS NULL OR {end} IS NULL OR {end} < pr.start_date THEN NULL"
        f" WHEN {done} <= 0 THEN 0 WHEN {done} >= {total} THEN 100"
        f" ELSE {done} * 100.0 / {total} END"
    )
    return sql, [on, on, on] if on else []


def _fence(vendor: str) -> str:
    """Keeps the database from merging a subquery into the query around it, so that each
    row's expressions are worked out once, not once per reference (PostgreSQL inlines a
    simple subquery, and its % of planned would be divided out eight times a row)."""
    return " OFFSET 0" if vendor == "postgresql" else " LIMIT -1 OFFSET 0"


def _percent_rows(*, ids: tuple[str, list[Any]], conventions: Conventions) -> tuple[str, list[Any]]:
    """SQL of a derived table: per indicator value of the periods ``ids`` (SQL selecting
    period ids, with its parameters), its ``period_id``, ``value_id`` and ``pct`` (the %
    of planned, capped when the fund caps it)."""
    vendor = connection.vendor
    percent, percent_params = indicator_percent_sql(conventions=conventions, vendor=vendor)
    capped = "CASE WHEN r.raw > 100 THEN 100 ELSE r.raw END" if conventions.cap_at_100 else "r.raw"
    sql = (
        f"SELECT r.period_id, r.value_id, {capped} AS pct FROM"
        f" (SELECT v.period_id AS period_id, v.id AS value_id, {percent} AS raw"
        f" FROM {m.IndicatorValue._meta.db_table} v"
        f" JOIN {m.Indicator._meta.db_table} i ON i.id = v.indicator_id"
        f" WHERE v.period_id IN ({ids[0]}){_fence(vendor)}) r"
    )
    return sql, [*percent_params, *ids[1]]


def _period_rows(*, ids: tuple[str, list[Any]]) -> tuple[str, list[Any]]:
    """SQL of a derived table: per period of ``ids``, its project's % of time elapsed at
    the end of its quarter (``elapsed``) and the money and dates the fund report lists for
    it (``SUMS``): its agencies' approved budgets (the project's), committed and disbursed
    in the quarter, the latest forecast final date, the longest reported delay, and its
    lead agency (the first lead participation); what the trend adds up (``TREND``): its
    finance lines and their agencies' approved budgets; and its applicable beneficiary
    lines of men and of women (``BENEFICIARIES``: one at most of each, with its target and
    actual)."""
    vendor = connection.vendor
    elapsed, elapsed_params = elapsed_percent_sql(vendor=vendor)
    agencies = f"FROM {m.Participation._meta.db_table} pa WHERE pa.project_id = p.project_id"
    finance = f"FROM {m.FinancialStatus._meta.db_table} fs WHERE fs.period_id = p.id"
    funded = (
        f"FROM {m.FinancialStatus._meta.db_table} fs"
        f" JOIN {m.Participation._meta.db_table} pa ON pa.id = fs.participation_id"
        " WHERE fs.period_id = p.id"
    )
    people, people_params = _beneficiary_lines(ids)
    people_columns = ", ".join(
        f"COALESCE(b.{name}, 0) AS {name}" if name.endswith("_lines") else f"b.{name} AS {name}"
        for name in BENEFICIARIES
    )
    sql = (
        f"SELECT p.id AS period_id, {elapsed} AS elapsed,"
        f" (SELECT SUM(pa.approved_budget) {agencies}) AS approved,"
        f" (SELECT SUM(fs.committed) {finance}) AS committed,"
        f" (SELECT SUM(fs.disbursed) {finance}) AS disbursed,"
        f" (SELECT MAX(fs.forecast_final_date) {finance}) AS forecast_end,"
        f" (SELECT MAX(fs.reported_delay_months) {finance}) AS reported_delay,"
        f" (SELECT pa.organisation_id {agencies} AND pa.role = %s"
        " ORDER BY pa.id LIMIT 1) AS lead_id,"
        f" (SELECT COUNT(*) {finance}) AS finance_lines,"
        f" (SELECT SUM(pa.approved_budget) {funded}) AS finance_approved,"
        f" {people_columns}"
        f" FROM {m.ReportingPeriod._meta.db_table} p"
        f" JOIN {m.Project._meta.db_table} pr ON pr.id = p.project_id"
        f" LEFT JOIN ({people}) b ON b.period_id = p.id"
        f" WHERE p.id IN ({ids[0]}){_fence(vendor)}"
    )
    return sql, [*elapsed_params, Role.LEAD.value, *people_params, *ids[1]]


def _beneficiary_lines(ids: tuple[str, list[Any]]) -> tuple[str, list[Any]]:
    """SQL of a derived table: per period of ``ids`` with an applicable beneficiary line of
    men or women, how many of each (one at most: a group is unique in a quarter) and their
    targets and actuals (``BENEFICIARIES``) — one pass over the lines, not a subquery per
    column and period."""
    columns: list[str] = []
    params: list[Any] = []
    for sex in (BeneficiaryGroup.MEN.value, BeneficiaryGroup.WOMEN.value):
        columns += [
            f'SUM(CASE WHEN b."group" = %s THEN 1 ELSE 0 END) AS {sex}_lines',
            f'SUM(CASE WHEN b."group" = %s THEN b.target END) AS {sex}_target',
            f'SUM(CASE WHEN b."group" = %s THEN b.actual END) AS {sex}_actual',
        ]
        params += [sex, sex, sex]
    sql = (
        f"SELECT b.period_id AS period_id, {', '.join(columns)}"
        f" FROM {m.BeneficiaryFigure._meta.db_table} b"
        f" WHERE b.applicable AND b.period_id IN ({ids[0]}) GROUP BY b.period_id"
    )
    return sql, [*params, *ids[1]]


def _ids(periods: QuerySet[m.ReportingPeriod]) -> tuple[str, list[Any]]:
    sql, params = periods.order_by().values("pk").query.sql_with_params()
    return sql, list(params)


def indicator_percents(
    *, periods: QuerySet[m.ReportingPeriod], conventions: Conventions, on: date | None = None
) -> dict[int, Decimal | None]:
    """One query: per IndicatorValue id of ``periods``, its % of planned by the SQL rule.
    (``on`` is not used: a value's % of planned does not depend on the day.)"""
    sql, params = _percent_rows(ids=_ids(periods), conventions=conventions)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT x.value_id, x.pct FROM ({sql}) x", params)
        return {row[0]: _decimal(row[1]) for row in cursor.fetchall()}


def _decimal(value: Any) -> Decimal | None:
    """SQLite hands back a float for a sum of expressions: read it through its repr."""
    if value is None or isinstance(value, Decimal):
        return value
    return Decimal(repr(value))


def _figures_sql(ids: tuple[str, list[Any]], conventions: Conventions) -> tuple[str, list[Any]]:
    """SQL: per period of ``ids`` that has a counts row, its revision, its indicators'
    figures and its sums."""
    rows, params = _percent_rows(ids=ids, conventions=conventions)
    times, time_params = _period_rows(ids=ids)
    fence = _fence(connection.vendor)
    sums = ", ".join(f"e.{name}" for name in PER_PERIOD)
    sql = (
        "SELECT c.period_id AS period_id, c.revision AS rev, COUNT(x.value_id) AS indicators,"
        " COUNT(x.pct) AS scored, SUM(x.pct) AS percent_sum,"
        " COALESCE(SUM(CASE WHEN x.pct >= 100 THEN 1 ELSE 0 END), 0) AS achieved,"
        " COALESCE(SUM(CASE WHEN x.pct * 2 < e.elapsed THEN 1 ELSE 0 END), 0) AS far_behind,"
        f" {sums}"
        f" FROM {COUNTS_TABLE} c JOIN ({times}) e ON e.period_id = c.period_id"
        f" LEFT JOIN ({rows}{fence}) x ON x.period_id = c.period_id"
        f" WHERE c.period_id IN ({ids[0]})"
        f" GROUP BY c.period_id, c.revision, {sums}"
    )
    return sql, [*time_params, *params, *ids[1]]


def indicator_figures_refresh(
    *, fund: m.Fund, periods: QuerySet[m.ReportingPeriod], everything: bool = False
) -> int:
    """Work out again the figures of the periods of ``periods`` (of ``fund``'s projects)
    whose figures are behind their revision (all of them with ``everything``): one query
    finding them, then one statement per ``CHUNK`` of them (none when all are current).
    Their counts rows must exist (``counts_rows_create``). Returns the rows written."""
    rows = FindingCount.objects.filter(period__in=periods)
    if not everything:
        rows = rows.exclude(figured_revision=F("revision"))
    stale = list(rows.order_by("period_id").values_list("period_id", flat=True))
    conventions = fund.conventions()
    written = 0
    for start in range(0, len(stale), CHUNK):
        written += _figure(stale[start : start + CHUNK], conventions)
    return written


def _figure(period_ids: list[int], conventions: Conventions) -> int:
    """One ``UPDATE … FROM``: the figures of ``period_ids``, each with the revision read in
    the same snapshot as the values."""
    ids = (", ".join(["%s"] * len(period_ids)), list(period_ids))
    figures, params = _figures_sql(ids, conventions)
    assignments = ", ".join(f"{name} = f.{name}" for name in STORED)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {COUNTS_TABLE} SET {assignments}, figured_revision = f.rev"
            f" FROM ({figures}) f WHERE {COUNTS_TABLE}.period_id = f.period_id",
            params,
        )
        return int(cursor.rowcount)


def indicator_figures_computed(
    *, fund: m.Fund, periods: QuerySet[m.ReportingPeriod]
) -> dict[int, dict[str, Any]]:
    """Per period id of ``periods`` (with a counts row): its figures worked out from the
    values now, nothing read from or written to the stored ones — what the stored figures
    must equal."""
    figures, params = _figures_sql(_ids(periods), fund.conventions())
    with connection.cursor() as cursor:
        cursor.execute(figures, params)
        names = [c[0] for c in cursor.description]
        rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    return {row["period_id"]: {name: _as_read(name, row[name]) for name in STORED} for row in rows}


_DECIMAL_PLACES = {  # the stored decimal columns, with their places
    field.name: field.decimal_places
    for field in FindingCount._meta.get_fields()
    if isinstance(field, DecimalField) and field.name in STORED and field.name != "percent_sum"
}


def _as_read(name: str, value: Any) -> Any:
    """A figure as its stored column gives it back through the model."""
    if name == "percent_sum":
        return _as_stored(value)
    places = _DECIMAL_PLACES.get(name)
    if places is not None and value is not None:
        if isinstance(value, float | int):
            value = Context(prec=15).create_decimal_from_float(value)
        return Decimal(value).quantize(Decimal(1).scaleb(-places))
    if name == "forecast_end" and isinstance(value, str):
        return date.fromisoformat(value)
    return value


def _as_stored(value: Any) -> Decimal | None:
    """A sum as the ``percent_sum`` column gives it back: 20 decimals, and on SQLite (a
    REAL) through 15 significant digits, as Django reads a decimal there."""
    if value is None:
        return None
    if isinstance(value, float):
        value = Context(prec=15).create_decimal_from_float(value)
    return Decimal(value).quantize(Decimal(1).scaleb(-20))


def stored_figures_refresh(
    *, periods: QuerySet[m.ReportingPeriod], everything: bool = False
) -> dict[str, int]:
    """Make the stored figures of ``periods`` current: a counts row for each, the
    indicators' figures of those behind worked out in the database (one statement per
    fund), and their findings counted (``fund_counts.finding_counts``). With
    ``everything``, every one of them is worked out again, current or not.

    What the bulk loader calls for the quarters it writes, and ``logframe fund-figures``.
    Returns how many quarters had their indicators' figures and findings worked out."""
    counts_rows_create(periods=periods)
    mine = FindingCount.objects.filter(period__in=periods)
    if everything:
        mine.update(counted_revision=-1, figured_revision=-1)
    stale = mine.exclude(counted_revision=F("revision")).count()
    figured = 0
    for fund in m.Fund.objects.filter(projects__periods__in=periods).distinct():
        figured += indicator_figures_refresh(fund=fund, periods=periods.filter(project__fund=fund))
    finding_counts(periods=periods, rows_exist=True)
    return {"figured": figured, "counted": stale}
