"""The fund report's page, downloads and drill-downs: who may see what, and every figure
leading to the projects behind it."""

from __future__ import annotations

import io
import json

import lxml.html
import pytest

pytestmark = pytest.mark.django_db
FUND = "UNDG-ITF"
REPORT = f"/funds/{FUND}/report/?period=2013Q1"
DRILL = f"/funds/{FUND}/report/projects/"


@pytest.fixture
def fund(loaded_project, seed_copy):  # type: ignore[no-untyped-def]
    assert loaded_project.fund.code == FUND
    seed_copy("G11-24", sector="Health", thematic_group="Health and Nutrition")
    return loaded_project


@pytest.fixture
def viewer(client, make_member, fund):  # type: ignore[no-untyped-def]
    client.force_login(make_member("viewer", "viewer", fund, fund_wide=True))
    return client


def _page(response) -> lxml.html.HtmlElement:  # type: ignore[no-untyped-def]
    assert response.status_code == 200
    return lxml.html.fromstring(response.content.decode())


def _drill_numbers(client, **query: str) -> list[str]:  # type: ignore[no-untyped-def]
    page = _page(client.get(DRILL, {"period": "2013Q1", **query}))
    return [
        a.text_content()
        for a in page.xpath("//table[@id='drill']//td[contains(@class, 'project-cell')]/a")
    ]


def test_the_page_shows_the_funds_figures(viewer):
    page = _page(viewer.get(REPORT))
    text = page.text_content()
    assert "Consolidated report, 2013Q1" in text
    assert "49,723,982.00" in text
    sectors = [
        [td.text_content().strip() for td in tr.xpath("./td")]
        for tr in page.xpath("//section[@id='sectors']//tbody/tr")
    ]
    assert [row[0] for row in sectors] == ["Governance", "Health"]
    assert sectors[0][2:] == ["24,861,991.00", "12,824,814.81", "51.6 %", "12,311,346.93", "49.5 %"]
    chart = json.loads(page.xpath("//*[@id='trend-data']")[0].text)
    assert chart["labels"] == ["2013Q1"]
    assert chart["committed"] == [51.6]


def test_the_latest_quarter_by_default_and_404_for_a_bad_one(viewer):
    assert (
        "Consolidated report, 2013Q1" in _page(viewer.get(f"/funds/{FUND}/report/")).text_content()
    )
    assert viewer.get(f"/funds/{FUND}/report/?period=13Q5").status_code == 404


@pytest.mark.parametrize(
    ("query", "numbers"),
    [
        ({"by": "all"}, ["G11-23", "G11-24"]),
        ({"by": "sector", "key": "Health"}, ["G11-24"]),
        ({"by": "group", "key": "Governance and Human Rights"}, ["G11-23"]),
        ({"by": "organisation", "key": "UNOPS"}, ["G11-23", "G11-24"]),
        ({"by": "organisation", "key": "WHO"}, []),
        ({"by": "behind"}, ["G11-23", "G11-24"]),
        ({"by": "findings"}, ["G11-23", "G11-24"]),
    ],
)
def test_drill_downs_list_the_projects_behind_a_figure(viewer, query, numbers):
    assert _drill_numbers(viewer, **query) == numbers


def test_every_figure_links_to_a_drill_down_that_works(viewer):
    page = _page(viewer.get(REPORT))
    links = {a.get("href") for a in page.xpath("//section//a[@href]")}
    drills = [href for href in links if "/report/projects/" in href]
    projects = [href for href in links if "/projects/G11-" in href and "report" not in href]
    assert len(drills) >= 6
    assert projects
    for href in drills + projects:
        assert viewer.get(href).status_code == 200, href


def test_an_unknown_drill_down_is_404(viewer):
    assert viewer.get(DRILL, {"period": "2013Q1", "by": "nope"}).status_code == 404


@pytest.mark.parametrize("fmt", ["html", "docx", "xlsx", "json"])
def test_downloads(viewer, fmt):
    response = viewer.get(f"/funds/{FUND}/report/download/{fmt}/?period=2013Q1")
    assert response.status_code == 200
    assert "2013Q1-fund-report" in response["Content-Disposition"]
    body = response.content
    if fmt == "json":
        assert json.loads(body)["total"]["approved"] == "49723982"
    elif fmt == "docx":
        from docx import Document

        assert Document(io.BytesIO(body)).tables
    elif fmt == "xlsx":
        from openpyxl import load_workbook

        assert "Funds by sector" in load_workbook(io.BytesIO(body)).sheetnames
    else:
        assert b"49,723,982.00" in body


def test_a_project_member_sees_the_report_of_their_projects_only(client, make_member, fund):
    client.force_login(make_member("undp", "focal_point", fund, "UNDP"))
    page = _page(client.get(REPORT))
    assert "24,861,991.00" in page.text_content()
    assert "49,723,982.00" not in page.text_content()
    assert _drill_numbers(client, by="all") == ["G11-23"]
    body = client.get(f"/funds/{FUND}/report/download/json/?period=2013Q1").content
    assert [p["number"] for p in json.loads(body)["projects"]] == ["G11-23"]


def test_a_stranger_gets_404_and_an_anonymous_visitor_a_login(client, fund, django_user_model):
    for url in (REPORT, f"{DRILL}?by=all", f"/funds/{FUND}/report/download/json/"):
        assert client.get(url).status_code == 302
    client.force_login(django_user_model.objects.create_user("nobody", password="pw-long-enough"))
    for url in (REPORT, f"{DRILL}?by=all", f"/funds/{FUND}/report/download/json/"):
        assert client.get(url).status_code == 404


def test_the_fund_page_links_to_the_report(viewer):
    page = _page(viewer.get(f"/funds/{FUND}/"))
    assert f"/funds/{FUND}/report/" in [a.get("href") for a in page.xpath("//a")]
