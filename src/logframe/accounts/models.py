"""Memberships: a user's role in a fund or a project, for an organisation."""

from __future__ import annotations

from enum import StrEnum

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from logframe.portfolio.models import Fund, Organisation, Project


class Role(StrEnum):
    """What a member may do. Fund-wide roles have no project; project roles name one."""

    FUND_ADMIN = "fund_admin"  # everything in the fund, including reopening a quarter
    REVIEWER = "reviewer"  # the fund secretariat: approves or returns submitted quarters
    PROJECT_MANAGER = "project_manager"  # the lead agency: the whole project, submits
    FOCAL_POINT = "focal_point"  # an agency: only its outputs, indicators and finance line
    VIEWER = "viewer"  # reads (a donor)


FUND_ROLES = frozenset({Role.FUND_ADMIN, Role.REVIEWER, Role.VIEWER})
PROJECT_ROLES = frozenset({Role.PROJECT_MANAGER, Role.FOCAL_POINT, Role.VIEWER})
ROLE_LABELS = {
    Role.FUND_ADMIN: _("Fund administrator"),
    Role.REVIEWER: _("Reviewer"),
    Role.PROJECT_MANAGER: _("Project manager"),
    Role.FOCAL_POINT: _("Agency focal point"),
    Role.VIEWER: _("Viewer"),
}


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    fund = models.ForeignKey(Fund, on_delete=models.CASCADE, related_name="memberships")
    project = models.ForeignKey(
        Project, null=True, blank=True, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(max_length=20, choices=[(r.value, ROLE_LABELS[r]) for r in Role])
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["fund_id", "project_id", "role"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "fund", "project", "organisation", "role"],
                name="membership_unique",
                nulls_distinct=False,
            ),
            models.CheckConstraint(
                condition=~models.Q(role="focal_point")
                | (models.Q(project__isnull=False) & models.Q(organisation__isnull=False)),
                name="focal_point_names_project_and_organisation",
            ),
            models.CheckConstraint(
                condition=~models.Q(role="project_manager") | models.Q(project__isnull=False),
                name="project_manager_names_project",
            ),
        ]

    def __str__(self) -> str:
        scope = self.project.number if self.project else self.fund.code
        org = f" ({self.organisation.code})" if self.organisation else ""
        return f"{self.user} — {ROLE_LABELS[Role(self.role)]}{org} in {scope}"


class Preference(models.Model):
    """How a person reads the interface: its language and, if they like, Arabic-Indic digits.

    An empty language means "as the browser asks" (the cookie, then Accept-Language).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="preference"
    )
    language = models.CharField(
        max_length=8, blank=True, choices=[(code, name) for code, name in settings.LANGUAGES]
    )
    arabic_indic_digits = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"{self.user}: {self.language or 'browser'}"
