"""The project list (visibility, filters, pagination) and a project with its result tree."""

from __future__ import annotations

import dataclasses

import pytest
from api_support import assert_error

pytestmark = pytest.mark.django_db


@pytest.fixture
def more_projects(loaded_project, example_record):
    """G11-23 again in another fund, and projects G90-01…G90-11 of that fund (UNOPS only)."""
    from logframe.domain.records import ParticipationRecord, Role
    from logframe.portfolio.services import project_import

    other_fund = dataclasses.replace(example_record.fund, code="MPTF-X", name="Another fund")
    project_import(record=dataclasses.replace(example_record, fund=other_fund), actor=None)
    unops = ParticipationRecord(organisation="UNOPS", role=Role.LEAD)
    for n in range(1, 12):
        record = dataclasses.replace(
            example_record,
            fund=other_fund,
            number=f"G90-{n:02d}",
            sector="Health" if n % 2 else "Governance",
            participations=(unops,),
            results=(),
            periods=(),
        )
        project_import(record=record, actor=None)


def _numbers(response) -> list[tuple[str, str]]:
    assert response.status_code == 200, response.json()
    return [(p["fund"], p["number"]) for p in response.json()["results"]]


def test_people_see_their_funds_projects_only(api, users, more_projects):
    assert _numbers(api(users["viewer"]).get("/api/projects/")) == [("UNDG-ITF", "G11-23")]
    assert _numbers(api(users["undp"]).get("/api/projects/")) == [("UNDG-ITF", "G11-23")]


def test_a_superuser_sees_all_pages(api, users, more_projects, django_user_model):
    root = django_user_model.objects.create_superuser("root", password="x-long-pass")
    client = api(root)
    first = client.get("/api/projects/", {"page_size": 5})
    body = first.json()
    assert body["count"] == 13
    assert _numbers(first)[:2] == [("MPTF-X", "G11-23"), ("MPTF-X", "G90-01")]
    assert body["next"].endswith("page=2&page_size=5")
    last = client.get("/api/projects/", {"page_size": 5, "page": 3})
    assert _numbers(last) == [("MPTF-X", "G90-10"), ("MPTF-X", "G90-11"), ("UNDG-ITF", "G11-23")]
    assert last.json()["next"] is None
    assert_error(client.get("/api/projects/", {"page": 9}), 404, "not_found")
    too_many = client.get("/api/projects/", {"page_size": 10_000}).json()
    assert len(too_many["results"]) == 13  # at most 200 a page


def test_filters(api, users, more_projects, django_user_model):
    client = api(django_user_model.objects.create_superuser("root", password="x-long-pass"))
    by_fund = _numbers(client.get("/api/projects/", {"fund": "undg-itf"}))
    assert by_fund == [("UNDG-ITF", "G11-23")]
    health = _numbers(client.get("/api/projects/", {"sector": "health"}))
    assert [n for _, n in health] == ["G90-01", "G90-03", "G90-05", "G90-07", "G90-09", "G90-11"]
    undp = _numbers(client.get("/api/projects/", {"organisation": "UNDP"}))
    assert undp == [("MPTF-X", "G11-23"), ("UNDG-ITF", "G11-23")]
    both = _numbers(client.get("/api/projects/", {"organisation": "undp", "fund": "MPTF-X"}))
    assert both == [("MPTF-X", "G11-23")]
    assert _numbers(client.get("/api/projects/", {"fund": "nothing"})) == []


def test_a_number_in_two_funds_needs_the_fund(api, users, more_projects, django_user_model):
    client = api(django_user_model.objects.create_superuser("root", password="x-long-pass"))
    error = assert_error(client.get("/api/projects/G11-23/"), 400, "invalid")
    assert error["fields"] == {
        "fund": "project G11-23 is in funds MPTF-X, UNDG-ITF: add ?fund=CODE"
    }
    assert client.get("/api/projects/G11-23/?fund=MPTF-X").json()["fund"] == "MPTF-X"
    values = client.get("/api/projects/G11-23/periods/2013Q1/values/?fund=UNDG-ITF")
    assert values.json()["fund"] == "UNDG-ITF"
    # someone who sees one of the two is not asked
    assert api(users["viewer"]).get("/api/projects/G11-23/").json()["fund"] == "UNDG-ITF"


def test_the_result_tree(api, users):
    body = api(users["reviewer"]).get("/api/projects/G11-23/").json()
    assert body["title"].startswith("Institutional Development Support")
    assert [r["code"] for r in body["results"]] == ["1", "2", "3"]
    first = body["results"][0]
    assert first["level"] == "jp_output"
    assert [o["code"] for o in first["children"]] == ["1.1", "1.2", "1.3"]
    output = first["children"][2]
    assert (output["lead"], output["partners"]) == ("UNDP", ["UNOPS"])
    indicator = output["indicators"][0]
    assert indicator["code"] == "1.3.1"
    assert set(indicator["target"]) == {"kind", "value", "milestone", "note"}
    counts = [i for o in first["children"] for i in o["indicators"] if i["code"] == "1.1.9"]
    assert counts[0]["target"] == {"kind": "number", "value": "340", "milestone": "", "note": ""}
    assert [p["organisation"] for p in body["participations"]] == ["UNDP", "UNOPS"]
    assert body["periods"] == [{"period": "2013Q1", "state": "open"}]


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/api/projects/G99-99/", "no project G99-99"),
        ("/api/projects/G11-23/periods/2014Q1/", "has no period 2014Q1"),
        ("/api/projects/G11-23/periods/2013Q5/values/", "not a quarter"),
        ("/api/projects/G11-23/periods/last/findings/", "not a quarter"),
        ("/api/projects/G11-23/periods/2013Q1/values/1.1.99/", "no indicator 1.1.99"),
        ("/api/projects/G11-23/periods/2013Q1/narratives/9.9/", "no output 9.9"),
        ("/api/projects/G11-23/?fund=%00", "no fund"),
        ("/api/projects/G%0011-23/", "no project"),  # NUL: PostgreSQL refuses it in a query
        ("/api/projects/G11-23/periods/2013Q1/values/1.1%00.9/", "no indicator"),
        ("/api/projects/G11-23/periods/2013Q1/finance/UN%00DP/", "no organisation"),
    ],
)
def test_unknown_things_are_404(api, users, path, words):
    error = assert_error(api(users["admin"]).get(path), 404, "not_found")
    assert words.lower() in error["message"].lower()
