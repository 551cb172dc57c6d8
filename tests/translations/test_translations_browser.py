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


INDICATOR_AR = "عدد موظفي المفوضية المدرَّبين على إدارة الانتخابات"


def test_set_arabic_translate_an_indicator_and_download_it(live_server, page, manager, tmp_path):
    """The manager keeps the project in Arabic, gives indicator 1.1.8 an Arabic text, then
    downloads the Arabic template and report from the Translations screen and finds it."""
    from openpyxl import load_workbook

    page.goto(live_server.url + "/login/")
    page.fill("#id_username", "manager")
    page.fill("#id_password", "a-long-test-password")
    page.keyboard.press("Enter")
    page.wait_for_url("**/funds/UNDG-ITF/")
    page.goto(live_server.url + "/funds/UNDG-ITF/projects/G11-23/translations/")
    page.click("#project-languages a")
    page.wait_for_url("**/translations/languages/")
    page.check('input[name="languages"][value="ar"]')
    page.fill("#others", "klingon")
    page.fill("#reason", "The board reads Arabic")
    page.click("text=Save the languages")
    assert "'klingon' is not a language we know" in page.locator("#errors").inner_text()
    page.fill("#others", "")
    page.click("text=Save the languages")
    page.wait_for_url("**/translations/languages/")
    assert "ar" in page.locator(".languages-now").inner_text()
    page.click("text=Translations")
    page.wait_for_url("**/projects/G11-23/translations/")
    assert "ar" in page.locator("#project-languages").inner_text()
    box = page.locator('textarea[name="t:indicator::1.1.8:text"]')
    assert box.get_attribute("dir") == "rtl"
    box.fill(INDICATOR_AR)
    page.fill("#reason", "Arabic edition")
    page.click("text=Save translations")
    page.wait_for_url("**/translations/?lang=ar*")
    with page.expect_download() as download:
        page.click("#downloads >> text=Excel")
    path = tmp_path / "template.xlsx"
    download.value.save_as(path)
    sheet = load_workbook(path)["Indicators"]
    texts = [str(sheet[f"C{row}"].value) for row in range(5, sheet.max_row + 1)]
    assert any(INDICATOR_AR in text for text in texts)
    assert any(text.startswith("\u2066[en] ") for text in texts)  # the rest, marked
    report = page.locator("#downloads >> text=HTML").get_attribute("href")
    assert INDICATOR_AR in page.request.get(live_server.url + report).text()
