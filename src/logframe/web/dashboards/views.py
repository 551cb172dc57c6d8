"""The dashboards: the list of funds, a fund's projects, a project's overview.

Thin: fetch through ``accounts.access``, read through selectors, compute with the pure
modules beside this one, render.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone

from logframe.accounts.access import (
    access_fund_for_user,
    access_project_for_user,
    visible_funds,
    visible_projects,
)
from logframe.domain.periods import Quarter
from logframe.domain.records import PeriodState
from logframe.portfolio import dashboards, selectors
from logframe.portfolio import models as m
from logframe.web.dashboards import fund_list
from logframe.web.dashboards.deadline import report_deadline
from logframe.web.dashboards.overview import header_facts, project_overview
from logframe.web.page_cache import cached_page, fund_scope, project_scope

STATES = tuple(state.value for state in PeriodState)
SEARCH_LENGTH = 100


@login_required
def home(request: HttpRequest) -> HttpResponse:
    funds = list(selectors.fund_list(funds=visible_funds(user=request.user)))
    if len(funds) == 1:
        return redirect("fund", code=funds[0].code)
    return render(request, "web/dashboards/home.html", {"funds": funds})


@login_required
def fund_page(request: HttpRequest, code: str) -> HttpResponse:
    fund = access_fund_for_user(user=request.user, code=code)
    return cached_page(request, scope=fund_scope(fund.pk), render=lambda: _fund_page(request, fund))


def _fund_page(request: HttpRequest, fund: m.Fund) -> HttpResponse:
    """The filters, the order, the page and the totals in SQL; the page's 50 rows only are
    worked out in Python."""
    projects = visible_projects(user=request.user, fund=fund)
    choices = dashboards.fund_filter_choices(projects=projects)
    filters = _filters(request.GET, choices)
    sort, descending = fund_list.parse_sort(request.GET.get("sort", ""))
    query = dashboards.fund_dashboard_query(projects=projects, filters=filters)
    totals = dashboards.fund_dashboard_totals(rows=query)
    page = Paginator(range(totals.projects), fund_list.PAGE_SIZE).get_page(request.GET.get("page"))
    start = (page.number - 1) * fund_list.PAGE_SIZE
    listed = dashboards.fund_dashboard_page(
        rows=query, sort=sort, descending=descending, start=start, stop=start + len(page)
    )
    rows = fund_list.fund_rows(
        rows=listed,
        finance_decimals=fund.finance_decimals,
        due_days=fund.report_due_days,
        today=timezone.localdate(),
    )
    context = {
        "fund": fund,
        "page": page,
        "rows": fund_list.with_progress(rows, indicator_decimals=fund.indicator_decimals),
        "totals": fund_list.totals_row(totals, finance_decimals=fund.finance_decimals),
        "columns": _columns(request.GET, sort=sort, descending=descending),
        "filters": filters,
        "filtered": filters != dashboards.RowFilters(),
        "choices": choices,
        "states": STATES,
        "no_quarter": dashboards.NO_QUARTER,
        "page_prefix": _page_prefix(request.GET),
        "sort_param": f"{'-' if descending else ''}{sort}",
    }
    return render(request, "web/dashboards/fund.html", context)


def _filters(query: QueryDict, choices: dashboards.FilterChoices) -> dashboards.RowFilters:
    """The filters asked for; a value that is not on offer is left out, not an error."""
    state = query.get("state", "")
    lead = query.get("lead", "")
    sector = query.get("sector", "")
    return dashboards.RowFilters(
        state=state if state in (*STATES, dashboards.NO_QUARTER) else "",
        lead=lead if lead in {code for code, _ in choices.leads} else "",
        sector=sector if sector in choices.sectors else "",
        text=query.get("q", "").strip()[:SEARCH_LENGTH],
    )


def _columns(query: QueryDict, *, sort: str, descending: bool) -> list[dict[str, Any]]:
    """Each header: its sort link (the other direction when it is the current sort)."""
    columns = []
    for column in fund_list.COLUMNS:
        current = bool(column.key) and column.key == sort
        wanted = column.key if not current or descending else f"-{column.key}"
        columns.append(
            {
                "column": column,
                "url": _query(query, sort=wanted, page=None) if column.key else "",
                "aria_sort": ("descending" if descending else "ascending") if current else "",
            }
        )
    return columns


def _page_prefix(query: QueryDict) -> str:
    """The query string to which "page=N" is added: "?sort=budget&" or "?"."""
    rest = _query(query, page=None)
    return rest if rest == "?" else f"{rest}&"


def _query(query: QueryDict, **changes: str | None) -> str:
    """The query string with ``changes`` (None removes a key), starting with "?"."""
    copy = query.copy()
    for key, value in changes.items():
        copy.pop(key, None)
        if value is not None:
            copy[key] = value
    return f"?{copy.urlencode()}"


@login_required
def overview_page(request: HttpRequest, fund: str, number: str) -> HttpResponse:
    project = access_project_for_user(user=request.user, fund_code=fund, number=number)
    return cached_page(
        request, scope=project_scope(project.pk), render=lambda: _overview(request, project)
    )


def _overview(request: HttpRequest, project: m.Project) -> HttpResponse:
    periods = dashboards.overview_periods(project=project)
    record = selectors.project_record(project=project)
    context: dict[str, Any] = {
        "project": project,
        "periods": periods,
        "facts": header_facts(record),
    }
    if periods:
        period = _period(periods, request.GET.get("period"))
        context.update(
            period=period,
            overview=project_overview(record=record, quarter=period.as_quarter()),
            deadline=report_deadline(
                quarter=period.as_quarter(),
                due_days=project.fund.report_due_days,
                state=period.state,
                today=timezone.localdate(),
                submitted_on=timezone.localtime(period.submitted_at).date()
                if period.submitted_at
                else None,
            ),
        )
    return render(request, "web/dashboards/project.html", context)


def _period(periods: list[m.ReportingPeriod], text: str | None) -> m.ReportingPeriod:
    """The quarter asked for (``?period=2013Q1``), else the latest; 404 for one it lacks."""
    if not text:
        return periods[-1]
    try:
        quarter = Quarter.parse(text)
    except ValueError:
        raise Http404(f"{text!r} is not a quarter") from None
    for period in periods:
        if period.as_quarter() == quarter:
            return period
    raise Http404(f"no period {quarter.code}")
