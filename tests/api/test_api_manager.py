"""The manager's lines through the API: beneficiaries per group and the quarter's texts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from api_support import PERIOD_URL, assert_error

pytestmark = pytest.mark.django_db


def test_beneficiaries_are_the_reports(api, users):
    body = api(users["viewer"]).get(PERIOD_URL + "beneficiaries/").json()
    assert (body["period"], body["count"]) == ("2013Q1", 7)
    groups = [b["group"] for b in body["results"]]
    assert groups == ["men", "women", "children", "idps", "others", "indirect", "employment"]
    men = body["results"][0]
    assert men["label"] == "Men"
    assert (men["target"], men["actual"]) == ("1471", "1459")
    assert men["computed_pct"].startswith("99.18")
    assert men["computed_pct_text"] == "99 %"  # 1,459 of 1,471, at the fund's 0 decimals
    one = api(users["viewer"]).get(PERIOD_URL + "beneficiaries/men/").json()
    assert one == men


def test_a_beneficiary_patch(api, users):
    client = api(users["manager"])
    response = client.patch(PERIOD_URL + "beneficiaries/women/", {"actual": 30, "version": 0},
                            format="json")  # fmt: skip
    assert response.status_code == 200, response.json()
    women = response.json()
    assert women["actual"] == "30"
    assert women["version"] == 1
    from logframe.portfolio.models import BeneficiaryFigure

    row = BeneficiaryFigure.objects.get(period__project__number="G11-23", group="women")
    assert row.actual == Decimal(30)
    last = row.history.first()
    assert (last.history_user, last.history_change_reason) == (
        users["manager"], "entered through the API"
    )  # fmt: skip
    stale = client.patch(PERIOD_URL + "beneficiaries/women/", {"actual": 31, "version": 0},
                         format="json")  # fmt: skip
    error = assert_error(stale, 409, "stale_version")
    assert error["current"]["actual"] == "30"
    bad = client.patch(PERIOD_URL + "beneficiaries/women/", {"target": -1, "version": 1},
                       format="json")  # fmt: skip
    assert assert_error(bad, 400, "invalid")["fields"] == {
        "target": "a number of people cannot be negative"
    }
    error = assert_error(client.get(PERIOD_URL + "beneficiaries/elders/"), 404, "not_found")
    assert "the groups are men, women" in error["message"]


def test_the_quarters_texts(api, users):
    client = api(users["manager"])
    before = client.get(PERIOD_URL + "texts/").json()
    assert set(before) == {"project", "period", "state", "summary", "constraints",
                           "procurement", "version"}  # fmt: skip
    response = client.patch(
        PERIOD_URL + "texts/",
        {"summary": "<p onclick='x()'>On track.<script>x()</script></p>", "version": 0},
        format="json",
    )
    assert response.status_code == 200, response.json()
    texts = response.json()
    assert texts["summary"] == "<p>On track.</p>"
    assert texts["constraints"] == before["constraints"]  # not given: kept
    assert texts["version"] == 1
    from logframe.portfolio.models import ReportingPeriod

    history = ReportingPeriod.objects.get(project__number="G11-23").history.first()
    assert history.history_change_reason == "entered through the API"
    error = assert_error(
        client.patch(PERIOD_URL + "texts/", {"constraints": "", "version": 0}, format="json"),
        409, "stale_version",
    )  # fmt: skip
    assert error["current"]["summary"] == "<p>On track.</p>"
    error = assert_error(
        client.patch(PERIOD_URL + "texts/", {"summary": 3, "title": "x", "version": 1},
                     format="json"),
        400, "invalid",
    )  # fmt: skip
    assert set(error["fields"]) == {"title"}
    assert_error(
        api(users["undp"]).patch(PERIOD_URL + "texts/", {"version": 1}, format="json"),
        403, "permission_denied",
    )  # fmt: skip
