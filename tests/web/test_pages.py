"""The web pages through Django's test client: who gets in, what each page shows, at what cost."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

PROJECT_URL = "/funds/UNDG-ITF/projects/G11-23/report/"


@pytest.fixture
def viewer(make_member, loaded_project):
    return make_member("viewer", "viewer", loaded_project, fund_wide=True)


@pytest.fixture
def signed_in(client, viewer):
    client.force_login(viewer)
    return client


def test_a_user_without_a_role_sees_no_fund_and_no_project(
    client, loaded_project, django_user_model
):
    stranger = django_user_model.objects.create_user("stranger", password="a-long-test-password")
    client.force_login(stranger)
    assert b"UNDG-ITF" not in client.get("/").content
    assert client.get("/funds/UNDG-ITF/").status_code == 404
    assert client.get(PROJECT_URL).status_code == 404


def test_a_project_member_sees_only_their_projects(client, example_record, make_member):
    from dataclasses import replace

    from logframe.portfolio.services import project_import

    mine = project_import(record=example_record, actor=None, reason="t").project
    project_import(record=replace(example_record, number="G99-1"), actor=None, reason="t")
    client.force_login(make_member("undp", "focal_point", mine, "UNDP"))
    page = client.get("/funds/UNDG-ITF/").content.decode()
    assert "G11-23" in page
    assert "G99-1" not in page
    assert client.get("/funds/UNDG-ITF/projects/G99-1/report/").status_code == 404


@pytest.mark.parametrize("url", ["/", "/funds/UNDG-ITF/", PROJECT_URL])
def test_pages_ask_for_a_login(client, loaded_project, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_login_page_has_a_csrf_protected_form(client):
    response = client.get("/login/")
    assert response.status_code == 200
    assert b"csrfmiddlewaretoken" in response.content


def test_wrong_password_says_so(client, viewer):
    response = client.post("/login/", {"username": "viewer", "password": "wrong"})
    assert response.status_code == 200
    assert b'role="alert"' in response.content


def test_home_goes_to_the_only_fund(signed_in, loaded_project):
    response = signed_in.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/funds/UNDG-ITF/"


def test_fund_page_lists_the_project_with_its_budget(signed_in, loaded_project):
    response = signed_in.get("/funds/UNDG-ITF/")
    html = response.content.decode()
    assert "G11-23" in html
    assert "24,861,991.00" in html
    assert "2013Q1" in html
    assert "51.6 %" in html  # committed 12,824,814.81 of 24,861,991
    assert "49.5 %" in html


def test_fund_page_costs_the_same_queries_for_more_projects(signed_in, example_record):
    from dataclasses import replace

    from django.core.cache import cache

    from logframe.portfolio.services import project_import

    project_import(record=example_record, actor=None, reason="test")
    # the page as built, both times by a browser that holds its CSRF cookie (without one,
    # the page cache of web/page_cache.py is not asked), with the cache emptied and the
    # quarters' findings counted (counting new quarters costs a fixed number per batch)
    signed_in.get("/funds/UNDG-ITF/")
    cache.clear()
    with CaptureQueriesContext(connection) as one:
        signed_in.get("/funds/UNDG-ITF/")
    for n in range(5):
        project_import(record=replace(example_record, number=f"G99-{n}"), actor=None, reason="t")
    signed_in.get("/funds/UNDG-ITF/")  # the new quarters' findings counted (fund_counts)
    cache.clear()
    with CaptureQueriesContext(connection) as six:
        response = signed_in.get("/funds/UNDG-ITF/")
    assert response.content.decode().count("/projects/G99-") == 5
    assert len(six) == len(one)


def test_project_page_shows_the_report_and_its_findings(signed_in, loaded_project):
    response = signed_in.get(PROJECT_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Funds Committed" in html or "committed" in html.lower()
    assert "12,824,814.81" in html
    assert "data-quality finding" in html


def test_project_page_costs_a_fixed_number_of_queries(signed_in, loaded_project):
    with CaptureQueriesContext(connection) as queries:
        signed_in.get(PROJECT_URL)
    # session, user, project, memberships, quarters (6), the project as records (18, content
    # translations included), the activity register and its rules (2)
    assert len(queries) <= 26


def test_unknown_period_and_project_are_404(signed_in, loaded_project):
    assert signed_in.get(PROJECT_URL + "?period=2019Q1").status_code == 404
    assert signed_in.get("/funds/UNDG-ITF/projects/G00-0/report/").status_code == 404


@pytest.mark.parametrize(("fmt", "kind"), [("html", "text/html"), ("md", "text/markdown")])
def test_report_downloads(signed_in, loaded_project, fmt, kind):
    response = signed_in.get(f"/funds/UNDG-ITF/projects/G11-23/2013Q1.{fmt}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith(kind)
    assert f'filename="G11-23-2013Q1.{fmt}"' in response["Content-Disposition"]


def test_admin_lists_every_portfolio_model(client, django_user_model, loaded_project):
    from logframe.portfolio import models as m

    admin = django_user_model.objects.create_superuser("root", "r@example.org", "pw-long-enough")
    client.force_login(admin)
    for model in m.__all__:
        name = getattr(m, model)._meta.model_name
        response = client.get(f"/admin/portfolio/{name}/")
        assert response.status_code == 200, name
