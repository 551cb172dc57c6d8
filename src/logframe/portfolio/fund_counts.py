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

from functools import reduce
from operator import or_
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Case, F, Q, QuerySet, Value, When

from logframe.domain.checks import check_period
from logframe.domain.findings import Severity

if TYPE_CHECKING:
    from logframe.portfolio.models import ReportingPeriod

BATCH = 200  # quarters worked out per batch of records (fifteen queries each)


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

    class Meta:
        app_label = "portfolio"

    def __str__(self) -> str:
        return f"findings of period {self.period_id}"


Counts = tuple[int, int, int]  # errors, warnings, infos


def finding_counts(*, periods: QuerySet[ReportingPeriod]) -> dict[int, Counts]:
    """Per period id of ``periods``: its findings' counts, exact.

    Three queries when every count is current; the stale or missing ones cost fifteen
    queries more per batch of ``BATCH`` quarters.
    """
    missing = periods.exclude(pk__in=FindingCount.objects.values("period_id")).values("pk")
    FindingCount.objects.bulk_create(
        [FindingCount(period_id=v["pk"]) for v in missing], ignore_conflicts=True
    )
    rows = list(
        FindingCount.objects.filter(period__in=periods).values_list(
            "period_id", "errors", "warnings", "infos", "revision", "counted_revision"
        )
    )
    stale = {pk: revision for pk, _, _, _, revision, counted in rows if counted != revision}
    counts = {pk: (e, w, i) for pk, e, w, i, revision, counted in rows if counted == revision}
    ids = sorted(stale)
    for start in range(0, len(ids), BATCH):
        counts.update(_count(ids[start : start + BATCH], stale))
    return counts


def _count(period_ids: list[int], revisions: dict[int, int]) -> dict[int, Counts]:
    """Work the periods' findings out from their records; store each count unless its
    data changed after the revision read (then it stays stale, and is counted next time)."""
    from logframe.portfolio.records import latest_period_records  # models import this module

    records = latest_period_records(period_ids=period_ids)
    done: dict[int, Counts] = {}
    for pk, record in records.items():
        findings = check_period(project=record, quarter=record.periods[0].quarter)
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


def _periods_of(kind: str, keys: str) -> str:
    """SQL selecting the ids of the periods that ``keys`` (a parenthesised list of values
    or a subquery) of ``kind`` belong to."""
    of_projects = "SELECT id FROM portfolio_reportingperiod WHERE project_id IN "
    return {
        "period": f"SELECT id FROM portfolio_reportingperiod WHERE id IN {keys}",
        "value": f"SELECT period_id FROM portfolio_indicatorvalue WHERE id IN {keys}",
        "project": f"{of_projects}{keys}",
        "result": f"{of_projects}(SELECT project_id FROM portfolio_result WHERE id IN {keys})",
        "footnote": f"{of_projects}(SELECT project_id FROM portfolio_footnote WHERE id IN {keys})",
        "fund": f"{of_projects}(SELECT id FROM portfolio_project WHERE fund_id IN {keys})",
    }[kind]


def _bump(kind: str, keys: str) -> str:
    return (
        f"UPDATE {COUNTS_TABLE} SET revision = revision + 1"
        f" WHERE period_id IN ({_periods_of(kind, keys)})"
    )


def trigger_sql(vendor: str) -> tuple[list[str], list[str]]:
    """The statements creating the triggers on ``vendor``, and those dropping them."""
    create: list[str] = []
    drop: list[str] = []
    for table, (column, kind) in TRACKED.items():
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
