"""The quarter's workflow from the entry page: submit, approve, return, reopen, open next.

POST only (and CSRF-checked, as every POST); each calls its one service and goes back to
the entry page with a message. A refusal by role or state is a 403 with its reason; a
missing comment or reason comes back as a message on the page.
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from logframe.accounts.access import access_project_for_user, project_access
from logframe.web.entry.blocks import Scope
from logframe.web.entry.guard import EntryRequest, entry_view, scope_of, sentence
from logframe.web.entry.views import page_url
from logframe.workflow import transitions
from logframe.workflow.errors import EntryError


@require_POST
@entry_view
def submit(request: EntryRequest, fund: str, number: str, period: str) -> HttpResponse:
    scope = scope_of(request, fund, number, period)
    transitions.period_submit(period=scope.period, actor=request.user, access=scope.access)
    messages.success(
        request,
        _("%(quarter)s is submitted for review; it is read-only until reviewed.")
        % {"quarter": scope.period.code},
    )
    return redirect(page_url(scope))


@require_POST
@entry_view
def approve(request: EntryRequest, fund: str, number: str, period: str) -> HttpResponse:
    scope = scope_of(request, fund, number, period)
    transitions.period_approve(period=scope.period, actor=request.user, access=scope.access)
    messages.success(
        request, _("%(quarter)s is approved and locked.") % {"quarter": scope.period.code}
    )
    return redirect(page_url(scope))


@require_POST
@entry_view
def send_back(request: EntryRequest, fund: str, number: str, period: str) -> HttpResponse:
    scope = scope_of(request, fund, number, period)
    try:
        transitions.period_return(
            period=scope.period,
            actor=request.user,
            comment=request.POST.get("comment", ""),
            access=scope.access,
        )
    except EntryError as error:
        return _not_done(request, scope, _("Not returned"), error)
    messages.success(
        request,
        _("%(quarter)s is returned to the project with your comments.")
        % {"quarter": scope.period.code},
    )
    return redirect(page_url(scope))


@require_POST
@entry_view
def reopen(request: EntryRequest, fund: str, number: str, period: str) -> HttpResponse:
    scope = scope_of(request, fund, number, period)
    try:
        transitions.period_reopen(
            period=scope.period,
            actor=request.user,
            reason=request.POST.get("reason", ""),
            access=scope.access,
        )
    except EntryError as error:
        return _not_done(request, scope, _("Not reopened"), error)
    messages.success(
        request, _("%(quarter)s is open again for changes.") % {"quarter": scope.period.code}
    )
    return redirect(page_url(scope))


@require_POST
@entry_view
def open_next(request: EntryRequest, fund: str, number: str) -> HttpResponse:
    project = access_project_for_user(user=request.user, fund_code=fund, number=number)
    access = project_access(user=request.user, project=project)
    try:
        period = transitions.period_open_next(project=project, actor=request.user, access=access)
    except EntryError as error:
        messages.error(request, _("Not opened: %(why)s") % {"why": _words(error)})
        return redirect("project-entry-latest", fund=fund, number=number)
    carried = period.values.count()
    messages.success(
        request,
        ngettext(
            "%(quarter)s is open; %(count)s cumulative indicator value, the finance and the"
            " beneficiaries are carried forward.",
            "%(quarter)s is open; %(count)s cumulative indicator values, the finance and the"
            " beneficiaries are carried forward.",
            carried,
        )
        % {"quarter": period.code, "count": f"{carried:,}"},
    )
    return redirect("project-entry", fund=fund, number=number, period=period.code)


def _not_done(request: EntryRequest, scope: Scope, what: str, error: EntryError) -> HttpResponse:
    messages.error(request, _("%(what)s: %(why)s") % {"what": what, "why": _words(error)})
    return redirect(page_url(scope, "workflow"))


def _words(error: EntryError) -> str:
    return " ".join(sentence(message) for message in error.fields.values())
