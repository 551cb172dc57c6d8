"""Evidence of an indicator's value in a quarter: list it, upload a file (multipart), read
one, download its file through the access checks, remove it.

Uploading and removing call the web's services (``workflow/evidence.py``): the file is
accepted by what its first bytes say it is, at most ``LOGFRAME_EVIDENCE_MAX_BYTES``,
stored under a random name; the person's file name is kept, cleaned, as data only. The
file is served to whoever may see the project, as an attachment that a browser will not
run (``nosniff``, a sandboxing Content-Security-Policy).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.db.models import QuerySet
from django.http import FileResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from logframe.api import answers
from logframe.api import serializers as s
from logframe.api import workflow_serializers as w
from logframe.api.lookups import PeriodScope, indicator_in, period_scope, require_open
from logframe.api.pagination import page_of, paged
from logframe.api.views.projects import FUND, PAGE
from logframe.api.writing import API, READ_ERRORS, WRITE_ERRORS, valid
from logframe.portfolio import models as m
from logframe.workflow.evidence import evidence_attach, evidence_remove
from logframe.workflow.rights import require_evidence_right

UPLOAD_ERRORS = {
    **WRITE_ERRORS,
    409: OpenApiResponse(
        s.ErrorOut, description="quarter_locked: the quarter is submitted or approved"
    ),
    415: OpenApiResponse(s.ErrorOut, description="The body is not multipart/form-data"),
}


class EvidenceList(APIView):
    parser_classes = (MultiPartParser,)

    @extend_schema(
        operation_id="evidence_list",
        parameters=[FUND, *PAGE],
        responses={200: w.EvidenceList, **READ_ERRORS},
        tags=["evidence"],
    )
    def get(self, request: Request, number: str, period: str, indicator: str) -> Response:
        """The files attached to the indicator's value in the quarter, oldest first."""
        scope = period_scope(request, number, period)
        row = indicator_in(scope, indicator)
        files = list(_evidence(scope, row).order_by("uploaded_at", "pk"))
        page, pages = page_of(files, request=request, view=self)
        results = w.EvidenceOut([_item(request, scope, e, row) for e in page], many=True).data
        return paged(pages, results, {**answers.quarter_head(scope), "indicator": row.code})

    @extend_schema(
        operation_id="evidence_create",
        parameters=[FUND],
        request={"multipart/form-data": w.EvidenceUpload},
        responses={201: w.EvidenceOut, **UPLOAD_ERRORS},
        tags=["evidence"],
    )
    def post(self, request: Request, number: str, period: str, indicator: str) -> Response:
        """Attach a file (``file``, with an optional ``description``) to the value."""
        scope = period_scope(request, number, period)
        row = indicator_in(scope, indicator)
        require_evidence_right(scope.access, row, remove=False)
        require_open(scope)
        given = valid(w.EvidenceUpload(data=request.data))
        attached = evidence_attach(
            period=scope.period,
            indicator=row,
            upload=given["file"],
            description=given.get("description", ""),
            actor=request.user,
            access=scope.access,
            channel=API,
        )
        return Response(w.EvidenceOut(_item(request, scope, attached, row)).data, status=201)


class EvidenceDetail(APIView):
    @extend_schema(
        operation_id="evidence_retrieve",
        parameters=[FUND],
        responses={200: w.EvidenceOut, **READ_ERRORS},
        tags=["evidence"],
    )
    def get(
        self, request: Request, number: str, period: str, indicator: str, evidence: int
    ) -> Response:
        scope = period_scope(request, number, period)
        row = indicator_in(scope, indicator)
        return Response(w.EvidenceOut(_item(request, scope, _one(scope, row, evidence), row)).data)

    @extend_schema(
        operation_id="evidence_destroy",
        parameters=[FUND],
        responses={204: None, **WRITE_ERRORS},
        tags=["evidence"],
    )
    def delete(
        self, request: Request, number: str, period: str, indicator: str, evidence: int
    ) -> Response:
        """Take the file off the value (the same rights as attaching one); the history
        keeps who removed it, and the stored file is kept for an administrator."""
        scope = period_scope(request, number, period)
        row = indicator_in(scope, indicator)
        found = _one(scope, row, evidence)
        require_evidence_right(scope.access, row, remove=True)
        require_open(scope)
        evidence_remove(evidence=found, actor=request.user, access=scope.access, channel=API)
        return Response(status=204)


class EvidenceFile(APIView):
    @extend_schema(
        operation_id="evidence_file",
        parameters=[FUND],
        responses={
            (200, "application/octet-stream"): OpenApiResponse(
                OpenApiTypes.BINARY,
                description="The file, as an attachment, with the content type it was "
                "recognised as (application/pdf, image/png, …)",
            ),
            **READ_ERRORS,
        },
        tags=["evidence"],
    )
    def get(self, request: Request, number: str, period: str, indicator: str, evidence: int) -> Any:
        """The file itself, to whoever may see the project."""
        scope = period_scope(request, number, period)
        found = _one(scope, indicator_in(scope, indicator), evidence)
        try:
            handle = found.file.open("rb")
        except FileNotFoundError:
            raise NotFound("the file of this evidence is missing") from None
        response = FileResponse(
            handle, as_attachment=True, filename=found.name, content_type=found.content_type
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        response["Cache-Control"] = "private, no-store"
        return response


def _evidence(scope: PeriodScope, indicator: m.Indicator) -> QuerySet[m.Evidence]:
    return m.Evidence.objects.select_related("uploaded_by").filter(
        indicator_value__period=scope.period, indicator_value__indicator=indicator
    )


def _one(scope: PeriodScope, indicator: m.Indicator, pk: int) -> m.Evidence:
    evidence = (
        _evidence(scope, indicator)
        .select_related("indicator_value__indicator__result", "indicator_value__period")
        .filter(pk=pk)
        .first()
    )
    if evidence is None:
        raise NotFound(f"no evidence {pk} on {indicator.code} in {scope.period.code}")
    return evidence


def _item(
    request: Request, scope: PeriodScope, evidence: m.Evidence, indicator: m.Indicator
) -> dict[str, Any]:
    return {
        "id": evidence.pk,
        "indicator": indicator.code,
        "name": evidence.name,
        "content_type": evidence.content_type,
        "size": evidence.size,
        "sha256": evidence.sha256,
        "description": evidence.description,
        "uploaded_at": evidence.uploaded_at,
        "uploaded_by": None if evidence.uploaded_by is None else str(evidence.uploaded_by),
        "download": request.build_absolute_uri(
            reverse(
                "api-evidence-file",
                kwargs={
                    "number": scope.project.number,
                    "period": scope.period.code,
                    "indicator": indicator.code,
                    "evidence": evidence.pk,
                },
            )
            + _fund_query(request)
        ),
    }


def _fund_query(request: Request) -> str:
    fund = request.query_params.get("fund", "")
    return f"?{urlencode({'fund': fund})}" if fund else ""
