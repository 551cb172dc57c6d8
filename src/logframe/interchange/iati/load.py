"""An IATI file into the database: every activity through ``project_import``, all in one
transaction, so a file comes in whole or not at all.

Projects go to ``--fund`` when given (it must exist), else to the fund named by each
activity's reporting organisation (created when new; an existing fund's settings are
kept). A project that already holds quarterly reports is never overwritten by an IATI
file: its quarters are the fund's own record. Narratives in other languages than the
activity's come in as the project's translations, and their languages among the project's
(``translations.stored.sync_translations``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from logframe.domain.records import (
    FundRecord,
    OrganisationKind,
    OrganisationRecord,
    ProjectRecord,
)
from logframe.interchange.iati.errors import IatiFileError
from logframe.interchange.iati.read import read_activities
from logframe.interchange.iati.violations import Violation
from logframe.portfolio import models as m
from logframe.portfolio.services import project_import


@dataclass(frozen=True)
class ImportedActivity:
    identifier: str
    fund: str
    number: str
    created: bool
    changed_rows: int
    results: int
    indicators: int
    budgets: int
    transactions: int
    violations: tuple[Violation, ...]


@dataclass
class IatiImport:
    source: str
    dry_run: bool
    activities: list[ImportedActivity] = field(default_factory=list)


def import_iati_file(
    path: Path,
    *,
    actor: Any = None,
    fund: str | None = None,
    dry_run: bool = False,
    today: date | None = None,
    on_activity: Callable[[ImportedActivity], None] | None = None,
) -> IatiImport:
    """Create or update a project per activity of ``path``; nothing is saved on any error
    (nor at all with ``dry_run``). ``today`` turns on the rule and code checks."""
    summary = IatiImport(source=str(path), dry_run=dry_run)
    with transaction.atomic():
        chosen = _fund(fund, str(path)) if fund else None
        funds: dict[str, tuple[FundRecord, OrganisationRecord | None]] = {}
        seen: dict[tuple[str, str], int] = {}
        activities = read_activities(
            path, fund=chosen[0] if chosen else None, today=today, languages=True
        )
        for item in activities:
            record = item.record
            resolved = chosen or funds.setdefault(record.fund.code, _stored_fund(record.fund))
            record = _in_fund(record, *resolved)
            key = (record.fund.code, record.number)
            if key in seen:
                raise IatiFileError(
                    str(path),
                    item.line,
                    f"activity {record.iati_identifier}: project {record.number} is already "
                    f"the activity on line {seen[key]}",
                )
            seen[key] = item.line
            try:
                imported = _import(record, item.violations, actor, str(path))
            except ValidationError as error:
                raise IatiFileError(
                    str(path), item.line, f"activity {record.iati_identifier}: {_said(error)}"
                ) from None
            summary.activities.append(imported)
            if on_activity:
                on_activity(imported)
        if dry_run:
            transaction.set_rollback(True)
    return summary


def _import(
    record: ProjectRecord, violations: tuple[Violation, ...], actor: Any, source: str
) -> ImportedActivity:
    existing = m.Project.objects.filter(fund__code=record.fund.code, number=record.number)
    project = existing.first()
    if project is not None and project.periods.exists():
        raise IatiFileError(
            source,
            None,
            f"project {record.number} of fund {record.fund.code} holds quarterly reports; "
            "an IATI file does not overwrite them (import it into another fund with --fund)",
        )
    result = project_import(record=record, actor=actor, reason=f"import-iati {source}")
    indicators = sum(len(r.indicators) for r in record.walk_results())
    return ImportedActivity(
        identifier=record.iati_identifier,
        fund=record.fund.code,
        number=record.number,
        created=project is None,
        changed_rows=result.changes.total_changed,
        results=len(record.walk_results()),
        indicators=indicators,
        budgets=len(record.budgets),
        transactions=len(record.transactions),
        violations=violations,
    )


def _fund(code: str, source: str) -> tuple[FundRecord, OrganisationRecord | None]:
    found = m.Fund.objects.select_related("administrative_agent").filter(code=code).first()
    if found is None:
        known = ", ".join(m.Fund.objects.values_list("code", flat=True)[:20]) or "none"
        raise IatiFileError(source, None, f"unknown fund {code!r} (known: {known})")
    return _fund_records(found)


def _stored_fund(wanted: FundRecord) -> tuple[FundRecord, OrganisationRecord | None]:
    """The stored fund of that code as it is (settings kept), else ``wanted`` as new."""
    found = m.Fund.objects.select_related("administrative_agent").filter(code=wanted.code)
    stored = found.first()
    return _fund_records(stored) if stored else (wanted, None)


def _fund_records(fund: m.Fund) -> tuple[FundRecord, OrganisationRecord | None]:
    agent = fund.administrative_agent
    record = FundRecord(
        code=fund.code,
        name=fund.name,
        currency=fund.currency,
        administrative_agent=agent.code if agent else "",
        conventions=fund.conventions(),
    )
    if agent is None:
        return record, None
    org = OrganisationRecord(
        code=agent.code, name=agent.name, kind=OrganisationKind(agent.kind), iati_ref=agent.iati_ref
    )
    return record, org


def _in_fund(
    record: ProjectRecord, fund: FundRecord, agent: OrganisationRecord | None
) -> ProjectRecord:
    orgs = record.organisations
    if agent is not None and all(o.code != agent.code for o in orgs):
        orgs = (*orgs, agent)
    return replace(record, fund=fund, organisations=orgs)


def _said(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{name}: {' '.join(str(m) for m in messages)}"
            for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)
