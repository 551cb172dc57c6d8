"""Sessions read from the shared cache (``SESSION_ENGINE`` cached_db, chosen when
``LOGFRAME_CACHE_URL`` names Redis): a page read from the page cache costs no session
query, and a logout or a password change still ends the sessions they must end.

The test's local-memory cache stands in for Redis: one cache for every "worker"."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from logframe.web.page_cache import HEADER

pytestmark = pytest.mark.django_db

REPORT_URL = "/funds/UNDG-ITF/projects/G11-23/report/"
CACHED_DB = "django.contrib.sessions.backends.cached_db"
PASSWORD = "a-long-test-password"


@pytest.fixture
def person(settings, make_member, loaded_project):  # type: ignore[no-untyped-def]
    settings.SESSION_ENGINE = CACHED_DB  # before any client's first request
    return make_member("reader", "viewer", loaded_project, fund_wide=True)


def _signed_in(person) -> Client:  # type: ignore[no-untyped-def]
    """A browser that signed in through the login form and holds its CSRF cookie."""
    client = Client()
    response = client.post("/login/", {"username": person.username, "password": PASSWORD})
    assert response.status_code == 302, response.content
    client.get("/preferences/")
    return client


def _same_browser_elsewhere(client: Client) -> Client:
    """Another connection (another worker) presenting the same cookies."""
    other = Client()
    other.cookies = client.cookies
    return other


def test_a_kept_page_costs_no_session_query(person):
    client = _signed_in(person)
    client.get(REPORT_URL)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(REPORT_URL)
    assert response[HEADER] == "hit"
    assert not [q for q in captured if "django_session" in q["sql"]]
    assert len(captured) == 4  # the user, the project, the memberships, the page versions


def test_a_logout_ends_the_session_on_every_worker(person):
    client = _signed_in(person)
    elsewhere = _same_browser_elsewhere(client)
    assert elsewhere.get(REPORT_URL).status_code == 200
    assert client.post("/logout/").status_code == 302
    again = Client()
    again.cookies.load({"sessionid": elsewhere.cookies["sessionid"].value})
    assert again.get(REPORT_URL).status_code == 302  # to the login page


def test_a_password_change_ends_the_other_sessions(person):
    changing, other = _signed_in(person), _signed_in(person)
    assert other.get(REPORT_URL).status_code == 200
    response = changing.post(
        "/password/",
        {"old_password": PASSWORD, "new_password1": "another-long-pass-9", "new_password2":
         "another-long-pass-9"},
    )  # fmt: skip
    assert response.status_code == 302, response.content
    assert changing.get(REPORT_URL).status_code == 200  # its own session kept
    assert other.get(REPORT_URL).status_code == 302  # the other one signed out


def test_the_engine_follows_the_shared_cache():
    def engine(**env: str) -> str:
        code = "import django; django.setup(); from django.conf import settings;"
        code += " print(settings.SESSION_ENGINE)"
        kept = {k: v for k, v in os.environ.items() if k != "LOGFRAME_CACHE_URL"}
        done = subprocess.run(
            [sys.executable, "-c", code],
            env={**kept, "DJANGO_SETTINGS_MODULE": "logframe.settings", **env},
            capture_output=True, text=True, timeout=120, check=True,
        )  # fmt: skip
        return done.stdout.strip()

    assert engine() == "django.contrib.sessions.backends.db"  # a worker's own memory: no
    assert engine(LOGFRAME_CACHE_URL="redis://127.0.0.1:6379/0") == CACHED_DB
