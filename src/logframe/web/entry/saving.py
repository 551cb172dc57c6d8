"""Saving one block of the entry page: an indicator's value, an agency's finance, a
beneficiary group, an output's narrative, the quarter's texts.

Each view checks the person's rights before reading the form (a refusal is a 403, never
a form with errors), parses the form, calls the one service, and answers:

- HTMX: the block again — saved (200, ``HX-Trigger: entry-saved`` so the findings panel
  reloads), with the messages at the fields (422), or refused because someone else saved
  first (409, their values shown and nothing overwritten);
- a plain POST: back to the page with a message when saved, else the page with the
  block as it failed (same status), so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from logframe.web.entry import forms as f
from logframe.web.entry import sheet as s
from logframe.web.entry.blocks import Notice, Scope
from logframe.web.entry.guard import EntryRequest, entry_view, require_open, scope_of
from logframe.web.entry.views import SAVED_EVENT, page_url, render_page
from logframe.web.entry.wording import describe_beneficiary, describe_finance, describe_value
from logframe.web.vocabulary import GROUPS
from logframe.workflow import rights
from logframe.workflow.entry import (
    beneficiary_set,
    finance_set,
    indicator_value_set,
    narrative_set,
    period_texts_set,
)
from logframe.workflow.errors import EntryError, StaleEdit

OK, INVALID, STALE = 200, 422, 409


def attempt(
    form: f.EntryForm, save: Callable[[], object], current: Callable[[], str]
) -> tuple[int, Notice]:
    """Validate, save; the status to answer and the sentence to show in the block."""
    if not form.is_valid():
        if "version" in form.errors:
            return INVALID, Notice("error", _("This line is out of date: reload the page."))
        return INVALID, Notice("error", _("Not saved: correct the fields marked below."))
    try:
        save()
    except EntryError as error:
        form.add_service_errors(error)
        return INVALID, Notice("error", _("Not saved: correct the fields marked below."))
    except StaleEdit as stale:
        return STALE, Notice("stale", stale_sentence(stale, current()))
    return OK, Notice("saved", _("Saved at %(time)s.") % {"time": f"{timezone.localtime():%H:%M}"})


def stale_sentence(stale: StaleEdit, what: str) -> str:
    if stale.when:
        return _(
            "%(who)s saved %(what)s at %(time)s while you were editing; nothing was overwritten."
        ) % {"who": stale.who, "what": what, "time": f"{timezone.localtime(stale.when):%H:%M}"}
    return _("%(who)s saved %(what)s while you were editing; nothing was overwritten.") % {
        "who": stale.who,
        "what": what,
    }


def answer(
    request: EntryRequest,
    scope: Scope,
    block: Any,
    *,
    template: str,
    status: int,
    saved: str,
) -> HttpResponse:
    if request.htmx:
        response = render(request, template, {"row": block, "scope": scope}, status=status)
        if status == OK:
            response["HX-Trigger"] = SAVED_EVENT
        return response
    if status == OK:
        messages.success(request, saved)
        return redirect(page_url(scope, block.anchor))
    return render_page(request, s.entry_sheet(scope, replace=block), status=status)


def _unchanged_form(status: int, form: Any) -> Any:
    """The form to show again: the person's input unless it was saved."""
    return None if status == OK else form


# ---- an indicator's value -------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@entry_view
def value_save(
    request: EntryRequest, fund: str, number: str, period: str, code: str
) -> HttpResponse:
    """POST: save the value; GET: the row as stored (to reload it after a conflict)."""
    scope = scope_of(request, fund, number, period)
    indicator = s.indicator_of(scope, code)
    if request.method == "GET":
        if not request.htmx:
            return redirect(page_url(scope, f"indicator-{indicator.pk}"))
        row = s.value_row_alone(scope, indicator, findings_kept=True)
        return render(request, "web/entry/_value_row.html", {"row": row, "scope": scope})
    rights.require_values_right(scope.access, indicator)
    require_open(scope)
    form = f.ValueForm(request.POST, indicator=indicator, prefix=f"v{indicator.pk}")
    status, notice = attempt(
        form,
        lambda: indicator_value_set(
            period=scope.period,
            indicator=indicator,
            data=form.value_input(),
            expected_version=form.cleaned_data["version"],
            actor=request.user,
            access=scope.access,
        ),
        lambda: describe_value(scope.period.values.filter(indicator=indicator).first()),
    )
    row = s.value_row_alone(
        scope,
        indicator,
        form=_unchanged_form(status, form),
        notice=notice,
        findings_kept=bool(request.htmx),
    )
    return answer(
        request,
        scope,
        row,
        template="web/entry/_value_row.html",
        status=status,
        saved=_("Saved %(code)s: %(actual)s.") % {"code": indicator.code, "actual": row.actual},
    )


# ---- an agency's finance ----------------------------------------------------------------


@require_http_methods(["POST"])
@entry_view
def finance_save(
    request: EntryRequest, fund: str, number: str, period: str, organisation: str
) -> HttpResponse:
    scope = scope_of(request, fund, number, period)
    participation = s.finance_alone(scope, organisation).participation
    rights.require_finance_right(scope.access, participation.organisation)
    require_open(scope)
    form = f.FinanceForm(request.POST, label=organisation, prefix=f"f{participation.pk}")
    status, notice = attempt(
        form,
        lambda: finance_set(
            period=scope.period,
            participation=participation,
            committed=form.cleaned_data["committed"],
            disbursed=form.cleaned_data["disbursed"],
            forecast_final_date=form.cleaned_data["forecast_final_date"],
            expected_version=form.cleaned_data["version"],
            actor=request.user,
            access=scope.access,
        ),
        lambda: describe_finance(scope.period.finance.filter(participation=participation).first()),
    )
    row = s.finance_alone(scope, organisation, form=_unchanged_form(status, form), notice=notice)
    return answer(
        request,
        scope,
        row,
        template="web/entry/_finance_row.html",
        status=status,
        saved=_("Saved %(agency)s's finance.") % {"agency": organisation},
    )


# ---- a beneficiary group ----------------------------------------------------------------


@require_http_methods(["POST"])
@entry_view
def beneficiary_save(
    request: EntryRequest, fund: str, number: str, period: str, group: str
) -> HttpResponse:
    scope = scope_of(request, fund, number, period)
    chosen = s.group_of(group)
    rights.require_beneficiaries_right(scope.access)
    require_open(scope)
    form = f.BeneficiaryForm(request.POST, label=str(GROUPS[chosen]), prefix=f"b-{chosen.value}")
    status, notice = attempt(
        form,
        lambda: beneficiary_set(
            period=scope.period,
            group=chosen,
            target=form.cleaned_data["target"],
            actual=form.cleaned_data["actual"],
            expected_version=form.cleaned_data["version"],
            actor=request.user,
            access=scope.access,
        ),
        lambda: describe_beneficiary(scope.period.beneficiaries.filter(group=chosen).first()),
    )
    row = s.beneficiary_alone(scope, chosen, form=_unchanged_form(status, form), notice=notice)
    return answer(
        request,
        scope,
        row,
        template="web/entry/_beneficiary_row.html",
        status=status,
        saved=_("Saved the beneficiaries: %(group)s.") % {"group": row.label.lower()},
    )


# ---- an output's narrative --------------------------------------------------------------


@require_http_methods(["POST"])
@entry_view
def narrative_save(
    request: EntryRequest, fund: str, number: str, period: str, code: str
) -> HttpResponse:
    scope = scope_of(request, fund, number, period)
    result = s.result_of(scope, code)
    rights.require_narrative_right(scope.access, result)
    require_open(scope)
    form = f.NarrativeForm(
        request.POST, label=_("%(code)s narrative") % {"code": code}, prefix=f"n{result.pk}"
    )
    status, notice = attempt(
        form,
        lambda: narrative_set(
            period=scope.period,
            result=result,
            narrative=form.cleaned_data["narrative"],
            expected_version=form.cleaned_data["version"],
            actor=request.user,
            access=scope.access,
        ),
        lambda: _("a new narrative of output %(code)s") % {"code": code},
    )
    block = s.narrative_alone(scope, result, form=_unchanged_form(status, form), notice=notice)
    return answer(
        request,
        scope,
        block,
        template="web/entry/_narrative.html",
        status=status,
        saved=_("Saved the narrative of output %(code)s.") % {"code": code},
    )


# ---- the quarter's summary, constraints and procurement ------------------------------------


@require_http_methods(["POST"])
@entry_view
def texts_save(request: EntryRequest, fund: str, number: str, period: str) -> HttpResponse:
    scope = scope_of(request, fund, number, period)
    rights.require_texts_right(scope.access)
    require_open(scope)
    form = f.TextsForm(request.POST, label=_("quarter"), prefix="texts")
    status, notice = attempt(
        form,
        lambda: period_texts_set(
            period=scope.period,
            summary=form.cleaned_data["summary"],
            constraints=form.cleaned_data["constraints"],
            procurement=form.cleaned_data["procurement"],
            expected_version=form.cleaned_data["version"],
            actor=request.user,
            access=scope.access,
        ),
        lambda: "new texts for the quarter",
    )
    scope = scope_of(request, fund, number, period)  # the period as saved, with its version
    block = s.texts_block(scope, form=_unchanged_form(status, form), notice=notice)
    return answer(
        request,
        scope,
        block,
        template="web/entry/_texts.html",
        status=status,
        saved=_("Saved the quarter's summary, constraints and procurement."),
    )
