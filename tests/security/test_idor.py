"""Ids of one project's rows tried through another project's URLs (IDOR): a member of
project B asks for project A's evidence, activity, attachment and snapshot by id."""

from __future__ import annotations

from dataclasses import replace

import pytest
from django.test import Client
from urlmap import world_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def second(example_record, loaded_project):
    """Project B: the seed again under another number, in the same fund."""
    from logframe.portfolio.services import project_import

    record = replace(example_record, number="G11-99")
    return project_import(record=record, actor=None, reason="test").project


@pytest.fixture
def b_manager(make_member, second):
    return make_member("b-manager", "project_manager", second, "UNDP")


B = "/funds/UNDG-ITF/projects/G11-99"
A = "/funds/UNDG-ITF/projects/G11-23"


def test_a_member_of_b_reaches_none_of_as_rows(loaded_project, second, b_manager, users):
    world = world_make(loaded_project, users["admin"])  # rows of project A
    client = Client()
    client.force_login(b_manager)
    tries = {
        f"{B}/evidence/{world['evidence']}/": "get",
        f"{B}/activity-files/{world['attachment']}/": "get",
        f"{B}/2013Q1/activities/{world['activity']}/": "get",
        f"{B}/2013Q1/activities/{world['activity']}/decide/": "post",
        f"{B}/2013Q1/entry/evidence/{world['evidence']}/remove/": "post",
        f"/api/projects/G11-99/periods/2013Q1/values/1.1.9/evidence/{world['evidence']}/": "get",
        f"/api/projects/G11-99/periods/2013Q1/values/1.1.9/evidence/{world['evidence']}/file/": "get",  # noqa: E501
        f"/api/projects/G11-99/periods/2013Q1/activities/{world['activity']}/": "get",
        f"{A}/evidence/{world['evidence']}/": "get",  # A itself: not a member
        "/api/projects/G11-23/periods/2013Q1/values/": "get",
    }
    answers = {path: getattr(client, method)(path).status_code for path, method in tries.items()}
    assert answers == dict.fromkeys(tries, 404)
    from logframe.activities.models import Activity
    from logframe.portfolio.models import Evidence

    assert Evidence.objects.filter(pk=world["evidence"]).exists()
    assert Activity.objects.get(pk=world["activity"]).status == "confirmed"


def test_an_api_body_cannot_move_a_write_to_another_project(loaded_project, second, b_manager):
    """The project is the URL's; a body naming another project or period changes nothing."""
    from logframe.portfolio.models import ReportingPeriod

    client = Client()
    client.force_login(b_manager)
    period_a = ReportingPeriod.objects.get(project=loaded_project, year=2013, quarter=1)
    before = period_a.summary
    response = client.patch(
        "/api/projects/G11-99/periods/2013Q1/texts/",
        {"summary": "<p>Moved?</p>", "version": 0, "project": "G11-23", "period": period_a.pk},
        content_type="application/json",
    )
    assert response.status_code in {200, 400}
    period_a.refresh_from_db()
    assert period_a.summary == before
