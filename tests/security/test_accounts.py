"""Log-in throttling per account and per address, the password policy, sessions ended on
log-out and on a password change."""

from __future__ import annotations

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"


@pytest.fixture
def person(django_user_model):
    return django_user_model.objects.create_user("person", password=PASSWORD)


def _login(client: Client, username: str, password: str, address: str = "10.0.0.1"):
    return client.post(
        reverse("login"), {"username": username, "password": password}, REMOTE_ADDR=address
    )


def test_an_account_is_locked_after_the_configured_failures(client, person, settings):
    settings.LOGIN_FAILURES_PER_ACCOUNT = 3
    settings.LOGIN_LOCKOUT_SECONDS = 600
    answers = [_login(client, "person", "wrong-password-1").status_code for _ in range(3)]
    assert answers == [200, 200, 429]
    locked = _login(client, "person", PASSWORD)  # the right password does not get in
    assert locked.status_code == 429
    assert locked["Retry-After"].isdigit()
    assert 0 < int(locked["Retry-After"]) <= 600
    assert "Too many failed log-in attempts. Try again in 10 minutes." in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # from another address too: the account is what is locked
    assert _login(Client(), "PERSON ", PASSWORD, address="10.9.9.9").status_code == 429


def test_the_lock_ends_after_the_window(client, person, settings, monkeypatch):
    import time

    settings.LOGIN_FAILURES_PER_ACCOUNT = 2
    settings.LOGIN_LOCKOUT_SECONDS = 60
    for _ in range(2):
        _login(client, "person", "wrong-password-1")
    assert _login(client, "person", PASSWORD).status_code == 429
    later = time.time() + 61
    monkeypatch.setattr(time, "time", lambda: later)
    answer = _login(client, "person", PASSWORD)
    assert answer.status_code == 302
    assert client.session["_auth_user_id"] == str(person.pk)


def test_an_address_spraying_many_accounts_is_locked(client, django_user_model, settings):
    settings.LOGIN_FAILURES_PER_ADDRESS = 4
    settings.LOGIN_FAILURES_PER_ACCOUNT = 100
    for n in range(4):
        django_user_model.objects.create_user(f"user{n}", password=PASSWORD)
        _login(client, f"user{n}", "wrong-password-1", address="10.6.6.6")
    assert _login(client, "user0", PASSWORD, address="10.6.6.6").status_code == 429
    assert _login(Client(), "user0", PASSWORD, address="10.7.7.7").status_code == 302


def test_a_success_clears_the_accounts_count(client, person, settings):
    settings.LOGIN_FAILURES_PER_ACCOUNT = 3
    for _ in range(2):
        _login(client, "person", "wrong-password-1")
    assert _login(client, "person", PASSWORD).status_code == 302
    Client().logout()
    for _ in range(2):
        assert _login(Client(), "person", "wrong-password-1").status_code == 200


def test_the_throttle_counts_in_a_cache_every_worker_shares(settings):
    from django.core.cache import caches
    from django.core.cache.backends.db import DatabaseCache

    from logframe.accounts import throttle

    assert isinstance(caches[throttle.CACHE], DatabaseCache)  # not a process's own memory


@pytest.mark.django_db(transaction=True)
def test_failures_counted_by_another_worker_lock_the_account(person, settings):
    """Another worker: a thread with its own database connection and its own cache client
    (Django's caches are per thread) records two failures; this one records two more; the
    fourth locks the account here, and from any address."""
    import threading

    from django.db import connection

    from logframe.accounts import throttle

    settings.LOGIN_FAILURES_PER_ACCOUNT = 4
    clients = []

    def worker() -> None:
        try:
            clients.append(throttle._cache())
            for _ in range(2):
                throttle.failure_record("person", "10.1.1.1")
        finally:
            connection.close()

    other = threading.Thread(target=worker)
    other.start()
    other.join()
    assert len(clients) == 1
    assert clients[0] is not throttle._cache()
    throttle.failure_record("person", "10.2.2.2")
    assert throttle.locked_for("person", "10.3.3.3") == 0
    throttle.failure_record("person", "10.2.2.2")
    assert throttle.locked_for("person", "10.3.3.3") > 0


@pytest.mark.django_db(transaction=True)
def test_failures_counted_by_another_process_lock_the_account(person, settings):
    """Another process (on PostgreSQL: SQLite's test database lives in this process's
    memory) records three failures; the fourth, here, locks the account."""
    import os
    import subprocess
    import sys

    from django.db import connection

    from logframe.accounts import throttle

    if connection.vendor != "postgresql":
        pytest.skip("the SQLite test database is in this process's memory")
    settings.LOGIN_FAILURES_PER_ACCOUNT = 4
    db = connection.settings_dict
    url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    code = (
        "import django; django.setup()\n"
        "from logframe.accounts import throttle\n"
        "for _ in range(3): throttle.failure_record('person', '10.1.1.1')\n"
    )
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "logframe.settings"}
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=120)
    assert throttle.locked_for("person", "10.3.3.3") == 0
    throttle.failure_record("person", "10.2.2.2")
    assert throttle.locked_for("person", "10.3.3.3") > 0


@pytest.mark.parametrize(
    ("password", "complaint"),
    [
        ("short-pw-1", "at least 12 characters"),
        ("password1234", "too common"),
        ("839201748392", "entirely numeric"),
    ],
)
def test_the_password_policy(person, password, complaint):
    with pytest.raises(ValidationError) as refused:
        validate_password(password, user=person)
    assert complaint in " ".join(refused.value.messages)


def test_a_good_password_passes(person):
    validate_password("correct horse battery staple", user=person)


def test_logout_ends_the_session(client, person):
    assert _login(client, "person", PASSWORD).status_code == 302
    key = client.session.session_key
    assert client.post(reverse("logout")).status_code == 302
    from django.contrib.sessions.models import Session

    assert not Session.objects.filter(session_key=key).exists()
    assert client.get(reverse("home")).status_code == 302  # back to the login page


def test_logout_by_get_is_refused(client, person):
    _login(client, "person", PASSWORD)
    assert client.get(reverse("logout")).status_code == 405
    assert "_auth_user_id" in client.session


def test_a_password_change_rotates_this_session_and_ends_the_others(person):
    here, elsewhere = Client(), Client()
    _login(here, "person", PASSWORD)
    _login(elsewhere, "person", PASSWORD, address="10.0.0.2")
    before = here.session.session_key
    answer = here.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "another long passphrase",
         "new_password2": "another long passphrase"},
    )  # fmt: skip
    assert answer.status_code == 302
    assert here.session.session_key != before  # rotated
    assert here.get(reverse("home")).status_code == 200  # still signed in here
    stale = elsewhere.get(reverse("home"))
    assert stale.status_code == 302
    assert "/login/" in stale["Location"]


def test_a_weak_new_password_is_refused_at_the_field(client, person):
    _login(client, "person", PASSWORD)
    answer = client.post(
        reverse("password_change"),
        {"old_password": PASSWORD, "new_password1": "short1", "new_password2": "short1"},
    )
    assert answer.status_code == 200
    assert "at least 12 characters" in answer.content.decode()


def test_the_password_pages_are_logframes_not_the_admin_sites(client, person):
    """django.contrib.admin ships registration/password_change_*.html too, and it comes
    first in INSTALLED_APPS: the pages name their own templates, in the site's layout."""
    _login(client, "person", PASSWORD)
    form = client.get(reverse("password_change"))
    assert form.templates[0].name == "web/password_change_form.html"
    page = form.content.decode()
    assert "Django" not in page
    assert "Change password · Logframe" in page
    assert 'rel="icon"' in page  # the site's head, not the admin's
    assert "at least 12 characters" in page  # the new password's rules, shown before a try
    done = client.get(reverse("password_change_done"))
    assert done.templates[0].name == "web/password_change_done.html"
    assert "Django" not in done.content.decode()
