"""Fixtures of the data-entry tests: the seed project G11-23 (2013Q1 open) and a user per role."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Evidence files go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def manager(make_member, loaded_project):
    return make_member("manager", "project_manager", loaded_project, "UNDP")


@pytest.fixture
def undp(make_member, loaded_project):
    return make_member("undp", "focal_point", loaded_project, "UNDP")


@pytest.fixture
def unops(make_member, loaded_project):
    return make_member("unops", "focal_point", loaded_project, "UNOPS")


@pytest.fixture
def viewer(make_member, loaded_project):
    return make_member("viewer", "viewer", loaded_project, fund_wide=True)


@pytest.fixture
def reviewer(make_member, loaded_project):
    return make_member("reviewer", "reviewer", loaded_project, fund_wide=True)


@pytest.fixture
def admin(make_member, loaded_project):
    return make_member("admin", "fund_admin", loaded_project, fund_wide=True)


@pytest.fixture
def stranger(db, django_user_model):
    return django_user_model.objects.create_user("stranger", password="a-long-test-password")


@pytest.fixture
def as_user(client):
    """``as_user(user)`` → the test client, logged in as ``user``."""

    def login(user):
        client.force_login(user)
        return client

    return login
