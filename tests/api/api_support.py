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
