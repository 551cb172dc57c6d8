"""Many new projects at once: the same rows ``project_import`` would store, written in bulk.

``project_import`` compares every row with the stored one and costs a few dozen queries a
project: right for a file someone edits, too slow for a fund of 10,000 generated projects.
``projects_bulk_create`` only creates: it refuses a project that exists, builds the rows of
a few hundred projects at a time with the very field values ``project_import`` uses,
reserves their ids, and writes each table in one statement per batch (COPY on PostgreSQL),
each row with its ``+`` history row naming who and why. Organisations and the fund go
through ``Changes`` as in ``project_import`` (a handful of rows). The difference in the
history: a result's partners are recorded with its creation, not in a second history row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from itertools import islice
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone

from logframe.domain.records import FootnoteMark, PeriodRecord, ProjectRecord
from logframe.pagecache.models import PageVersion
from logframe.portfolio import models as m
from logframe.portfolio.fund_counts import COUNTS_TABLE
from logframe.portfolio.fund_indicators import stored_figures_refresh
from logframe.portfolio.services.bulk_rows import (
    IdPool,
    Ref,
    RowError,
    RowTriggers,
    Table,
    insert_table,
    write_table,
)
from logframe.portfolio.services.changes import Changes
from logframe.portfolio.services.period_import import _value, period_values
from logframe.portfolio.services.project_import import (
    _fund,
    _indicator_values,
    project_values,
)
from logframe.richtext import sanitise_html

# parents before children: the order the tables are written in
ORDER: tuple[type[models.Model], ...] = (
    m.Project, m.Participation, m.ProcurementItem, m.Footnote, m.Budget, m.Transaction,
    m.Result, m.Indicator, m.Activity, m.FootnoteMark, m.ReportingPeriod, m.IndicatorValue,
    m.IndicatorValuePart, m.FinancialStatus, m.BeneficiaryFigure, m.ResultProgress,
    m.SourceCell,
)  # fmt: skip


CHUNK = 500  # ids per statement of ``versions_moved``


class BulkLoadError(ValueError):
    """Nothing was saved: a project already exists, or a row would not fit its column."""


@transaction.atomic
def projects_bulk_create(
    *,
    records: Iterable[ProjectRecord],
    actor: Any = None,
    reason: str = "",
    batch: int = 250,
    progress: Callable[[int], None] | None = None,
    figured: Callable[[int], None] | None = None,
) -> Counter[str]:
    """Create the projects of ``records`` (none may exist yet), ``batch`` at a time.

    Returns the rows created per model; calls ``progress(projects loaded)`` after each
    batch, and ``figured(projects figured)`` after each batch of the figures.
    On SQLite the per-row triggers of the tables written are left out while the rows go
    in and their work is done once at the end (``RowTriggers``, ``versions_moved``).
    Then the fund report's stored figures of the new quarters are worked out
    (``fund_indicators.stored_figures_refresh``), ``batch`` projects at a time.
    """
    loader = _Loader(actor=actor, reason=reason, now=timezone.now())
    triggers = RowTriggers.left_out(written_tables())
    done = 0
    for chunk in _batched(iter(records), batch):
        loader.load(chunk)
        done += len(chunk)
        if progress:
            progress(done)
    triggers.restore()
    versions_moved(triggers, projects=loader.projects, funds=loader.funds)
    loader.figure(batch, figured)
    return loader.created


def written_tables() -> list[str]:
    """The tables the loader writes rows of a project to (their history tables have no
    triggers of their own)."""
    return [model._meta.db_table for model in ORDER] + [m.Result.partners.through._meta.db_table]


def versions_moved(triggers: RowTriggers, *, projects: list[int], funds: set[int]) -> None:
    """Once, what the row triggers ``triggers`` left out would have done for every row of
    the new ``projects`` (of ``funds``): the counts of their quarters get a new revision
    (none has a counts row before ``figure`` makes them, so this changes nothing; it
    keeps the loader exact should that change), and the page versions of the projects and
    their funds (or ``global``) move, in key order like the triggers', so that a page
    cached before the load is not served after it. (The triggers would have added 1 per
    row, the loader adds 1: a cached page is keyed on its versions, not on how far they
    moved.)"""
    if not projects:  # no row written, no trigger would have run
        return
    of_projects, everything = triggers.page_versions
    if triggers.counts:
        for start in range(0, len(projects), CHUNK):
            ids = projects[start : start + CHUNK]
            with connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {COUNTS_TABLE} SET revision = revision + 1 WHERE period_id IN"
                    f" (SELECT id FROM {m.ReportingPeriod._meta.db_table} WHERE project_id IN"
                    f" ({', '.join(['%s'] * len(ids))}))",
                    ids,
                )
    keys = {"global"} if everything else set()
    if of_projects:
        keys |= {f"project:{pk}" for pk in projects} | {f"fund:{pk}" for pk in funds}
    if not keys:
        return
    table = PageVersion._meta.db_table
    with connection.cursor() as cursor:
        cursor.executemany(
            f'INSERT INTO {table} ("key", version) VALUES (%s, 1) ON CONFLICT ("key")'
            f" DO UPDATE SET version = {table}.version + 1",
            [(key,) for key in sorted(keys)],
        )


def _batched(records: Iterator[ProjectRecord], size: int) -> Iterator[list[ProjectRecord]]:
    while chunk := list(islice(records, size)):
        yield chunk


class _Loader:
    def __init__(self, *, actor: Any, reason: str, now: datetime) -> None:
        self.changes = Changes(actor=actor, reason=reason)
        self.now = now
        self.ids = IdPool()
        self.created: Counter[str] = Counter()
        self.seen: set[tuple[str, str]] = set()
        self.projects: list[int] = []  # the ids of the projects created
        self.funds: set[int] = set()  # and of their funds

    def load(self, records: list[ProjectRecord]) -> None:
        orgs = self._organisations(records)
        funds = {r.fund.code: r.fund for r in records}
        stored = {code: _fund(f, orgs, self.changes) for code, f in funds.items()}
        self._refuse_existing(records, stored)
        rows = _Rows(self.ids)
        for record in records:
            try:
                _project_rows(record, stored[record.fund.code], orgs, rows)
            except RowError as exc:
                raise BulkLoadError(f"project {record.number}: {exc}") from exc
        self._write(rows)
        self.projects += [row[0] for row in rows.tables[m.Project].rows]
        self.funds |= {fund.pk for fund in stored.values()}

    def figure(self, batch: int, progress: Callable[[int], None] | None = None) -> None:
        """The fund report's stored figures and findings' counts of every quarter loaded,
        so that no request has to count them. On PostgreSQL after fresh statistics: the
        planner would otherwise take the new tables for empty."""
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        for start in range(0, len(self.projects), batch):
            chunk = self.projects[start : start + batch]
            stored_figures_refresh(periods=m.ReportingPeriod.objects.filter(project__in=chunk))
            if progress:
                progress(start + len(chunk))

    def _organisations(self, records: list[ProjectRecord]) -> dict[str, m.Organisation]:
        wanted = {o.code: o for r in records for o in r.organisations}  # the last one wins
        saved = self.changes.sync(
            m.Organisation,
            existing=m.Organisation.objects.filter(code__in=list(wanted)),
            key=lambda o: o.code,
            wanted={
                code: {"code": code, "name": o.name, "kind": o.kind.value, "iati_ref": o.iati_ref}
                for code, o in wanted.items()
            },
            prune=False,
        )
        return {str(code): org for code, org in saved.items()}

    def _refuse_existing(self, records: list[ProjectRecord], funds: dict[str, m.Fund]) -> None:
        for record in records:
            key = (record.fund.code, record.number)
            if key in self.seen:
                raise BulkLoadError(f"project {record.number} comes twice in fund {key[0]}")
            self.seen.add(key)
        for code, fund in funds.items():
            numbers = [r.number for r in records if r.fund.code == code]
            found = fund.projects.filter(number__in=numbers).values_list("number", flat=True)
            if first := next(iter(found), None):
                raise BulkLoadError(
                    f"project {first} already exists in fund {code}: the bulk loader only "
                    "creates new projects"
                )

    def _write(self, rows: _Rows) -> None:
        actor, reason = self.changes.actor, self.changes.reason
        for model in ORDER:
            table = rows.tables[model]
            history_ids = rows.result_history if model is m.Result else ()
            insert_table(table, actor=actor, reason=reason, now=self.now, history_ids=history_ids)
            self.created[str(model._meta.verbose_name_plural)] += len(table.rows)
        _write_partners(rows)


class _Rows:
    """The new rows of a batch of projects, by model, each with its id already taken."""

    def __init__(self, ids: IdPool) -> None:
        self.ids = ids
        self.tables = {model: Table(model) for model in ORDER}
        self.partners: list[tuple[int, int, int, int]] = []  # id, result, organisation, history
        self.result_history: list[int] = []
        # looked up once: each access to ``Model.history`` builds a manager class
        self.history_table = m.Result.history.model._meta.db_table
        self.partners_table = m.Result.partners.through._meta.db_table

    def add(self, model: type[models.Model], **values: Any) -> Any:
        table = self.tables[model]
        return table.add(self.ids.take(table.table), values)


def _project_rows(
    record: ProjectRecord, fund: m.Fund, orgs: dict[str, m.Organisation], rows: _Rows
) -> None:
    project = rows.add(m.Project, fund=fund, number=record.number, **project_values(record, orgs))
    participations = {
        p.organisation: rows.add(
            m.Participation,
            project=project,
            organisation=orgs[p.organisation],
            role=p.role.value,
            approved_budget=p.approved_budget,
            position=n,
        )
        for n, p in enumerate(record.participations, start=1)
    }
    for n, text in enumerate(record.procurement_plan, start=1):
        rows.add(m.ProcurementItem, project=project, position=n, text=text)
    footnotes = {
        f.number: rows.add(m.Footnote, project=project, number=f.number, text=f.text)
        for f in record.footnotes
    }
    _finance_plan(record, project, rows)
    results, indicators = _tree(record, project, orgs, footnotes, rows)
    for period in record.periods:
        _period_rows(period, project, participations, results, indicators, rows)


def _finance_plan(record: ProjectRecord, project: Ref, rows: _Rows) -> None:
    for n, b in enumerate(record.budgets, start=1):
        rows.add(
            m.Budget, project=project, position=n, type=b.type.value, status=b.status.value,
            period_start=b.period_start, period_end=b.period_end, value=b.value,
            currency=b.currency, value_date=b.value_date,
        )  # fmt: skip
    for n, t in enumerate(record.transactions, start=1):
        rows.add(
            m.Transaction, project=project, position=n, type=t.type.value,
            transaction_date=t.transaction_date, value=t.value, currency=t.currency,
            value_date=t.value_date, description=t.description, provider_ref=t.provider_ref,
            provider_name=t.provider_name, receiver_ref=t.receiver_ref,
            receiver_name=t.receiver_name,
        )  # fmt: skip


def _tree(
    record: ProjectRecord,
    project: Ref,
    orgs: dict[str, m.Organisation],
    footnotes: dict[int, Ref],
    rows: _Rows,
) -> tuple[dict[str, Any], dict[str, Any]]:
    results: dict[str, Any] = {}
    indicators: dict[str, Any] = {}
    parents = {child.code: r.code for r in record.walk_results() for child in r.children}
    for position, r in enumerate(record.walk_results(), start=1):
        result = results[r.code] = rows.add(
            m.Result, project=project, parent=results.get(parents.get(r.code, "")),
            level=r.level.value, code=r.code, text=r.text, lead=orgs.get(r.lead),
            position=position,
        )  # fmt: skip
        history_id = rows.ids.take(rows.history_table, "history_id")
        rows.result_history.append(history_id)
        for code in r.partners:
            link = rows.ids.take(rows.partners_table)
            rows.partners.append((link, result.pk, orgs[code].pk, history_id))
        for n, i in enumerate(r.indicators, start=1):
            indicator = indicators[i.code] = rows.add(
                m.Indicator, **_indicator_values(i, result, n)
            )
            _marks(rows, footnotes, i.footnotes, indicator=indicator)
        for n, a in enumerate(r.activities, start=1):
            activity = rows.add(m.Activity, result=result, code=a.code, text=a.text, position=n)
            _marks(rows, footnotes, a.footnotes, activity=activity)
    return results, indicators


def _marks(
    rows: _Rows, footnotes: dict[int, Ref], marks: tuple[FootnoteMark, ...], **owner: Any
) -> None:
    for n, mark in enumerate(marks, start=1):
        rows.add(
            m.FootnoteMark, footnote=footnotes[mark.number], place=mark.place.value, position=n,
            **owner,
        )  # fmt: skip


def _period_rows(
    record: PeriodRecord,
    project: Ref,
    participations: dict[str, Ref],
    results: dict[str, Any],
    indicators: dict[str, Any],
    rows: _Rows,
) -> None:
    period = rows.add(
        m.ReportingPeriod,
        project=project,
        year=record.quarter.year,
        quarter=record.quarter.number,
        **period_values(record),
    )
    for v in record.values:
        value = rows.add(m.IndicatorValue, **_value(v, period, indicators[v.indicator]))
        for n, part in enumerate(v.actual.parts, start=1):
            rows.add(
                m.IndicatorValuePart, indicator_value=value, position=n, label=part.label,
                value=part.value,
            )  # fmt: skip
    for f in record.finance:
        rows.add(
            m.FinancialStatus, period=period, participation=participations[f.organisation],
            committed=f.committed, disbursed=f.disbursed,
            forecast_final_date=f.forecast_final_date,
            reported_committed_pct=f.reported_committed_pct,
            reported_disbursed_pct=f.reported_disbursed_pct,
            reported_delay_months=f.reported_delay_months,
        )  # fmt: skip
    for n, b in enumerate(record.beneficiaries, start=1):
        rows.add(
            m.BeneficiaryFigure, period=period, group=b.group.value, target=b.target,
            actual=b.actual, applicable=b.applicable, note=b.note, reported_pct=b.reported_pct,
            position=n,
        )  # fmt: skip
    for p in record.progress:
        rows.add(
            m.ResultProgress, period=period, result=results[p.result],
            narrative=sanitise_html(p.narrative), reported_pct=p.reported_pct,
        )  # fmt: skip
    for n, c in enumerate(record.sources, start=1):
        rows.add(
            m.SourceCell, period=period, position=n, where=c.where, field=c.field, text=c.text,
            location=c.location, understood=c.understood,
        )  # fmt: skip


def _write_partners(rows: _Rows) -> None:
    """A result's partner agencies, and the same links in the history of its creation."""
    links = [(pk, result, org) for pk, result, org, _ in rows.partners]
    write_table(rows.partners_table, ["id", "result_id", "organisation_id"], links)
    history_table = rows.history_table + "_partners"
    write_table(history_table, ["id", "result_id", "organisation_id", "history_id"], rows.partners)
