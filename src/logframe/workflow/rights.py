"""Who may change which line: the one place that refuses, and says why.

The services call these before they save; the web views call the same ones before they
read a form, so a person without the right gets a 403 rather than field errors — with
the same sentence either way. ``access`` is the person's ``ProjectAccess`` in the project.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from logframe.accounts.access import ProjectAccess
from logframe.portfolio import models as m


def require_values_right(access: ProjectAccess, indicator: m.Indicator) -> None:
    """The indicator's output is the person's (their agency leads it or is a partner)."""
    if not access.can_edit_result(indicator.result_id):
        raise PermissionDenied(f"you may not enter values for output {indicator.result.code}")


def require_evidence_right(access: ProjectAccess, indicator: m.Indicator, *, remove: bool) -> None:
    if not access.can_edit_result(indicator.result_id):
        what = "remove evidence from" if remove else "attach evidence to"
        raise PermissionDenied(f"you may not {what} {indicator.code}")


def require_finance_right(access: ProjectAccess, organisation: m.Organisation) -> None:
    if not access.can_edit_finance(organisation.pk):
        raise PermissionDenied(f"you may not enter {organisation.code}'s finance")


def require_narrative_right(access: ProjectAccess, result: m.Result) -> None:
    if not access.can_edit_result(result.pk):
        raise PermissionDenied(f"you may not write the narrative of output {result.code}")


def require_beneficiaries_right(access: ProjectAccess) -> None:
    if not access.can_edit_period_texts:
        raise PermissionDenied("only the project manager enters beneficiaries")


def require_texts_right(access: ProjectAccess) -> None:
    if not access.can_edit_period_texts:
        raise PermissionDenied("only the project manager writes the quarter's summary")
