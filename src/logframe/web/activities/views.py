"""The register of a quarter (list, add, confirm or reject, attach), an activity's form,
its files, and the drill-down of a computed indicator.

Plain forms, posted and redirected; the same guard as the data-entry screens (login,
403 with the service's sentence), the same services and rights. A write the person may not
make (a locked quarter, another agency's output, a viewer) is refused with 403 before the
form is read, never answered with a redirect.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from logframe.accounts.access import project_and_access
from logframe.activities import models as a
from logframe.activities import selectors
from logframe.activities import services as s
from logframe.activities.services.computed import figure_of
from logframe.activities.services.entry import require_register_right
from logframe.domain.checks import check_period
from logframe.domain.records import ResultLevel
from logframe.domain.register.figures import RuleKind, RuleScope
from logframe.domain.register.kinds import ActivityStatus
from logframe.portfolio import models as m
from logframe.portfolio.selectors import project_record
from logframe.web.activities.forms import ActivityForm, OverrideForm, initial_of
from logframe.web.entry.blocks import Scope
from logframe.web.entry.guard import entry_view, require_open, scope_of
from logframe.workflow.errors import EntryError, StaleEdit


def _register_url(scope: Scope) -> str:
    p = scope.project
    return reverse("activity-register", args=[p.fund.code, p.number, scope.period.code])


def _may_edit(scope: Scope, output_id: int | None) -> bool:
    if not scope.open:
        return False
    if output_id is None:
        return scope.access.can_edit_period_texts
    return scope.access.can_edit_result(output_id)


def _outputs(scope: Scope) -> list[m.Result]:
    outputs = m.Result.objects.filter(project=scope.project, level=ResultLevel.OUTPUT.value)
    return [o for o in outputs.order_by("position", "id") if _may_edit(scope, o.pk)]


@entry_view
def register_latest(request: HttpRequest, fund: str, number: str) -> HttpResponseBase:
    project, _access = project_and_access(user=request.user, fund_code=fund, number=number)
    latest = m.ReportingPeriod.objects.filter(project=project).order_by("year", "quarter").last()
    if latest is None:
        raise Http404(f"project {project.number} has no quarter yet")
    return redirect("activity-register", fund, number, latest.code)


@entry_view
@require_http_methods(["GET", "POST"])
def register_page(request: HttpRequest, fund: str, number: str, period: str) -> HttpResponse:
    """The quarter's register; a POST adds an activity (nothing saved on an error)."""
    scope = scope_of(request, fund, number, period)
    form = ActivityForm(request.POST or None, outputs=_outputs(scope))
    if request.method == "POST":
        require_open(scope)
        if not form.outputs:
            require_register_right(scope.access, None)  # 403 unless an output may be added
        if form.is_valid():
            try:
                made = s.activity_create(
                    period=scope.period, data=form.as_input(), actor=request.user,
                    access=scope.access,
                )  # fmt: skip
            except EntryError as refused:
                form.add_service_errors(refused.fields)
            else:
                messages.success(request, _("%(title)s registered.") % {"title": made.title})
                return redirect(_register_url(scope))
    return render(request, "web/activities/register.html", _context(scope, form), status=
                  400 if form.errors else 200)  # fmt: skip


def _context(scope: Scope, form: ActivityForm) -> dict[str, Any]:
    rows = list(selectors.period_activities(period=scope.period))
    register = selectors.register_of(project=scope.project)
    record = project_record(project=scope.project)
    findings = [
        f
        for f in check_period(project=record, quarter=scope.period.as_quarter(), register=register)
        if f.rule.startswith("activity-")
    ]
    rules = list(selectors.project_rules(project=scope.project))
    return {
        "project": scope.project,
        "period": scope.period,
        "periods": list(m.ReportingPeriod.objects.filter(project=scope.project)),
        "open": scope.open,
        "form": form,
        "may_add": bool(form.outputs) or _may_edit(scope, None),
        "rows": [(row, _may_edit(scope, row.output_id)) for row in rows],
        "proposed": sum(1 for row in rows if row.status == ActivityStatus.PROPOSED.value),
        "findings": findings,
        "rules": [(rule, figure_of(rule=rule, period=scope.period)) for rule in rules],
        "places": selectors.places(),
    }


def _activity(scope: Scope, pk: int) -> a.Activity:
    return get_object_or_404(
        a.Activity.objects.select_related("output", "place", "period"), pk=pk, period=scope.period
    )


@entry_view
@require_http_methods(["GET", "POST"])
def activity_page(
    request: HttpRequest, fund: str, number: str, period: str, pk: int
) -> HttpResponse:
    """One activity: its form (when the person may change it), its source and its files."""
    scope = scope_of(request, fund, number, period)
    activity = _activity(scope, pk)
    editable = _may_edit(scope, activity.output_id)
    form = ActivityForm(request.POST or None, initial=initial_of(activity), outputs=_outputs(scope))
    if request.method == "POST":
        require_open(scope)
        require_register_right(scope.access, activity.output)
        if form.is_valid():
            try:
                s.activity_update(
                    activity=activity, data=form.as_input(),
                    expected_version=int(request.POST.get("version") or 0), actor=request.user,
                    access=scope.access,
                )  # fmt: skip
            except EntryError as refused:
                form.add_service_errors(refused.fields)
            except StaleEdit as stale:
                form.add_error(None, str(stale))
            else:
                messages.success(request, _("%(title)s saved.") % {"title": activity.title})
                return redirect(_register_url(scope))
    context = {
        "project": scope.project, "period": scope.period, "activity": activity,
        "form": form, "editable": editable, "places": selectors.places(),
        "files": activity.attachments.all(),
    }  # fmt: skip
    return render(request, "web/activities/activity.html", context,
                  status=400 if form.errors else 200)  # fmt: skip


@entry_view
@require_POST
def activity_decide(
    request: HttpRequest, fund: str, number: str, period: str, pk: int
) -> HttpResponseBase:
    """Confirm or reject (a proposed) activity; the bound indicators follow."""
    scope = scope_of(request, fund, number, period)
    activity = _activity(scope, pk)
    require_open(scope)
    require_register_right(scope.access, activity.output)
    wanted = request.POST.get("status", "")
    if wanted not in (ActivityStatus.CONFIRMED.value, ActivityStatus.REJECTED.value):
        messages.error(request, _("Choose to confirm or to reject the activity."))
        return redirect(_register_url(scope))
    try:
        s.activity_decide(
            activity=activity, status=ActivityStatus(wanted),
            expected_version=int(request.POST.get("version") or 0), actor=request.user,
            access=scope.access,
        )  # fmt: skip
    except (StaleEdit, EntryError) as refused:
        messages.error(request, str(refused))
    else:
        said = _("%(title)s confirmed.") if wanted == "confirmed" else _("%(title)s rejected.")
        messages.success(request, said % {"title": activity.title})
    return redirect(_register_url(scope) + f"#activity-{activity.pk}")


@entry_view
@require_POST
def attachment_upload(
    request: HttpRequest, fund: str, number: str, period: str, pk: int
) -> HttpResponseBase:
    scope = scope_of(request, fund, number, period)
    activity = _activity(scope, pk)
    require_open(scope)
    require_register_right(scope.access, activity.output)
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, _("Choose a file to attach."))
    else:
        try:
            made = s.attachment_add(
                activity=activity, upload=upload, description=request.POST.get("description", ""),
                actor=request.user, access=scope.access,
            )  # fmt: skip
        except EntryError as refused:
            messages.error(request, "; ".join(refused.fields.values()))
        else:
            messages.success(request, _("%(name)s attached.") % {"name": made.name})
    p = scope.project
    return redirect("activity", p.fund.code, p.number, scope.period.code, activity.pk)


@entry_view
def attachment_file(request: HttpRequest, fund: str, number: str, pk: int) -> FileResponse:
    """A file of an activity, for whoever may see the project; always as a download."""
    project, _access = project_and_access(user=request.user, fund_code=fund, number=number)
    found = get_object_or_404(a.Attachment, pk=pk, activity__period__project=project)
    response = FileResponse(
        found.file.open("rb"), as_attachment=True, filename=found.name,
        content_type=found.content_type,
    )  # fmt: skip
    response["X-Content-Type-Options"] = "nosniff"
    return response


@entry_view
@require_http_methods(["GET", "POST"])
def figure_page(
    request: HttpRequest, fund: str, number: str, period: str, code: str
) -> HttpResponse:
    """A computed indicator: its figure, the activities behind it, its override."""
    scope = scope_of(request, fund, number, period)
    rule = get_object_or_404(
        a.IndicatorRule.objects.select_related("indicator", "indicator__result", "group"),
        indicator__result__project=scope.project, indicator__code=code,
    )  # fmt: skip
    editable = _may_edit(scope, rule.indicator.result_id)
    form = OverrideForm(request.POST or None)
    if request.method == "POST":
        require_open(scope)
        require_register_right(scope.access, rule.indicator.result)
        if request.POST.get("clear"):
            s.override_clear(rule=rule, period=scope.period, actor=request.user,
                             access=scope.access)  # fmt: skip
            messages.success(request, _("Back to the computed value."))
            return redirect(request.path)
        if form.is_valid():
            try:
                s.override_set(
                    rule=rule, period=scope.period, value=form.cleaned_data["value"],
                    reason=form.cleaned_data["reason"], actor=request.user, access=scope.access,
                )  # fmt: skip
            except EntryError as refused:
                for name, message in refused.fields.items():
                    form.add_error(name if name in form.fields else None, message)
            else:
                messages.success(request, _("The value is overridden; the reason is kept."))
                return redirect(request.path)
    value = m.IndicatorValue.objects.filter(period=scope.period, indicator=rule.indicator).first()
    context = {
        "project": scope.project, "period": scope.period, "rule": rule,
        "figure": figure_of(rule=rule, period=scope.period), "value": value,
        "override": a.Override.objects.filter(rule=rule, period=scope.period).first(),
        "form": form, "editable": editable,
        "kind_label": a.KIND_LABELS[RuleKind(rule.kind)],
        "scope_label": a.SCOPE_LABELS[RuleScope(rule.scope)],
        "types": [a.TYPE_LABELS[t] for t in selectors.as_rule(rule).types],
    }  # fmt: skip
    return render(request, "web/activities/figure.html", context,
                  status=400 if form.errors else 200)  # fmt: skip
