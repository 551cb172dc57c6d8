"""The rendered-page cache: a write makes the next read fresh, whoever and whatever wrote
it; nobody gets another person's page; access is decided before the cache is asked."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.messages import INFO
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.http import HttpRequest

from logframe.pagecache import versions as page_versions
from logframe.web.page_cache import HEADER
from tests.web.page_reads import cache_read

pytestmark = pytest.mark.django_db

FUND_URL = "/funds/UNDG-ITF/"
OVERVIEW_URL = "/funds/UNDG-ITF/projects/G11-23/"
REPORT_URL = "/funds/UNDG-ITF/projects/G11-23/report/"
FUND_REPORT_URL = "/funds/UNDG-ITF/report/"
PAGES = [FUND_URL, OVERVIEW_URL, REPORT_URL, FUND_REPORT_URL]


def _import(record, **changes):
    from dataclasses import replace

    from logframe.portfolio.services import project_import

    return project_import(record=replace(record, **changes), actor=None, reason="test").project


def _versions(*keys: str) -> tuple[int, ...]:
    return page_versions.versions(keys)


# the triggers


def test_every_table_has_its_triggers_and_the_excluded_none():
    existing = page_versions.existing_triggers()
    tables = {model._meta.db_table for model in page_versions.tracked_models()}
    assert tables >= {"portfolio_indicatorvalue", "portfolio_project", "auth_user",
                      "accounts_membership", "portfolio_result_partners"}  # fmt: skip
    assert set(existing) == set(page_versions.wanted_triggers(connection.vendor))
    assert sorted(existing.values()) == sorted(list(tables) * 3)
    assert not set(existing.values()) & {"django_session", "portfolio_findingcount",
                                         "portfolio_historicalindicatorvalue",
                                         "accounts_preference"}  # fmt: skip


def test_installing_again_changes_nothing():
    before = page_versions.existing_triggers()
    page_versions.install_triggers()
    assert page_versions.existing_triggers() == before


def test_a_projects_write_moves_its_project_and_fund_only(example_record):
    from logframe.portfolio import models as m

    seed = _import(example_record)
    other = _import(example_record, number="G99-1")
    keys = ("global", f"fund:{seed.fund_id}", f"project:{seed.pk}", f"project:{other.pk}")
    before = _versions(*keys)
    m.IndicatorValuePart.objects.filter(indicator_value__period__project=seed).update(
        value=Decimal(7)
    )  # three foreign keys away from the project, and no Django signal
    after = _versions(*keys)
    assert [b - a for a, b in zip(before, after, strict=True)][:1] == [0]  # not global
    assert after[1] > before[1]
    assert after[2] > before[2]
    assert after[3] == before[3]


def test_a_write_outside_any_project_moves_global(loaded_project):
    from logframe.portfolio import models as m

    before = _versions("global", f"project:{loaded_project.pk}")
    m.Organisation.objects.filter(code="UNDP").update(name="UN Development Programme")
    after = _versions("global", f"project:{loaded_project.pk}")
    assert after[0] > before[0]
    assert after[1] == before[1]


def test_a_log_in_or_a_new_password_moves_nothing_a_new_name_moves_global(
    client, loaded_project, django_user_model
):
    user = django_user_model.objects.create_user("someone", password="a-long-test-password")
    (before,) = _versions("global")
    assert client.login(username="someone", password="a-long-test-password")  # last_login
    user.refresh_from_db()
    assert user.last_login is not None
    user.set_password("another-long-password")
    user.save()  # every column written, only the password changed
    assert _versions("global") == (before,)
    django_user_model.objects.filter(pk=user.pk).update(first_name="Someone")
    assert _versions("global") > (before,)


def test_a_log_in_keeps_everyones_pages_cached(viewer, client, django_user_model):
    from django.test import Client

    django_user_model.objects.create_user("someone", password="a-long-test-password")
    cache_read(viewer, FUND_URL)
    response = Client().post("/login/", {"username": "someone", "password": "a-long-test-password"})
    assert response.status_code == 302
    assert cache_read(viewer, FUND_URL)[0] == "hit"


def test_raw_sql_and_deletes_move_the_versions_too(loaded_project):
    key = f"project:{loaded_project.pk}"
    (before,) = _versions(key)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE portfolio_financialstatus SET committed = 1 WHERE period_id IN"
            " (SELECT id FROM portfolio_reportingperiod WHERE project_id = %s)",
            [loaded_project.pk],
        )
    (middle,) = _versions(key)
    loaded_project.footnotes.all().delete()
    (after,) = _versions(key)
    assert before < middle < after


# the pages


@pytest.mark.parametrize("url", PAGES)
def test_the_second_read_is_a_hit_and_the_same_page(viewer, url):
    first, page = cache_read(viewer, url)
    second, again = cache_read(viewer, url)
    assert (first, second) == ("miss", "hit")
    assert again == page


def test_a_write_through_the_service_makes_the_next_read_fresh(
    viewer, loaded_project, django_user_model
):
    from logframe.portfolio import models as m
    from logframe.workflow.entry import ValueInput, indicator_value_set

    value = m.IndicatorValue.objects.filter(
        period__project=loaded_project, indicator__measure="count",
        indicator__disaggregation="none", value__isnull=False,
    ).select_related("period", "indicator").first()  # fmt: skip
    cache_read(viewer, REPORT_URL)
    assert cache_read(viewer, REPORT_URL)[0] == "hit"
    indicator_value_set(
        period=value.period, indicator=value.indicator,
        data=ValueInput(value=Decimal("987654")), expected_version=value.version,
        actor=django_user_model.objects.create_superuser("root", "r@x.org", "pw-long-enough"),
        reason="test",
    )  # fmt: skip
    state, page = cache_read(viewer, REPORT_URL)
    assert state == "miss"
    assert "987,654" in page


@pytest.mark.parametrize("url", [FUND_URL, OVERVIEW_URL])
def test_a_write_by_anything_makes_the_fund_and_overview_fresh(viewer, loaded_project, url):
    from logframe.portfolio import models as m

    cache_read(viewer, url)
    _, before = cache_read(viewer, url)
    assert "51.6 %" in before  # committed, % of the approved budget
    m.FinancialStatus.objects.filter(period__project=loaded_project).update(committed=0)
    state, after = cache_read(viewer, url)
    assert state == "miss"
    assert after != before
    assert "0.0 %" in after


def test_another_projects_write_keeps_the_overview_cached(viewer, example_record):
    from logframe.portfolio import models as m

    other = _import(example_record, number="G99-1")
    cache_read(viewer, OVERVIEW_URL)
    m.FinancialStatus.objects.filter(period__project=other).update(committed=0)
    assert cache_read(viewer, OVERVIEW_URL)[0] == "hit"
    assert cache_read(viewer, FUND_URL)[0] == "miss"  # the fund's page lists it


def test_another_person_never_gets_someone_elses_page(client, make_member, loaded_project):
    from django.test import Client

    client.force_login(make_member("alice", "viewer", loaded_project, fund_wide=True))
    other = Client()
    other.force_login(make_member("bob", "viewer", loaded_project, fund_wide=True))
    for c in (client, other):
        c.get("/preferences/")
    cache_read(client, FUND_URL)
    assert cache_read(client, FUND_URL)[0] == "hit"
    state, page = cache_read(other, FUND_URL)
    assert state == "miss"
    assert ">bob<" in page
    assert ">alice<" not in page


def test_the_same_person_in_another_language_gets_that_language(viewer):
    cache_read(viewer, FUND_URL)
    viewer.cookies["logframe_language"] = "ar"
    state, page = cache_read(viewer, FUND_URL)
    assert state == "miss"
    assert 'lang="ar"' in page


def test_access_is_decided_before_the_cache_is_asked(client, make_member, loaded_project):
    from logframe.accounts.models import Membership

    user = make_member("member", "viewer", loaded_project, fund_wide=True)
    client.force_login(user)
    client.get("/preferences/")
    for url in (FUND_URL, OVERVIEW_URL):
        cache_read(client, url)
        assert cache_read(client, url)[0] == "hit"
    Membership.objects.filter(user=user).delete()
    assert client.get(FUND_URL).status_code == 404
    assert client.get(OVERVIEW_URL).status_code == 404
    client.logout()
    response = client.get(OVERVIEW_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_no_cache_without_a_csrf_cookie_or_with_messages_waiting(
    client, make_member, loaded_project
):
    client.force_login(make_member("viewer", "viewer", loaded_project, fund_wide=True))
    assert HEADER not in client.get(FUND_URL)  # the page gives the browser its cookie
    cache_read(client, FUND_URL)
    assert cache_read(client, FUND_URL)[0] == "hit"
    cookie = CookieStorage(HttpRequest())._encode([Message(INFO, "Saved the narrative.")])
    client.cookies[CookieStorage.cookie_name] = cookie
    response = client.get(FUND_URL)
    assert HEADER not in response  # built for this request, with its message, not kept
    assert "Saved the narrative." in response.content.decode()
    assert cache_read(client, FUND_URL)[0] == "hit"  # the message shown once, the page as before
