"""The fund-wide pages under writes (``FUND_PAGE_STALE_SECONDS``): a kept rendering may stand
in for a bounded time, labelled with its time; one request at a time builds the page again;
the project's pages stay strictly current; a person's own write is seen at once."""

from __future__ import annotations

import threading
import time
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from logframe.web import page_cache
from logframe.web.page_cache import HEADER
from tests.web.page_reads import cache_read

pytestmark = pytest.mark.django_db

FUND_URL = "/funds/UNDG-ITF/"
FUND_REPORT_URL = "/funds/UNDG-ITF/report/"
OVERVIEW_URL = "/funds/UNDG-ITF/projects/G11-23/"
VALUE_URL = "/api/projects/G11-23/periods/2013Q1/values/1.1.9/"
LABEL = "Figures as of "


class Clock:
    """The page cache's clock, moved by hand."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    made = Clock()
    monkeypatch.setattr(page_cache, "_now", made)
    return made


@pytest.fixture
def lag(settings):
    settings.FUND_PAGE_STALE_SECONDS = 10
    return 10


def _spend_money(project) -> None:
    """A write no view makes (no Django signal either): only the triggers see it."""
    from logframe.portfolio import models as m

    m.FinancialStatus.objects.filter(period__project=project).update(committed=0)


@pytest.mark.parametrize("url", [FUND_URL, FUND_REPORT_URL])
def test_a_fund_page_lags_labelled_and_within_the_bound(viewer, loaded_project, lag, clock, url):
    _, first = cache_read(viewer, url)
    _spend_money(loaded_project)
    clock.now += lag / 2 - 1
    state, page = cache_read(viewer, url)
    assert state == "stale"
    assert LABEL in page
    assert page.replace(page[page.index("<ul class") : page.index("</ul>") + 5], "", 1) == first
    clock.now += lag / 2 + 1 - 0.001  # about to expire: this request builds it again
    state, page = cache_read(viewer, url)
    assert (state, LABEL in page) == ("miss", False)
    assert page != first
    assert cache_read(viewer, url)[0] == "hit"


def test_the_label_says_when_in_the_pages_language_and_time(viewer, loaded_project, lag, clock):
    from datetime import UTC, datetime

    from django.utils import timezone

    cache_read(viewer, FUND_URL)
    built = timezone.localtime(datetime.fromtimestamp(clock.now, tz=UTC)).strftime("%H:%M:%S")
    _spend_money(loaded_project)
    clock.now += 1
    state, page = cache_read(viewer, FUND_URL)
    assert state == "stale"
    assert f"{LABEL}{built}; later changes show within 10 seconds." in page
    assert page.index(LABEL) > page.index("<main>")


def test_past_the_bound_nothing_older_is_served(viewer, loaded_project, lag, clock, monkeypatch):
    cache_read(viewer, FUND_URL)
    _, before = cache_read(viewer, FUND_URL)
    assert "51.6 %" in before
    _spend_money(loaded_project)
    clock.now += lag
    monkeypatch.setattr(page_cache, "_lock", lambda key: False)  # someone else is building
    monkeypatch.setattr(page_cache, "WAIT_SECONDS", 0.2)  # … and never keeps a page
    state, page = cache_read(viewer, FUND_URL)
    assert state == "miss"  # waited for it, then built its own
    assert "51.6 %" not in page
    assert "0.0 %" in page


def test_while_one_builds_the_others_get_the_kept_page(
    viewer, loaded_project, lag, clock, monkeypatch
):
    cache_read(viewer, FUND_URL)
    _spend_money(loaded_project)
    clock.now += lag - 0.001  # due for a rebuild, still within the bound
    monkeypatch.setattr(page_cache, "_lock", lambda key: False)
    for _ in range(3):
        state, page = cache_read(viewer, FUND_URL)
        assert state == "stale"
        assert "51.6 %" in page


def test_the_projects_pages_stay_current(viewer, loaded_project, lag, clock):
    cache_read(viewer, OVERVIEW_URL)
    cache_read(viewer, FUND_URL)
    _spend_money(loaded_project)
    state, page = cache_read(viewer, OVERVIEW_URL)
    assert state == "miss"
    assert "0.0 %" in page
    assert cache_read(viewer, FUND_URL)[0] == "stale"


def test_a_persons_own_write_is_never_hidden_by_an_older_rendering(
    client, make_member, loaded_project, lag, clock
):
    from django.test import Client
    from rest_framework.authtoken.models import Token

    from logframe.portfolio import models as m

    writer = make_member("boss", "fund_admin", loaded_project, fund_wide=True)
    other = Client()
    other.force_login(make_member("viewer", "viewer", loaded_project, fund_wide=True))
    client.force_login(writer)
    for c in (client, other):
        c.get("/preferences/")
        cache_read(c, FUND_URL)
    value = m.IndicatorValue.objects.get(period__project=loaded_project, indicator__code="1.1.9",
                                         period__year=2013, period__quarter=1)  # fmt: skip
    clock.now += 1
    response = Client().patch(
        VALUE_URL, {"female": "30", "version": value.version}, content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=writer).key}",
    )  # fmt: skip
    assert response.status_code == 200, response.content
    assert m.IndicatorValue.objects.get(pk=value.pk).female == Decimal(30)
    assert cache_read(client, FUND_URL)[0] == "miss"  # the writer: the page as it is now
    assert cache_read(other, FUND_URL)[0] == "stale"  # anyone else: within the bound


def test_strict_when_the_setting_is_zero(viewer, loaded_project, settings, clock):
    settings.FUND_PAGE_STALE_SECONDS = 0
    cache_read(viewer, FUND_URL)
    _spend_money(loaded_project)
    state, page = cache_read(viewer, FUND_URL)
    assert (state, LABEL in page) == ("miss", False)
    assert "0.0 %" in page


def test_a_page_read_seldom_is_built_once_per_bound_a_slow_one_ahead():
    fast = page_cache.Kept((1,), built_at=0.0, content_type="", content=b"", build_seconds=0.2)
    slow = page_cache.Kept((1,), built_at=0.0, content_type="", content=b"", build_seconds=3)
    assert [fast.due(now=t, lag=10) for t in (5, 9.5, 9.7)] == [False, False, True]
    assert [slow.due(now=t, lag=10) for t in (4.9, 5)] == [False, True]


def test_single_flight_one_build_for_many_requests_at_once(settings, monkeypatch):
    """Eight requests for the same page with nothing kept: one builds, seven wait for it."""
    settings.FUND_PAGE_STALE_SECONDS = 10
    monkeypatch.setattr(page_cache, "versions", lambda scope: (1, 1))
    built: list[int] = []
    started = threading.Event()

    def render() -> HttpResponse:
        built.append(1)
        started.set()
        time.sleep(0.3)
        return HttpResponse("<main>the fund</main>")

    request = RequestFactory().get("/funds/X/", HTTP_COOKIE="csrftoken=abc")
    request.user = SimpleNamespace(pk=-1, is_authenticated=True)
    answers: list[HttpResponse] = []

    def ask() -> None:
        answers.append(page_cache.cached_page(request, scope=("global", "fund:-1"), render=render))

    first = threading.Thread(target=ask)
    first.start()
    started.wait(5)
    others = [threading.Thread(target=ask) for _ in range(7)]
    for thread in others:
        thread.start()
    for thread in [first, *others]:
        thread.join(10)
    assert len(built) == 1
    assert sorted(a[HEADER] for a in answers) == ["hit"] * 7 + ["miss"]
    assert {a.content for a in answers} == {b"<main>the fund</main>"}
