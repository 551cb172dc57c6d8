"""Evidence on the entry page: attach a file to a value; download it (access-checked)."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from logframe.accounts.access import access_project_for_user
from logframe.portfolio import models as m
from logframe.web.entry import forms as f
from logframe.web.entry import sheet as s
from logframe.web.entry.guard import EntryRequest, entry_view, require_open, scope_of
from logframe.web.entry.views import page_url, render_page
from logframe.workflow.errors import EntryError
from logframe.workflow.evidence import evidence_attach, evidence_remove
from logframe.workflow.rights import require_evidence_right


@require_POST
@entry_view
def evidence_upload(
    request: EntryRequest, fund: str, number: str, period: str, code: str
) -> HttpResponse:
    scope = scope_of(request, fund, number, period)
    indicator = s.indicator_of(scope, code)
    require_evidence_right(scope.access, indicator, remove=False)
    require_open(scope)
    form = f.EvidenceForm(request.POST, request.FILES, prefix=f"e{indicator.pk}")
    attached: m.Evidence | None = None
    if form.is_valid():
        try:
            attached = evidence_attach(
                period=scope.period,
                indicator=indicator,
                upload=form.cleaned_data["file"],
                description=form.cleaned_data["description"],
                actor=request.user,
                access=scope.access,
            )
        except EntryError as error:
            for name, message in error.fields.items():
                form.add_error(name if name in form.fields else None, message)
    row = s.value_row_alone(scope, indicator)
    status = 422 if attached is None else 200
    if attached is None:
        row.evidence_form = form
    if request.htmx:
        context = {"row": row, "scope": scope, "attached": attached}
        return render(request, "web/entry/_evidence.html", context, status=status)
    if attached is not None:
        messages.success(
            request, _("Attached %(name)s to %(code)s.") % {"name": attached.name, "code": code}
        )
        return redirect(page_url(scope, row.anchor))
    return render_page(request, s.entry_sheet(scope, replace=row), status=status)


@require_POST
@entry_view
def evidence_delete(
    request: EntryRequest, fund: str, number: str, period: str, pk: int
) -> HttpResponse:
    """Take a file off a value (the same rights as attaching one); 404 for another quarter's."""
    scope = scope_of(request, fund, number, period)
    evidence = (
        m.Evidence.objects.select_related("indicator_value__indicator", "indicator_value__period")
        .filter(pk=pk, indicator_value__period=scope.period)
        .first()
    )
    if evidence is None:
        raise Http404("no such evidence in this quarter")
    indicator = evidence.indicator_value.indicator
    name = evidence.name
    # no form to read first: the service's checks (right, open quarter) are the only ones
    evidence_remove(evidence=evidence, actor=request.user, access=scope.access)
    row = s.value_row_alone(scope, indicator)
    if request.htmx:
        context = {"row": row, "scope": scope, "removed": name}
        return render(request, "web/entry/_evidence.html", context)
    messages.success(
        request, _("Removed %(name)s from %(code)s.") % {"name": name, "code": indicator.code}
    )
    return redirect(page_url(scope, row.anchor))


@require_GET
@entry_view
def evidence_file(request: EntryRequest, fund: str, number: str, pk: int) -> HttpResponseBase:
    """The file, as an attachment, to someone who may see the project; 404 to anyone else."""
    project = access_project_for_user(user=request.user, fund_code=fund, number=number)
    evidence = m.Evidence.objects.filter(pk=pk, indicator_value__period__project=project).first()
    if evidence is None:
        raise Http404("no such evidence")
    try:
        handle = evidence.file.open("rb")
    except FileNotFoundError:
        raise Http404("the file of this evidence is missing") from None
    response = FileResponse(
        handle, as_attachment=True, filename=evidence.name, content_type=evidence.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response
