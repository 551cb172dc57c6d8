"""Fixtures of the template tests: the seed project G11-23 (2013Q1 open) and a user per role."""

from __future__ import annotations

import pytest


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
def period(loaded_project):
    return loaded_project.periods.get(year=2013, quarter=1)
