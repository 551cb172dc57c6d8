"""Projects and their quarters: what a person may see, nothing more."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from logframe.accounts.access import visible_projects_everywhere
from logframe.api import answers
from logframe.api import serializers as s
from logframe.api.lookups import clean_key, period_scope, project_scope
from logframe.api.pagination import Pages
from logframe.domain.periods import Quarter
from logframe.portfolio import models as m
from logframe.portfolio.selectors import fund_project_rows, project_record

FUND = OpenApiParameter(
    "fund",
    OpenApiTypes.STR,
    description="The fund's code; needed only when the number is used in two funds",
)
ERRORS = {401: s.ErrorOut, 404: s.ErrorOut}


class ProjectList(GenericAPIView[m.Project]):
    pagination_class = Pages
    serializer_class = s.ProjectSummary

    @extend_schema(
        operation_id="projects_list",
        parameters=[
            OpenApiParameter("fund", OpenApiTypes.STR, description="A fund's code"),
            OpenApiParameter("sector", OpenApiTypes.STR, description="Sector name or DAC code"),
            OpenApiParameter(
                "organisation", OpenApiTypes.STR, description="A participating agency's code"
            ),
        ],
        responses={200: s.ProjectSummary(many=True), 401: s.ErrorOut},
        tags=["projects"],
    )
    def get(self, request: Request) -> Response:
        """The projects you may see, by fund and number, with budget and latest quarter."""
        projects = _filtered(visible_projects_everywhere(user=request.user), request)
        rows = fund_project_rows(projects=projects.select_related("fund")).order_by(
            "fund__code", "number"
        )
        page = self.paginate_queryset(rows)
        assert page is not None  # a paginator is set
        return self.get_paginated_response(s.ProjectSummary(map(_summary, page), many=True).data)


def _filtered(projects: QuerySet[m.Project], request: Request) -> QuerySet[m.Project]:
    wanted = {
        name: clean_key(request.query_params.get(name, "").strip(), name)
        for name in ("fund", "sector", "organisation")
    }
    if wanted["fund"]:
        projects = projects.filter(fund__code__iexact=wanted["fund"])
    if wanted["sector"]:
        projects = projects.filter(
            Q(sector__iexact=wanted["sector"]) | Q(sector_code=wanted["sector"])
        )
    if wanted["organisation"]:
        taking_part = m.Participation.objects.filter(
            organisation__code__iexact=wanted["organisation"]
        )
        projects = projects.filter(pk__in=taking_part.values("project"))
    return projects


def _summary(project: Any) -> Any:
    if project.latest_year is not None:
        quarter = Quarter(year=project.latest_year, number=project.latest_quarter)
        project.latest_period = quarter.code
    else:
        project.latest_period = None
    return project


class ProjectDetailView(APIView):
    @extend_schema(
        operation_id="projects_retrieve",
        parameters=[FUND],
        responses={200: s.ProjectDetail, 400: s.ErrorOut, **ERRORS},
        tags=["projects"],
    )
    def get(self, request: Request, number: str) -> Response:
        """The project with its result tree: JP outputs → outputs → indicators and targets."""
        scope = project_scope(request, number)
        return Response(s.ProjectDetail(project_record(project=scope.project)).data)


class PeriodList(APIView):
    @extend_schema(
        operation_id="periods_list",
        parameters=[FUND],
        responses={200: s.PeriodOut(many=True), 400: s.ErrorOut, **ERRORS},
        tags=["quarters"],
    )
    def get(self, request: Request, number: str) -> Response:
        """The project's quarters: state, who submitted and approved, snapshots."""
        scope = project_scope(request, number)
        return Response(s.PeriodOut(answers.period_items(scope.project), many=True).data)


class PeriodDetail(APIView):
    @extend_schema(
        operation_id="periods_retrieve",
        parameters=[FUND],
        responses={200: s.PeriodOut, 400: s.ErrorOut, **ERRORS},
        tags=["quarters"],
    )
    def get(self, request: Request, number: str, period: str) -> Response:
        """One quarter (named like 2013Q1)."""
        scope = period_scope(request, number, period)
        item = answers.period_items(scope.project, only=scope.period)[0]
        return Response(s.PeriodOut(item).data)
