"""Write a whole project, as records, to the database: the one path for project files.

The records are authoritative for the project's header, organisations, result tree,
indicators and footnotes: what the records no longer hold is deleted. Periods are
never deleted by an import (a period absent from the records is left as it is);
inside a period the records are authoritative.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from logframe.domain.records import (
    FootnoteMark as MarkRecord,
)
from logframe.domain.records import (
    FundRecord,
    IndicatorRecord,
    OrganisationRecord,
    PeriodRecord,
    ProjectRecord,
    ResultRecord,
)
from logframe.portfolio import models as m
from logframe.portfolio.services.changes import Changes
from logframe.portfolio.services.period_import import period_contents
from logframe.richtext import sanitise_html


@dataclass(frozen=True)
class ImportResult:
    project: m.Project
    changes: Changes


@transaction.atomic
def project_import(*, record: ProjectRecord, actor: Any = None, reason: str = "") -> ImportResult:
    """Create or update the project of ``record`` and all it holds, in one transaction."""
    changes = Changes(actor=actor, reason=reason)
    orgs = {o.code: _organisation(o, changes) for o in record.organisations}
    fund = _fund(record.fund, orgs, changes)
    project = _project(record, fund, orgs, changes)
    participations = _participations(record, project, orgs, changes)
    _procurement(record, project, changes)
    footnotes = _footnotes(record, project, changes)
    tree = _Tree(project=project, orgs=orgs, footnotes=footnotes, changes=changes)
    for result in record.results:
        _result(result, None, tree)
    results, indicators = tree.results, tree.indicators
    changes.delete_except(
        m.Indicator.objects.filter(result__project=project), {i.pk for i in indicators.values()}
    )
    changes.delete_except(
        m.Result.objects.filter(project=project).order_by("-position"),
        {r.pk for r in results.values()},
    )
    for period in record.periods:
        _period(period, project, participations, results, indicators, changes)
    return ImportResult(project=project, changes=changes)


@dataclass
class _Tree:
    """What writing the result tree needs to know, and what it has written so far."""

    project: m.Project
    orgs: dict[str, m.Organisation]
    footnotes: dict[int, m.Footnote]
    changes: Changes
    results: dict[str, m.Result] = field(default_factory=dict)
    indicators: dict[str, m.Indicator] = field(default_factory=dict)


def _organisation(record: OrganisationRecord, changes: Changes) -> m.Organisation:
    return changes.upsert(
        m.Organisation,
        key={"code": record.code},
        values={"name": record.name, "kind": record.kind.value, "iati_ref": record.iati_ref},
    )


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
    values = {
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
    }
    return changes.upsert(m.Project, key={"fund": fund, "number": record.number}, values=values)


def _participations(
    record: ProjectRecord, project: m.Project, orgs: dict[str, m.Organisation], changes: Changes
) -> dict[str, m.Participation]:
    found = {}
    for position, p in enumerate(record.participations, start=1):
        found[p.organisation] = changes.upsert(
            m.Participation,
            key={"project": project, "organisation": orgs[p.organisation]},
            values={
                "role": p.role.value,
                "approved_budget": p.approved_budget,
                "position": position,
            },
        )
    changes.delete_except(project.participations.all(), {p.pk for p in found.values()})
    return found


def _procurement(record: ProjectRecord, project: m.Project, changes: Changes) -> None:
    kept = set()
    for position, text in enumerate(record.procurement_plan, start=1):
        item = changes.upsert(
            m.ProcurementItem, key={"project": project, "position": position}, values={"text": text}
        )
        kept.add(item.pk)
    changes.delete_except(project.procurement_plan.all(), kept)


def _footnotes(
    record: ProjectRecord, project: m.Project, changes: Changes
) -> dict[int, m.Footnote]:
    found = {
        f.number: changes.upsert(
            m.Footnote, key={"project": project, "number": f.number}, values={"text": f.text}
        )
        for f in record.footnotes
    }
    changes.delete_except(project.footnotes.all(), {f.pk for f in found.values()})
    return found


def _result(record: ResultRecord, parent: m.Result | None, tree: _Tree) -> None:
    orgs, changes = tree.orgs, tree.changes
    result = changes.upsert(
        m.Result,
        key={"project": tree.project, "code": record.code},
        values={
            "parent": parent,
            "level": record.level.value,
            "text": record.text,
            "lead": orgs.get(record.lead),
            "position": len(tree.results) + 1,
        },
    )
    partners = {orgs[code].pk for code in record.partners}
    if set(result.partners.values_list("pk", flat=True)) != partners:
        changes.stamp(result)
        result.partners.set(partners)
    tree.results[record.code] = result
    _activities(record, result, tree.footnotes, changes)
    for n, indicator in enumerate(record.indicators, start=1):
        tree.indicators[indicator.code] = _indicator(indicator, result, n, tree.footnotes, changes)
    for child in record.children:
        _result(child, result, tree)


def _activities(
    record: ResultRecord, result: m.Result, footnotes: dict[int, m.Footnote], changes: Changes
) -> None:
    kept = set()
    for n, a in enumerate(record.activities, start=1):
        activity = changes.upsert(
            m.Activity,
            key={"result": result, "code": a.code},
            values={"text": a.text, "position": n},
        )
        _marks(a.footnotes, footnotes, changes, activity=activity)
        kept.add(activity.pk)
    changes.delete_except(result.activities.all(), kept)


def _indicator(
    record: IndicatorRecord,
    result: m.Result,
    position: int,
    footnotes: dict[int, m.Footnote],
    changes: Changes,
) -> m.Indicator:
    target = record.target
    indicator = changes.upsert(
        m.Indicator,
        key={"result__project": result.project, "code": record.code},
        values={
            "result": result,
            "text": record.text,
            "measure": record.measure.value,
            "unit": record.unit,
            "disaggregation": record.disaggregation.value,
            "baseline": record.baseline,
            "baseline_text": record.baseline_text,
            "target_kind": target.kind.value,
            "target_value": target.value,
            "target_milestone": target.milestone,
            "target_note": target.note,
            "target_text": record.target_text,
            "cumulative": record.cumulative,
            "position": position,
        },
    )
    _marks(record.footnotes, footnotes, changes, indicator=indicator)
    return indicator


def _marks(
    marks: tuple[MarkRecord, ...],
    footnotes: dict[int, m.Footnote],
    changes: Changes,
    **owner: Any,
) -> None:
    kept = set()
    for n, mark in enumerate(marks, start=1):
        row = changes.upsert(
            m.FootnoteMark,
            key={**owner, "position": n},
            values={"footnote": footnotes[mark.number], "place": mark.place.value},
        )
        kept.add(row.pk)
    changes.delete_except(m.FootnoteMark.objects.filter(**owner), kept)


def _period(
    record: PeriodRecord,
    project: m.Project,
    participations: dict[str, m.Participation],
    results: dict[str, m.Result],
    indicators: dict[str, m.Indicator],
    changes: Changes,
) -> None:
    period = changes.upsert(
        m.ReportingPeriod,
        key={"project": project, "year": record.quarter.year, "quarter": record.quarter.number},
        values={
            "state": record.state.value,
            "summary": sanitise_html(record.summary),
            "constraints": sanitise_html(record.constraints),
            "procurement": sanitise_html(record.procurement),
            "reported_committed_total": record.reported_committed_total,
            "reported_disbursed_total": record.reported_disbursed_total,
            "reported_committed_pct": record.reported_committed_pct,
            "reported_disbursed_pct": record.reported_disbursed_pct,
        },
    )
    period_contents(
        record=record,
        period=period,
        participations=participations,
        results=results,
        indicators=indicators,
        changes=changes,
    )
