"""The fund's consolidated report on the web, its downloads, and the drill-downs from its
figures to the projects behind them.

Thin: the person's fund and visible projects come from ``accounts.access``; the report is
``reporting.fund`` over those projects only (a fixed number of queries whatever their
number); the tables are the documents' own (``reporting.fund.tables``), each figure linked
to the projects it adds up.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language, gettext

from logframe.accounts.access import access_fund_for_user, visible_projects
from logframe.domain.periods import Quarter
from logframe.portfolio import models as m
from logframe.reporting.fund import (
    FORMATS,
    FundReportError,
    FundReportModel,
    assemble_fund_report,
    render_fund_report,
)
from logframe.reporting.fund.model import ProjectLine
from logframe.reporting.fund.tables import Cell, Table, fund_tables
from logframe.reporting.fund.words import BEHIND_REASONS, amount, count, percent
from logframe.web.page_cache import cached_page, fund_scope

CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "json": "application/json",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DRILLS = ("all", "sector", "group", "organisation", "behind", "findings")
# the tables with a row per project show their first rows; the drill-down lists them all
LONG_TABLES = {"projects": "all", "behind": "behind", "findings": "findings"}
SHOWN_ROWS = 25
DRILL_PAGE = 100


def _report(request: HttpRequest, fund: m.Fund) -> tuple[m.Fund, FundReportModel]:
    """The report of the quarter asked for (``?period=2013Q1``; the fund's latest by
    default) over the projects this person may see; 404 for a period that is not a
    quarter. The caller has checked that they may see the fund."""
    code = fund.code
    projects = visible_projects(user=request.user, fund=fund)
    period = request.GET.get("period", "").strip()
    if not period:
        latest = (
            m.ReportingPeriod.objects.filter(project__in=projects)
            .order_by("-year", "-quarter")
            .values_list("year", "quarter")
            .first()
        )
        period = Quarter(year=latest[0], number=latest[1]).code if latest else ""
    if not period:
        raise Http404(f"fund {code} has no quarter yet")
    try:
        return fund, assemble_fund_report(fund.code, period, projects=projects)
    except FundReportError as exc:
        raise Http404(str(exc)) from None


@login_required
def fund_report_page(request: HttpRequest, code: str) -> HttpResponse:
    fund = access_fund_for_user(user=request.user, code=code)
    return cached_page(
        request, scope=fund_scope(fund.pk), render=lambda: _report_page(request, fund)
    )


def _report_page(request: HttpRequest, fund: m.Fund) -> HttpResponse:
    fund, model = _report(request, fund)
    tables = [_web_table(table, fund=fund, model=model) for table in fund_tables(model, gettext)]
    chart = {
        "labels": [p.quarter for p in model.trend],
        "committed": [_float(p.money.committed_pct, model.finance_decimals) for p in model.trend],
        "disbursed": [_float(p.money.disbursed_pct, model.finance_decimals) for p in model.trend],
        # xgettext:no-python-format
        "series": [gettext("Committed, % of approved"), gettext("Disbursed, % of approved")],
    }
    context = {
        "fund": fund,
        "model": model,
        "tiles": _tiles(fund, model),
        "tables": tables,
        "chart": chart,
        "downloads": [
            (
                fmt,
                reverse("fund-report-download", args=[fund.code, fmt]) + f"?period={model.quarter}",
            )
            for fmt in FORMATS
        ],
        "behind_url": _drill_url(fund, model, "behind", ""),
        "findings_url": _drill_url(fund, model, "findings", ""),
        "all_url": _drill_url(fund, model, "all", ""),
    }
    return render(request, "web/dashboards/fund_report.html", context)


@login_required
def fund_report_download(request: HttpRequest, code: str, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404(f"no format {fmt}")
    fund, model = _report(request, access_fund_for_user(user=request.user, code=code))
    lang = (get_language() or "en").split("-")[0]
    data = render_fund_report(model, fmt, lang=lang if lang in ("en", "ar", "ckb") else "en")
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    name = f"{fund.code}-{model.quarter}-fund-report.{fmt}"
    disposition = "inline" if fmt == "html" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    return response


@login_required
def fund_report_projects(request: HttpRequest, code: str) -> HttpResponse:
    """The projects behind one figure of the report: ``?by=sector&key=Health``."""
    fund = access_fund_for_user(user=request.user, code=code)
    return cached_page(
        request, scope=fund_scope(fund.pk), render=lambda: _drill_page(request, fund)
    )


def _drill_page(request: HttpRequest, fund: m.Fund) -> HttpResponse:
    fund, model = _report(request, fund)
    by, key = request.GET.get("by", "all"), request.GET.get("key", "")
    if by not in DRILLS:
        raise Http404(f"no drill-down {by!r}")
    lines = _drilled(model, fund=fund, by=by, key=key)
    page = Paginator(lines, DRILL_PAGE).get_page(request.GET.get("page"))
    context = {
        "fund": fund,
        "model": model,
        "by": by,
        "key": key,
        "heading": _drill_heading(by, key),
        "page": page,
        "count": len(lines),
        "page_prefix": "?" + urlencode({"period": model.quarter, "by": by, "key": key}) + "&",
        "rows": [_project_row(p, fund=fund, model=model) for p in page.object_list],
        "report_url": reverse("fund-report", args=[fund.code]) + f"?period={model.quarter}",
    }
    return render(request, "web/dashboards/fund_drill.html", context)


def _drilled(model: FundReportModel, *, fund: m.Fund, by: str, key: str) -> list[ProjectLine]:
    if by == "sector":
        return [p for p in model.projects if p.sector == key]
    if by == "group":
        return [p for p in model.projects if p.thematic_group == key]
    if by == "behind":
        return list(model.behind)
    if by == "findings":
        return [p for p in model.projects if (p.errors or 0) + (p.warnings or 0) + (p.infos or 0)]
    if by == "organisation":
        numbers = set(
            m.Participation.objects.filter(project__fund=fund, organisation__code=key).values_list(
                "project__number", flat=True
            )
        )
        return [p for p in model.projects if p.number in numbers]
    return list(model.projects)


def _drill_heading(by: str, key: str) -> str:
    return {
        "all": gettext("Every project reporting"),
        "sector": gettext("Projects of the sector “%(key)s”"),
        "group": gettext("Projects of the thematic group “%(key)s”"),
        "organisation": gettext("Projects in which %(key)s takes part"),
        "behind": gettext("Projects behind schedule"),
        "findings": gettext("Projects with data-quality findings"),
    }[by] % {"key": key or "—"}


def _drill_url(fund: m.Fund, model: FundReportModel, by: str, key: str) -> str:
    query = urlencode({"period": model.quarter, "by": by, "key": key})
    return f"{reverse('fund-report-projects', args=[fund.code])}?{query}"


def _link(link: str, *, fund: m.Fund, model: FundReportModel) -> str:
    if not link:
        return ""
    kind, _, key = link.partition(":")
    if kind == "project":
        return reverse("project", args=[fund.code, key]) + f"?period={model.quarter}"
    return _drill_url(fund, model, kind, key)


def _web_table(table: Table, *, fund: m.Fund, model: FundReportModel) -> dict[str, Any]:
    def cells(row: tuple[Cell, ...]) -> list[dict[str, Any]]:
        return [
            {"text": c.text, "num": c.kind != "text", "href": _link(c.link, fund=fund, model=model)}
            for c in row
        ]

    numeric = [any(r[n].kind != "text" for r in table.rows) for n in range(len(table.headers))]
    rows, more = table.rows, ""
    if table.key in LONG_TABLES and len(rows) > SHOWN_ROWS:
        rows, more = rows[:SHOWN_ROWS], _drill_url(fund, model, LONG_TABLES[table.key], "")
    return {
        "key": table.key,
        "title": table.title,
        "note": table.note,
        "headers": list(zip(table.headers, numeric, strict=True)),
        "rows": [cells(r) for r in rows],
        "total": cells(table.total) if table.total else None,
        "more": more,
        "count": len(table.rows),
    }


def _project_row(p: ProjectLine, *, fund: m.Fund, model: FundReportModel) -> dict[str, Any]:
    f = model.finance_decimals
    return {
        "line": p,
        "href": reverse("project", args=[fund.code, p.number]) + f"?period={model.quarter}",
        "approved": amount(p.money.approved),
        "committed": percent(p.money.committed_pct, f),
        "disbursed": percent(p.money.disbursed_pct, f),
        "elapsed": percent(p.elapsed_pct, 1),
        "mean": percent(p.mean_pct, model.indicator_decimals),
        "delay": count(p.delay_months),
        "errors": count(p.errors),
        "warnings": count(p.warnings),
        "why": "; ".join(gettext(BEHIND_REASONS[r]) for r in p.behind),
    }


def _tiles(fund: m.Fund, model: FundReportModel) -> list[dict[str, Any]]:
    """The key figures: a % or a count each, its amounts or its meaning below it."""
    f, total, currency = model.finance_decimals, model.total, model.currency
    findings = model.findings
    return [
        {"label": gettext("Projects reporting"), "value": f"{len(model.projects):,}",
         "note": gettext("of %(n)s in the fund") % {"n": f"{model.projects_in_fund:,}"},
         "href": _drill_url(fund, model, "all", "")},
        {"label": gettext("Committed"), "value": percent(total.committed_pct, f),
         "note": gettext("%(amount)s of %(approved)s %(currency)s approved") % {
             "amount": amount(total.committed), "approved": amount(total.approved),
             "currency": currency}},
        {"label": gettext("Disbursed"), "value": percent(total.disbursed_pct, f),
         "note": gettext("%(amount)s %(currency)s") % {
             "amount": amount(total.disbursed), "currency": currency}},
        {"label": gettext("Behind schedule"), "value": f"{len(model.behind):,}",
         "note": gettext("projects"), "href": _drill_url(fund, model, "behind", ""),
         "alert": bool(model.behind)},
        {"label": gettext("Indicators"), "value": percent(model.achievement_total.mean_pct,
                                                          model.indicator_decimals),
         # xgettext:no-python-format
         "note": gettext("mean % of planned")},
        {"label": gettext("Findings"), "value": f"{findings.errors:,} / {findings.warnings:,}",
         "note": gettext("errors / warnings"), "href": _drill_url(fund, model, "findings", ""),
         "alert": bool(findings.errors)},
    ]  # fmt: skip


def _float(value: Any, places: int) -> float | None:
    return None if value is None else round(float(value), places)
