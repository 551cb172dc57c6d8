"""Login throttling: failed attempts counted per account and per client address.

The counters live in the cache named ``throttle`` (settings: Django's database cache, a
table created by ``migrate``), so every worker process of the server counts the same
failures: five wrong passwords spread over four gunicorn workers still lock the account. After
``LOGIN_FAILURES_PER_ACCOUNT`` failures for one user name, or
``LOGIN_FAILURES_PER_ADDRESS`` failures from one address, further attempts are refused
for ``LOGIN_LOCKOUT_SECONDS`` — with the right password too, so guessing gains nothing —
and the login page answers 429 with one sentence saying how long to wait. A successful
login clears the account's counter (not the address's: one good password must not reset
a spray across many accounts).

Two workers counting the same failure at the same instant may count it once (the cache's
get and set are not one statement): an attacker gains at most a few tries per window.
"""

from __future__ import annotations

import hashlib
import math
import time
from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils.translation import ngettext

PREFIX = "logframe:login-failures"
CACHE = "throttle"


def _cache() -> Any:
    return caches[CACHE]


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(value.strip().lower().encode("utf-8", "replace")).hexdigest()
    return f"{PREFIX}:{kind}:{digest}"


def client_address(request: HttpRequest) -> str:
    """The peer's address. Behind a proxy, the proxy must set REMOTE_ADDR (never trust
    X-Forwarded-For from the client)."""
    return str(request.META.get("REMOTE_ADDR") or "unknown")


def _limits() -> tuple[tuple[str, int], ...]:
    return (
        ("account", int(settings.LOGIN_FAILURES_PER_ACCOUNT)),
        ("address", int(settings.LOGIN_FAILURES_PER_ADDRESS)),
    )


def _keys(username: str, address: str) -> dict[str, str]:
    return {"account": _key("account", username), "address": _key("address", address)}


def locked_for(username: str, address: str) -> int:
    """Seconds until this user name may try again from this address (0: it may now)."""
    now = time.time()
    keys = _keys(username, address)
    wait = 0.0
    for kind, limit in _limits():
        entry = _cache().get(keys[kind])
        if entry and entry["count"] >= limit:
            wait = max(wait, entry["until"] - now)
    return max(0, math.ceil(wait))


def failure_record(username: str, address: str) -> None:
    """Count one failed attempt for the account and for the address."""
    window = int(settings.LOGIN_LOCKOUT_SECONDS)
    now = time.time()
    store = _cache()
    for key in _keys(username, address).values():
        entry = store.get(key) or {"count": 0, "until": now + window}
        entry = {"count": entry["count"] + 1, "until": now + window}
        store.set(key, entry, timeout=window)


def success_record(username: str) -> None:
    _cache().delete(_key("account", username))


def lockout_message(seconds: int) -> str:
    minutes = max(1, math.ceil(seconds / 60))
    return ngettext(
        "Too many failed log-in attempts. Try again in %(n)d minute.",
        "Too many failed log-in attempts. Try again in %(n)d minutes.",
        minutes,
    ) % {"n": minutes}


class ThrottledLoginView(auth_views.LoginView):
    """Django's login view, refusing (429) while the account or the address is locked."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        username = str(request.POST.get("username", ""))[:254]
        address = client_address(request)
        wait = locked_for(username, address)
        if wait:
            return self._refused(wait)
        response = super().post(request, *args, **kwargs)
        if request.user.is_authenticated:
            success_record(username)
            return response
        failure_record(username, address)
        wait = locked_for(username, address)
        return self._refused(wait) if wait else response

    def _refused(self, wait: int) -> HttpResponse:
        """The login form again, with the wait as its one error; 429 and Retry-After."""
        # An unbound form: a bound one would authenticate the password while locked.
        username = str(self.request.POST.get("username", ""))[:254]
        form = self.get_form_class()(request=self.request, initial={"username": username})
        form.cleaned_data = {}
        form.add_error(None, lockout_message(wait))
        response = self.render_to_response(self.get_context_data(form=form))
        response.status_code = 429
        response["Retry-After"] = str(wait)
        return response


__all__ = [
    "ThrottledLoginView",
    "client_address",
    "failure_record",
    "locked_for",
    "lockout_message",
    "success_record",
]
