"""The report's header: the project's identity, budget, duration and dates."""

from __future__ import annotations

from decimal import Decimal

from logframe.domain.finance import duration_months, elapsed_percent
from logframe.domain.formatting import format_amount
from logframe.domain.periods import Quarter
from logframe.domain.records import PeriodRecord, ProjectRecord, Role
from logframe.reporting.figures import amount_figure, count_figure, format_date
from logframe.reporting.model import Figure, Header, Participant


def organisation_name(project: ProjectRecord, code: str) -> str:
    """An organisation's name, or its code when the project does not list it."""
    return next((o.name for o in project.organisations if o.code == code), code)


def build_header(*, project: ProjectRecord, quarter: Quarter, period: PeriodRecord) -> Header:
    return Header(
        fund_name=project.fund.name,
        project_number=project.number,
        period_label=quarter.label(),
        period_code=quarter.code,
        period_state=str(period.state),
        participants=_participants(project),
        thematic_group=project.thematic_group,
        sector=project.sector,
        line_ministry=_line_ministry(project),
        title=project.title,
        location=project.location,
        currency=project.fund.currency,
        budget_total=_budget_total(project),
        duration=_duration(project),
        approval_date=format_date(project.approval_date),
        start_date=format_date(project.start_date),
        completion_date=format_date(project.planned_end_date),
        revised_completion_date=format_date(project.revised_end_date),
        elapsed_pct=_elapsed(project, quarter),
    )


def _elapsed(project: ProjectRecord, quarter: Quarter) -> Decimal | None:
    """The % of the project's time passed by the quarter's end (to the revised end if any)."""
    start, end = project.start_date, project.revised_end_date or project.planned_end_date
    if start is None or end is None or end < start:
        return None
    return elapsed_percent(start=start, end=end, on=quarter.end)


def _participants(project: ProjectRecord) -> tuple[Participant, ...]:
    return tuple(
        Participant(
            code=p.organisation,
            name=organisation_name(project, p.organisation),
            lead=p.role is Role.LEAD,
            budget="" if p.approved_budget is None else format_amount(p.approved_budget),
        )
        for p in project.participations
    )


def _line_ministry(project: ProjectRecord) -> str:
    code = project.line_ministry
    name = organisation_name(project, code)
    return name if name == code or not code else f"{name} ({code})"


def _budget_total(project: ProjectRecord) -> Figure:
    budgets = [p.approved_budget for p in project.participations if p.approved_budget is not None]
    computed = sum(budgets, Decimal(0)) if budgets else None
    return amount_figure(computed=computed, reported=project.reported_total_budget)


def _duration(project: ProjectRecord) -> Figure:
    start, end = project.start_date, project.planned_end_date
    computed = (
        None
        if start is None or end is None or end < start
        else duration_months(start=start, end=end)
    )
    return count_figure(computed=computed, reported=project.reported_duration_months)
