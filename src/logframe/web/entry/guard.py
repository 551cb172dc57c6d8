"""Who gets through to a data-entry view, and how a refusal is told.

Every entry view is wrapped in :func:`entry_view`: an anonymous person is sent to the
login page (an HTMX request is told to go there with ``HX-Redirect``, so a login form is
never swapped into a row); a refusal (``PermissionDenied``, from the access checks or a
service) answers 403 with its reason — a page, or for HTMX a plain sentence that
``entry.js`` shows.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils.translation import gettext as _
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails

from logframe.accounts.access import project_and_access, require_editable
from logframe.web.entry.blocks import Scope, period_in


class EntryRequest(HttpRequest):
    htmx: HtmxDetails


View = Callable[..., HttpResponseBase]


def entry_view(view: View) -> View:
    @wraps(view)
    def guarded(request: EntryRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not request.user.is_authenticated:
            return _to_login(request)
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as refusal:
            return refused(request, refusal)

    return guarded


def _to_login(request: EntryRequest) -> HttpResponse:
    if request.htmx:
        back = request.htmx.current_url_abs_path or request.get_full_path()
        login = redirect_to_login(back)
        return HttpResponseClientRedirect(login["Location"])
    return redirect_to_login(request.get_full_path())


def refused(request: EntryRequest, refusal: PermissionDenied) -> HttpResponse:
    reason = sentence(str(refusal) or _("You may not do this here."))
    if request.htmx:
        return HttpResponse(reason, status=403, content_type="text/plain; charset=utf-8")
    return render(request, "web/entry/refused.html", {"reason": reason}, status=403)


def sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "!", "?")) else ".")


def require_open(scope: Scope) -> None:
    """Refuse before reading a form when the quarter is submitted or approved.

    The service checks again, with the period's row locked, when it saves.
    """
    with transaction.atomic():  # the check locks the period's row: it needs a transaction
        require_editable(scope.period)


def scope_of(request: HttpRequest, fund: str, number: str, period: str) -> Scope:
    """The project (404 unless the person may see it), its quarter (404) and their rights."""
    project, access = project_and_access(user=request.user, fund_code=fund, number=number)
    return Scope(project=project, period=period_in(project, period), access=access)
