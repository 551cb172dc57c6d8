"""The data-entry page of a quarter and its findings panel."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_GET

from logframe.accounts.access import access_project_for_user
from logframe.domain.findings import Finding
from logframe.domain.periods import Quarter
from logframe.web.entry import forms as f
from logframe.web.entry.blocks import Scope, Sheet, listed
from logframe.web.entry.guard import EntryRequest, entry_view, scope_of
from logframe.web.entry.rows import RowUrls, findings_list
from logframe.web.entry.sheet import entry_sheet, period_findings
from logframe.web.templatetags.entry_rows import URLS

SAVED_EVENT = "entry-saved"  # the HX-Trigger of every save: the findings panel reloads
# the blocks whose findings list is on the page (the narratives' are in the panel only)
_LISTED = ("indicator-", "result-", "finance-", "beneficiaries")


@require_GET
@entry_view
def entry_latest(request: EntryRequest, fund: str, number: str) -> HttpResponse:
    """To the latest quarter's entry page (or the one named by ``?period=``)."""
    project = access_project_for_user(user=request.user, fund_code=fund, number=number)
    periods = list(project.periods.order_by("year", "quarter"))
    if not periods:
        return render(request, "web/entry/no_period.html", {"project": project})
    chosen = periods[-1]
    wanted = request.GET.get("period", "")
    if wanted:
        try:
            quarter = Quarter.parse(wanted)
        except ValueError:
            raise Http404(f"{wanted!r} is not a quarter") from None
        chosen = next((p for p in periods if p.as_quarter() == quarter), chosen)
    return redirect("project-entry", fund=fund, number=number, period=chosen.code)


@require_GET
@entry_view
def entry_page(request: EntryRequest, fund: str, number: str, period: str) -> HttpResponse:
    return render_page(request, entry_sheet(scope_of(request, fund, number, period)))


def render_page(request: EntryRequest, sheet: Sheet, *, status: int = 200) -> HttpResponse:
    scope = sheet.scope
    context: dict[str, Any] = {
        "sheet": sheet,
        "scope": scope,
        "project": scope.project,
        "period": scope.period,
        "access": scope.access,
        "return_form": f.ReturnForm(),
        "reopen_form": f.ReopenForm(),
        "next_quarter": scope.period.as_quarter().next().code,
        URLS: RowUrls.of(scope),
    }
    return render(request, "web/entry/page.html", context, status=status)


@require_GET
@entry_view
def entry_findings(request: EntryRequest, fund: str, number: str, period: str) -> HttpResponse:
    """The findings panel alone, for HTMX to swap in after a save."""
    scope = scope_of(request, fund, number, period)
    findings = period_findings(scope)
    anchors = _anchors(scope)
    context = {"listed": listed(findings, anchors), "lines": _lines(findings, anchors)}
    return render(request, "web/entry/_findings.html", context)


def _lines(findings: tuple[Finding, ...], anchors: dict[str, str]) -> SafeString:
    """Every block's findings list, to replace the page's out of band: a save on one line
    shows, or clears, the findings it causes on the others."""
    by_anchor: dict[str, list[Finding]] = {
        anchor: [] for anchor in anchors.values() if anchor.startswith(_LISTED)
    }
    for finding in findings:
        anchor = anchors.get(finding.where, "")
        if anchor in by_anchor:
            by_anchor[anchor].append(finding)
    return mark_safe(  # built by format_html
        "".join(findings_list(found, anchor, oob=True) for anchor, found in by_anchor.items())
    )


def _anchors(scope: Scope) -> dict[str, str]:
    """Where each finding's place is on the page (two queries)."""
    anchors = {"beneficiaries": "beneficiaries", "finance": "finance", "narrative": "texts"}
    for pk, code in scope.project.results.values_list("pk", "code"):
        anchors[code] = f"result-{pk}"
    indicators = scope.project.results.values_list("indicators__pk", "indicators__code")
    for pk, code in indicators:
        if pk is not None:
            anchors[code] = f"indicator-{pk}"
    for code in scope.project.participations.values_list("organisation__code", flat=True):
        anchors[code] = f"finance-{code}"
    return anchors


def page_url(scope: Scope, anchor: str = "") -> str:
    project = scope.project
    url = reverse("project-entry", args=[project.fund.code, project.number, scope.period.code])
    return f"{url}#{anchor}" if anchor else url
