"""The quarter's workflow through the API: submit, approve, return, reopen.

Each POST calls the one service the web's buttons call (``workflow/transitions.py``), with
"entered through the API" added to the reason in the quarter's history. Refused: 403
without the role (the same sentence as the web), 409 ``wrong_state`` when the quarter is
not in a state the move starts from, 409 ``stale_version`` when the request names a
version of the quarter older than the stored one, 400 for a missing comment or reason.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from logframe.api import answers
from logframe.api import serializers as s
from logframe.api import workflow_serializers as w
from logframe.api.errors import Conflict
from logframe.api.lookups import PeriodScope, period_scope
from logframe.api.views.projects import FUND
from logframe.api.writing import API, READ_ERRORS, valid
from logframe.portfolio import models as m
from logframe.workflow import rights, transitions
from logframe.workflow.errors import StaleEdit

F = TypeVar("F", bound=Callable[..., Any])
MOVE_ERRORS = {
    **READ_ERRORS,
    403: OpenApiResponse(s.ErrorOut, description="Your role may not make this move"),
    409: OpenApiResponse(
        s.ErrorOut,
        description="wrong_state: the quarter is not in a state this move starts from "
        "(`state` says which it is); stale_version: the quarter moved since the version "
        "you named",
    ),
}


def move(scope: PeriodScope, service: Callable[[], object]) -> Response:
    """Call the service (the right was checked first: 403 before 400); the quarter as it
    is after the move."""
    try:
        service()
    except StaleEdit as stale:
        current = _period(scope)
        at = f" at {stale.when:%H:%M} UTC" if stale.when else ""
        raise Conflict(
            f"{scope.period.code} changed after the version you read (by {stale.who}{at}): "
            f"it is {current['state']}, version {current['version']}; nothing was done",
            code="stale_version",
            extra={
                "saved_by": stale.who,
                "saved_at": stale.when.isoformat() if stale.when else None,
                "current": current,
            },
        ) from None
    except PermissionDenied as refusal:  # the right was checked: the state refuses
        state = m.ReportingPeriod.objects.values_list("state", flat=True).get(pk=scope.period.pk)
        raise Conflict(str(refusal), code="wrong_state", extra={"state": state}) from None
    return Response(_period(scope))


def _period(scope: PeriodScope) -> Any:
    return w.TransitionOut(answers.period_items(scope.project, only=scope.period)[0]).data


def _schema(operation: str, request: Any, summary: str) -> Callable[[F], F]:
    return extend_schema(
        operation_id=operation,
        parameters=[FUND],
        request=request,
        responses={200: w.TransitionOut, **MOVE_ERRORS},
        tags=["workflow"],
        description=summary,
    )


class Submit(APIView):
    @_schema(
        "periods_submit",
        w.TransitionRequest,
        "The project manager submits the quarter for review (from open or returned); a "
        "snapshot keeps it as sent, and it is read-only until reviewed.",
    )
    def post(self, request: Request, number: str, period: str) -> Response:
        scope = period_scope(request, number, period)
        rights.require_submit_right(scope.access)
        given = valid(w.TransitionRequest(data=request.data))
        return move(
            scope,
            lambda: transitions.period_submit(
                period=scope.period,
                actor=request.user,
                access=scope.access,
                expected_version=given.get("version"),
                channel=API,
            ),
        )


class Approve(APIView):
    @_schema(
        "periods_approve",
        w.TransitionRequest,
        "A reviewer of the fund approves a submitted quarter: it is locked for everyone.",
    )
    def post(self, request: Request, number: str, period: str) -> Response:
        scope = period_scope(request, number, period)
        rights.require_review_right(scope.access, action="approves")
        given = valid(w.TransitionRequest(data=request.data))
        return move(
            scope,
            lambda: transitions.period_approve(
                period=scope.period,
                actor=request.user,
                access=scope.access,
                expected_version=given.get("version"),
                channel=API,
            ),
        )


class Return(APIView):
    @_schema(
        "periods_return",
        w.ReturnRequest,
        "A reviewer returns a submitted quarter with a comment (required): it is open "
        "for changes again.",
    )
    def post(self, request: Request, number: str, period: str) -> Response:
        scope = period_scope(request, number, period)
        rights.require_review_right(scope.access, action="returns")
        given = valid(w.ReturnRequest(data=request.data))
        return move(
            scope,
            lambda: transitions.period_return(
                period=scope.period,
                actor=request.user,
                comment=given["comment"],
                access=scope.access,
                expected_version=given.get("version"),
                channel=API,
            ),
        )


class Reopen(APIView):
    @_schema(
        "periods_reopen",
        w.ReopenRequest,
        "A fund administrator reopens an approved quarter with a written reason "
        "(required); a snapshot keeps it as it was approved.",
    )
    def post(self, request: Request, number: str, period: str) -> Response:
        scope = period_scope(request, number, period)
        rights.require_reopen_right(scope.access)
        given = valid(w.ReopenRequest(data=request.data))
        return move(
            scope,
            lambda: transitions.period_reopen(
                period=scope.period,
                actor=request.user,
                reason=given["reason"],
                access=scope.access,
                expected_version=given.get("version"),
                channel=API,
            ),
        )
