"""A programme manager logs in, opens the fund, then the project's quarterly report."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


@pytest.fixture
def manager(make_member, loaded_project):
    return make_member("manager", "project_manager", loaded_project, "UNDP")


def test_log_in_and_read_the_report(live_server, page, loaded_project, manager):
    page.goto(live_server.url + "/")
    assert "/login/" in page.url
    page.fill("#id_username", "manager")
    page.fill("#id_password", "a-long-test-password")
    page.keyboard.press("Enter")
    page.wait_for_url("**/funds/UNDG-ITF/")
    assert page.locator("#projects tbody tr").count() == 1
    page.click("text=G11-23")
    page.wait_for_url("**/projects/G11-23/")
    page.click("nav.tabs >> text=Report")
    page.wait_for_url("**/projects/G11-23/report/")
    assert page.locator("h1").first.inner_text().startswith("G11-23")
    body = page.locator(".report-embed").inner_text()
    assert "12,824,814.81" in body
    assert page.locator("select#period").input_value() == "2013Q1"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "project.png"), full_page=False)


def test_a_wrong_password_is_shown_and_nothing_opens(live_server, page, manager):
    page.goto(live_server.url + "/login/")
    page.fill("#id_username", "manager")
    page.fill("#id_password", "not-it")
    page.click("main button[type=submit]")
    expect(page.locator("[role=alert]")).to_be_visible()
    assert "/login/" in page.url


def test_log_out(live_server, page, manager):
    page.goto(live_server.url + "/login/")
    page.fill("#id_username", "manager")
    page.fill("#id_password", "a-long-test-password")
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/login/" not in url)
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/login/")
    page.goto(live_server.url + "/funds/UNDG-ITF/")
    assert "/login/" in page.url
