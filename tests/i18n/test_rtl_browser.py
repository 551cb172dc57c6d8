"""Arabic and Kurdish in a real browser (Debian's Chromium through Playwright).

For each language a project manager logs in, switches the language in the header, opens
the project's overview, enters a value on the data-entry page and saves it, and reads the
report: every page says ``dir="rtl"``, the header's navigation and the table's first
column sit on the right, codes such as 1.1.9 read left to right, and the text is shaped
with the Vazirmatn font. Screenshots go to docs/screenshots/ (project-ar.png, entry-ckb.png…).
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PROJECT = "/funds/UNDG-ITF/projects/G11-23/"
ENTRY = PROJECT + "2013Q1/entry/"
WORDS = {  # what each language's pages must say: overview, entry, report
    "ar": ("نظرة عامة", "المؤشرات", "ملاحظات جودة البيانات", "حُفظ"),
    "ckb": ("تێڕوانینی گشتی", "پێوەرەکان", "تێبینییەکانی کوالیتیی داتا", "پاشەکەوت کرا"),
}


@pytest.fixture
def manager(make_member, loaded_project):  # type: ignore[no-untyped-def]
    return make_member("manager", "project_manager", loaded_project, "UNDP")


def _right_to_left(page) -> None:  # type: ignore[no-untyped-def]
    assert page.get_attribute("html", "dir") == "rtl"
    width = page.viewport_size["width"]
    brand = page.locator("header.site .brand").bounding_box()
    assert brand["x"] > width / 2, "the brand is on the right in right-to-left pages"
    account = page.locator("header.site nav").bounding_box()
    assert account["x"] + account["width"] < width / 2, "the account links are on the left"


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_main_flows_right_to_left(live_server, browser, manager, language) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(live_server.url + "/login/")
        page.select_option("#language-switch", language)
        with page.expect_navigation():
            page.click(".language-switch button")
        _right_to_left(page)
        page.fill("#id_username", "manager")
        page.fill("#id_password", "a-long-test-password")
        with page.expect_navigation():
            page.keyboard.press("Enter")

        overview, indicators, findings, saved = WORDS[language]
        page.goto(live_server.url + PROJECT)
        _right_to_left(page)
        assert overview in page.locator("nav.tabs").inner_text()
        font = page.evaluate("getComputedStyle(document.body).fontFamily")
        assert "Vazirmatn" in font
        assert page.evaluate("document.fonts.check('16px Vazirmatn')")
        page.screenshot(path=str(SCREENSHOTS / f"project-{language}.png"), full_page=False)

        page.goto(live_server.url + ENTRY)
        _right_to_left(page)
        assert indicators in page.locator("#indicators-title").inner_text()
        row = page.locator("tbody.value-row", has=page.locator("th", has_text="1.1.9")).first
        code = row.locator("th.code").bounding_box()
        table = page.locator("table.entry-table.values").bounding_box()
        assert code["x"] > table["x"] + table["width"] / 2, "the code column is on the right"
        assert row.locator("th.code").inner_text().strip() == "1.1.9"  # left to right inside
        row.locator("input[name$='-value']").fill("498")
        row.locator("input[name$='-male']").fill("470")
        row.locator("td.save form > button[type=submit]").click()
        page.wait_for_selector(f"tbody.value-row .saved:has-text('{saved}')")
        page.screenshot(path=str(SCREENSHOTS / f"entry-{language}.png"), full_page=False)

        page.goto(live_server.url + PROJECT + "report/")
        _right_to_left(page)
        assert findings in page.locator(".report-embed").inner_text()
        assert page.get_attribute(".report-embed .report", "dir") == "rtl"
        page.screenshot(path=str(SCREENSHOTS / f"report-{language}.png"), full_page=False)
    finally:
        context.close()
