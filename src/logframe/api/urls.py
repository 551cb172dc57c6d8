"""The API's URLs: /api/token/, /api/projects/…, the schema and its docs."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.urls import Resolver404, include, path, re_path, resolve
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from logframe.api.views.auth import TokenLogin
from logframe.api.views.evidence import EvidenceDetail, EvidenceFile, EvidenceList
from logframe.api.views.languages import ProjectLanguages
from logframe.api.views.manager import BeneficiaryDetail, BeneficiaryList, Texts
from logframe.api.views.projects import PeriodDetail, PeriodList, ProjectDetailView, ProjectList
from logframe.api.views.quarter import (
    FinanceDetail,
    FinanceList,
    FindingList,
    NarrativeDetail,
    NarrativeList,
    ValueDetail,
    ValueList,
)
from logframe.api.views.snapshots import SnapshotDocument, SnapshotList
from logframe.api.views.workflow import Approve, Reopen, Return, Submit

PROJECT = "projects/<str:number>/"
PERIOD = PROJECT + "periods/<str:period>/"
VALUE = PERIOD + "values/<str:indicator>/"


def unknown(request: HttpRequest, rest: str = "") -> JsonResponse:
    """Any other /api/ address: the one error body, and a hint for a missing slash."""
    message = f"No API endpoint at {request.path}; they are listed at /api/docs/."
    try:
        if resolve(request.path + "/").func is not unknown:
            message = f"No API endpoint at {request.path}: add a trailing slash."
    except Resolver404:
        pass
    error = {"code": "not_found", "message": message, "fields": {}}
    return JsonResponse({"error": error}, status=404)


urlpatterns = [
    path("token/", TokenLogin.as_view(), name="api-token"),
    path("projects/", ProjectList.as_view(), name="api-projects"),
    path(PROJECT, ProjectDetailView.as_view(), name="api-project"),
    path(PROJECT + "languages/", ProjectLanguages.as_view(), name="api-project-languages"),
    path(PROJECT + "periods/", PeriodList.as_view(), name="api-periods"),
    path(PERIOD, PeriodDetail.as_view(), name="api-period"),
    path(PERIOD + "values/", ValueList.as_view(), name="api-values"),
    path(VALUE, ValueDetail.as_view(), name="api-value"),
    path(PERIOD + "findings/", FindingList.as_view(), name="api-findings"),
    path(PERIOD + "finance/", FinanceList.as_view(), name="api-finance"),
    path(PERIOD + "finance/<str:organisation>/", FinanceDetail.as_view(), name="api-finance-line"),
    path(PERIOD + "narratives/", NarrativeList.as_view(), name="api-narratives"),
    path(PERIOD + "narratives/<str:output>/", NarrativeDetail.as_view(), name="api-narrative"),
    path(VALUE + "evidence/", EvidenceList.as_view(), name="api-evidence"),
    path(VALUE + "evidence/<int:evidence>/", EvidenceDetail.as_view(), name="api-evidence-item"),
    path(VALUE + "evidence/<int:evidence>/file/", EvidenceFile.as_view(), name="api-evidence-file"),
    path(PERIOD + "beneficiaries/", BeneficiaryList.as_view(), name="api-beneficiaries"),
    path(PERIOD + "beneficiaries/<str:group>/", BeneficiaryDetail.as_view(), name="api-group"),
    path(PERIOD + "texts/", Texts.as_view(), name="api-texts"),
    path(PERIOD + "submit/", Submit.as_view(), name="api-submit"),
    path(PERIOD + "approve/", Approve.as_view(), name="api-approve"),
    path(PERIOD + "return/", Return.as_view(), name="api-return"),
    path(PERIOD + "reopen/", Reopen.as_view(), name="api-reopen"),
    path(PERIOD + "snapshots/", SnapshotList.as_view(), name="api-snapshots"),
    path(PERIOD + "snapshots/<int:snapshot>/", SnapshotDocument.as_view(), name="api-snapshot"),
    path(PERIOD + "activities/", include("logframe.api.views.activities")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    re_path(r"^(?P<rest>.*)$", unknown),
]
