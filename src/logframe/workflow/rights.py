"""Who may change which line: the one place that refuses, and says why.

The services call these before they save; the web views call the same ones before they
read a form, so a person without the right gets a 403 rather than field errors — with
the same sentence either way. ``access`` is the person's ``ProjectAccess`` in the project.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from logframe.accounts.access import ProjectAccess
from logframe.portfolio import models as m


def require_values_right(access: ProjectAccess, indicator: m.Indicator) -> None:
    """The indicator's output is the person's (their agency leads it or is a partner)."""
    if not access.can_edit_result(indicator.result_id):
        raise PermissionDenied(
            _("you may not enter values for output %(code)s") % {"code": indicator.result.code}
        )


def require_evidence_right(access: ProjectAccess, indicator: m.Indicator, *, remove: bool) -> None:
    if not access.can_edit_result(indicator.result_id):
        if remove:
            message = _("you may not remove evidence from %(code)s")
        else:
            message = _("you may not attach evidence to %(code)s")
        raise PermissionDenied(message % {"code": indicator.code})


def require_finance_right(access: ProjectAccess, organisation: m.Organisation) -> None:
    if not access.can_edit_finance(organisation.pk):
        raise PermissionDenied(
            _("you may not enter %(agency)s's finance") % {"agency": organisation.code}
        )


def require_narrative_right(access: ProjectAccess, result: m.Result) -> None:
    if not access.can_edit_result(result.pk):
        raise PermissionDenied(
            _("you may not write the narrative of output %(code)s") % {"code": result.code}
        )


def require_beneficiaries_right(access: ProjectAccess) -> None:
    if not access.can_edit_period_texts:
        raise PermissionDenied(_("only the project manager enters beneficiaries"))


def require_texts_right(access: ProjectAccess) -> None:
    if not access.can_edit_period_texts:
        raise PermissionDenied(_("only the project manager writes the quarter's summary"))


# ---- the quarter's workflow: who moves it (the state is the transitions' to check) -------


def require_submit_right(access: ProjectAccess) -> None:
    if not access.is_manager:
        raise PermissionDenied(_("only the project manager submits a quarter"))


def require_review_right(access: ProjectAccess, *, action: str) -> None:
    """``action``: "approves" or "returns"."""
    if not access.can_review:
        if action == "returns":
            raise PermissionDenied(_("only a reviewer of the fund returns a quarter"))
        raise PermissionDenied(_("only a reviewer of the fund approves a quarter"))


def require_reopen_right(access: ProjectAccess) -> None:
    if not access.is_admin:
        raise PermissionDenied(_("only a fund administrator reopens an approved quarter"))


def require_open_next_right(access: ProjectAccess) -> None:
    if not access.is_manager:
        raise PermissionDenied(_("only the project manager opens the next quarter"))
