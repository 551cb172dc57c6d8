"""Fixtures of the register's tests: the seed imported from its legacy report (so its
narrative proposes activities), and a user per role."""

from __future__ import annotations

from pathlib import Path

import pytest

SEED_REPORT = (
    Path(__file__).resolve().parents[2]
    / "examples"
    / "itf-g11-23"
    / "itf-g11-23-2013q1-progress-report.txt"
)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):  # type: ignore[no-untyped-def]
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def seed_record():  # type: ignore[no-untyped-def]
    from logframe.interchange.legacy import read_legacy_report

    return read_legacy_report(SEED_REPORT)


@pytest.fixture
def seed(db, seed_record):  # type: ignore[no-untyped-def]
    """The seed project imported from its report, its narrative's activities proposed."""
    from logframe.activities.placefile import reference_data_ensure
    from logframe.activities.services import activities_propose
    from logframe.portfolio.services import project_import

    reference_data_ensure()  # gone when a transactional test flushed the database before
    project = project_import(record=seed_record, actor=None, reason="test", prune=False).project
    activities_propose(project=project, record=seed_record, actor=None, reason="test import")
    return project


@pytest.fixture
def q1(seed):  # type: ignore[no-untyped-def]
    return seed.periods.get(year=2013, quarter=1)


@pytest.fixture
def manager(make_member, seed):  # type: ignore[no-untyped-def]
    return make_member("manager", "project_manager", seed, "UNDP")


@pytest.fixture
def undp(make_member, seed):  # type: ignore[no-untyped-def]
    return make_member("undp", "focal_point", seed, "UNDP")


@pytest.fixture
def unops(make_member, seed):  # type: ignore[no-untyped-def]
    return make_member("unops", "focal_point", seed, "UNOPS")


@pytest.fixture
def viewer(make_member, seed):  # type: ignore[no-untyped-def]
    return make_member("viewer", "viewer", seed, fund_wide=True)


@pytest.fixture
def stranger(db, django_user_model):  # type: ignore[no-untyped-def]
    return django_user_model.objects.create_user("stranger", password="a-long-test-password")
