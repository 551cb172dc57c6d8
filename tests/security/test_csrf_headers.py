"""CSRF enforced on every pattern that accepts a write, generated from the URL conf; the
session cookie's flags and the security headers under production settings."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys

import pytest
from django.test import Client
from test_url_matrix import EXPECTED, ROLES, methods_of
from urlmap import path_of, patterns, world_make

# Not cookie-authenticated, so nothing for a forged cross-site request to ride on.
EXEMPT = {"api-token": "takes a user name and password in the body, sets no cookie"}
ADMIN = ROLES.index("admin")
ANONYMOUS = ROLES.index("anonymous")


@pytest.mark.django_db
def test_every_write_without_a_csrf_token_is_refused(users, loaded_project):
    """As the fund administrator (signed in by session) and as a visitor: 403 everywhere a
    write was let in with the token, so no form or endpoint forgets the check."""
    world = world_make(loaded_project, users["admin"])
    tried, wrong = 0, []
    for pattern in patterns():
        for method in methods_of(pattern):
            if method == "get" or pattern.name in EXEMPT:
                continue
            cells = EXPECTED[pattern.name][method].split()
            for index, user in ((ADMIN, users["admin"]), (ANONYMOUS, None)):
                if cells[index] in {"405", "login", "401"}:
                    continue  # nothing to protect: refused before any write
                client = Client(enforce_csrf_checks=True)
                if user is not None:
                    client.force_login(user)
                path = path_of(pattern, world)
                body = "{}" if pattern.api else {}
                kwargs = {"content_type": "application/json"} if pattern.api else {}
                response = getattr(client, method)(path, body, **kwargs)
                tried += 1
                if response.status_code != 403:
                    wrong.append(f"{pattern.name} {method.upper()} as {ROLES[index]}: "
                                 f"{response.status_code}")  # fmt: skip
    assert tried > 40
    assert not wrong, "\n".join(wrong)


PRODUCTION = {
    "LOGFRAME_HTTPS": "1",
    "LOGFRAME_REQUIRE_SECRET": "1",
    "LOGFRAME_ALLOWED_HOSTS": "logframe.example.org",
    "LOGFRAME_SECRET_KEY": secrets.token_urlsafe(50),
    "DJANGO_SETTINGS_MODULE": "logframe.settings",
}
PROBE = """
import json, django
django.setup()
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()
from django.conf import settings
settings.ALLOWED_HOSTS = ["logframe.example.org"]
c = Client(HTTP_HOST="logframe.example.org")
plain = c.get("/login/")
r = c.get("/login/", secure=True)
cookie = r.cookies.get("csrftoken")
print(json.dumps({"plain": [plain.status_code, plain.get("Location", "")],
    "headers": {k: v for k, v in r.items()},
    "session": [settings.SESSION_COOKIE_SECURE, settings.SESSION_COOKIE_HTTPONLY,
                settings.SESSION_COOKIE_SAMESITE],
    "csrf": [bool(cookie and cookie["secure"]), cookie["samesite"] if cookie else None]}))
"""


def test_production_headers_and_cookie_flags(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(PRODUCTION, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    done = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True,
                          text=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["plain"] == [301, "https://logframe.example.org/login/"]
    headers = seen["headers"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert seen["session"] == [True, True, "Lax"]
    assert seen["csrf"] == [True, "Lax"]
