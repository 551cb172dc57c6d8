"""A programme manager opens the fund, sorts it, opens the project's overview and its chart."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
OVERVIEW = "/funds/UNDG-ITF/projects/G11-23/"
# how many pixels of the chart's canvas are painted (not transparent)
PAINTED = """canvas => {
  const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
  return painted;
}"""


@pytest.fixture
def manager(make_member, loaded_project):
    return make_member("manager", "project_manager", loaded_project, "UNDP")


def _log_in(page, live_server):
    page.goto(live_server.url + "/")
    page.fill("#id_username", "manager")
    page.fill("#id_password", "a-long-test-password")
    page.keyboard.press("Enter")
    page.wait_for_url("**/funds/UNDG-ITF/")


def test_fund_page_sorts_then_the_overview_draws_its_chart(live_server, open_page, manager):
    page = open_page(1280, 800)
    _log_in(page, live_server)
    assert page.locator("#projects tbody tr").count() == 1
    page.click("#projects thead th >> text=Committed")
    page.wait_for_url("**/funds/UNDG-ITF/?sort=committed")
    sorted_by = page.locator("#projects thead th[aria-sort=ascending]").inner_text()
    assert sorted_by.casefold().startswith("committed")  # the headers are upper-cased
    page.click("#projects thead th >> text=Committed")
    page.wait_for_url("**/funds/UNDG-ITF/?sort=-committed")
    assert page.locator("#projects thead th[aria-sort=descending]").count() == 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "fund.png"))

    page.click("#projects tbody >> text=G11-23")
    page.wait_for_url("**" + OVERVIEW)
    assert page.locator("nav.tabs a[aria-current=page]").inner_text() == "Overview"
    canvas = page.locator("#finance-chart")
    canvas.wait_for(state="visible")
    assert canvas.bounding_box()["width"] > 300
    assert canvas.evaluate(PAINTED) > 1000
    assert page.locator("#finance-table").is_visible()  # the same figures, as a table
    page.screenshot(path=str(SCREENSHOTS / "project-overview.png"))


def test_overview_on_a_tablet(live_server, open_page, manager):
    page = open_page(768, 1024)
    _log_in(page, live_server)
    page.goto(live_server.url + OVERVIEW)
    page.locator("#finance-chart").wait_for(state="visible")
    assert page.locator("#finance-chart").evaluate(PAINTED) > 1000
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 768  # nothing sticks out sideways
    page.screenshot(path=str(SCREENSHOTS / "project-overview-tablet.png"))


def test_overview_without_javascript_shows_the_table(live_server, open_page, manager):
    page = open_page(1280, 800, javascript=False)
    _log_in(page, live_server)
    page.goto(live_server.url + OVERVIEW)
    assert not page.locator("#finance-chart").is_visible()
    assert page.locator("#finance-table").is_visible()
    assert "51.6 %" in page.locator("#finance-table").inner_text()
