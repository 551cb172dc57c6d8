"""The entry page costs a fixed number of queries, however large the project."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from entry_support import HTMX, period_of, url, value_data

from logframe.portfolio import models as m

pytestmark = pytest.mark.django_db

MOST = 24  # the page's queries, at most: session, user, access (3 to 5), the sheet (17)


def queries(client, path: str, **extra) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, **extra)
    assert response.status_code == 200
    return len(captured.captured_queries)


def grow(project: m.Project, *, outputs: int, indicators: int) -> None:
    """More outputs, each with indicators, values, evidence and a narrative."""
    period = period_of()
    parent = project.results.get(code="3")
    lead = m.Organisation.objects.get(code="UNOPS")
    for o in range(outputs):
        result = m.Result.objects.create(
            project=project, parent=parent, level="output", code=f"3.{o + 2}",
            text=f"Extra output {o}", lead=lead, position=100 + o,
        )  # fmt: skip
        result.partners.add(m.Organisation.objects.get(code="UNDP"))
        m.ResultProgress.objects.create(period=period, result=result, narrative="<p>x</p>")
        for i in range(indicators):
            indicator = m.Indicator.objects.create(
                result=result, code=f"3.{o + 2}.{i + 1}", text="Extra", measure="count",
                disaggregation="sex", target_kind="number", target_value=10, position=i,
            )  # fmt: skip
            value = m.IndicatorValue.objects.create(
                period=period, indicator=indicator, value=Decimal(4), male=1, female=2
            )
            m.Evidence.objects.create(
                indicator_value=value, file=ContentFile(b"x", name="x"), name="x.txt",
                content_type="text/plain", size=1, sha256="0" * 64,
            )  # fmt: skip


@pytest.mark.parametrize("role", ["manager", "undp", "viewer"])
def test_the_page_costs_the_same_for_a_larger_project(
    as_user, loaded_project, manager, undp, viewer, role
):
    client = as_user({"manager": manager, "undp": undp, "viewer": viewer}[role])
    seed = queries(client, url("project-entry"))
    grow(loaded_project, outputs=3, indicators=6)
    larger = queries(client, url("project-entry"))
    assert larger == seed
    assert seed <= MOST


def test_a_save_costs_the_same_for_a_larger_project(as_user, loaded_project, manager):
    client = as_user(manager)

    def save(value: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.post(
                url("entry-value", code="1.1.8"), value_data("1.1.8", value=value), **HTMX
            )
        assert response.status_code == 200
        return len(captured.captured_queries)

    seed = save("14")
    grow(loaded_project, outputs=3, indicators=6)
    assert save("15") == seed


def test_the_findings_panel_costs_the_same_for_a_larger_project(as_user, loaded_project, manager):
    client = as_user(manager)
    seed = queries(client, url("entry-findings"), **HTMX)
    grow(loaded_project, outputs=3, indicators=6)
    assert queries(client, url("entry-findings"), **HTMX) == seed
