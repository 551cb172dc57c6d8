"""Helpers of the API tests: the seed's names, the quarter's state, the one error body."""

from __future__ import annotations

FUND, NUMBER, QUARTER = "UNDG-ITF", "G11-23", "2013Q1"
PERIOD_URL = f"/api/projects/{NUMBER}/periods/{QUARTER}/"
ROLES = ("admin", "manager", "undp", "unops", "reviewer", "viewer")


def set_state(state: str) -> None:
    from logframe.portfolio.models import ReportingPeriod

    ReportingPeriod.objects.filter(project__number=NUMBER, year=2013, quarter=1).update(state=state)


def stored_value(code: str):
    from logframe.portfolio.models import IndicatorValue

    return IndicatorValue.objects.filter(
        period__project__number=NUMBER, indicator__code=code
    ).first()


def assert_error(response, status: int, code: str) -> dict:
    """The one error body: {"error": {"code", "message", "fields"}}; returns the error."""
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    error = body["error"]
    assert {"code", "message", "fields"} <= set(error)
    assert error["code"] == code, error
    assert error["message"].strip()
    assert isinstance(error["fields"], dict)
    return error


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pdf_upload(name: str = "attendance list.pdf", content: bytes = PDF):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def attach_evidence(actor, code: str = "1.1.9"):
    """A PDF attached to the seed's value of ``code`` through the web's service."""
    from logframe.portfolio.models import Indicator, ReportingPeriod
    from logframe.workflow.evidence import evidence_attach

    period = ReportingPeriod.objects.get(project__number=NUMBER, year=2013, quarter=1)
    indicator = Indicator.objects.get(result__project=period.project, code=code)
    return evidence_attach(
        period=period, indicator=indicator, upload=pdf_upload(), description="", actor=actor
    )
