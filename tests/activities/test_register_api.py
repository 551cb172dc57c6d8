"""The register through the API: its permission matrix (every write route, every role),
the quarter lock, stale versions, field errors in the one error body."""

from __future__ import annotations

from datetime import date

import pytest

from logframe.activities import models as a

pytestmark = pytest.mark.django_db

URL = "/api/projects/G11-23/periods/2013Q1/activities/"
ROLES = ("admin", "manager", "undp", "unops", "reviewer", "viewer", "stranger", "anonymous")


@pytest.fixture
def users(make_member, seed, django_user_model):  # type: ignore[no-untyped-def]
    return {
        "admin": make_member("admin", "fund_admin", seed, fund_wide=True),
        "manager": make_member("manager", "project_manager", seed, "UNDP"),
        "undp": make_member("undp", "focal_point", seed, "UNDP"),
        "unops": make_member("unops", "focal_point", seed, "UNOPS"),
        "reviewer": make_member("reviewer", "reviewer", seed, fund_wide=True),
        "viewer": make_member("viewer", "viewer", seed, fund_wide=True),
        "stranger": django_user_model.objects.create_user("stranger", password="x-long-pass"),
    }


def client_of(users, role):  # type: ignore[no-untyped-def]
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    client = APIClient()
    if role != "anonymous":
        token, _ = Token.objects.get_or_create(user=users[role])
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def survey(q1) -> a.Activity:  # type: ignore[no-untyped-def]
    return a.Activity.objects.get(period=q1, type="survey")  # output 1.1: UNDP's alone


UNDP_LINE = {"admin", "manager", "undp"}
NEW = {"type": "workshop", "title": "Gender workshop", "start": "2013-03-05", "end": "2013-03-06",
       "place": "IQG11", "output": "1.1", "male": 10, "female": 12}  # fmt: skip
WRITES = {
    "create": ("post", "", lambda row: NEW, 201),
    "update": ("patch", "{pk}/", lambda row: {"total": 50, "version": row.version}, 200),
    "decide": ("post", "{pk}/decision/", lambda row: {"status": "confirmed",
                                                       "version": row.version}, 200),
}  # fmt: skip


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("write", sorted(WRITES))
def test_matrix(users, q1, role, write) -> None:
    method, path, body, ok = WRITES[write]
    row = survey(q1)
    answer = getattr(client_of(users, role), method)(
        URL + path.format(pk=row.pk), body(row), format="json"
    )
    expected = (
        ok if role in UNDP_LINE
        else 401 if role == "anonymous"
        else 404 if role == "stranger"
        else 403
    )  # fmt: skip
    assert answer.status_code == expected, answer.content
    if expected >= 400:
        assert set(answer.json()) == {"error"}


def test_every_route_of_the_register_is_in_the_matrix() -> None:
    from logframe.api.views import activities

    writes = {
        (p.name, m)
        for p in activities.urlpatterns
        for m in ("post", "put", "patch", "delete")
        if hasattr(p.callback.view_class, m)  # type: ignore[attr-defined]
    }
    assert writes == {
        ("api-activities", "post"), ("api-activity", "patch"), ("api-activity-decision", "post")
    }  # fmt: skip
    assert len(WRITES) == len(writes)


@pytest.mark.parametrize("state", ["submitted", "approved"])
def test_a_locked_quarter(users, q1, state) -> None:
    from logframe.portfolio.models import ReportingPeriod

    ReportingPeriod.objects.filter(pk=q1.pk).update(state=state)
    row = survey(q1)
    answer = client_of(users, "undp").post(
        URL + f"{row.pk}/decision/", {"status": "confirmed", "version": row.version},
        format="json",
    )  # fmt: skip
    assert answer.status_code == 409
    assert answer.json()["error"]["code"] == "quarter_locked"


def test_everyone_in_the_fund_reads(users, q1) -> None:
    for role in ("viewer", "reviewer", "unops"):
        answer = client_of(users, role).get(URL)
        assert answer.status_code == 200
        assert answer.json()["count"] == 9
    item = client_of(users, "viewer").get(URL).json()["results"][0]
    assert {"type", "title", "start", "end", "place", "output", "male", "female", "total",
            "status", "source", "version", "id"} <= set(item)  # fmt: skip


def test_confirm_stale_and_audit(users, q1) -> None:
    row = survey(q1)
    undp = client_of(users, "undp")
    answer = undp.post(URL + f"{row.pk}/decision/", {"status": "confirmed", "version": 1},
                       format="json")  # fmt: skip
    assert answer.json()["status"] == "confirmed"
    assert a.Activity.objects.get(pk=row.pk).history.first().history_change_reason == (
        "confirmed: entered through the API"
    )
    stale = undp.post(URL + f"{row.pk}/decision/", {"status": "rejected", "version": 1},
                      format="json")  # fmt: skip
    assert stale.status_code == 409
    assert stale.json()["error"]["code"] == "stale_version"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end": "2013-03-01"}, "end"),
        ({"start": "2013-02-30"}, "start"),
        ({"male": -1}, "male"),
        ({"female": 2.5}, "female"),
        ({"place": "Atlantis"}, "place"),
        ({"total": 3}, "male"),
        ({"colour": "red"}, "colour"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(users, q1, changes, field) -> None:
    before = a.Activity.objects.count()
    answer = client_of(users, "undp").post(URL, {**NEW, **changes}, format="json")
    assert answer.status_code == 400, answer.content
    assert field in answer.json()["error"]["fields"]
    assert a.Activity.objects.count() == before


def test_a_created_activity_reads_back(users, q1) -> None:
    answer = client_of(users, "undp").post(URL, NEW, format="json")
    made = answer.json()
    assert (made["place"], made["place_code"], made["total"], made["status"]) == (
        "Erbil", "IQG11", 22, "confirmed"
    )  # fmt: skip
    assert a.Activity.objects.get(pk=made["id"]).start == date(2013, 3, 5)
