"""Excel data-entry templates: write one for a quarter, import a filled one all or nothing.

The import goes through the same services as the web (``workflow.entry``), so the
uploader's rights apply line by line, an approved or submitted quarter refuses it,
and the history names the uploader. A line whose input cells were not touched, or
whose values are what is stored already, is not saved (no audit noise). Each line
carries the version it was written with: a line changed on the web since is refused,
naming the other person's value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from logframe.accounts.access import ProjectAccess, project_access, require_editable
from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.domain.measures import Status
from logframe.domain.periods import Quarter
from logframe.interchange.workbook import (
    ActivityLine,
    BeneficiaryLine,
    FilledTemplate,
    FinanceLine,
    IndicatorLine,
    LineVersions,
    WorkbookError,
    write_template,
)
from logframe.interchange.workbook import layout as L
from logframe.interchange.workbook.cells import canonical
from logframe.portfolio import models as m
from logframe.portfolio.selectors import period_of, project_by_number, project_record
from logframe.workflow.entry import ValueInput, beneficiary_set, finance_set, indicator_value_set
from logframe.workflow.errors import EntryError, StaleEdit

TEMPLATE_REASON = "imported from an Excel template"  # the history's reason for its lines

INDICATOR_FIELDS = ("value", "male", "female", "status", "estimated_pct", "comment")
FINANCE_FIELDS = ("committed", "disbursed", "forecast_final_date")
BENEFICIARY_FIELDS = ("target", "actual")


@dataclass(frozen=True)
class Change:
    """One cell that changed what is stored."""

    where: str  # "Indicators!F7"
    line: str  # "indicator 1.1.9", "finance UNDP", "beneficiaries men"
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class ImportSummary:
    name: str
    project: str
    quarter: Quarter
    organisation: str | None
    changes: tuple[Change, ...]
    saved: int  # lines saved
    unchanged: int  # lines left as they were
    dry_run: bool


@dataclass
class _Import:
    """What one import knows and has found so far."""

    period: m.ReportingPeriod
    actor: Any
    access: ProjectAccess
    indicators: dict[str, m.Indicator]
    participations: dict[str, m.Participation]
    values: dict[int, m.IndicatorValue]
    finance: dict[int, m.FinancialStatus]
    beneficiaries: dict[str, m.BeneficiaryFigure]
    problems: list[str] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    saved: int = 0
    unchanged: int = 0


def template_write(
    *,
    project: m.Project,
    quarter: Quarter,
    organisation: str | None = None,
    lang: str | None = None,
) -> bytes:
    """The quarter's template (.xlsx bytes) for the project, or one organisation's lines;
    with ``lang``, the project's texts in that language (the original, marked, where none)."""
    period = period_of(project=project, quarter=quarter)
    # Versions first, then the values: a save in between makes the template's version
    # older than its values, so an edit is refused as stale — never written over.
    versions = LineVersions(
        indicators=dict(
            m.IndicatorValue.objects.filter(period=period).values_list("indicator__code", "version")
        ),
        finance=dict(
            m.FinancialStatus.objects.filter(period=period).values_list(
                "participation__organisation__code", "version"
            )
        ),
        beneficiaries={
            BeneficiaryGroup(group): version
            for group, version in m.BeneficiaryFigure.objects.filter(period=period).values_list(
                "group", "version"
            )
        },
    )
    return write_template(
        project=project_record(project=project),
        quarter=quarter,
        organisation=organisation,
        versions=versions,
        lang=lang,
    )


def template_period(*, workbook: FilledTemplate) -> m.ReportingPeriod:
    """The quarter a filled template names (NotFound when it is not in the database)."""
    identity = workbook.identity
    project = project_by_number(number=identity.project, fund=identity.fund)
    return period_of(project=project, quarter=identity.quarter)


def template_import(
    *, period: m.ReportingPeriod, workbook: FilledTemplate, actor: Any, dry_run: bool = False
) -> ImportSummary:
    """Save a filled template's changes all or nothing, as ``actor``.

    WorkbookError lists every problem by sheet and cell (nothing saved);
    PermissionDenied when the person may not enter figures here at all, or the
    quarter is submitted or approved.
    """
    project = period.project
    access = project_access(user=actor, project=project)
    if not access.can_edit_anything:
        raise PermissionDenied(
            _("you may not enter figures in project %(project)s") % {"project": project.number}
        )
    _check_identity(period, workbook, access)
    with transaction.atomic():
        require_editable(period)
        state = _state(period, actor, access)
        for line in workbook.indicators:
            _indicator(state, line)
        for finance in workbook.finance:
            _finance(state, finance)
        for beneficiary in workbook.beneficiaries:
            _beneficiary(state, beneficiary)
        for activity in workbook.activities:
            _activity(state, activity)
        if state.problems:
            raise WorkbookError(workbook.name, state.problems)
        if dry_run:
            transaction.set_rollback(True)
    return ImportSummary(
        name=workbook.name,
        project=project.number,
        quarter=period.as_quarter(),
        organisation=workbook.identity.organisation,
        changes=tuple(state.changes),
        saved=state.saved,
        unchanged=state.unchanged,
        dry_run=dry_run,
    )


def _check_identity(
    period: m.ReportingPeriod, workbook: FilledTemplate, access: ProjectAccess
) -> None:
    identity, project = workbook.identity, period.project
    problems = []
    if (identity.fund, identity.project) != (project.fund.code, project.number):
        problems.append(
            f"{L.HIDDEN}!B4: "
            + _(
                "this workbook is for project %(theirs)s of fund %(their_fund)s,"
                " not %(project)s of %(fund)s"
            )
            % {
                "theirs": identity.project,
                "their_fund": identity.fund,
                "project": project.number,
                "fund": project.fund.code,
            }
        )
    elif identity.quarter != period.as_quarter():
        problems.append(
            f"{L.HIDDEN}!B5: "
            + _("this workbook is for %(theirs)s, not %(quarter)s")
            % {"theirs": identity.quarter.code, "quarter": period.code}
        )
    elif identity.organisation:
        problems += _organisation_problems(project, identity.organisation, access)
    if problems:
        raise WorkbookError(workbook.name, problems)


def _organisation_problems(project: m.Project, code: str, access: ProjectAccess) -> list[str]:
    organisation = m.Organisation.objects.filter(code=code, participation__project=project).first()
    if organisation is None:
        return [
            f"{L.HIDDEN}!B6: "
            + _("%(agency)s is not an agency of project %(project)s")
            % {"agency": code, "project": project.number}
        ]
    if access.is_manager or organisation.pk in access.organisations:
        return []
    return [
        f"{L.HIDDEN}!B6: "
        + _(
            "this workbook holds %(agency)s's lines; you enter figures for %(yours)s"
            " — download your own template"
        )
        % {"agency": code, "yours": _yours(access)}
    ]


def _yours(access: ProjectAccess) -> str:
    codes = m.Organisation.objects.filter(pk__in=access.organisations).values_list(
        "code", flat=True
    )
    return ", ".join(sorted(codes)) or _("no agency")


def _state(period: m.ReportingPeriod, actor: Any, access: ProjectAccess) -> _Import:
    project = period.project
    indicators = m.Indicator.objects.filter(result__project=project).select_related("result")
    participations = project.participations.select_related("organisation")
    return _Import(
        period=period,
        actor=actor,
        access=access,
        indicators={i.code: i for i in indicators},
        participations={p.organisation.code: p for p in participations},
        values={v.indicator_id: v for v in m.IndicatorValue.objects.filter(period=period)},
        finance={f.participation_id: f for f in m.FinancialStatus.objects.filter(period=period)},
        beneficiaries={b.group: b for b in m.BeneficiaryFigure.objects.filter(period=period)},
    )


# ---- one line each -------------------------------------------------------------------


def _indicator(state: _Import, line: IndicatorLine) -> None:
    indicator = state.indicators.get(line.code)
    if indicator is None:
        state.problems.append(
            f"{L.INDICATORS}!A{line.row}: "
            + _("indicator %(code)s is no longer in the project; download a new template")
            % {"code": line.code}
        )
        return
    stored = state.values.get(indicator.pk)
    old = {name: getattr(stored, name) if stored else None for name in INDICATOR_FIELDS}
    old["status"] = Status(old["status"]) if old["status"] else None
    new = {name: getattr(line, name) for name in INDICATOR_FIELDS}
    if not _changed(state, line.edited, old, new):
        return
    data = ValueInput(**new)

    def save() -> None:
        indicator_value_set(
            period=state.period,
            indicator=indicator,
            data=data,
            expected_version=line.version,
            actor=state.actor,
            access=state.access,
            reason=TEMPLATE_REASON,
        )

    _save(state, save, L.INDICATORS, line.row, f"indicator {line.code}", old, new)


def _finance(state: _Import, line: FinanceLine) -> None:
    participation = state.participations.get(line.organisation)
    if participation is None:
        state.problems.append(
            f"{L.FINANCE}!A{line.row}: "
            + _("%(agency)s is no longer an agency of the project; download a new template")
            % {"agency": line.organisation}
        )
        return
    stored = state.finance.get(participation.pk)
    old = {name: getattr(stored, name) if stored else None for name in FINANCE_FIELDS}
    new = {name: getattr(line, name) for name in FINANCE_FIELDS}
    if not _changed(state, line.edited, old, new):
        return

    def save() -> None:
        finance_set(
            period=state.period,
            participation=participation,
            committed=line.committed,
            disbursed=line.disbursed,
            forecast_final_date=line.forecast_final_date,
            expected_version=line.version,
            actor=state.actor,
            access=state.access,
            reason=TEMPLATE_REASON,
        )

    _save(state, save, L.FINANCE, line.row, f"finance {line.organisation}", old, new)


def _beneficiary(state: _Import, line: BeneficiaryLine) -> None:
    stored = state.beneficiaries.get(line.group.value)
    old = {name: getattr(stored, name) if stored else None for name in BENEFICIARY_FIELDS}
    new = {name: getattr(line, name) for name in BENEFICIARY_FIELDS}
    if not _changed(state, line.edited, old, new):
        return

    def save() -> None:
        beneficiary_set(
            period=state.period,
            group=line.group,
            target=line.target,
            actual=line.actual,
            expected_version=line.version,
            actor=state.actor,
            access=state.access,
            reason=TEMPLATE_REASON,
        )

    _save(state, save, L.BENEFICIARIES, line.row, f"beneficiaries {line.group.value}", old, new)


def _activity(state: _Import, line: ActivityLine) -> None:
    """A new activity of the Activities sheet, registered through the register's service."""
    from logframe.activities.workbook_lines import activity_input

    if line.blank:
        return
    data, problems = activity_input(line, project=state.period.project)
    if problems:
        state.problems += [f"{L.ACTIVITIES}!{where}" for where in problems]
        return
    assert data is not None
    new = {name: getattr(line, name) for name in ACTIVITY_FIELDS}
    old: dict[str, Any] = dict.fromkeys(new)

    def save() -> None:
        from logframe.activities.services import activity_create

        activity_create(
            period=state.period, data=data, actor=state.actor, access=state.access,
            reason=TEMPLATE_REASON,
        )  # fmt: skip

    label = _("activity on line %(row)s") % {"row": line.row}
    _save(state, save, L.ACTIVITIES, line.row, label, old, new)


ACTIVITY_FIELDS = ("type", "title", "start", "end", "output", "place", "male", "female", "total",
                   "notes")  # fmt: skip


def _changed(state: _Import, edited: bool, old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Whether to save: the person touched the line and it differs from what is stored."""
    if edited and any(_text(old[name]) != _text(new[name]) for name in new):
        return True
    state.unchanged += 1
    return False


def _save(
    state: _Import,
    save: Callable[[], None],
    sheet: str,
    row: int,
    line: str,
    old: dict[str, Any],
    new: dict[str, Any],
) -> None:
    letters = {c.field: c.letter for c in L.COLUMNS[sheet]}
    try:
        save()
    except PermissionDenied as refusal:
        state.problems.append(f"{sheet}!A{row}: {refusal}")
    except StaleEdit as stale:
        state.problems.append(f"{sheet}!A{row}: {stale}")
    except EntryError as error:
        state.problems += [
            f"{sheet}!{letters.get(name, 'A')}{row}: {message}"
            for name, message in error.fields.items()
        ]
    except ValidationError as invalid:
        state.problems += [
            f"{sheet}!{letters.get(name, 'A')}{row}: {' '.join(messages)}"
            for name, messages in invalid.message_dict.items()
        ]
    else:
        state.saved += 1
        state.changes += [
            Change(
                where=f"{sheet}!{letters[name]}{row}",
                line=line,
                field=name,
                old=_text(old[name]),
                new=_text(new[name]),
            )
            for name in new
            if _text(old[name]) != _text(new[name])
        ]


def _text(value: Decimal | date | Status | str | None) -> str:
    if isinstance(value, str) and not isinstance(value, Status):
        return value.strip()
    return canonical(value)
