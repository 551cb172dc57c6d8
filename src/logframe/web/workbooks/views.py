"""Download the quarter's data-entry template; upload it filled (all or nothing)."""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from logframe.domain.content import is_language_tag
from logframe.domain.formatting import file_size
from logframe.interchange.workbook import WorkbookError, read_template
from logframe.interchange.workbook.layout import MAX_BYTES
from logframe.portfolio import models as m
from logframe.web.entry.blocks import Scope
from logframe.web.entry.guard import EntryRequest, entry_view, scope_of
from logframe.workflow.workbooks import template_import, template_write

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORM_OVERHEAD = 64 * 1024  # the multipart envelope around the file


@require_GET
@entry_view
def template_download(request: EntryRequest, fund: str, number: str, period: str) -> HttpResponse:
    """The template of the person's organisation (a focal point) or the whole project."""
    scope = scope_of(request, fund, number, period)
    organisation = _organisation(scope, request.GET.get("organisation", "").strip())
    lang = request.GET.get("lang", "").strip() or None
    if lang is not None and not is_language_tag(lang):
        return HttpResponseBadRequest(
            _("%(lang)s is not a language tag such as ar or ckb") % {"lang": lang},
            content_type="text/plain; charset=utf-8",
        )
    try:
        data = template_write(
            project=scope.project,
            quarter=scope.period.as_quarter(),
            organisation=organisation,
            lang=lang,
        )
    except ValueError as exc:
        raise Http404(str(exc)) from exc
    whose = organisation or "all"
    name = f"{scope.project.number}-{scope.period.code}-{whose}{f'-{lang}' if lang else ''}"
    name += "-template.xlsx"
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{_safe(name)}"'
    return response


@require_http_methods(["GET", "POST"])
@csrf_exempt  # the size is checked before the body is read; the CSRF token right after
@entry_view
def template_upload(request: EntryRequest, fund: str, number: str, period: str) -> HttpResponse:
    """The upload form; on POST every problem by sheet and cell, or what changed."""
    scope = scope_of(request, fund, number, period)
    _require_entry(scope)
    context: dict[str, Any] = {
        "project": scope.project,
        "period": scope.period,
        "downloads": _downloads(scope),
        "max_size": file_size(MAX_BYTES),
        "problems": [],
        "summary": None,
    }
    if request.method != "POST":
        return render(request, "workbooks/upload.html", context)
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    if length > MAX_BYTES + FORM_OVERHEAD:  # refused before Django reads (and spools) the body
        context.update(problems=[_too_large(length)], name=_("the upload"))
        return render(request, "workbooks/upload.html", context, status=400)
    response: HttpResponse = _upload(request, scope, context)
    return response


@csrf_protect
def _upload(request: EntryRequest, scope: Scope, context: dict[str, Any]) -> HttpResponse:
    try:
        context["summary"] = _import(request, scope)
    except WorkbookError as exc:
        context.update(problems=exc.problems, name=exc.name)
        return render(request, "workbooks/upload.html", context, status=400)
    return render(request, "workbooks/upload.html", context)


def _import(request: EntryRequest, scope: Scope) -> Any:
    upload = request.FILES.get("workbook")
    if upload is None:
        raise WorkbookError(_("the upload"), [_("choose the filled template (.xlsx) to upload")])
    name = _safe(PurePath(upload.name or "workbook.xlsx").name)
    if (upload.size or 0) > MAX_BYTES:
        raise WorkbookError(name, [_too_large(upload.size or 0)])
    workbook = read_template(b"".join(upload.chunks()), name=name)
    return template_import(
        period=scope.period,
        workbook=workbook,
        actor=request.user,
        dry_run=bool(request.POST.get("dry_run")),
    )


def _too_large(size: int) -> str:
    return _(
        "the file is %(size)s, more than the %(limit)s a template may weigh; nothing was read"
    ) % {"size": file_size(size), "limit": file_size(MAX_BYTES)}


def _require_entry(scope: Scope) -> None:
    if not scope.access.can_edit_anything:
        raise PermissionDenied(
            _("you do not enter figures in project %(project)s, so there is no template for you")
            % {"project": scope.project.number}
        )


def _organisation(scope: Scope, wanted: str) -> str | None:
    """Whose lines: a manager's choice (default all), or the focal point's organisation."""
    _require_entry(scope)
    if scope.access.is_manager:
        return wanted or None
    mine = _own_codes(scope)
    if wanted and wanted not in mine:
        raise PermissionDenied(
            _("you enter figures for %(yours)s, not %(wanted)s")
            % {"yours": ", ".join(mine), "wanted": wanted}
        )
    if not mine:
        raise PermissionDenied(
            _("your organisation is not an agency of %(project)s")
            % {"project": scope.project.number}
        )
    return wanted or mine[0]


def _own_codes(scope: Scope) -> list[str]:
    participating = m.Organisation.objects.filter(
        pk__in=scope.access.organisations, participation__project=scope.project
    )
    return sorted(participating.values_list("code", flat=True))


def _downloads(scope: Scope) -> list[tuple[str, str]]:
    """The templates this person may download: (label, URL)."""
    project, period = scope.project, scope.period
    url = reverse("workbook-template", args=[project.fund.code, project.number, period.code])
    if scope.access.is_manager:
        return [(_("the whole project"), url)] + [
            (_("%(agency)s's lines") % {"agency": code}, f"{url}?organisation={code}")
            for code in project.participations.values_list("organisation__code", flat=True)
        ]
    return [
        (_("%(agency)s's lines") % {"agency": code}, f"{url}?organisation={code}")
        for code in _own_codes(scope)
    ]


def _safe(name: str) -> str:
    """A file name fit for a header and a message: no quotes, no control characters."""
    cleaned = "".join(ch for ch in name if ch.isprintable() and ch not in '"\\/')
    return cleaned[:120] or "workbook.xlsx"
