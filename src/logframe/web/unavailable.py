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
from django.templatetags.static import static
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _

log = logging.getLogger(__name__)

PAGE = """<!doctype html>
<html lang="{lang}" dir="{direction}"><head><meta charset="utf-8"><title>{title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="{stylesheet}"></head>
<body><main>
<h1>{heading}</h1>
<p>{text}</p></main></body></html>
"""


def _close_broken_connections() -> None:
    for connection in connections.all(initialized_only=True):
        try:
            connection.close()
        except Exception:
            log.debug("closing a broken connection failed", exc_info=True)


def unavailable_response(request: HttpRequest) -> HttpResponse:
    """The 503 in the person's language: the one the locale middleware chose, or, when the
    database was lost before it ran, the cookie's or the browser's (no query needed)."""
    retry = str(int(getattr(settings, "DATABASE_RETRY_AFTER_SECONDS", 10)))
    language = getattr(request, "LANGUAGE_CODE", "") or translation.get_language_from_request(
        request
    )
    with translation.override(language):
        response = _api_body() if request.path.startswith("/api/") else _page()
    response["Retry-After"] = retry
    response["Cache-Control"] = "no-store"
    return response


def _api_body() -> HttpResponse:
    message = _("The database cannot be reached; nothing was saved. Try again shortly.")
    body = {"error": {"code": "unavailable", "message": message}}
    return HttpResponse(json.dumps(body), status=503, content_type="application/json")


def _page() -> HttpResponse:
    page = PAGE.format(
        lang=translation.get_language(),
        direction="rtl" if translation.get_language_bidi() else "ltr",
        title=escape(_("Unavailable · Logframe")),
        heading=escape(_("Logframe is briefly unavailable")),
        text=escape(
            _(
                "The database cannot be reached. Nothing you sent was saved: wait a few"
                " seconds and send it again."
            )
        ),
        stylesheet=static("web/site.css"),  # no inline style: the CSP
    )
    return HttpResponse(page, status=503, content_type="text/html; charset=utf-8")


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
