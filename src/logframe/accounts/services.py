"""Every write to accounts: granting roles, and the demo's users."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from logframe.accounts.models import ROLE_LABELS, Membership, Preference, Role
from logframe.portfolio import models as m

DEMO_PASSWORD = "logframe-demo"  # the demo's published password; `logframe demo` only


def membership_grant(
    *,
    user: Any,
    role: Role,
    fund: m.Fund,
    project: m.Project | None = None,
    organisation: m.Organisation | None = None,
) -> Membership:
    """Give ``user`` a role in a fund (fund-wide roles) or a project (with an organisation)."""
    membership, _ = Membership.objects.get_or_create(
        user=user, role=role.value, fund=fund, project=project, organisation=organisation
    )
    return membership


@transaction.atomic
def demo_users_create(*, project: m.Project) -> list[tuple[str, str]]:
    """The demo's six users around ``project``, all with the password ``logframe-demo``.

    Returns (user name, what they are) for printing. Used by ``logframe demo`` only.
    """
    users = get_user_model().objects
    lead = project.participations.filter(role="lead").select_related("organisation").first()
    agencies = [p.organisation for p in project.participations.select_related("organisation")]
    plan: list[tuple[str, Role, m.Project | None, m.Organisation | None]] = [
        ("demo-admin", Role.FUND_ADMIN, None, None),
        ("demo-manager", Role.PROJECT_MANAGER, project, lead.organisation if lead else None),
        *[(f"demo-{org.code.lower()}", Role.FOCAL_POINT, project, org) for org in agencies],
        ("demo-reviewer", Role.REVIEWER, None, None),
        ("demo-viewer", Role.VIEWER, None, None),
    ]
    created = []
    for username, role, scope, organisation in plan:
        user = users.filter(username=username).first() or users.create_user(
            username, email=f"{username}@example.org", password=DEMO_PASSWORD
        )
        if role is Role.FUND_ADMIN:
            user.is_staff = user.is_superuser = True  # the demo's administrator uses the admin
            user.save(update_fields=["is_staff", "is_superuser"])
        membership_grant(
            user=user, role=role, fund=project.fund, project=scope, organisation=organisation
        )
        what = str(ROLE_LABELS[role]) + (f", {organisation.code}" if organisation else "")
        created.append((username, what + (f", {scope.number}" if scope else ", whole fund")))
    return created


def preference_set(*, user: Any, language: str, arabic_indic_digits: bool) -> Preference:
    """Remember how ``user`` reads the interface (docs/i18n.md)."""
    preference, _ = Preference.objects.update_or_create(
        user=user,
        defaults={"language": language, "arabic_indic_digits": arabic_indic_digits},
    )
    return preference
