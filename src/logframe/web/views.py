"""Thin views: fetch through access and selectors, build the report model, render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from logframe.accounts.access import access_project_for_user
from logframe.domain.periods import Quarter
from logframe.portfolio.models import Project
from logframe.reporting.assemble import (
    CONTENT_TYPES,
    FORMATS,
    TRANSLATED_FORMATS,
    project_report,
    render_project_file,
)
from logframe.reporting.html import REPORT_CSS, render_html_body
from logframe.reporting.html.style import RTL_CSS
from logframe.reporting.labels import LANGS, Lang
from logframe.web.page_cache import cached_page, project_scope


@login_required
def project_page(request: HttpRequest, fund: str, number: str) -> HttpResponse:
    project = access_project_for_user(user=request.user, fund_code=fund, number=number)
    return cached_page(
        request, scope=project_scope(project.pk), render=lambda: _project_page(request, project)
    )


def _project_page(request: HttpRequest, project: Project) -> HttpResponse:
    number = project.number
    periods = list(project.periods.all())
    if not periods:
        return render(request, "web/project.html", {"project": project, "periods": []})
    quarter = _quarter(request.GET.get("period")) or periods[-1].as_quarter()
    if quarter not in {p.as_quarter() for p in periods}:
        raise Http404(f"project {number} has no period {quarter.code}")
    report = project_report(project=project, quarter=quarter, lang=_report_lang())
    context = {
        "project": project,
        "periods": periods,
        "quarter": quarter,
        "report_body": render_html_body(report, _report_lang()),
        "findings": report.findings,
    }
    return render(request, "web/project.html", context)


@login_required
def report_download(
    request: HttpRequest, fund: str, number: str, period: str, fmt: str
) -> HttpResponse:
    """The report as a file: ``?lang=ar`` or ``ckb`` for the labels of HTML, Word, PDF, Excel."""
    project = access_project_for_user(user=request.user, fund_code=fund, number=number)
    quarter = _quarter(period)
    lang = request.GET.get("lang", "en")
    if quarter is None or fmt not in FORMATS or lang not in LANGS:
        raise Http404("no such report")
    if lang != "en" and fmt not in TRANSLATED_FORMATS:
        raise Http404(f"the {fmt} report is written in English only")
    if not project.periods.filter(year=quarter.year, quarter=quarter.number).exists():
        raise Http404(f"project {number} has no period {quarter.code}")
    data = render_project_file(project=project, quarter=quarter, fmt=fmt, lang=lang)  # type: ignore[arg-type]
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    suffix = "" if lang == "en" else f"-{lang}"
    filename = f"{project.number}-{quarter.code}{suffix}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def report_css(request: HttpRequest) -> HttpResponse:
    """The report's own styles, so embedded reports look like the files (no inline style)."""
    response = HttpResponse(REPORT_CSS + RTL_CSS, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "public, max-age=3600"
    return response


def _report_lang() -> Lang:
    """The embedded report's labels: the interface's language (the documents know all three)."""
    language = get_language()
    return language if language in LANGS else "en"  # type: ignore[return-value]


def _quarter(text: str | None) -> Quarter | None:
    if not text:
        return None
    try:
        return Quarter.parse(text)
    except ValueError:
        return None
