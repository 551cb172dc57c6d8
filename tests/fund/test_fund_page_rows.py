"""The fund page keeps each row's output progress under its project's data versions: after
a write, the rows of the projects written are worked out again and the others are not, and
the page equals one built from nothing."""

from __future__ import annotations

from decimal import Decimal

import lxml.html
import pytest
from django.core.cache import cache

from logframe.portfolio import models as m
from logframe.portfolio.records import latest_period_records
from logframe.web.dashboards import fund_list

pytestmark = pytest.mark.django_db


def _rows(client, code: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    response = client.get(f"/funds/{code}/")
    assert response.status_code == 200
    page = lxml.html.fromstring(response.content.decode())
    rows = page.xpath("//table//tbody/tr[td[@class='project-cell']]")
    assert rows
    return [[td.text_content().strip() for td in tr.xpath("./td")] for tr in rows]


def _fresh(client, code: str) -> list[list[str]]:  # type: ignore[no-untyped-def]
    cache.clear()
    return _rows(client, code)


def _latest(number: str) -> m.ReportingPeriod:
    periods = m.ReportingPeriod.objects.filter(project__number=number)
    return periods.order_by("-year", "-quarter")[0]


def test_a_write_works_out_again_the_rows_of_its_project_only(load_fund, admin_client, monkeypatch):
    fund = load_fund("SYN", projects=4, quarters=2, seed=3)
    numbers = sorted(fund.projects.values_list("number", flat=True))
    before = _fresh(admin_client, "SYN")
    for value in m.IndicatorValue.objects.filter(period=_latest(numbers[1])):
        m.IndicatorValue.objects.filter(pk=value.pk).update(value=Decimal(0), male=0, female=0)
    m.IndicatorValuePart.objects.filter(indicator_value__period=_latest(numbers[1])).delete()
    asked: list[list[int]] = []

    def spy(*, period_ids):  # type: ignore[no-untyped-def]
        asked.append(sorted(period_ids))
        return latest_period_records(period_ids=period_ids)

    monkeypatch.setattr(fund_list, "latest_period_records", spy)
    after = _rows(admin_client, "SYN")  # the page is stale: built again, its rows kept
    assert asked == [[_latest(numbers[1]).pk]]
    monkeypatch.undo()
    assert after == _fresh(admin_client, "SYN")
    assert after[1] != before[1]
    assert [after[i] for i in (0, 2, 3)] == [before[i] for i in (0, 2, 3)]


def test_a_change_of_the_funds_rules_works_out_every_row_again(load_fund, admin_client):
    fund = load_fund("SYN", projects=3, quarters=2, seed=1)
    _fresh(admin_client, "SYN")
    fund.cap_at_100 = not fund.cap_at_100
    fund.score_percentage_indicators = not fund.score_percentage_indicators
    fund.save()
    assert _rows(admin_client, "SYN") == _fresh(admin_client, "SYN")
