"""The register's findings stand wherever a quarter's findings are shown: the data-entry
page and its findings panel, the report, the API — not on the register's page only."""

from __future__ import annotations

import pytest

from logframe.domain.checks import rules
from logframe.domain.periods import Quarter
from logframe.portfolio import models as m
from logframe.reporting.assemble import project_report

pytestmark = pytest.mark.django_db

BASE = "/funds/UNDG-ITF/projects/G11-23/"
TWICE = {
    "type": "training", "title": "BRIDGE module 2", "start": "2013-03-10", "end": "2013-03-12",
    "place": "Erbil", "male": "12", "female": "8", "total": "20",
}  # fmt: skip


@pytest.fixture
def registered_twice(client, seed, undp):  # type: ignore[no-untyped-def]
    """The same training registered twice under output 1.3: a duplicate to find."""
    client.force_login(undp)
    output = m.Result.objects.get(project=seed, code="1.3")
    for _ in range(2):
        answer = client.post(BASE + "2013Q1/activities/", {**TWICE, "output": str(output.pk)})
        assert answer.status_code == 302
    return seed


def test_the_entry_page_and_its_panel_list_the_register_findings(client, registered_twice):
    page = client.get(BASE + "2013Q1/entry/").content.decode()
    panel = client.get(BASE + "2013Q1/entry/findings/").content.decode()
    assert rules.ACTIVITY_DUPLICATE in page or "BRIDGE module 2" in page
    assert "BRIDGE module 2" in panel


def test_the_report_lists_the_register_findings(registered_twice):
    report = project_report(project=registered_twice, quarter=Quarter.parse("2013Q1"))
    assert rules.ACTIVITY_DUPLICATE in {f.rule for f in report.findings}


def test_the_api_lists_the_register_findings(client, registered_twice):
    answer = client.get("/api/projects/G11-23/periods/2013Q1/findings/?page_size=200")
    assert answer.status_code == 200
    assert rules.ACTIVITY_DUPLICATE in {f["rule"] for f in answer.json()["results"]}
