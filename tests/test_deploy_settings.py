"""Production settings pass Django's deployment checks, and refuse to start without a secret."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys


def _environment(**extra: str) -> dict[str, str]:
    """This process's environment without what the browser tests set for themselves."""
    kept = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {**kept, **extra}


def _check(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING",
         "--settings", "logframe.settings"],
        env=_environment(**env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )  # fmt: skip


PRODUCTION = {
    "LOGFRAME_HTTPS": "1",
    "LOGFRAME_REQUIRE_SECRET": "1",
    "LOGFRAME_ALLOWED_HOSTS": "logframe.example.org",
}


def test_check_deploy_is_clean_under_production_settings():
    done = _check({**PRODUCTION, "LOGFRAME_SECRET_KEY": secrets.token_urlsafe(50)})
    assert done.returncode == 0, done.stdout + done.stderr


def test_production_without_a_secret_key_refuses_to_start():
    env = {k: v for k, v in os.environ.items() if k != "LOGFRAME_SECRET_KEY"}
    done = subprocess.run(
        [sys.executable, "-m", "django", "check", "--settings", "logframe.settings"],
        env={**env, **PRODUCTION},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    assert "LOGFRAME_SECRET_KEY must be set" in done.stderr
