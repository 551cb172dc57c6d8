"""Reading and changing a quarter's values, finance and narratives through the API."""

from __future__ import annotations

from decimal import Decimal

import pytest
from api_support import PERIOD_URL, assert_error, stored_value

pytestmark = pytest.mark.django_db


def test_values_are_the_reports(api, users):
    """Every indicator, in the order of the result tree, with the report's % of planned."""
    body = api(users["viewer"]).get(PERIOD_URL + "values/", {"page_size": 100}).json()
    assert (body["project"], body["period"], body["state"]) == ("G11-23", "2013Q1", "open")
    assert (body["count"], body["next"], body["previous"]) == (51, None, None)
    values = {v["indicator"]: v for v in body["results"]}
    assert len(values) == 51
    assert list(values)[:2] == ["1.1.1", "1.1.2"]
    split = values["1.1.9"]
    assert (split["value"], split["male"], split["female"]) == ("498", "468", "28")
    assert split["actual_text"] == "498 (468 male / 28 female)"
    assert split["computed_pct_text"] == "100 %"  # 498 of 340, capped by the fund's rule
    assert split["version"] == 0
    milestone = values["1.1.1"]
    assert (milestone["status"], milestone["estimated_pct"]) == ("initiated", "8")
    assert milestone["computed_pct"] == "8"


def _patch(client, code, **body):
    return client.patch(PERIOD_URL + f"values/{code}/", body, format="json")


def test_a_patch_changes_the_fields_given_and_keeps_the_others(api, users):
    before = stored_value("1.1.9")
    response = _patch(api(users["undp"]), "1.1.9", female=30, version=before.version)
    assert response.status_code == 200, response.json()
    answer = response.json()
    assert (answer["value"], answer["male"], answer["female"]) == ("498", "468", "30")
    assert answer["version"] == before.version + 1
    stored = stored_value("1.1.9")
    assert (stored.value, stored.male, stored.female) == (Decimal(498), Decimal(468), Decimal(30))


def test_the_history_names_the_api_user(api, users):
    _patch(api(users["unops"]), "2.2.1", value="12", comment="counted again", version=0)
    last = stored_value("2.2.1").history.first()
    assert last.history_user == users["unops"]
    assert last.history_change_reason == "entered through the API"
    assert last.value == Decimal(12)
    assert last.comment == "counted again"


def test_a_stale_version_is_refused_with_the_value_saved_meanwhile(api, users):
    """Two scripts read version 0; the second save is refused, and told what the first saved."""
    first = _patch(api(users["undp"]), "1.1.9", value="510", male="480", version=0)
    assert first.status_code == 200
    second = _patch(api(users["manager"]), "1.1.9", value="499", version=0)
    error = assert_error(second, 409, "stale_version")
    assert error["message"].startswith("undp saved value 510, male 480, female 28 at ")
    assert error["message"].endswith(" UTC after the version you read; nothing was saved.")
    assert error["saved_by"] == "undp"
    assert error["saved_at"].startswith("20")
    assert error["current"]["value"] == "510"
    assert error["current"]["version"] == 1
    assert stored_value("1.1.9").value == Decimal(510)  # nothing overwritten


@pytest.mark.parametrize(
    ("body", "field", "words"),
    [
        ({"value": "lots"}, "value", "valid number"),
        ({"value": -3}, "value", "negative"),
        ({"male": "600", "female": "10"}, "male", "more than the total"),
        ({"status": "finished"}, "status", "not a valid choice"),
        ({"comment": "x" * 2001}, "comment", "2000"),
        ({"colour": "red"}, "colour", "unknown field"),
        ({"value": "1" * 20}, "value", "digits"),
        ({"version": -1}, "version", "greater than or equal to 0"),
        ({"version": 2**40}, "version", "less than or equal"),
    ],
)
def test_bad_fields_are_named(api, users, body, field, words):
    body = {"version": 0, **body}
    error = assert_error(_patch(api(users["manager"]), "1.1.9", **body), 400, "invalid")
    assert field in error["fields"]
    assert words in error["fields"][field]
    assert stored_value("1.1.9").version == 0


def test_the_version_is_required(api, users):
    error = assert_error(_patch(api(users["manager"]), "1.1.9", value="5"), 400, "invalid")
    assert error["fields"] == {"version": "This field is required."}


def test_fields_an_indicator_has_not_are_refused(api, users):
    """1.1.8 is a count not split by sex; status and % complete belong to milestones."""
    client = api(users["manager"])
    error = assert_error(_patch(client, "1.1.8", male=3, version=0), 400, "invalid")
    assert error["fields"] == {"male": "indicator 1.1.8 is not split by sex"}
    error = assert_error(_patch(client, "1.1.8", status="completed", version=0), 400, "invalid")
    assert "status" in error["fields"]


def test_a_milestone_takes_a_status_and_a_percent(api, users):
    response = _patch(api(users["undp"]), "1.1.1", status="completed", estimated_pct=None,
                      version=0)  # fmt: skip
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "completed"
    assert response.json()["computed_pct_text"] == "100 %"  # the fund's % for "completed"


def test_unknown_lines_are_404(api, users):
    client = api(users["manager"])
    assert_error(_patch(client, "9.9.9", value=1, version=0), 404, "not_found")
    response = client.patch(PERIOD_URL + "finance/WFP/", {"version": 0}, format="json")
    assert "WFP takes no part" in assert_error(response, 404, "not_found")["message"]
    response = client.patch(PERIOD_URL + "narratives/1/", {"version": 0}, format="json")
    assert_error(response, 404, "not_found")  # a JP output: its outputs have the narratives


def test_finance_patch(api, users):
    client = api(users["undp"])
    response = client.patch(
        PERIOD_URL + "finance/UNDP/",
        {"committed": 6_000_000, "forecast_final_date": "2013-12-31", "version": 0},
        format="json",
    )
    assert response.status_code == 200, response.json()
    line = response.json()
    assert (line["committed"], line["disbursed"]) == ("6000000", "5594796.22")
    assert line["forecast_final_date"] == "2013-12-31"
    assert line["committed_pct_text"] == "43.0 %"
    bad = client.patch(
        PERIOD_URL + "finance/UNDP/", {"forecast_final_date": "31/12/2013", "version": 1},
        format="json",
    )  # fmt: skip
    assert "forecast_final_date" in assert_error(bad, 400, "invalid")["fields"]
    late = client.patch(
        PERIOD_URL + "finance/UNDP/", {"forecast_final_date": "2200-01-01", "version": 1},
        format="json",
    )  # fmt: skip
    assert assert_error(late, 400, "invalid")["fields"] == {
        "forecast_final_date": "the date is out of range"
    }


def test_narrative_is_sanitised_by_the_service(api, users):
    response = api(users["manager"]).patch(
        PERIOD_URL + "narratives/1.1/",
        {"narrative": '<p onclick="x()">Held <b>3</b> trainings.<script>alert(1)</script></p>',
         "version": 0},
        format="json",
    )  # fmt: skip
    assert response.status_code == 200, response.json()
    narrative = response.json()["narrative"]
    assert "script" not in narrative
    assert "onclick" not in narrative
    assert "Held" in narrative


def test_findings_follow_the_figures(api, users):
    """The seed claims UNDP committed 41 % where 41.9 % is computed; enter 41 %'s worth."""
    client = api(users["manager"])

    def committed_findings():
        found = client.get(PERIOD_URL + "findings/", {"page_size": 200}).json()["results"]
        assert {"rule", "severity", "where", "message", "computed", "reported", "source"} == set(
            found[0]
        )
        return [f for f in found if f["where"] == "UNDP" and f["message"].startswith("Committed")]

    assert [f["rule"] for f in committed_findings()] == ["finance-pct-mismatch"]
    response = client.patch(
        PERIOD_URL + "finance/UNDP/", {"committed": "5718384.39", "version": 0}, format="json"
    )
    assert response.status_code == 200
    assert committed_findings() == []


def test_periods_show_state_and_snapshots(api, users):
    from logframe.portfolio.models import ReportingPeriod
    from logframe.workflow.transitions import period_submit

    period = ReportingPeriod.objects.get(project__number="G11-23")
    period_submit(period=period, actor=users["manager"])
    body = api(users["viewer"]).get("/api/projects/G11-23/periods/2013Q1/").json()
    assert body["state"] == "submitted"
    assert body["submitted_by"] == "manager"
    assert [s["event"] for s in body["snapshots"]] == ["submitted"]
