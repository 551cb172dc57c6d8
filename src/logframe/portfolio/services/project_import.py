"""Write a whole project, as records, to the database: the one path for project files.

With ``prune`` (a project file), the records are authoritative for the project's
organisations, result tree, indicators and footnotes: what they no longer hold is
deleted. Without it (one quarter's report), nothing outside the records' period is
deleted. Periods are never deleted by an import; inside a period the records are
authoritative. Each kind of row is written in bulk, so a project costs a few dozen
queries whatever its size.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from logframe.domain.records import (
    FootnoteMark,
    FundRecord,
    IndicatorRecord,
    ProjectRecord,
    ResultRecord,
)
from logframe.portfolio import models as m
from logframe.portfolio.published import published_document
from logframe.portfolio.services.changes import Changes
from logframe.portfolio.services.locked_quarters import locked_quarters_kept
from logframe.portfolio.services.period_import import period_contents
from logframe.richtext import sanitise_html
from logframe.translations.stored import sync_translations


@dataclass(frozen=True)
class ImportResult:
    project: m.Project
    changes: Changes


@transaction.atomic
def project_import(
    *, record: ProjectRecord, actor: Any = None, reason: str = "", prune: bool = True
) -> ImportResult:
    """Create or update the project of ``record`` and all it holds, in one transaction.

    Raises QuarterLocked (nothing saved) when it would change a submitted or approved
    quarter of the project.
    """
    with locked_quarters_kept(fund=record.fund.code, number=record.number):
        return _project_import(record=record, actor=actor, reason=reason, prune=prune)


def _project_import(*, record: ProjectRecord, actor: Any, reason: str, prune: bool) -> ImportResult:
    changes = Changes(actor=actor, reason=reason)
    orgs = _organisations(record, changes)
    fund = _fund(record.fund, orgs, changes)
    project = _project(record, fund, orgs, changes)
    participations = changes.sync(
        m.Participation,
        existing=project.participations.all(),
        key=lambda p: p.organisation_id,
        wanted={
            orgs[p.organisation].pk: {
                "project": project,
                "organisation": orgs[p.organisation],
                "role": p.role.value,
                "approved_budget": p.approved_budget,
                "position": n,
            }
            for n, p in enumerate(record.participations, start=1)
        },
        prune=prune,
    )
    changes.sync(
        m.ProcurementItem,
        existing=project.procurement_plan.all(),
        key=lambda item: item.position,
        wanted={
            n: {"project": project, "position": n, "text": text}
            for n, text in enumerate(record.procurement_plan, start=1)
        },
        prune=prune,
    )
    footnotes = changes.sync(
        m.Footnote,
        existing=project.footnotes.all(),
        key=lambda f: f.number,
        wanted={f.number: {"project": project, "number": f.number, "text": f.text}
                for f in record.footnotes},
        prune=prune,
    )  # fmt: skip
    _budgets_and_transactions(record, project, changes, prune=prune)
    results = _results(record, project, orgs, changes, prune=prune)
    indicators = _indicators(record, project, results, changes, prune=prune)
    activities = _activities(record, results, changes, prune=prune)
    _marks(record, footnotes, results, indicators, activities, changes)
    for period in record.periods:
        period_contents(
            record=period,
            project=project,
            participations={o.organisation.code: o for o in participations.values()},
            results={r.code: r for r in results.values()},
            indicators={i.code: i for i in indicators.values()},
            changes=changes,
        )
    sync_translations(record=record, project=project, changes=changes, prune=prune)
    return ImportResult(project=project, changes=changes)


def _organisations(record: ProjectRecord, changes: Changes) -> dict[str, m.Organisation]:
    codes = [o.code for o in record.organisations]
    rows = changes.sync(
        m.Organisation,
        existing=m.Organisation.objects.filter(code__in=codes),
        key=lambda o: o.code,
        wanted={
            o.code: {"code": o.code, "name": o.name, "kind": o.kind.value, "iati_ref": o.iati_ref}
            for o in record.organisations
        },
        prune=False,
    )
    return {str(k): v for k, v in rows.items()}


def _fund(record: FundRecord, orgs: dict[str, m.Organisation], changes: Changes) -> m.Fund:
    probe = m.Fund()
    probe.set_conventions(record.conventions)
    convention_fields = [
        "indicator_decimals", "finance_decimals", "beneficiary_decimals", "cap_at_100",
        "rollup", "score_percentage_indicators", "pct_not_yet_initiated", "pct_initiated",
        "pct_partially", "pct_completed",
    ]  # fmt: skip
    values: dict[str, Any] = {f: getattr(probe, f) for f in convention_fields}
    values |= {
        "name": record.name,
        "currency": record.currency,
        "administrative_agent": orgs.get(record.administrative_agent),
    }
    return changes.upsert(m.Fund, key={"code": record.code}, values=values)


def _project(
    record: ProjectRecord, fund: m.Fund, orgs: dict[str, m.Organisation], changes: Changes
) -> m.Project:
    values = project_values(record, orgs)
    return changes.upsert(m.Project, key={"fund": fund, "number": record.number}, values=values)


def project_values(record: ProjectRecord, orgs: dict[str, m.Organisation]) -> dict[str, Any]:
    """The project's own fields as stored (the bulk loader writes the same)."""
    return {
        "title": record.title,
        "description": sanitise_html(record.description),
        "sector": record.sector,
        "sector_code": record.sector_code,
        "thematic_group": record.thematic_group,
        "line_ministry": orgs.get(record.line_ministry),
        "location": record.location,
        "approval_date": record.approval_date,
        "start_date": record.start_date,
        "planned_end_date": record.planned_end_date,
        "revised_end_date": record.revised_end_date,
        "status": record.status.value,
        "development_goal": sanitise_html(record.development_goal),
        "undaf_outcome": sanitise_html(record.undaf_outcome),
        "immediate_objective": sanitise_html(record.immediate_objective),
        "reported_total_budget": record.reported_total_budget,
        "reported_duration_months": record.reported_duration_months,
        "iati_identifier": record.iati_identifier,
        "recipient_country": record.recipient_country,
    }


def _budgets_and_transactions(
    record: ProjectRecord, project: m.Project, changes: Changes, *, prune: bool
) -> None:
    """Budgets and transactions in their order: the records' list replaces the stored one."""
    changes.sync(
        m.Budget,
        existing=project.budgets.all(),
        key=lambda b: b.position,
        wanted={
            n: {
                "project": project,
                "position": n,
                "type": b.type.value,
                "status": b.status.value,
                "period_start": b.period_start,
                "period_end": b.period_end,
                "value": b.value,
                "currency": b.currency,
                "value_date": b.value_date,
            }
            for n, b in enumerate(record.budgets, start=1)
        },
        prune=prune,
    )
    changes.sync(
        m.Transaction,
        existing=project.transactions.all(),
        key=lambda t: t.position,
        wanted={
            n: {
                "project": project,
                "position": n,
                "type": t.type.value,
                "transaction_date": t.transaction_date,
                "value": t.value,
                "currency": t.currency,
                "value_date": t.value_date,
                "description": t.description,
                "provider_ref": t.provider_ref,
                "provider_name": t.provider_name,
                "receiver_ref": t.receiver_ref,
                "receiver_name": t.receiver_name,
            }
            for n, t in enumerate(record.transactions, start=1)
        },
        prune=prune,
    )


def _results(
    record: ProjectRecord,
    project: m.Project,
    orgs: dict[str, m.Organisation],
    changes: Changes,
    *,
    prune: bool,
) -> dict[str, m.Result]:
    """The tree level by level, so every parent is saved before its children."""
    existing = {r.code: r for r in project.results.all()}
    saved: dict[str, m.Result] = {}
    positions = {r.code: n for n, r in enumerate(record.walk_results(), start=1)}
    level: list[tuple[ResultRecord, str | None]] = [(r, None) for r in record.results]
    while level:
        saved |= changes.sync(
            m.Result,
            existing=[existing[r.code] for r, _ in level if r.code in existing],
            key=lambda r: r.code,
            wanted={
                r.code: {
                    "project": project,
                    "parent": saved[parent] if parent else None,
                    "level": r.level.value,
                    "code": r.code,
                    "text": r.text,
                    "lead": orgs.get(r.lead),
                    "position": positions[r.code],
                }
                for r, parent in level
            },
            prune=False,
        )
        level = [(child, r.code) for r, _ in level for child in r.children]
    for r in record.walk_results():
        _partners(saved[r.code], {orgs[code].pk for code in r.partners}, changes)
    if prune:
        stale: list[m.Result] = [r for code, r in existing.items() if code not in saved]
        stale.sort(key=_children_first)
        changes.delete(stale)
    return saved


def _children_first(result: m.Result) -> int:
    return -result.position


def _partners(result: m.Result, wanted: set[int], changes: Changes) -> None:
    if set(result.partners.values_list("pk", flat=True)) != wanted:
        changes.stamp(result)
        result.partners.set(wanted)
        changes.updated["result partners"] += 1


def _indicators(
    record: ProjectRecord,
    project: m.Project,
    results: dict[str, m.Result],
    changes: Changes,
    *,
    prune: bool,
) -> dict[str, m.Indicator]:
    wanted: dict[str, dict[str, Any]] = {}
    for r in record.walk_results():
        for n, i in enumerate(r.indicators, start=1):
            wanted[i.code] = _indicator_values(i, results[r.code], n)
    return changes.sync(
        m.Indicator,
        existing=m.Indicator.objects.filter(result__project=project),
        key=lambda i: i.code,
        wanted=wanted,
        prune=prune,
    )


def _indicator_values(i: IndicatorRecord, result: m.Result, position: int) -> dict[str, Any]:
    return {
        "result": result,
        "code": i.code,
        "text": i.text,
        "measure": i.measure.value,
        "unit": i.unit,
        "disaggregation": i.disaggregation.value,
        "baseline": i.baseline,
        "baseline_text": i.baseline_text,
        "target_kind": i.target.kind.value,
        "target_value": i.target.value,
        "target_milestone": i.target.milestone,
        "target_note": i.target.note,
        "target_text": i.target_text,
        "cumulative": i.cumulative,
        "published": published_document(i),
        "position": position,
    }


def _activities(
    record: ProjectRecord, results: dict[str, m.Result], changes: Changes, *, prune: bool
) -> dict[tuple[int, str], m.Activity]:
    result_ids = [r.pk for r in results.values()]
    return changes.sync(
        m.Activity,
        existing=m.Activity.objects.filter(result__in=result_ids),
        key=lambda a: (a.result_id, a.code),
        wanted={
            (results[r.code].pk, a.code): {
                "result": results[r.code],
                "code": a.code,
                "text": a.text,
                "position": n,
            }
            for r in record.walk_results()
            for n, a in enumerate(r.activities, start=1)
        },
        prune=prune,
    )


def _marks(
    record: ProjectRecord,
    footnotes: dict[int, m.Footnote],
    results: dict[str, m.Result],
    indicators: dict[str, m.Indicator],
    activities: dict[tuple[int, str], m.Activity],
    changes: Changes,
) -> None:
    """Footnote marks of every indicator and activity of the records, replaced as a whole."""
    wanted: dict[Hashable, dict[str, Any]] = {}

    def add(owner: dict[str, Any], marks: tuple[FootnoteMark, ...]) -> None:
        for n, mark in enumerate(marks, start=1):
            target = next(iter(owner.values()))
            wanted[(type(target).__name__, target.pk, n)] = owner | {
                "footnote": footnotes[mark.number],
                "place": mark.place.value,
                "position": n,
            }

    for r in record.walk_results():
        for i in r.indicators:
            add({"indicator": indicators[i.code]}, i.footnotes)
        for a in r.activities:
            add({"activity": activities[(results[r.code].pk, a.code)]}, a.footnotes)
    owners_i = [i.pk for i in indicators.values()]
    owners_a = [a.pk for a in activities.values()]
    existing = m.FootnoteMark.objects.filter(
        indicator__in=owners_i
    ) | m.FootnoteMark.objects.filter(activity__in=owners_a)
    changes.sync(
        m.FootnoteMark,
        existing=existing.select_related(None),
        key=lambda mk: (
            ("Indicator", mk.indicator_id, mk.position)
            if mk.indicator_id
            else ("Activity", mk.activity_id, mk.position)
        ),
        wanted=wanted,
    )
