"""Fixtures of the API tests: the seed project G11-23 (2013Q1 open), a user per role of the
demo, and a client that calls the API with a user's token."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _fresh_throttle():
    """The login throttle counts in the cache: every test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Evidence files go to the test's own folder, never the project's var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def users(make_member, loaded_project, django_user_model):
    """One user per role, as ``logframe demo`` makes them, and a stranger to the fund."""
    return {
        "admin": make_member("admin", "fund_admin", loaded_project, fund_wide=True),
        "manager": make_member("manager", "project_manager", loaded_project, "UNDP"),
        "undp": make_member("undp", "focal_point", loaded_project, "UNDP"),
        "unops": make_member("unops", "focal_point", loaded_project, "UNOPS"),
        "reviewer": make_member("reviewer", "reviewer", loaded_project, fund_wide=True),
        "viewer": make_member("viewer", "viewer", loaded_project, fund_wide=True),
        "stranger": django_user_model.objects.create_user("stranger", password="x-long-pass"),
    }


@pytest.fixture
def api():
    """``api(user)`` → a DRF test client sending ``user``'s token (no user: anonymous)."""
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    def client(user=None):
        c = APIClient()
        if user is not None:
            token, _ = Token.objects.get_or_create(user=user)
            c.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        return c

    return client
