"""Projects and their quarters: what a person may see, nothing more."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from logframe.accounts.access import visible_projects_everywhere
from logframe.api import answers
from logframe.api import serializers as s
from logframe.api.errors import Conflict
from logframe.api.lookups import clean_key, period_scope, project_scope
from logframe.api.pagination import Pages, page_of, paged
from logframe.api.workflow_serializers import OpenNextRequest
from logframe.api.writing import API, valid
from logframe.domain.periods import Quarter
from logframe.portfolio import models as m
from logframe.portfolio.selectors import fund_project_rows, project_record
from logframe.workflow import rights, transitions
from logframe.workflow.errors import EntryError

FUND = OpenApiParameter(
    "fund",
    OpenApiTypes.STR,
    description="The fund's code; needed only when the number is used in two funds",
)
ERRORS = {401: s.ErrorOut, 404: s.ErrorOut}
PAGE = [
    OpenApiParameter("page", OpenApiTypes.INT, description="A page number (1 is the first)"),
    OpenApiParameter(
        "page_size", OpenApiTypes.INT, description="Rows a page (50 unless asked, at most 200)"
    ),
]


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
        parameters=[FUND, *PAGE],
        responses={200: s.PeriodList, 400: s.ErrorOut, **ERRORS},
        tags=["quarters"],
    )
    def get(self, request: Request, number: str) -> Response:
        """The project's quarters: state, who submitted and approved, snapshots."""
        scope = project_scope(request, number)
        page, pages = page_of(answers.period_items(scope.project), request=request, view=self)
        return paged(pages, s.PeriodOut(page, many=True).data)

    @extend_schema(
        operation_id="periods_open_next",
        parameters=[FUND],
        request=OpenNextRequest,
        responses={
            201: s.PeriodOut,
            400: s.ErrorOut,
            403: OpenApiResponse(s.ErrorOut, description="Only the project manager opens one"),
            409: OpenApiResponse(
                s.ErrorOut,
                description="cannot_open: the latest quarter is not submitted yet, or the "
                "project has none",
            ),
            **ERRORS,
        },
        tags=["workflow"],
    )
    def post(self, request: Request, number: str) -> Response:
        """Open the quarter after the latest one (which must be submitted or approved),
        carrying cumulative values, finance and beneficiaries forward, as on the web."""
        scope = project_scope(request, number)
        rights.require_open_next_right(scope.access)
        valid(OpenNextRequest(data=request.data))
        try:
            with transaction.atomic():
                opened = transitions.period_open_next(
                    project=scope.project, actor=request.user, access=scope.access, channel=API
                )
        except EntryError as refusal:
            raise Conflict(_words(refusal), code="cannot_open") from None
        except IntegrityError:  # another request opened it at the same moment
            raise Conflict("the next quarter was opened meanwhile", code="cannot_open") from None
        item = answers.period_items(scope.project, only=opened)[0]
        url = request.build_absolute_uri(f"{request.path}{opened.code}/")
        return Response(s.PeriodOut(item).data, status=201, headers={"Location": url})


def _words(refusal: EntryError) -> str:
    return "; ".join(refusal.fields.values())


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
