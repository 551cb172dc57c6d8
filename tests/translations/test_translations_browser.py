"""In a browser: the manager opens the Translations tab, translates the title into Arabic,
saves with a reason, and the Arabic report shows it."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
TITLE_AR = "دعم المفوضية العليا المستقلة للانتخابات"


@pytest.fixture
def manager(make_member, loaded_project):
    return make_member("manager", "project_manager", loaded_project, "UNDP")


def test_translate_the_title_and_see_it_in_the_arabic_report(live_server, page, manager):
    page.goto(live_server.url + "/login/")
    page.fill("#id_username", "manager")
    page.fill("#id_password", "a-long-test-password")
    page.keyboard.press("Enter")
    page.wait_for_url("**/funds/UNDG-ITF/")
    page.goto(live_server.url + "/funds/UNDG-ITF/projects/G11-23/")
    page.click("nav.tabs >> text=Translations")
    page.wait_for_url("**/projects/G11-23/translations/")
    title = page.locator('textarea[name="t:project:::title"]')
    assert title.get_attribute("dir") == "rtl"
    title.fill(TITLE_AR)
    page.fill("#reason", "Arabic edition for the board")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    title.scroll_into_view_if_needed()
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(SCREENSHOTS / "translations.png"), full_page=False)
    page.click("text=Save translations")
    page.wait_for_url("**/translations/?lang=ar*")
    assert page.locator(".messages").inner_text().startswith("1 translations saved")
    assert page.locator('textarea[name="t:project:::title"]').input_value() == TITLE_AR
    response = page.request.get(
        live_server.url + "/funds/UNDG-ITF/projects/G11-23/2013Q1.html?lang=ar"
    )
    assert TITLE_AR in response.text()
