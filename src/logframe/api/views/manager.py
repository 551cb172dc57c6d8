"""The programme manager's lines of a quarter: the beneficiaries (a row per group) and the
quarter's texts (summary, constraints, procurement), read by everyone in the fund and
changed through the same services as the web (``workflow/entry.py``)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from logframe.api import answers
from logframe.api import workflow_serializers as w
from logframe.api.lookups import PeriodScope, clean_key, period_scope, require_open
from logframe.api.pagination import page_of, paged
from logframe.api.views.projects import FUND, PAGE
from logframe.api.writing import (
    API,
    READ_ERRORS,
    WRITE_ERRORS,
    save_through,
    stored_or_given,
    valid,
)
from logframe.domain.beneficiaries import BeneficiaryGroup
from logframe.portfolio import models as m
from logframe.workflow import rights
from logframe.workflow.entry import beneficiary_set, period_texts_set

# ---- beneficiaries ------------------------------------------------------------------------


class BeneficiaryList(APIView):
    @extend_schema(
        operation_id="beneficiaries_list",
        parameters=[FUND, *PAGE],
        responses={200: w.BeneficiaryList, **READ_ERRORS},
        tags=["beneficiaries"],
    )
    def get(self, request: Request, number: str, period: str) -> Response:
        """Every beneficiary group of the report, entered or not, with its % of planned."""
        scope = period_scope(request, number, period)
        page, pages = page_of(answers.beneficiary_items(scope), request=request, view=self)
        body = w.BeneficiaryOut(page, many=True).data
        return paged(pages, body, answers.quarter_head(scope))


class BeneficiaryDetail(APIView):
    @extend_schema(
        operation_id="beneficiaries_retrieve",
        parameters=[FUND],
        responses={200: w.BeneficiaryOut, **READ_ERRORS},
        tags=["beneficiaries"],
    )
    def get(self, request: Request, number: str, period: str, group: str) -> Response:
        scope = period_scope(request, number, period)
        return Response(_beneficiary(scope, _group(group)))

    @extend_schema(
        operation_id="beneficiaries_partial_update",
        parameters=[FUND],
        request=w.BeneficiaryPatch,
        responses={200: w.BeneficiaryOut, **WRITE_ERRORS},
        tags=["beneficiaries"],
    )
    def patch(self, request: Request, number: str, period: str, group: str) -> Response:
        """Change a group's target or actual (the manager's): the fields given; ``version``."""
        scope = period_scope(request, number, period)
        chosen = _group(group)
        rights.require_beneficiaries_right(scope.access)
        require_open(scope)
        given = valid(w.BeneficiaryPatch(data=request.data))
        stored = scope.period.beneficiaries.filter(group=chosen.value).first()
        pick = stored_or_given(given, stored, given["version"])
        save_through(
            scope,
            lambda: beneficiary_set(
                period=scope.period,
                group=chosen,
                target=pick("target"),
                actual=pick("actual"),
                expected_version=given["version"],
                actor=request.user,
                access=scope.access,
                reason=API,
            ),
            lambda: _beneficiary(scope, chosen),
        )
        return Response(_beneficiary(scope, chosen))


def _group(text: str) -> BeneficiaryGroup:
    try:
        return BeneficiaryGroup(clean_key(text, "beneficiary group"))
    except ValueError:
        groups = ", ".join(g.value for g in BeneficiaryGroup)
        raise NotFound(f"no beneficiary group {text!r}; the groups are {groups}") from None


def _beneficiary(scope: PeriodScope, group: BeneficiaryGroup) -> Any:
    items = answers.beneficiary_items(scope)
    return w.BeneficiaryOut(next(i for i in items if i["group"] == group.value)).data


# ---- the quarter's texts ------------------------------------------------------------------


class Texts(APIView):
    @extend_schema(
        operation_id="texts_retrieve",
        parameters=[FUND],
        responses={200: w.TextsOut, **READ_ERRORS},
        tags=["texts"],
    )
    def get(self, request: Request, number: str, period: str) -> Response:
        """The quarter's summary, constraints and procurement (sanitised HTML)."""
        scope = period_scope(request, number, period)
        return Response(w.TextsOut(answers.texts_item(scope.period)).data)

    @extend_schema(
        operation_id="texts_partial_update",
        parameters=[FUND],
        request=w.TextsPatch,
        responses={200: w.TextsOut, **WRITE_ERRORS},
        tags=["texts"],
    )
    def patch(self, request: Request, number: str, period: str) -> Response:
        """Change the quarter's texts (the manager's): the fields given; the quarter's
        ``version`` as read (a submission or a return raises it too)."""
        scope = period_scope(request, number, period)
        rights.require_texts_right(scope.access)
        require_open(scope)
        given = valid(w.TextsPatch(data=request.data))
        pick = stored_or_given(given, scope.period, given["version"])
        save_through(
            scope,
            lambda: period_texts_set(
                period=scope.period,
                summary=pick("summary") or "",
                constraints=pick("constraints") or "",
                procurement=pick("procurement") or "",
                expected_version=given["version"],
                actor=request.user,
                access=scope.access,
                reason=API,
            ),
            lambda: _texts(scope),
        )
        return Response(_texts(scope))


def _texts(scope: PeriodScope) -> Any:
    period = m.ReportingPeriod.objects.select_related("project").get(pk=scope.period.pk)
    return w.TextsOut(answers.texts_item(period)).data
