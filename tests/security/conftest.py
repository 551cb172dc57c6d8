"""Fixtures of the security suite: the seed project G11-23 (2013Q1 open), a user per role,
a user of another fund, and evidence, activity and snapshot rows for the URLs that name one."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def other_fund_admin(db, django_user_model):
    """The administrator of another fund: a real member somewhere, a stranger here."""
    from logframe.accounts.models import Membership
    from logframe.portfolio.models import Fund

    fund = Fund.objects.create(code="OTHER", name="Another trust fund")
    user = django_user_model.objects.create_user("other", password="a-long-test-password")
    Membership.objects.create(user=user, fund=fund, role="fund_admin")
    return user


@pytest.fixture
def users(make_member, loaded_project, django_user_model, other_fund_admin):
    return {
        "admin": make_member("admin", "fund_admin", loaded_project, fund_wide=True),
        "manager": make_member("manager", "project_manager", loaded_project, "UNDP"),
        "undp": make_member("undp", "focal_point", loaded_project, "UNDP"),
        "unops": make_member("unops", "focal_point", loaded_project, "UNOPS"),
        "reviewer": make_member("reviewer", "reviewer", loaded_project, fund_wide=True),
        "viewer": make_member("viewer", "viewer", loaded_project, fund_wide=True),
        "other": other_fund_admin,
    }
