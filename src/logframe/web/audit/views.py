"""The audit pages: the project log (and its CSV), one value's history, a quarter's snapshots.

Every view fetches the project through ``access_project_for_user``: whoever may not view
the project gets 404, whatever they ask for. Reads go through ``portfolio.audit``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from logframe.accounts.access import access_project_for_user
from logframe.domain.periods import Quarter
from logframe.interchange.projectfile import ProjectFileError, parse_project_document
from logframe.portfolio import audit
from logframe.portfolio import models as m
from logframe.portfolio.selectors import NotFound, period_of
from logframe.reporting.build import ReportError, build_report
from logframe.reporting.html import render_html
from logframe.web.audit.export import log_csv

PER_PAGE = 50
MAX_PAGE = 200
EXPORT_LIMIT = 10_000
COMMAND_LINE_FILTER = "cli"


@dataclass(frozen=True)
class LogFilters:
    """The project log's filters as read from the query string; unknown values are ignored."""

    quarter: str = ""
    user: str = ""
    kind: str = ""

    def selectors(self, periods: list[m.ReportingPeriod]) -> dict[str, Any]:
        """Keyword arguments for ``audit.project_log``."""
        period = next((p for p in periods if p.code == self.quarter), None)
        return {
            "period": period,
            "user_id": int(self.user) if self.user.isdigit() else None,
            "command_line": self.user == COMMAND_LINE_FILTER,
            "kinds": frozenset({self.kind}) if self.kind else None,
        }

    def query(self, **extra: Any) -> str:
        wanted = {"quarter": self.quarter, "user": self.user, "kind": self.kind} | extra
        return urlencode({k: v for k, v in wanted.items() if v})


def _filters(request: HttpRequest, periods: list[m.ReportingPeriod]) -> LogFilters:
    quarter = request.GET.get("quarter", "")
    user = request.GET.get("user", "")
    kind = request.GET.get("kind", "")
    return LogFilters(
        quarter=quarter if quarter in {p.code for p in periods} else "",
        user=user if user.isdigit() or user == COMMAND_LINE_FILTER else "",
        kind=kind if kind in dict(audit.LOG_KINDS) else "",
    )


def _page(request: HttpRequest) -> int:
    text = request.GET.get("page", "1")
    return min(int(text), MAX_PAGE) if text.isdigit() and int(text) > 0 else 1


@login_required
def project_history(request: HttpRequest, fund: str, number: str) -> HttpResponse:
    project = access_project_for_user(user=request.user, fund_code=fund, number=number)
    periods = list(project.periods.all())
    filters = _filters(request, periods)
    page = _page(request)
    entries = audit.project_log(
        project=project, limit=page * PER_PAGE + 1, **filters.selectors(periods)
    )
    context = {
        "project": project,
        "periods": periods,
        "entries": entries[(page - 1) * PER_PAGE : page * PER_PAGE],
        "page": page,
        "newer": filters.query(page=page - 1) if page > 1 else None,
        "older": filters.query(page=page + 1) if len(entries) > page * PER_PAGE else None,
        "filters": filters,
        "csv_query": filters.query(),
        "actors": audit.log_actors(project=project),
        "kinds": audit.LOG_KINDS,
        "command_line": COMMAND_LINE_FILTER,
    }
    return render(request, "web/audit/project_history.html", context)


@login_required
def project_history_csv(request: HttpRequest, fund: str, number: str) -> HttpResponse:
    project = access_project_for_user(user=request.user, fund_code=fund, number=number)
    periods = list(project.periods.all())
    filters = _filters(request, periods)
    entries = audit.project_log(project=project, limit=EXPORT_LIMIT, **filters.selectors(periods))
    response = HttpResponse(log_csv(entries), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{project.number}-history.csv"'
    return response


@login_required
def value_history(
    request: HttpRequest, fund: str, number: str, period: str, indicator: str
) -> HttpResponse:
    project = access_project_for_user(user=request.user, fund_code=fund, number=number)
    found = _period(project, period)
    try:
        the_indicator = audit.indicator_by_code(project=project, code=indicator)
    except NotFound as exc:
        raise Http404(str(exc)) from exc
    context = {
        "project": project,
        "period": found,
        "indicator": the_indicator,
        "entries": audit.value_history(period=found, indicator=the_indicator),
    }
    fragment = request.headers.get("HX-Request") == "true"
    template = "web/audit/_value_history.html" if fragment else "web/audit/value_history.html"
    return render(request, template, context)


@login_required
def project_snapshots(request: HttpRequest, fund: str, number: str, period: str) -> HttpResponse:
    project = access_project_for_user(user=request.user, fund_code=fund, number=number)
    found = _period(project, period)
    snapshots = audit.period_snapshots(period=found)
    context = {
        "project": project,
        "period": found,
        "snapshots": snapshots,
        "latest": snapshots[-1].number if snapshots else None,
    }
    return render(request, "web/audit/snapshots.html", context)


@login_required
def snapshot_diff(
    request: HttpRequest, fund: str, number: str, period: str, a: int, b: int
) -> HttpResponse:
    project = access_project_for_user(user=request.user, fund_code=fund, number=number)
    found = _period(project, period)
    try:
        pair = audit.snapshots_by_number(period=found, numbers=(a, b))
    except NotFound as exc:
        raise Http404(str(exc)) from exc
    context = {
        "project": project,
        "period": found,
        "old": pair[a],
        "new": pair[b],
        "changes": audit.snapshot_diff(pair[a].document, pair[b].document),
    }
    return render(request, "web/audit/snapshot_diff.html", context)


@login_required
def snapshot_report(
    request: HttpRequest, fund: str, number: str, period: str, n: int
) -> HttpResponse:
    """The report exactly as it stood in snapshot ``n``: rebuilt from the snapshot alone."""
    project = access_project_for_user(user=request.user, fund_code=fund, number=number)
    found = _period(project, period)
    try:
        snapshot = audit.snapshots_by_number(period=found, numbers=(n,))[n]
    except NotFound as exc:
        raise Http404(str(exc)) from exc
    source = f"snapshot {n} of {project.number} {found.code}"
    try:
        record = parse_project_document(snapshot.document, source=source)
        html = render_html(build_report(project=record, quarter=found.as_quarter()))
    except (ProjectFileError, ReportError) as exc:
        context = {"project": project, "period": found, "snapshot": snapshot, "error": exc}
        return render(request, "web/audit/snapshot_error.html", context, status=500)
    return HttpResponse(html, content_type="text/html; charset=utf-8")


def _period(project: m.Project, code: str) -> m.ReportingPeriod:
    try:
        return period_of(project=project, quarter=Quarter.parse(code))
    except (ValueError, NotFound) as exc:
        raise Http404(str(exc)) from exc
