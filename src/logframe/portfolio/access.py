"""Who may see what. Every view fetches projects through here, never directly.

For now every signed-in user may read every fund and project; roles per
organisation (focal point, manager, reviewer, viewer) come with data entry.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404

from logframe.portfolio import models as m


def access_fund_for_user(*, user: Any, code: str) -> m.Fund:
    if not user.is_authenticated:
        raise Http404("no such fund")
    fund = m.Fund.objects.filter(code=code).first()
    if fund is None:
        raise Http404(f"no fund {code}")
    return fund


def access_project_for_user(*, user: Any, fund_code: str, number: str) -> m.Project:
    if not user.is_authenticated:
        raise Http404("no such project")
    project = (
        m.Project.objects.select_related("fund", "line_ministry")
        .filter(fund__code=fund_code, number=number)
        .first()
    )
    if project is None:
        raise Http404(f"no project {number} in fund {fund_code}")
    return project
