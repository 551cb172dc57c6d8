"""Who may see or change what. Every view and service asks here, never the models directly.

A user's rights in a project come from their memberships (fund-wide or in the project),
computed once into a :class:`ProjectAccess` (three queries), then asked many times.
Nobody edits a quarter that is submitted or approved; reopening is the fund
administrator's, with a reason.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from logframe.accounts.models import Membership, Role
from logframe.domain.records import PeriodState
from logframe.portfolio import models as m

EDITABLE_STATES = frozenset({PeriodState.OPEN.value, PeriodState.RETURNED.value})


@dataclass(frozen=True)
class ProjectAccess:
    """One user's rights in one project."""

    project_id: int
    roles: frozenset[Role]
    organisations: frozenset[int]  # organisations the user is a focal point for
    result_holders: dict[int, frozenset[int]] = field(default_factory=dict)  # result → orgs
    superuser: bool = False

    @property
    def can_view(self) -> bool:
        return self.superuser or bool(self.roles)

    @property
    def is_admin(self) -> bool:
        return self.superuser or Role.FUND_ADMIN in self.roles

    @property
    def is_manager(self) -> bool:
        return self.is_admin or Role.PROJECT_MANAGER in self.roles

    @property
    def can_review(self) -> bool:
        return self.is_admin or Role.REVIEWER in self.roles

    @property
    def can_edit_anything(self) -> bool:
        return self.is_manager or bool(self.organisations)

    def can_edit_result(self, result_id: int) -> bool:
        """An output's indicators and narrative: the manager, or an agency that holds it."""
        if self.is_manager:
            return True
        return bool(self.organisations & self.result_holders.get(result_id, frozenset()))

    def can_edit_finance(self, organisation_id: int) -> bool:
        return self.is_manager or organisation_id in self.organisations

    @property
    def can_edit_period_texts(self) -> bool:
        """Summary, constraints, procurement and beneficiaries: the programme manager's."""
        return self.is_manager


def project_access(*, user: Any, project: m.Project) -> ProjectAccess:
    if not getattr(user, "is_authenticated", False):
        return ProjectAccess(project_id=project.pk, roles=frozenset(), organisations=frozenset())
    memberships = list(
        Membership.objects.filter(user=user, fund_id=project.fund_id).filter(
            Q(project__isnull=True) | Q(project=project)
        )
    )
    roles = frozenset(Role(ms.role) for ms in memberships)
    organisations = frozenset(
        ms.organisation_id
        for ms in memberships
        if ms.role == Role.FOCAL_POINT and ms.organisation_id is not None
    )
    return ProjectAccess(
        project_id=project.pk,
        roles=roles,
        organisations=organisations,
        result_holders=_result_holders(project) if organisations else {},
        superuser=bool(user.is_superuser),
    )


def _result_holders(project: m.Project) -> dict[int, frozenset[int]]:
    """Each result's lead and partner organisations (two queries)."""
    holders: dict[int, set[int]] = defaultdict(set)
    for result_id, lead_id in project.results.values_list("pk", "lead_id"):
        if lead_id:
            holders[result_id].add(lead_id)
    partners = m.Result.partners.through.objects.filter(result__project=project)
    for result_id, organisation_id in partners.values_list("result_id", "organisation_id"):
        holders[result_id].add(organisation_id)
    return {result: frozenset(orgs) for result, orgs in holders.items()}


def visible_funds(*, user: Any) -> QuerySet[m.Fund]:
    if not getattr(user, "is_authenticated", False):
        return m.Fund.objects.none()
    if user.is_superuser:
        return m.Fund.objects.all()
    return m.Fund.objects.filter(memberships__user=user).distinct()


def visible_projects(*, user: Any, fund: m.Fund) -> QuerySet[m.Project]:
    """The fund's projects this user may see: all of them for fund-wide roles."""
    projects = m.Project.objects.filter(fund=fund)
    if user.is_superuser:
        return projects
    memberships = Membership.objects.filter(user=user, fund=fund)
    if memberships.filter(project__isnull=True).exists():
        return projects
    return projects.filter(memberships__user=user).distinct()


def visible_projects_everywhere(*, user: Any) -> QuerySet[m.Project]:
    """Every project this user may see, in every fund, as one query: the projects of the
    funds where they hold a fund-wide role, and those they are a member of."""
    if not getattr(user, "is_authenticated", False):
        return m.Project.objects.none()
    if user.is_superuser:
        return m.Project.objects.all()
    mine = Membership.objects.filter(user=user)
    fund_wide = mine.filter(project__isnull=True).values("fund_id")
    own = mine.filter(project__isnull=False).values("project_id")
    return m.Project.objects.filter(Q(fund_id__in=fund_wide) | Q(pk__in=own))


def access_fund_for_user(*, user: Any, code: str) -> m.Fund:
    fund = visible_funds(user=user).filter(code=code).first()
    if fund is None:
        raise Http404(f"no fund {code}")
    return fund


def access_project_for_user(*, user: Any, fund_code: str, number: str) -> m.Project:
    return project_and_access(user=user, fund_code=fund_code, number=number)[0]


def project_and_access(
    *, user: Any, fund_code: str, number: str
) -> tuple[m.Project, ProjectAccess]:
    """The project (404 unless the person may see it) and the person's rights in it, the
    memberships read once."""
    project = (
        m.Project.objects.select_related("fund__administrative_agent", "line_ministry")
        .filter(fund__code=fund_code, number=number)
        .first()
    )
    access = project_access(user=user, project=project) if project is not None else None
    if project is None or access is None or not access.can_view:
        raise Http404(f"no project {number} in fund {fund_code}")
    return project, access


def require_editable(period: m.ReportingPeriod) -> None:
    """Submitted and approved quarters are read-only for everyone.

    The state is read again from the database, locking the period's row for the rest of
    the transaction, so a save cannot slip in while the quarter is being submitted.
    """
    state = (
        m.ReportingPeriod.objects.select_for_update()
        .filter(pk=period.pk)
        .values_list("state", flat=True)
        .first()
    )
    period.state = state or period.state
    refusal = editable_refusal(period)
    if refusal is not None:
        raise refusal


def editable_refusal(period: m.ReportingPeriod) -> PermissionDenied | None:
    """Why the quarter, in the state last read, cannot be changed; None when it can."""
    if period.state in EDITABLE_STATES:
        return None
    if period.state == "approved":
        message = _(
            "%(quarter)s is approved: it cannot be changed unless a fund administrator reopens it"
        )
    else:
        message = _("%(quarter)s is %(state)s: it cannot be changed")
    return PermissionDenied(message % {"quarter": period.code, "state": _(period.state)})
