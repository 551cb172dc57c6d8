"""A quarter's figures: read them, and change them through the data-entry services.

A write is refused in this order, the same as on the web: the person's right to the
line (403), the quarter's state (409 ``quarter_locked``), the request's fields (400),
the version the change was based on (409 ``stale_version``, with the row as saved).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from logframe.api import answers
from logframe.api import serializers as s
from logframe.api.errors import Conflict
from logframe.api.lookups import (
    PeriodScope,
    indicator_in,
    output_in,
    participation_in,
    period_scope,
    quarter_locked,
    require_open,
)
from logframe.api.views.projects import FUND
from logframe.domain.measures import Measure, Status
from logframe.domain.records import Disaggregation
from logframe.portfolio import models as m
from logframe.workflow import rights
from logframe.workflow.entry import ValueInput, finance_set, indicator_value_set, narrative_set
from logframe.workflow.errors import StaleEdit

API = "entered through the API"  # the history's reason for every change made here
READ_ERRORS = {400: s.ErrorOut, 401: s.ErrorOut, 404: s.ErrorOut}
WRITE_ERRORS = {
    **READ_ERRORS,
    403: OpenApiResponse(s.ErrorOut, description="Your role may not change this line"),
    409: OpenApiResponse(
        s.ErrorOut,
        description="quarter_locked: the quarter is submitted or approved; stale_version: "
        "someone saved after the version you read (their row is in `current`)",
    ),
}


def save_through(
    scope: PeriodScope, save: Callable[[], object], current: Callable[[], Any]
) -> None:
    """Call the service; its refusals as the API tells them."""
    try:
        save()
    except StaleEdit as stale:
        raise Conflict(
            stale_message(stale),
            code="stale_version",
            extra={
                "saved_by": stale.who,
                "saved_at": stale.when.isoformat() if stale.when else None,
                "current": current(),
            },
        ) from None
    except PermissionDenied as refusal:
        if not scope.open:  # the quarter was submitted while the request was on its way
            raise quarter_locked(scope, refusal) from None
        raise


def stale_message(stale: StaleEdit) -> str:
    """Who saved what, and when (UTC), with the numbers as the API writes them."""
    saved = ", ".join(f"{name} {_plain_text(text)}" for name, text in stale.current.items() if text)
    at = f" at {stale.when:%H:%M} UTC" if stale.when else ""
    return (
        f"{stale.who} saved {saved or 'a change'}{at} after the version you read; nothing was saved"
    )


def _plain_text(text: str) -> str:
    try:
        return str(plain(Decimal(text)))
    except ArithmeticError:
        return text


def plain(value: Any) -> Any:
    """A stored decimal without its trailing zeros (498.0000 → 498), for the messages."""
    if isinstance(value, Decimal) and value.is_finite():
        return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()
    return value


def _valid(serializer: s.Strict) -> dict[str, Any]:
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


# ---- indicator values ---------------------------------------------------------------------


class ValueList(APIView):
    @extend_schema(
        operation_id="values_list",
        parameters=[FUND],
        responses={200: s.ValueList, **READ_ERRORS},
        tags=["values"],
    )
    def get(self, request: Request, number: str, period: str) -> Response:
        """Every indicator's value in the quarter, its % of planned and its version."""
        scope = period_scope(request, number, period)
        body = {**answers.quarter_head(scope), "values": answers.value_items(scope)}
        return Response(s.ValueList(body).data)


class ValueDetail(APIView):
    @extend_schema(
        operation_id="values_retrieve",
        parameters=[FUND],
        responses={200: s.ValueOut, **READ_ERRORS},
        tags=["values"],
    )
    def get(self, request: Request, number: str, period: str, indicator: str) -> Response:
        scope = period_scope(request, number, period)
        return Response(_value(scope, indicator_in(scope, indicator)))

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
        row = indicator_in(scope, indicator)
        rights.require_values_right(scope.access, row)
        require_open(scope)
        given = _valid(s.ValuePatch(data=request.data))
        data = _value_input(row, scope.period.values.filter(indicator=row).first(), given)
        save_through(
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
        return Response(_value(scope, row))


def _value(scope: PeriodScope, indicator: m.Indicator) -> Any:
    items = answers.value_items(scope, only=indicator.code)
    if not items:
        raise NotFound(f"no indicator {indicator.code} in project {scope.project.number}")
    return s.ValueOut(items[0]).data


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
    if stored is not None and stored.version != given["version"]:
        stored = None  # stale: the service refuses it; its fields must not judge the request

    def pick(name: str) -> Any:
        return given[name] if name in given else plain(getattr(stored, name, None))

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
        parameters=[FUND],
        responses={200: s.FindingList, **READ_ERRORS},
        tags=["values"],
    )
    def get(self, request: Request, number: str, period: str) -> Response:
        """The quarter's data-quality findings, as in the report and on the entry page."""
        scope = period_scope(request, number, period)
        body = {**answers.quarter_head(scope), "findings": answers.findings(scope)}
        return Response(s.FindingList(body).data)


# ---- finance --------------------------------------------------------------------------------


class FinanceList(APIView):
    @extend_schema(
        operation_id="finance_list",
        parameters=[FUND],
        responses={200: s.FinanceList, **READ_ERRORS},
        tags=["finance"],
    )
    def get(self, request: Request, number: str, period: str) -> Response:
        """Each agency's cumulative committed and disbursed funds, and their versions."""
        scope = period_scope(request, number, period)
        body = {**answers.quarter_head(scope), "finance": answers.finance_items(scope)}
        return Response(s.FinanceList(body).data)


class FinanceDetail(APIView):
    @extend_schema(
        operation_id="finance_retrieve",
        parameters=[FUND],
        responses={200: s.FinanceOut, **READ_ERRORS},
        tags=["finance"],
    )
    def get(self, request: Request, number: str, period: str, organisation: str) -> Response:
        scope = period_scope(request, number, period)
        return Response(_finance(scope, participation_in(scope, organisation).organisation.code))

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
        code = participation.organisation.code
        rights.require_finance_right(scope.access, participation.organisation)
        require_open(scope)
        given = _valid(s.FinancePatch(data=request.data))
        stored = scope.period.finance.filter(participation=participation).first()
        if stored is not None and stored.version != given["version"]:
            stored = None  # stale: the service refuses it

        def pick(name: str) -> Any:
            return given[name] if name in given else plain(getattr(stored, name, None))

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
            lambda: _finance(scope, code),
        )
        return Response(_finance(scope, code))


def _finance(scope: PeriodScope, code: str) -> Any:
    return s.FinanceOut(answers.finance_items(scope, only=code)[0]).data


# ---- narratives -----------------------------------------------------------------------------


class NarrativeList(APIView):
    @extend_schema(
        operation_id="narratives_list",
        parameters=[FUND],
        responses={200: s.NarrativeList, **READ_ERRORS},
        tags=["narratives"],
    )
    def get(self, request: Request, number: str, period: str) -> Response:
        """The narrative of each output (sanitised HTML) and its version."""
        scope = period_scope(request, number, period)
        body = {**answers.quarter_head(scope), "narratives": answers.narrative_items(scope)}
        return Response(s.NarrativeList(body).data)


class NarrativeDetail(APIView):
    @extend_schema(
        operation_id="narratives_retrieve",
        parameters=[FUND],
        responses={200: s.NarrativeOut, **READ_ERRORS},
        tags=["narratives"],
    )
    def get(self, request: Request, number: str, period: str, output: str) -> Response:
        scope = period_scope(request, number, period)
        return Response(_narrative(scope, output_in(scope, output).code))

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
        given = _valid(s.NarrativePatch(data=request.data))
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
            lambda: _narrative(scope, result.code),
        )
        return Response(_narrative(scope, result.code))


def _narrative(scope: PeriodScope, code: str) -> Any:
    return s.NarrativeOut(answers.narrative_items(scope, only=code)[0]).data
