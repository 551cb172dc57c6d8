"""Snapshots of a quarter: their differences (pure) and the pages that show them."""

from __future__ import annotations

import copy

import pytest

from logframe.interchange.projectfile import parse_project_document, project_document
from logframe.portfolio import models as m
from logframe.portfolio.audit import Change, snapshot_diff
from tests.audit.audit_records import with_values

SNAPSHOTS = "/funds/UNDG-ITF/projects/G11-23/2013Q1/snapshots/"


def _document() -> dict:
    """A small project document with one quarter, as a snapshot holds it."""
    return {
        "format": "logframe-project",
        "version": 1,
        "project": {
            "fund": {"code": "F", "name": "Fund"},
            "number": "P-1",
            "title": "A project",
            "organisations": [
                {"code": "UNDP", "name": "UNDP"},
                {"code": "UNOPS", "name": "UNOPS"},
            ],
            "participations": [{"organisation": "UNDP", "role": "lead"}],
            "results": [
                {
                    "code": "1",
                    "text": "JP output",
                    "level": "jp_output",
                    "children": [
                        {
                            "code": "1.1",
                            "text": "Output",
                            "level": "output",
                            "lead": "UNDP",
                            "indicators": [
                                {
                                    "code": "1.1.1",
                                    "text": "Kept",
                                    "measure": "count",
                                    "target": {"kind": "number", "value": "10"},
                                },
                                {
                                    "code": "1.1.2",
                                    "text": "Dropped",
                                    "measure": "count",
                                    "target": {"kind": "number", "value": "5"},
                                },
                            ],
                        }
                    ],
                }
            ],
            "periods": [
                {
                    "quarter": "2013Q1",
                    "values": [
                        {"indicator": "1.1.1", "actual": {"value": "4"}},
                        {"indicator": "1.1.2", "actual": {"value": "1"}},
                    ],
                    "finance": [{"organisation": "UNDP", "committed": "100"}],
                }
            ],
        },
    }


def test_snapshot_diff_matches_lines_by_their_natural_keys():
    old = _document()
    new = copy.deepcopy(old)
    project = new["project"]
    period = project["periods"][0]
    period["values"] = [{"indicator": "1.1.1", "actual": {"value": "6"}}]  # 1.1.2's value gone
    period["finance"].insert(0, {"organisation": "UNOPS", "committed": "50", "disbursed": "20"})
    indicators = project["results"][0]["children"][0]["indicators"]
    indicators.pop()  # 1.1.2 removed
    assert snapshot_diff(old, new) == [
        Change("Indicator 1.1.1 value, 2013Q1", "actual.value", "4", "6", "changed"),
        Change("Finance UNOPS, 2013Q1", "", "", "committed: 50; disbursed: 20", "added"),
        Change("Indicator 1.1.2", "", "output: 1.1; text: Dropped; measure: count; "
               "target.kind: number; target.value: 5", "", "removed"),
        Change("Indicator 1.1.2 value, 2013Q1", "", "actual.value: 1", "", "removed"),
    ]  # fmt: skip


def test_the_hand_made_document_is_a_valid_project_file():
    assert parse_project_document(_document(), source="test").number == "P-1"


def test_snapshot_diff_of_a_document_with_itself_is_empty():
    assert snapshot_diff(_document(), _document()) == []


def test_snapshot_diff_sees_fields_added_nested_and_moved():
    old = _document()
    new = copy.deepcopy(old)
    new["project"]["periods"][0]["state"] = "submitted"
    new["project"]["results"][0]["children"][0]["partners"] = ["UNOPS"]
    new["project"]["fund"]["conventions"] = {"cap_at_100": False}
    assert snapshot_diff(old, new) == [
        Change("Project", "fund.conventions.cap_at_100", "", "no", "changed"),
        Change("Output 1.1", "partners", "", "UNOPS", "changed"),
        Change("Quarter 2013Q1", "state", "", "submitted", "changed"),
    ]


@pytest.fixture
def snapshots(db, example_record, loaded_project, make_member):
    manager = make_member("manager", "project_manager", loaded_project, "UNDP")
    period = loaded_project.periods.get()
    first = project_document(example_record)
    second = project_document(with_values(example_record, {"1.1.9": {"value": 500}}))
    m.PeriodSnapshot.objects.create(
        period=period, number=1, event="submitted", created_by=manager, document=first
    )
    m.PeriodSnapshot.objects.create(
        period=period, number=2, event="approved", created_by=None, note="ok", document=second
    )
    return manager


def test_the_snapshot_list_shows_number_event_who_when_and_note(client, snapshots):
    client.force_login(snapshots)
    page = client.get(SNAPSHOTS).content.decode()
    assert "submitted" in page
    assert "approved" in page
    assert "manager" in page
    assert "command line" in page
    assert f"{SNAPSHOTS}1/2/" in page
    assert f"{SNAPSHOTS}2/report.html" in page


def test_the_diff_page_shows_the_changed_value(client, snapshots):
    client.force_login(snapshots)
    page = client.get(f"{SNAPSHOTS}1/2/").content.decode()
    assert "Indicator 1.1.9 value, 2013Q1" in page
    assert "actual.value" in page
    assert '<del dir="auto">498</del>' in page
    assert '<ins dir="auto">500</ins>' in page
    assert client.get(f"{SNAPSHOTS}1/9/").status_code == 404


def test_the_snapshot_report_is_the_report_as_submitted(client, snapshots):
    m.IndicatorValue.objects.filter(indicator__code="1.1.9").update(value=1)  # changed since
    client.force_login(snapshots)
    response = client.get(f"{SNAPSHOTS}2/report.html")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith("<!DOCTYPE html>")
    assert "G11-23 2013Q1 progress report" in html
    assert "500 reported, but 468 male + 28 female = 496." in html  # the snapshot's value


def test_a_broken_snapshot_says_so(client, snapshots):
    m.PeriodSnapshot.objects.create(  # snapshots cannot be changed: a broken one is added
        period=m.PeriodSnapshot.objects.get(number=2).period,
        number=3,
        event="approved",
        document={"format": "other"},
    )
    client.force_login(snapshots)
    response = client.get(f"{SNAPSHOTS}3/report.html")
    assert response.status_code == 500
    assert "cannot be rebuilt" in response.content.decode()


def test_strangers_see_no_snapshot(client, snapshots, django_user_model):
    stranger = django_user_model.objects.create_user("stranger", password="a-long-test-password")
    client.force_login(stranger)
    for url in (SNAPSHOTS, f"{SNAPSHOTS}1/2/", f"{SNAPSHOTS}1/report.html"):
        assert client.get(url).status_code == 404, url
