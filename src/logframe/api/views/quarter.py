"""A quarter's figures: read them, and change them through the data-entry services.

A write is refused in this order, the same as on the web: the person's right to the
line (403), the quarter's state (409 ``quarter_locked``), the request's fields (400),
the version the change was based on (409 ``stale_version``, with the row as saved).
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from logframe.api import answers
from logframe.api import serializers as s
from logframe.api.lookups import (
    PeriodScope,
    indicator_and_value,
    output_in,
    participation_in,
    period_scope,
    require_open,
)
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
from logframe.domain.measures import Measure, Status
from logframe.domain.records import Disaggregation
from logframe.portfolio import models as m
from logframe.workflow import rights
from logframe.workflow.entry import ValueInput, finance_set, indicator_value_set, narrative_set


def _listed(
    view: APIView, request: Request, scope: PeriodScope, items: list[Any], shape: Any
) -> Response:
    """A page of a list under the quarter, with the quarter as its head."""
    page, pages = page_of(items, request=request, view=view)
    return paged(pages, shape(page, many=True).data, answers.quarter_head(scope))


# ---- indicator values ---------------------------------------------------------------------


class ValueList(APIView):
    @extend_schema(
        operation_id="values_list",
        parameters=[FUND, *PAGE],
        responses={200: s.ValueList, **READ_ERRORS},
        tags=["values"],
    )
    def get(self, request: Request, number: str, period: str) -> Response:
        """Every indicator's value in the quarter, its % of planned and its version."""
        scope = period_scope(request, number, period)
        rows = answers.ValueRows(scope)
        page, pages = page_of(rows.lines, request=request, view=self)
        return paged(
            pages, s.ValueOut(rows.rows(page), many=True).data, answers.quarter_head(scope)
        )


class ValueDetail(APIView):
    @extend_schema(
        operation_id="values_retrieve",
        parameters=[FUND],
        responses={200: s.ValueOut, **READ_ERRORS},
        tags=["values"],
    )
    def get(self, request: Request, number: str, period: str, indicator: str) -> Response:
        scope = period_scope(request, number, period)
        row, stored = indicator_and_value(scope, indicator)
        return Response(s.ValueOut(answers.value_answer(scope, row, stored)).data)

    @extend_schema(
        operation_id="values_partial_update",
        parameters=[FUND],
        request=s.ValuePatch,
        responses={200: s.ValueOut, **WRITE_ERRORS},
        tags=["values"],
    )
    def patch(self, request: Request, number: str, period: str, indicator: str) -> Response:
        """Change the indicator's value: the fields given; ``version`` as read."""
        scope = period_scope(request, number, period)
        row, stored = indicator_and_value(scope, indicator)
        rights.require_values_right(scope.access, row)
        require_open(scope)
        given = valid(s.ValuePatch(data=request.data))
        data = _value_input(row, stored, given)
        saved = save_through(
            scope,
            lambda: indicator_value_set(
                period=scope.period,
                indicator=row,
                data=data,
                expected_version=given["version"],
                actor=request.user,
                access=scope.access,
                reason=API,
            ),
            lambda: _value(scope, row),
        )
        # the row as saved (read locked, at the version given, then written) is the answer:
        # not read again
        return Response(s.ValueOut(answers.value_answer(scope, row, saved)).data)


def _value(scope: PeriodScope, indicator: m.Indicator) -> Any:
    return s.ValueOut(answers.value_item(scope, indicator)).data


def _value_input(
    indicator: m.Indicator, stored: m.IndicatorValue | None, given: dict[str, Any]
) -> ValueInput:
    """The stored value with the fields given changed; fields the indicator has not refused."""
    refused = {}
    if indicator.disaggregation != Disaggregation.SEX:
        refused.update(
            dict.fromkeys(("male", "female"), f"indicator {indicator.code} is not split by sex")
        )
    if indicator.measure != Measure.MILESTONE:
        refused.update(
            dict.fromkeys(
                ("status", "estimated_pct"), f"indicator {indicator.code} is not a milestone"
            )
        )
    errors = {k: v for k, v in refused.items() if given.get(k) not in (None, "")}
    if errors:
        raise ValidationError(errors)
    pick = stored_or_given(given, stored, given["version"])
    status = pick("status")
    return ValueInput(
        value=pick("value"),
        male=pick("male"),
        female=pick("female"),
        status=Status(status) if status else None,
        estimated_pct=pick("estimated_pct"),
        comment=pick("comment") or "",
    )


# ---- findings -------------------------------------------------------------------------------


class FindingList(APIView):
    @extend_schema(
        operation_id="findings_list",
        parameters=[FUND, *PAGE],
        responses={200: s.FindingList, **READ_ERRORS},
        tags=["values"],
    )
    def get(self, request: Request, number: str, period: str) -> Response:
        """The quarter's data-quality findings, as in the report and on the entry page."""
        scope = period_scope(request, number, period)
        return _listed(self, request, scope, answers.findings(scope), s.FindingOut)


# ---- finance --------------------------------------------------------------------------------


class FinanceList(APIView):
    @extend_schema(
        operation_id="finance_list",
        parameters=[FUND, *PAGE],
        responses={200: s.FinanceList, **READ_ERRORS},
        tags=["finance"],
    )
    def get(self, request: Request, number: str, period: str) -> Response:
        """Each agency's cumulative committed and disbursed funds, and their versions."""
        scope = period_scope(request, number, period)
        return _listed(self, request, scope, answers.finance_items(scope), s.FinanceOut)


class FinanceDetail(APIView):
    @extend_schema(
        operation_id="finance_retrieve",
        parameters=[FUND],
        responses={200: s.FinanceOut, **READ_ERRORS},
        tags=["finance"],
    )
    def get(self, request: Request, number: str, period: str, organisation: str) -> Response:
        scope = period_scope(request, number, period)
        return Response(_finance(scope, participation_in(scope, organisation)))

    @extend_schema(
        operation_id="finance_partial_update",
        parameters=[FUND],
        request=s.FinancePatch,
        responses={200: s.FinanceOut, **WRITE_ERRORS},
        tags=["finance"],
    )
    def patch(self, request: Request, number: str, period: str, organisation: str) -> Response:
        """Change an agency's finance: the fields given; ``version`` as read."""
        scope = period_scope(request, number, period)
        participation = participation_in(scope, organisation)
        rights.require_finance_right(scope.access, participation.organisation)
        require_open(scope)
        given = valid(s.FinancePatch(data=request.data))
        stored = scope.period.finance.filter(participation=participation).first()
        pick = stored_or_given(given, stored, given["version"])
        save_through(
            scope,
            lambda: finance_set(
                period=scope.period,
                participation=participation,
                committed=pick("committed"),
                disbursed=pick("disbursed"),
                forecast_final_date=pick("forecast_final_date"),
                expected_version=given["version"],
                actor=request.user,
                access=scope.access,
                reason=API,
            ),
            lambda: _finance(scope, participation),
        )
        return Response(_finance(scope, participation))


def _finance(scope: PeriodScope, participation: m.Participation) -> Any:
    return s.FinanceOut(answers.finance_items(scope, only=participation)[0]).data


# ---- narratives -----------------------------------------------------------------------------


class NarrativeList(APIView):
    @extend_schema(
        operation_id="narratives_list",
        parameters=[FUND, *PAGE],
        responses={200: s.NarrativeList, **READ_ERRORS},
        tags=["narratives"],
    )
    def get(self, request: Request, number: str, period: str) -> Response:
        """The narrative of each output (sanitised HTML) and its version."""
        scope = period_scope(request, number, period)
        return _listed(self, request, scope, answers.narrative_items(scope), s.NarrativeOut)


class NarrativeDetail(APIView):
    @extend_schema(
        operation_id="narratives_retrieve",
        parameters=[FUND],
        responses={200: s.NarrativeOut, **READ_ERRORS},
        tags=["narratives"],
    )
    def get(self, request: Request, number: str, period: str, output: str) -> Response:
        scope = period_scope(request, number, period)
        return Response(_narrative(scope, output_in(scope, output)))

    @extend_schema(
        operation_id="narratives_partial_update",
        parameters=[FUND],
        request=s.NarrativePatch,
        responses={200: s.NarrativeOut, **WRITE_ERRORS},
        tags=["narratives"],
    )
    def patch(self, request: Request, number: str, period: str, output: str) -> Response:
        """Replace an output's narrative; the HTML is sanitised as on the web."""
        scope = period_scope(request, number, period)
        result = output_in(scope, output)
        rights.require_narrative_right(scope.access, result)
        require_open(scope)
        given = valid(s.NarrativePatch(data=request.data))
        save_through(
            scope,
            lambda: narrative_set(
                period=scope.period,
                result=result,
                narrative=given["narrative"],
                expected_version=given["version"],
                actor=request.user,
                access=scope.access,
                reason=API,
            ),
            lambda: _narrative(scope, result),
        )
        return Response(_narrative(scope, result))


def _narrative(scope: PeriodScope, result: m.Result) -> Any:
    return s.NarrativeOut(answers.narrative_item(scope, result)).data
