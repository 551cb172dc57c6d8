"""A 503 page, not a traceback, while the database cannot be reached.

When PostgreSQL is stopped or restarting, a request fails with ``OperationalError`` or
``InterfaceError``. This middleware answers 503 with ``Retry-After`` (an HTML page, or the
API's one error body under ``/api/``), and closes the broken connection so the next
request opens a new one (with ``CONN_HEALTH_CHECKS`` Django also tests a kept connection
before reusing it). Nothing was saved by the failed request: every write runs in one
transaction, which the database rolled back.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse

log = logging.getLogger(__name__)

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Unavailable · Logframe</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family:sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>Logframe is briefly unavailable</h1>
<p>The database cannot be reached. Nothing you sent was saved: wait a few seconds and
send it again.</p></body></html>
"""


def _close_broken_connections() -> None:
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except Exception:
            log.debug("closing a broken connection failed", exc_info=True)


def unavailable_response(request: HttpRequest) -> HttpResponse:
    retry = str(int(getattr(settings, "DATABASE_RETRY_AFTER_SECONDS", 10)))
    if request.path.startswith("/api/"):
        body = {"error": {"code": "unavailable", "message": "The database cannot be reached; "
                          "nothing was saved. Try again shortly."}}  # fmt: skip
        response = HttpResponse(json.dumps(body), status=503, content_type="application/json")
    else:
        response = HttpResponse(PAGE, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = retry
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Turn a lost database connection into 503 + Retry-After, and reconnect next time."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            return self.get_response(request)
        except (OperationalError, InterfaceError) as error:
            return self._unavailable(request, error)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, OperationalError | InterfaceError):
            return self._unavailable(request, exception)
        return None

    def _unavailable(self, request: HttpRequest, error: Exception) -> HttpResponse:
        log.warning("database unavailable on %s %s: %s", request.method, request.path, error)
        _close_broken_connections()
        return unavailable_response(request)


def server_error(request: HttpRequest) -> HttpResponse:
    """``handler500``: a lost database found anywhere (a middleware loading the session,
    not only a view) is a 503 too; any other error is Django's plain 500 page."""
    from django.views.defaults import server_error as django_server_error

    error = sys.exc_info()[1]
    if isinstance(error, OperationalError | InterfaceError):
        log.warning("database unavailable on %s %s: %s", request.method, request.path, error)
        _close_broken_connections()
        return unavailable_response(request)
    return django_server_error(request)
