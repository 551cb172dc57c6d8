"""The activity register through the API: list, register, change, confirm or reject.

``/api/projects/{number}/periods/{period}/activities/`` (included by ``api/urls.py``).
The same services, rights, quarter lock and versions as the web's register; the history's
reason is "entered through the API". Dates are ISO (``2013-02-17``); ``place`` is a place's
code or name (``IQG08``, ``Baghdad``); ``output`` a result's code.
"""

from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from logframe.activities import models as a
from logframe.activities import services
from logframe.activities.selectors import period_activities, place_by_name
from logframe.api import answers
from logframe.api.lookups import PeriodScope, output_in, period_scope, require_open
from logframe.api.pagination import page_of, paged
from logframe.api.serializers import QuarterHead, Strict, version_field
from logframe.api.views.projects import FUND, PAGE
from logframe.api.writing import API, READ_ERRORS, WRITE_ERRORS, save_through, valid
from logframe.domain.register.kinds import ActivityStatus, ActivityType

TYPES = [t.value for t in ActivityType]


class ActivityOut(serializers.Serializer[Any]):
    id = serializers.IntegerField()
    version = serializers.IntegerField()
    period = serializers.CharField()
    type = serializers.ChoiceField(choices=TYPES)
    title = serializers.CharField()
    start = serializers.DateField()
    end = serializers.DateField()
    place = serializers.CharField(allow_blank=True)
    place_code = serializers.CharField(allow_blank=True)
    output = serializers.CharField(allow_blank=True)
    organisers = serializers.CharField(allow_blank=True)
    male = serializers.IntegerField(allow_null=True)
    female = serializers.IntegerField(allow_null=True)
    total = serializers.IntegerField(allow_null=True)
    respondents = serializers.IntegerField(allow_null=True)
    satisfied = serializers.IntegerField(allow_null=True)
    notes = serializers.CharField(allow_blank=True)
    status = serializers.ChoiceField(choices=[s.value for s in ActivityStatus])
    source = serializers.CharField(allow_blank=True)  # type: ignore[assignment]


def _people() -> serializers.IntegerField:
    return serializers.IntegerField(required=False, allow_null=True, min_value=0, max_value=10**7)


class ActivityIn(Strict):
    type = serializers.ChoiceField(choices=TYPES)
    title = serializers.CharField(max_length=300)
    start = serializers.DateField()
    end = serializers.DateField()
    place = serializers.CharField(required=False, allow_blank=True, max_length=200)
    place_text = serializers.CharField(required=False, allow_blank=True, max_length=200)
    output = serializers.CharField(required=False, allow_blank=True, max_length=20)
    organisers = serializers.CharField(required=False, allow_blank=True, max_length=300)
    male, female, total = _people(), _people(), _people()
    respondents, satisfied = _people(), _people()
    notes = serializers.CharField(required=False, allow_blank=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs["end"] < attrs["start"]:
            raise ValidationError({"end": "the end date is before the start date"})
        return attrs


class ActivityPatch(ActivityIn):
    version = version_field()


class DecisionIn(Strict):
    status = serializers.ChoiceField(choices=["confirmed", "rejected"])
    version = version_field()


def _out(row: a.Activity) -> Any:
    return ActivityOut(
        {
            "id": row.pk,
            "version": row.version,
            "period": row.period.code,
            "type": row.type,
            "title": row.title,
            "start": row.start,
            "end": row.end,
            "place": row.place_name,
            "place_code": row.place.code if row.place else "",
            "output": row.output.code if row.output else "",
            "organisers": row.organisers,
            "male": row.male,
            "female": row.female,
            "total": row.total,
            "respondents": row.respondents,
            "satisfied": row.satisfied,
            "notes": row.notes,
            "status": row.status,
            "source": row.source,
        }
    ).data


def _input(scope: PeriodScope, given: dict[str, Any]) -> services.ActivityInput:
    place = None
    if given.get("place"):
        place = place_by_name(given["place"])
        if place is None:
            raise ValidationError({"place": f"unknown place {given['place']!r}"})
    output = output_in(scope, given["output"]) if given.get("output") else None
    return services.ActivityInput(
        type=ActivityType(given["type"]), title=given["title"], start=given["start"],
        end=given["end"], output=output, place=place, place_text=given.get("place_text", ""),
        organisers=given.get("organisers", ""), male=given.get("male"),
        female=given.get("female"), total=given.get("total"),
        respondents=given.get("respondents"), satisfied=given.get("satisfied"),
        notes=given.get("notes", ""),
    )  # fmt: skip


def _stored(row: a.Activity) -> dict[str, Any]:
    return {
        "type": row.type, "title": row.title, "start": row.start.isoformat(),
        "end": row.end.isoformat(), "place": row.place.code if row.place else "",
        "place_text": row.place_text, "output": row.output.code if row.output else "",
        "organisers": row.organisers, "male": row.male, "female": row.female,
        "total": row.total, "respondents": row.respondents, "satisfied": row.satisfied,
        "notes": row.notes,
    }  # fmt: skip


def _activity(scope: PeriodScope, pk: int) -> a.Activity:
    row = period_activities(period=scope.period).filter(pk=pk).first()
    if row is None:
        raise NotFound(f"no activity {pk} in {scope.period.code}")
    return row


class ActivityPage(QuarterHead):
    """A page of the quarter's register, under the quarter it belongs to."""

    results = ActivityOut(many=True)


class ActivityList(APIView):
    @extend_schema(
        operation_id="activities_list", parameters=[FUND, *PAGE],
        responses={200: ActivityPage, **READ_ERRORS}, tags=["activities"],
    )  # fmt: skip
    def get(self, request: Request, number: str, period: str) -> Response:
        """The quarter's register, in date order: proposed, confirmed and rejected."""
        scope = period_scope(request, number, period)
        rows = list(period_activities(period=scope.period))
        page, pages = page_of(rows, request=request, view=self)
        return paged(pages, [_out(r) for r in page], answers.quarter_head(scope))

    @extend_schema(
        operation_id="activities_create", parameters=[FUND], request=ActivityIn,
        responses={201: ActivityOut, **WRITE_ERRORS}, tags=["activities"],
    )  # fmt: skip
    def post(self, request: Request, number: str, period: str) -> Response:
        """Register an activity (confirmed: a person entered it)."""
        scope = period_scope(request, number, period)
        given = valid(ActivityIn(data=request.data))
        data = _input(scope, given)
        services.entry.require_register_right(scope.access, data.output)
        require_open(scope)
        made: list[a.Activity] = []
        save_through(
            scope,
            lambda: made.append(
                services.activity_create(
                    period=scope.period,
                    data=data,
                    actor=request.user,
                    access=scope.access,
                    reason=API,
                )
            ),
            lambda: None,
        )
        return Response(_out(_activity(scope, made[0].pk)), status=201)


class ActivityDetail(APIView):
    @extend_schema(
        operation_id="activities_retrieve", parameters=[FUND],
        responses={200: ActivityOut, **READ_ERRORS}, tags=["activities"],
    )  # fmt: skip
    def get(self, request: Request, number: str, period: str, pk: int) -> Response:
        scope = period_scope(request, number, period)
        return Response(_out(_activity(scope, pk)))

    @extend_schema(
        operation_id="activities_partial_update", parameters=[FUND], request=ActivityPatch,
        responses={200: ActivityOut, **WRITE_ERRORS}, tags=["activities"],
    )  # fmt: skip
    def patch(self, request: Request, number: str, period: str, pk: int) -> Response:
        """Change the fields given; ``version`` as read."""
        scope = period_scope(request, number, period)
        row = _activity(scope, pk)
        services.entry.require_register_right(scope.access, row.output)
        require_open(scope)
        given = valid(ActivityPatch(data={**_stored(row), **request.data}))
        data = _input(scope, given)
        save_through(
            scope,
            lambda: services.activity_update(
                activity=row,
                data=data,
                expected_version=given["version"],
                actor=request.user,
                access=scope.access,
                reason=API,
            ),
            lambda: _out(_activity(scope, pk)),
        )
        return Response(_out(_activity(scope, pk)))


class ActivityDecision(APIView):
    @extend_schema(
        operation_id="activities_decide", parameters=[FUND], request=DecisionIn,
        responses={200: ActivityOut, **WRITE_ERRORS}, tags=["activities"],
    )  # fmt: skip
    def post(self, request: Request, number: str, period: str, pk: int) -> Response:
        """Confirm or reject an activity (a proposed one, usually); bound indicators follow."""
        scope = period_scope(request, number, period)
        row = _activity(scope, pk)
        services.entry.require_register_right(scope.access, row.output)
        require_open(scope)
        given = valid(DecisionIn(data=request.data))
        save_through(
            scope,
            lambda: services.activity_decide(
                activity=row,
                status=ActivityStatus(given["status"]),
                expected_version=given["version"],
                actor=request.user,
                access=scope.access,
                reason=API,
            ),
            lambda: _out(_activity(scope, pk)),
        )
        return Response(_out(_activity(scope, pk)))


urlpatterns = [
    path("", ActivityList.as_view(), name="api-activities"),
    path("<int:pk>/", ActivityDetail.as_view(), name="api-activity"),
    path("<int:pk>/decision/", ActivityDecision.as_view(), name="api-activity-decision"),
]
