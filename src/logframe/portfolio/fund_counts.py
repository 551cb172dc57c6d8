"""Each quarter's data-quality findings, counted once and kept until its data changes.

The findings come from ``domain.checks.check_period``, rules that need the whole project
and cannot be written in SQL; counting them for every project of a fund at each report
would cost as much as building every project's report. So the counts are materialised in
``FindingCount`` (one row per quarter) and kept exact by the database itself:

- triggers (migration 0008) on every table a check reads add 1 to ``revision`` of the
  counts of each quarter a written row belongs to, in the writer's own transaction,
  whatever wrote it (the import services, the entry screens, the API, raw SQL);
- ``finding_counts`` reads the counts; those whose ``counted_revision`` is not their
  ``revision`` (or that do not exist yet) are worked out again from the records, and
  written only if their ``revision`` has not moved meanwhile (a conditional UPDATE), so a
  count never outlives the data it was counted from.

With nothing changed, reading the counts of a whole fund is three queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from functools import reduce
from operator import or_
from typing import TYPE_CHECKING

from django.db import connection, models
from django.db.models import Case, F, Q, QuerySet, Value, When

from logframe.domain.checks import check_period
from logframe.domain.checks.register import Register
from logframe.domain.findings import Severity
from logframe.domain.register.figures import Rule
from logframe.domain.register.kinds import RegisteredActivity

if TYPE_CHECKING:
    from logframe.portfolio.models import ReportingPeriod

BATCH = 200  # quarters worked out per batch of records (twenty queries each)
EMPTY_REGISTER = Register()


class FindingCount(models.Model):
    """A quarter's findings by severity, valid while ``counted_revision == revision``."""

    period = models.OneToOneField(
        "portfolio.ReportingPeriod",
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="finding_count",
    )
    errors = models.PositiveIntegerField(default=0)
    warnings = models.PositiveIntegerField(default=0)
    infos = models.PositiveIntegerField(default=0)
    revision = models.BigIntegerField(default=0, help_text="Moved by triggers on every write")
    counted_revision = models.BigIntegerField(default=-1, help_text="The revision counted")
    # the quarter's indicators as the fund report adds them up (``fund_figures``), valid
    # while ``figured_revision == revision``; worked out by SQL, never in Python
    indicators = models.PositiveIntegerField(default=0, help_text="Indicators with a value")
    scored = models.PositiveIntegerField(default=0, help_text="Of which have a % of planned")
    percent_sum = models.DecimalField(
        max_digits=50, decimal_places=20, null=True, help_text="Sum of their % of planned"
    )
    achieved = models.PositiveIntegerField(default=0, help_text="% of planned 100 or more")
    far_behind = models.PositiveIntegerField(
        default=0, help_text="% of planned below half the time elapsed at the quarter's end"
    )
    figured_revision = models.BigIntegerField(default=-1, help_text="The revision figured")
    # the quarter's money and dates as the fund report lists them per project, figured with
    # the indicators (same ``figured_revision``): the triggers cover their tables too
    approved = models.DecimalField(
        max_digits=24, decimal_places=2, null=True, help_text="The agencies' approved budgets"
    )
    committed = models.DecimalField(
        max_digits=24, decimal_places=2, null=True, help_text="Cumulative committed"
    )
    disbursed = models.DecimalField(
        max_digits=24, decimal_places=2, null=True, help_text="Cumulative disbursed"
    )
    forecast_end = models.DateField(null=True, help_text="The latest forecast final date")
    reported_delay = models.IntegerField(null=True, help_text="The longest delay reported")
    lead = models.ForeignKey(
        "portfolio.Organisation",
        null=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,
        related_name="+",
        help_text="The lead agency (its code is read by a join, so a renamed one is current)",
    )
    # (migration 0012) what the fund's trend and beneficiaries add up per quarter, figured
    # with the rest: NULL until first figured
    finance_lines = models.PositiveIntegerField(null=True, help_text="Finance lines")
    finance_approved = models.DecimalField(
        max_digits=24,
        decimal_places=2,
        null=True,
        help_text="The approved budgets of the agencies with a finance line",
    )
    men_lines = models.PositiveIntegerField(null=True, help_text="Applicable lines of men")
    men_target = models.DecimalField(max_digits=24, decimal_places=4, null=True)
    men_actual = models.DecimalField(max_digits=24, decimal_places=4, null=True)
    women_lines = models.PositiveIntegerField(null=True, help_text="Applicable lines of women")
    women_target = models.DecimalField(max_digits=24, decimal_places=4, null=True)
    women_actual = models.DecimalField(max_digits=24, decimal_places=4, null=True)

    class Meta:
        app_label = "portfolio"

    def __str__(self) -> str:
        return f"findings of period {self.period_id}"


Counts = tuple[int, int, int]  # errors, warnings, infos


def counts_rows_create(*, periods: QuerySet[ReportingPeriod]) -> None:
    """One statement: a counts row (stale: nothing counted, nothing figured) for each
    period of ``periods`` that has none."""
    sql, params = periods.order_by().values("pk").query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {COUNTS_TABLE} (period_id, errors, warnings, infos, revision,"
            " counted_revision, indicators, scored, achieved, far_behind, figured_revision)"
            " SELECT p.id, 0, 0, 0, 0, -1, 0, 0, 0, 0, -1"
            f" FROM portfolio_reportingperiod p WHERE p.id IN ({sql})"
            " ON CONFLICT (period_id) DO NOTHING",
            params,
        )


def finding_counts(
    *, periods: QuerySet[ReportingPeriod], rows_exist: bool = False
) -> dict[int, Counts]:
    """Per period id of ``periods``: its findings' counts, exact.

    Two queries when every count is current (one when the caller made the rows,
    ``rows_exist``); the stale or missing ones cost twenty queries more per batch of
    ``BATCH`` quarters.
    """
    if not rows_exist:
        counts_rows_create(periods=periods)
    return counts_of_rows(
        FindingCount.objects.filter(period__in=periods).values_list(
            "period_id", "errors", "warnings", "infos", "revision", "counted_revision"
        )
    )


StoredCounts = tuple[int, int, int, int, int, int]  # period, counts, revision, counted


def counts_of_rows(rows: Iterable[StoredCounts]) -> dict[int, Counts]:
    """Per period: its counts from its stored row as read (period id, errors, warnings,
    infos, revision, counted revision) when they are current, else counted again (twenty
    queries per ``BATCH`` of them)."""
    rows = list(rows)
    stale = {pk: revision for pk, _, _, _, revision, counted in rows if counted != revision}
    counts = {pk: (e, w, i) for pk, e, w, i, revision, counted in rows if counted == revision}
    ids = sorted(stale)
    for start in range(0, len(ids), BATCH):
        counts.update(_count(ids[start : start + BATCH], stale))
    return counts


def _count(period_ids: list[int], revisions: dict[int, int]) -> dict[int, Counts]:
    """Work the periods' findings out from their records; store each count unless its
    data changed after the revision read (then it stays stale, and is counted next time)."""
    from logframe.portfolio.models import ReportingPeriod as Period  # models import this module
    from logframe.portfolio.records import latest_period_records

    records = latest_period_records(period_ids=period_ids)
    projects = dict(Period.objects.filter(pk__in=period_ids).values_list("pk", "project_id"))
    registers = _registers(project_ids=set(projects.values()))
    done: dict[int, Counts] = {}
    for pk, record in records.items():
        findings = check_period(
            project=record,
            quarter=record.periods[0].quarter,
            register=registers.get(projects[pk], EMPTY_REGISTER),
        )
        done[pk] = (
            sum(f.severity is Severity.ERROR for f in findings),
            sum(f.severity is Severity.WARNING for f in findings),
            sum(f.severity is Severity.INFO for f in findings),
        )
    if done:  # one UPDATE for the batch, each row only if its revision has not moved
        unchanged = reduce(or_, (Q(period_id=pk, revision=revisions[pk]) for pk in done))
        FindingCount.objects.filter(unchanged).update(
            errors=_per_period(done, 0),
            warnings=_per_period(done, 1),
            infos=_per_period(done, 2),
            counted_revision=F("revision"),
        )
    return done


def _registers(*, project_ids: set[int]) -> dict[int, Register]:
    """Two queries: the activity register of each of the projects, as ``check_period``
    takes it (``activities.selectors.register_of``, for many projects at once)."""
    from logframe.activities import models as a
    from logframe.activities.selectors import as_registered, as_rule

    activities: dict[int, list[RegisteredActivity]] = defaultdict(list)
    for activity in a.Activity.objects.filter(period__project_id__in=project_ids).select_related(
        "output", "place", "period"
    ):
        activities[activity.period.project_id].append(as_registered(activity))
    rules: dict[int, dict[str, Rule]] = defaultdict(dict)
    for rule in a.IndicatorRule.objects.filter(
        indicator__result__project_id__in=project_ids
    ).select_related("indicator", "indicator__result", "group"):
        rules[rule.indicator.result.project_id][rule.indicator.code] = as_rule(rule)
    return {
        pk: Register(activities=tuple(activities.get(pk, ())), rules=rules.get(pk, {}))
        for pk in project_ids
    }


def _per_period(done: dict[int, Counts], n: int) -> Case:
    return Case(
        *(When(period_id=pk, then=Value(counts[n])) for pk, counts in done.items()),
        output_field=models.PositiveIntegerField(),
    )


# -- the triggers (migration 0008) --------------------------------------------------------

# table → (its column, what that column names): every table a check reads
TRACKED: dict[str, tuple[str, str]] = {
    "portfolio_fund": ("id", "fund"),
    "portfolio_project": ("id", "project"),
    "portfolio_participation": ("project_id", "project"),
    "portfolio_footnote": ("project_id", "project"),
    "portfolio_procurementitem": ("project_id", "project"),
    "portfolio_budget": ("project_id", "project"),
    "portfolio_transaction": ("project_id", "project"),
    "portfolio_result": ("project_id", "project"),
    "portfolio_indicator": ("result_id", "result"),
    "portfolio_activity": ("result_id", "result"),
    "portfolio_footnotemark": ("footnote_id", "footnote"),
    "portfolio_reportingperiod": ("id", "period"),
    "portfolio_indicatorvalue": ("period_id", "period"),
    "portfolio_indicatorvaluepart": ("indicator_value_id", "value"),
    "portfolio_financialstatus": ("period_id", "period"),
    "portfolio_beneficiaryfigure": ("period_id", "period"),
    "portfolio_resultprogress": ("period_id", "period"),
    "portfolio_sourcecell": ("period_id", "period"),
}
COUNTS_TABLE = "portfolio_findingcount"


# the activity register (``logframe.activities``, migration 0010): ``check_period`` reads
# the project's whole register, so a write to it makes every quarter of the project stale
REGISTER_TRACKED: dict[str, tuple[str, str]] = {
    "activities_activity": ("period_id", "period's project"),
    "activities_indicatorrule": ("indicator_id", "indicator"),
    "activities_activitygroup": ("id", "activity group"),
    "activities_place": ("id", "place"),
}


def _periods_of(kind: str, keys: str) -> str:
    """SQL selecting the ids of the periods that ``keys`` (a parenthesised list of values
    or a subquery) of ``kind`` belong to."""
    of_projects = "SELECT id FROM portfolio_reportingperiod WHERE project_id IN "
    rule_projects = (
        "SELECT r.project_id FROM activities_indicatorrule ru"
        " JOIN portfolio_indicator i ON i.id = ru.indicator_id"
        " JOIN portfolio_result r ON r.id = i.result_id"
    )
    return {
        "period": f"SELECT id FROM portfolio_reportingperiod WHERE id IN {keys}",
        "value": f"SELECT period_id FROM portfolio_indicatorvalue WHERE id IN {keys}",
        "project": f"{of_projects}{keys}",
        "result": f"{of_projects}(SELECT project_id FROM portfolio_result WHERE id IN {keys})",
        "footnote": f"{of_projects}(SELECT project_id FROM portfolio_footnote WHERE id IN {keys})",
        "fund": f"{of_projects}(SELECT id FROM portfolio_project WHERE fund_id IN {keys})",
        "period's project": (
            f"{of_projects}(SELECT project_id FROM portfolio_reportingperiod WHERE id IN {keys})"
        ),
        "indicator": (
            f"{of_projects}(SELECT r.project_id FROM portfolio_result r"
            f" JOIN portfolio_indicator i ON i.result_id = r.id WHERE i.id IN {keys})"
        ),
        "activity group": f"{of_projects}({rule_projects} WHERE ru.group_id IN {keys})",
        "place": (
            f"{of_projects}(SELECT rp.project_id FROM activities_activity ac"
            " JOIN portfolio_reportingperiod rp ON rp.id = ac.period_id"
            f" WHERE ac.place_id IN {keys})"
        ),
    }[kind]


def _bump(kind: str, keys: str) -> str:
    return (
        f"UPDATE {COUNTS_TABLE} SET revision = revision + 1"
        f" WHERE period_id IN ({_periods_of(kind, keys)})"
    )


def trigger_sql(
    vendor: str, tracked: dict[str, tuple[str, str]] = TRACKED
) -> tuple[list[str], list[str]]:
    """The statements creating the triggers on ``vendor``, and those dropping them: of
    migration 0008 (``TRACKED``) by default, of 0010 with ``REGISTER_TRACKED``."""
    create: list[str] = []
    drop: list[str] = []
    for table, (column, kind) in tracked.items():
        name = f"{table}_fc"
        if vendor == "postgresql":
            both = f"(SELECT {column} FROM new_rows UNION SELECT {column} FROM old_rows)"
            create.append(
                f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$"
                " BEGIN"
                f" IF TG_OP = 'INSERT' THEN {_bump(kind, f'(SELECT {column} FROM new_rows)')};"
                f" ELSIF TG_OP = 'DELETE' THEN {_bump(kind, f'(SELECT {column} FROM old_rows)')};"
                f" ELSE {_bump(kind, both)}; END IF;"
                " RETURN NULL; END $$"
            )
            for event, refs in (
                ("INSERT", "NEW TABLE AS new_rows"),
                ("UPDATE", "OLD TABLE AS old_rows NEW TABLE AS new_rows"),
                ("DELETE", "OLD TABLE AS old_rows"),
            ):
                create.append(
                    f"CREATE TRIGGER {name}_{event.lower()} AFTER {event} ON {table}"
                    f" REFERENCING {refs} FOR EACH STATEMENT EXECUTE FUNCTION {name}()"
                )
                drop.append(f"DROP TRIGGER IF EXISTS {name}_{event.lower()} ON {table}")
            drop.append(f"DROP FUNCTION IF EXISTS {name}()")
        else:
            for event, keys in (
                ("INSERT", f"(NEW.{column})"),
                ("UPDATE", f"(NEW.{column}, OLD.{column})"),
                ("DELETE", f"(OLD.{column})"),
            ):
                create.append(
                    f"CREATE TRIGGER {name}_{event.lower()} AFTER {event} ON {table}"
                    f" FOR EACH ROW BEGIN {_bump(kind, keys)}; END"
                )
                drop.append(f"DROP TRIGGER IF EXISTS {name}_{event.lower()}")
    return create, drop
