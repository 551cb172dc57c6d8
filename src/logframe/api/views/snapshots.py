"""A quarter's snapshots: the project as it stood when the quarter was submitted, approved
or reopened, kept as a project file (docs/project-file.md) that never changes."""

from __future__ import annotations

import re
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from logframe.api import answers
from logframe.api import serializers as s
from logframe.api import workflow_serializers as w
from logframe.api.lookups import period_scope
from logframe.api.pagination import page_of, paged
from logframe.api.views.projects import FUND, PAGE
from logframe.api.writing import READ_ERRORS


class SnapshotList(APIView):
    @extend_schema(
        operation_id="snapshots_list",
        parameters=[FUND, *PAGE],
        responses={200: w.SnapshotList, **READ_ERRORS},
        tags=["quarters"],
    )
    def get(self, request: Request, number: str, period: str) -> Response:
        """The quarter's snapshots, oldest first: number, event, who and when, note."""
        scope = period_scope(request, number, period)
        snapshots = scope.period.snapshots.select_related("created_by").defer("document")
        page, pages = page_of(list(snapshots.order_by("number")), request=request, view=self)
        results = s.SnapshotOut([answers.snapshot_item(one) for one in page], many=True).data
        return paged(pages, results, answers.quarter_head(scope))


class SnapshotDocument(APIView):
    @extend_schema(
        operation_id="snapshots_document",
        parameters=[FUND],
        responses={
            200: OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="The project file of the project with this one quarter, as it "
                "stood (docs/project-file.md); `logframe load` reads it",
            ),
            **READ_ERRORS,
        },
        tags=["quarters"],
    )
    def get(self, request: Request, number: str, period: str, snapshot: int) -> Any:
        """One snapshot's project file."""
        scope = period_scope(request, number, period)
        found = scope.period.snapshots.filter(number=snapshot).first()
        if found is None:
            raise NotFound(f"{scope.period.code} has no snapshot {snapshot}")
        name = re.sub(r"[^\w.-]", "_", f"{scope.project.number}-{scope.period.code}")
        name = f"{name}-snapshot-{found.number}.json"
        return Response(
            found.document, headers={"Content-Disposition": f'inline; filename="{name}"'}
        )
