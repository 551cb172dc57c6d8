"""The fund report and the fund page cost a fixed number of queries, whatever the number
of projects."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from logframe.reporting.fund import assemble_fund_report

pytestmark = pytest.mark.django_db


def _report_queries(code: str) -> int:
    assemble_fund_report(code, "2012Q2")  # counts the findings of quarters never counted
    with CaptureQueriesContext(connection) as queries:
        assemble_fund_report(code, "2012Q2")
    return len(queries)


def test_the_report_costs_the_same_for_3_and_12_projects(load_fund):
    load_fund("SMALL", projects=3, quarters=2, seed=1)
    load_fund("LARGE", projects=12, quarters=2, seed=2)
    small, large = _report_queries("SMALL"), _report_queries("LARGE")
    assert small == large <= 5


def test_counting_the_findings_costs_the_same_for_3_and_12_projects(load_fund):
    load_fund("SMALL", projects=3, quarters=2, seed=1)
    load_fund("LARGE", projects=12, quarters=2, seed=2)
    counts = []
    for code in ("SMALL", "LARGE"):
        with CaptureQueriesContext(connection) as queries:
            assemble_fund_report(code, "2012Q2")
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_the_fund_page_and_report_page_cost_the_same(load_fund, admin_client):
    load_fund("SMALL", projects=3, quarters=2, seed=1)
    load_fund("LARGE", projects=12, quarters=2, seed=2)
    for url in ("/funds/{}/", "/funds/{}/report/?period=2012Q2"):
        counts = []
        for code in ("SMALL", "LARGE"):
            admin_client.get(url.format(code))  # warm: findings counted, session read
            cache.clear()  # the page as built, not as the page cache kept it
            with CaptureQueriesContext(connection) as queries:
                assert admin_client.get(url.format(code)).status_code == 200
            counts.append(len(queries))
        assert counts[0] == counts[1], url
