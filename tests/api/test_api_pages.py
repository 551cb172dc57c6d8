"""Every list is paged as /api/projects/ is, and a read costs the same number of queries
whatever the size of the project: a single line a few, a list a fixed number."""

from __future__ import annotations

import dataclasses

import pytest
from api_support import PERIOD_URL, assert_error, attach_evidence

pytestmark = pytest.mark.django_db

LISTS = ["values/", "findings/", "finance/", "narratives/", "beneficiaries/", "snapshots/",
         "values/1.1.9/evidence/"]  # fmt: skip


@pytest.mark.parametrize("path", LISTS)
def test_every_list_under_a_quarter_is_paged(api, users, path):
    from logframe.portfolio.models import ReportingPeriod
    from logframe.workflow.snapshots import snapshot_take

    period = ReportingPeriod.objects.get(project__number="G11-23")
    for _ in range(2):  # two of each, so that a page of one has a next page
        attach_evidence(users["manager"])
        snapshot_take(period=period, event="submitted", actor=users["manager"])
    client = api(users["viewer"])
    whole = client.get(PERIOD_URL + path, {"page_size": 200}).json()
    assert (whole["project"], whole["fund"], whole["period"]) == ("G11-23", "UNDG-ITF", "2013Q1")
    assert whole["count"] == len(whole["results"]) >= 2
    first = client.get(PERIOD_URL + path, {"page_size": 1}).json()
    assert (first["count"], len(first["results"]), first["previous"]) == (whole["count"], 1, None)
    assert first["next"].endswith("page=2&page_size=1")
    assert first["results"][0] == whole["results"][0]
    second = client.get(first["next"]).json()
    assert second["results"][0] == whole["results"][1]
    assert_error(client.get(PERIOD_URL + path, {"page": whole["count"] + 1, "page_size": 1}),
                 404, "not_found")  # fmt: skip


def test_values_come_fifty_a_page_and_whole_across_pages(api, users):
    client = api(users["viewer"])
    first = client.get(PERIOD_URL + "values/").json()
    assert (first["count"], len(first["results"])) == (51, 50)
    second = client.get(first["next"]).json()
    assert [v["indicator"] for v in second["results"]] == ["3.1.10"]
    assert second["next"] is None
    capped = client.get(PERIOD_URL + "values/", {"page_size": 10_000}).json()
    assert len(capped["results"]) == 51  # at most 200 a page


def test_one_value_is_the_same_as_in_the_list(api, users):
    """The single read builds the row by the same rules as the list: every field agrees."""
    client = api(users["viewer"])
    listed = client.get(PERIOD_URL + "values/", {"page_size": 200}).json()["results"]
    for item in listed:
        assert client.get(PERIOD_URL + f"values/{item['indicator']}/").json() == item
    finance = client.get(PERIOD_URL + "finance/").json()["results"]
    for line in finance:
        assert client.get(PERIOD_URL + f"finance/{line['organisation']}/").json() == line
    narratives = client.get(PERIOD_URL + "narratives/").json()["results"]
    for narrative in narratives:
        assert client.get(PERIOD_URL + f"narratives/{narrative['output']}/").json() == narrative


# ---- queries ----------------------------------------------------------------------------

READS = ["values/", "values/1.1.9/", "findings/", "finance/", "finance/UNDP/", "narratives/",
         "narratives/1.1/", "beneficiaries/", "beneficiaries/men/", "texts/", "snapshots/",
         "values/1.1.9/evidence/", ""]  # fmt: skip
WRITES = [
    ("values/1.1.9/", {"value": "500"}),
    ("finance/UNDP/", {"committed": "6000000"}),
    ("narratives/1.1/", {"narrative": "<p>x</p>"}),
    ("beneficiaries/men/", {"actual": 9}),
]
SINGLE_LINE_MAX = 12  # token, project, access, quarter, the line and its parts


def _grown(record, times: int):
    """The project with its result tree copied ``times`` more (codes prefixed 1…, 2…), each
    copied indicator with its value and each output with its narrative."""

    def copy(result, prefix):
        return dataclasses.replace(
            result,
            code=prefix + result.code,
            activities=tuple(dataclasses.replace(a, code=prefix + a.code)
                             for a in result.activities),
            indicators=tuple(dataclasses.replace(i, code=prefix + i.code)
                             for i in result.indicators),
            children=tuple(copy(c, prefix) for c in result.children),
        )  # fmt: skip

    prefixes = [f"{n}0" for n in range(1, times + 1)]
    (period,) = record.periods
    grown_period = dataclasses.replace(
        period,
        values=period.values + tuple(dataclasses.replace(v, indicator=p + v.indicator)
                                     for p in prefixes for v in period.values),
        progress=period.progress + tuple(dataclasses.replace(r, result=p + r.result)
                                         for p in prefixes for r in period.progress),
        sources=(),
    )  # fmt: skip
    return dataclasses.replace(
        record,
        results=record.results + tuple(copy(r, p) for p in prefixes for r in record.results),
        periods=(grown_period,),
    )


def _queries(client, path) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(PERIOD_URL + path, {"page_size": 200})
    assert response.status_code == 200, (path, response.content)
    return len(captured)


def test_reads_cost_the_same_whatever_the_size(api, users, example_record):
    from logframe.portfolio.models import Indicator
    from logframe.portfolio.services import project_import

    attach_evidence(users["manager"])
    client = api(users["viewer"])
    small = {path: _queries(client, path) for path in READS}
    project_import(record=_grown(example_record, 4), actor=None)
    assert Indicator.objects.filter(result__project__number="G11-23").count() == 5 * 51
    large = {path: _queries(client, path) for path in READS}
    assert large == small
    for path in ("values/1.1.9/", "finance/UNDP/", "narratives/1.1/", "beneficiaries/men/"):
        assert small[path] <= SINGLE_LINE_MAX, (path, small[path])
    assert max(small.values()) <= 25, small


@pytest.mark.parametrize(("path", "body"), WRITES)
def test_a_patch_costs_a_fixed_number_of_queries(api, users, path, body,
                                                 django_assert_max_num_queries):  # fmt: skip
    client = api(users["manager"])
    with django_assert_max_num_queries(40):
        response = client.patch(PERIOD_URL + path, {**body, "version": 0}, format="json")
    assert response.status_code == 200, response.json()
