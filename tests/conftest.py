"""Fixtures shared by the suite. The database is real: SQLite by default, PostgreSQL when
DATABASE_URL points there (CI runs both)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "itf-g11-23" / "project.json"


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture
def example_record(example_path: Path):  # type: ignore[no-untyped-def]
    from logframe.interchange.projectfile.read import read_project_file

    return read_project_file(example_path)


@pytest.fixture
def loaded_project(db, example_record):  # type: ignore[no-untyped-def]
    from logframe.portfolio.services import project_import

    return project_import(record=example_record, actor=None, reason="test").project


@pytest.fixture
def make_member(db, django_user_model):  # type: ignore[no-untyped-def]
    """``make_member("demo-undp", "focal_point", project, "UNDP")`` → a user with that role."""
    from logframe.accounts.models import Membership
    from logframe.portfolio.models import Organisation

    def make(username, role, project, organisation=None, *, fund_wide=False):  # type: ignore[no-untyped-def]
        user = django_user_model.objects.create_user(username, password="a-long-test-password")
        Membership.objects.create(
            user=user,
            fund=project.fund,
            project=None if fund_wide else project,
            organisation=Organisation.objects.get(code=organisation) if organisation else None,
            role=role,
        )
        return user

    return make


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):  # type: ignore[no-untyped-def]
    """Tests make many users; the real (slow by design) hasher is not what they test."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
