"""A Content-Security-Policy on every response: no inline script, no inline style.

Django 5.2 has no CSP of its own. The pages load their scripts and stylesheets from
``static/`` (chart data travels in ``json_script`` blocks, which a policy does not block),
so one policy holds for every page; a stored ``<script>`` or ``onerror=`` that escaped the
templates would still not run. Three views get a policy of their own (``RELAXED``):

- the API's Swagger UI (drf-spectacular's template starts Swagger with an inline script,
  and Swagger injects its styles): ``'unsafe-inline'`` for scripts and styles, that page only;
- the standalone HTML reports shown in the browser (a snapshot's report, the fund report's
  HTML download): their one ``<style>`` is allowed by its SHA-256, nothing else inline.

Django's admin needs no relaxation. A view that sets its own header keeps it.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable, Iterable

from django.http import HttpRequest, HttpResponse

from logframe.reporting.fund.html import STYLE as FUND_REPORT_STYLE
from logframe.reporting.html import standalone_styles

HEADER = "Content-Security-Policy"

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
    "frame-ancestors 'none'"
)


def _style_hashes(texts: Iterable[str]) -> str:
    """``'sha256-…'`` sources allowing exactly these <style> contents."""
    digests = (hashlib.sha256(text.encode("utf-8")).digest() for text in texts)
    return " ".join(f"'sha256-{base64.b64encode(d).decode('ascii')}'" for d in digests)


def _with_styles(texts: Iterable[str]) -> str:
    return POLICY.replace("style-src 'self'", f"style-src 'self' {_style_hashes(texts)}")


# The URL names whose pages need more than POLICY, and exactly what each needs.
RELAXED = {
    "api-docs": POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
        "style-src 'self'", "style-src 'self' 'unsafe-inline'"
    ),
    "snapshot-report": _with_styles(standalone_styles()),
    "fund-report-download": _with_styles([FUND_REPORT_STYLE]),
}


def policy_for(request: HttpRequest) -> str:
    """The policy of the page asked for: ``POLICY``, or the relaxed one of its view."""
    match = getattr(request, "resolver_match", None)
    if match is None:
        return POLICY
    return RELAXED.get(match.url_name or "", POLICY)


class ContentSecurityPolicyMiddleware:
    """Set ``Content-Security-Policy`` on every response that has none yet."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if HEADER not in response:
            response[HEADER] = policy_for(request)
        return response
