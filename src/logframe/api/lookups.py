"""From the names in a URL to the rows, through the access checks: 404 unless visible.

Every API view starts here, as every web view starts at ``access_project_for_user``:
a project the person may not see is as unknown as one that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass

from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request

from logframe.accounts.access import (
    EDITABLE_STATES,
    ProjectAccess,
    editable_refusal,
    project_access,
)
from logframe.api.errors import Conflict
from logframe.domain.periods import Quarter
from logframe.portfolio import models as m

MAX_CANDIDATES = 20  # funds sharing one project number that are looked at


def clean_key(text: str, what: str) -> str:
    """A name from the URL or the query string; NUL (refused by PostgreSQL) is unknown."""
    if "\x00" in text:
        raise NotFound(f"no {what} {text!r}")
    return text


@dataclass(frozen=True)
class ProjectScope:
    project: m.Project
    access: ProjectAccess


@dataclass(frozen=True)
class PeriodScope:
    project: m.Project
    period: m.ReportingPeriod
    access: ProjectAccess

    @property
    def open(self) -> bool:
        return self.period.state in EDITABLE_STATES


def project_scope(request: Request, number: str) -> ProjectScope:
    """The project ``number`` (in ``?fund=``), if the person may see it; else 404.

    A number used in two funds the person can see needs ``?fund=``: 400 naming them.
    """
    fund = clean_key(request.query_params.get("fund", ""), "fund")
    candidates = m.Project.objects.select_related("fund", "line_ministry").filter(
        number=clean_key(number, "project")
    )
    if fund:
        candidates = candidates.filter(fund__code=fund)
    visible = []
    for project in candidates.order_by("fund__code")[:MAX_CANDIDATES]:
        access = project_access(user=request.user, project=project)
        if access.can_view:
            visible.append(ProjectScope(project=project, access=access))
    if not visible:
        raise NotFound(f"no project {number}" + (f" in fund {fund}" if fund else ""))
    if len(visible) > 1:
        funds = ", ".join(s.project.fund.code for s in visible)
        raise ValidationError({"fund": f"project {number} is in funds {funds}: add ?fund=CODE"})
    return visible[0]


def period_scope(request: Request, number: str, period: str) -> PeriodScope:
    """The project's quarter named like 2013Q1 (404 for anything else or a missing one)."""
    scope = project_scope(request, number)
    try:
        quarter = Quarter.parse(clean_key(period, "quarter"))
    except ValueError:
        raise NotFound(f"{period!r} is not a quarter: write it like 2013Q1") from None
    row = (  # its people are not joined: the one answer that names them reads its own
        m.ReportingPeriod.objects.filter(
            project=scope.project, year=quarter.year, quarter=quarter.number
        )
        .order_by()
        .first()
    )
    if row is None:
        raise NotFound(f"project {number} has no period {quarter.code}")
    row.project = scope.project  # as read, with its fund
    return PeriodScope(project=scope.project, period=row, access=scope.access)


def indicator_in(scope: PeriodScope, code: str) -> m.Indicator:
    indicator = (
        # with its register rule, if any: a write asks whether it has one (a reverse
        # one-to-one joined here rather than read by a query of its own)
        m.Indicator.objects.select_related("result", "register_rule")
        .filter(result__project=scope.project, code=clean_key(code, "indicator"))
        .first()
    )
    if indicator is None:
        raise NotFound(f"no indicator {code} in project {scope.project.number}")
    return indicator


def indicator_and_value(
    scope: PeriodScope, code: str
) -> tuple[m.Indicator, m.IndicatorValue | None]:
    """The indicator ``code`` of the project (404 if none) and its stored value in the
    quarter, or None: one query when the value is stored (the indicator joined to it), two
    when it is not."""
    value = (
        m.IndicatorValue.objects.select_related("indicator__result", "indicator__register_rule")
        .filter(
            period=scope.period,
            indicator__result__project=scope.project,
            indicator__code=clean_key(code, "indicator"),
        )
        .order_by()
        .first()
    )
    if value is None:
        return indicator_in(scope, code), None
    return value.indicator, value


def participation_in(scope: PeriodScope, organisation: str) -> m.Participation:
    participation = (
        scope.project.participations.select_related("organisation")
        .filter(organisation__code=clean_key(organisation, "organisation"))
        .first()
    )
    if participation is None:
        raise NotFound(f"{organisation} takes no part in project {scope.project.number}")
    return participation


def output_in(scope: PeriodScope, code: str) -> m.Result:
    """An output that has a narrative: one with no outputs under it."""
    result = scope.project.results.filter(code=clean_key(code, "output")).first()
    if result is None:
        raise NotFound(f"no output {code} in project {scope.project.number}")
    if result.children.exists():
        raise NotFound(f"{code} has outputs under it: the narratives are theirs")
    return result


def require_open(scope: PeriodScope) -> None:
    """409 when the quarter, as this request read it, is submitted or approved.

    Not read again here: the service reads the state again, locking the period's row, in the
    transaction that saves (and ``save_through`` answers 409 if it moved meanwhile)."""
    refusal = editable_refusal(scope.period)
    if refusal is not None:
        raise quarter_locked(scope, refusal)


def quarter_locked(scope: PeriodScope, refusal: Exception) -> Conflict:
    return Conflict(str(refusal), code="quarter_locked", extra={"state": scope.period.state})
