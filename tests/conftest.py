"""Fixtures shared by the suite. The database is real: SQLite by default, PostgreSQL when
DATABASE_URL points there (CI runs both)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]

# Property tests check what is computed, not how fast: no per-example deadline and no
# "too slow" health check, which fail at random on a shared CI machine under load.
# Speed is measured in bench/.
settings.register_profile("logframe", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("logframe")

# Tests that touch the database, directly or through a fixture that does; the others
# (rules, parsers, renderers, subprocesses with a database of their own) cannot answer
# differently on PostgreSQL, so the PostgreSQL pass (LOGFRAME_DATABASE_TESTS_ONLY=1, set by
# `make test-pg`) leaves them to the SQLite pass instead of running them twice.
DATABASE_FIXTURES = frozenset(
    ("db", "transactional_db", "django_db_reset_sequences", "django_db_serialized_rollback",
     "live_server")
)  # fmt: skip


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    import os

    if os.environ.get("LOGFRAME_DATABASE_TESTS_ONLY") != "1":
        return
    keep: list[pytest.Item] = []
    pure: list[pytest.Item] = []
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        uses_database = item.get_closest_marker("django_db") or names & DATABASE_FIXTURES
        (keep if uses_database else pure).append(item)
    if pure:
        config.hook.pytest_deselected(items=pure)
        items[:] = keep


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
def fuller_project(db, example_record):  # type: ignore[no-untyped-def]
    """The seed with the parts that the records made for checking leave out (the entry
    page's, the findings' count's): IATI budgets and transactions, translations."""
    from dataclasses import replace
    from datetime import date
    from decimal import Decimal

    from logframe.domain.records import (
        BudgetRecord,
        TextSubject,
        TransactionRecord,
        TransactionType,
        TranslationRecord,
    )
    from logframe.portfolio.services import project_import

    record = replace(
        example_record,
        budgets=(BudgetRecord(date(2013, 1, 1), date(2013, 12, 31), Decimal(1000)),),
        transactions=(
            TransactionRecord(TransactionType.DISBURSEMENT, date(2013, 2, 1), Decimal(500)),
        ),
        translations=(
            TranslationRecord(TextSubject.PROJECT, "title", "ar", "عنوان"),
            TranslationRecord(TextSubject.INDICATOR, "text", "ar", "مؤشر", code="1.1.1"),
        ),
    )
    return project_import(record=record, actor=None, reason="test").project


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


@pytest.fixture(autouse=True)
def _no_language_left_active():  # type: ignore[no-untyped-def]
    """The test client leaves a request's language active in the thread (Arabic, Kurdish):
    the next test in the same worker must start in the default language."""
    yield
    from django.utils import translation

    translation.deactivate()


CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """Debian's Chromium driven by Playwright (its own browser download does not work here).

    One per test session: a process can run only one synchronous Playwright at a time.
    """
    import os

    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: `make browser` installs it")
    from playwright.sync_api import sync_playwright

    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's loop beside the live server
    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        yield chromium
        chromium.close()
    os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def open_page(browser):  # type: ignore[no-untyped-def]
    """``open_page(width, height, javascript=True)`` → a page in a fresh browser context."""
    contexts = []

    def open_(width: int = 1280, height: int = 800, *, javascript: bool = True):  # type: ignore[no-untyped-def]
        context = browser.new_context(
            viewport={"width": width, "height": height}, java_script_enabled=javascript
        )
        contexts.append(context)
        return context.new_page()

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_page):  # type: ignore[no-untyped-def]
    return open_page()


@pytest.fixture(autouse=True)
def _fresh_cache(request, django_db_blocker):  # type: ignore[no-untyped-def]
    """Each test starts with an empty cache: the login throttle counts failures per address
    in its "throttle" cache (a database table), and every test logs in from 127.0.0.1 — one
    test's wrong passwords must not lock the next test out. A test in a transaction leaves
    nothing there; one that commits (transactional_db, live_server) has its table emptied
    here, after the database fixtures' own teardown."""
    yield
    from django.core.cache import cache, caches

    cache.clear()
    names = set(getattr(request.node, "fixturenames", ()))
    marker = request.node.get_closest_marker("django_db")
    committed = names & {"transactional_db", "live_server"} or (
        marker is not None and marker.kwargs.get("transaction")
    )
    if committed:
        with django_db_blocker.unblock():
            caches["throttle"].clear()
