"""The quarter's workflow through the API: the web's services, the API's reason in the
history, 409 for a move the quarter's state does not allow or a stale version, 400 for a
missing comment or reason."""

from __future__ import annotations

import pytest
from api_support import PERIOD_URL, assert_error, set_state

pytestmark = pytest.mark.django_db

PERIODS_URL = "/api/projects/G11-23/periods/"


def _period():
    from logframe.portfolio.models import ReportingPeriod

    return ReportingPeriod.objects.get(project__number="G11-23", year=2013, quarter=1)


def test_submit_approve_with_the_api_reason_and_snapshots(api, users):
    submitted = api(users["manager"]).post(PERIOD_URL + "submit/", {"version": 0}, format="json")
    assert submitted.status_code == 200, submitted.json()
    body = submitted.json()
    assert (body["state"], body["submitted_by"], body["version"]) == ("submitted", "manager", 1)
    assert [s["event"] for s in body["snapshots"]] == ["submitted"]
    history = _period().history.first()
    assert history.history_user == users["manager"]
    assert history.history_change_reason == "submitted for review (entered through the API)"

    approved = api(users["reviewer"]).post(PERIOD_URL + "approve/", format="json")
    assert approved.status_code == 200, approved.json()
    assert (approved.json()["state"], approved.json()["approved_by"]) == ("approved", "reviewer")
    assert _period().history.first().history_change_reason == "approved (entered through the API)"
    snapshots = api(users["viewer"]).get(PERIOD_URL + "snapshots/").json()
    assert [(s["number"], s["event"]) for s in snapshots["results"]] == [
        (1, "submitted"), (2, "approved")
    ]  # fmt: skip
    document = api(users["viewer"]).get(PERIOD_URL + "snapshots/2/")
    assert document.status_code == 200
    assert document.json()["format"] == "logframe-project"
    project = document.json()["project"]
    assert project["number"] == "G11-23"
    assert [p["quarter"] for p in project["periods"]] == ["2013Q1"]
    assert_error(api(users["viewer"]).get(PERIOD_URL + "snapshots/9/"), 404, "not_found")


def test_a_move_the_state_does_not_allow_is_409(api, users):
    response = api(users["reviewer"]).post(PERIOD_URL + "approve/", {}, format="json")
    error = assert_error(response, 409, "wrong_state")
    assert error["state"] == "open"
    assert "2013Q1 is open: it cannot be approved" in error["message"]
    set_state("approved")
    error = assert_error(api(users["manager"]).post(PERIOD_URL + "submit/"), 409, "wrong_state")
    assert error["state"] == "approved"
    assert _period().snapshots.count() == 0


def test_a_stale_version_of_the_quarter_is_409(api, users):
    """The manager read version 0; the texts were saved since (version 1): not submitted."""
    client = api(users["manager"])
    assert client.patch(PERIOD_URL + "texts/", {"summary": "<p>x</p>", "version": 0},
                        format="json").status_code == 200  # fmt: skip
    error = assert_error(client.post(PERIOD_URL + "submit/", {"version": 0}, format="json"),
                         409, "stale_version")  # fmt: skip
    assert error["current"]["version"] == 1
    assert error["current"]["state"] == "open"
    assert error["message"] == (
        f"2013Q1 changed after the version you read (by manager at {error['saved_at'][11:16]} "
        "UTC): it is open, version 1; nothing was done."
    )
    assert _period().state == "open"


def test_return_needs_a_comment_and_reopen_a_reason(api, users):
    set_state("submitted")
    reviewer = api(users["reviewer"])
    error = assert_error(reviewer.post(PERIOD_URL + "return/", {"comment": " "}, format="json"),
                         400, "invalid")  # fmt: skip
    assert error["fields"] == {"comment": "say what must change before it can be approved"}
    missing = assert_error(reviewer.post(PERIOD_URL + "return/", {}, format="json"), 400,
                           "invalid")  # fmt: skip
    assert missing["fields"] == {"comment": "This field is required."}
    returned = reviewer.post(PERIOD_URL + "return/", {"comment": "Sources?"}, format="json")
    assert (returned.json()["state"], returned.json()["review_comment"]) == ("returned", "Sources?")
    assert _period().history.first().history_change_reason == (
        "returned: Sources? (entered through the API)"
    )

    set_state("approved")
    admin = api(users["admin"])
    error = assert_error(admin.post(PERIOD_URL + "reopen/", {"reason": ""}, format="json"), 400,
                         "invalid")  # fmt: skip
    assert error["fields"] == {"reason": "a reopened quarter needs a written reason"}
    reopened = admin.post(PERIOD_URL + "reopen/", {"reason": "A typo."}, format="json")
    assert reopened.json()["state"] == "open"
    assert reopened.json()["snapshots"][-1]["note"] == "A typo."
    assert _period().history.first().history_change_reason == (
        "reopened: A typo. (entered through the API)"
    )


def test_opening_the_next_quarter(api, users):
    manager = api(users["manager"])
    error = assert_error(manager.post(PERIODS_URL, {}, format="json"), 409, "cannot_open")
    assert "2013Q1 is still open: submit it first" in error["message"]
    manager.post(PERIOD_URL + "submit/", format="json")
    opened = manager.post(PERIODS_URL, format="json")
    assert opened.status_code == 201, opened.json()
    assert opened.json()["period"] == "2013Q2"
    assert opened["Location"].endswith(PERIODS_URL + "2013Q2/")
    assert api(users["viewer"]).get(opened["Location"]).json()["state"] == "open"
    listed = api(users["viewer"]).get(PERIODS_URL).json()
    assert [p["period"] for p in listed["results"]] == ["2013Q1", "2013Q2"]
    from logframe.portfolio.models import ReportingPeriod

    row = ReportingPeriod.objects.get(project__number="G11-23", year=2013, quarter=2)
    assert (
        row.history.first().history_change_reason == "opened after 2013Q1 (entered through the API)"
    )
    values = api(users["viewer"]).get(PERIODS_URL + "2013Q2/values/1.1.9/").json()
    assert values["value"] == "498"  # a cumulative indicator, carried forward
    again = assert_error(manager.post(PERIODS_URL, format="json"), 409, "cannot_open")
    assert "2013Q2 is still open" in again["message"]
    unknown = assert_error(manager.post(PERIODS_URL, {"quarter": "2014Q1"}, format="json"), 400,
                           "invalid")  # fmt: skip
    assert "quarter" in unknown["fields"]
