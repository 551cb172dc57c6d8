"""A focal point downloads the template from the upload page, fills it, uploads it, and sees
what changed; then uploads a broken one and sees every problem by cell. Debian's Chromium
through Playwright; a screenshot for docs/."""

from __future__ import annotations

from pathlib import Path

import pytest
from workbook_support import fill, row_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
UPLOAD = "/funds/UNDG-ITF/projects/G11-23/2013Q1/template/"


def test_download_fill_upload(live_server, browser, undp, tmp_path: Path):
    from logframe.portfolio import models as m

    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.goto(live_server.url + "/login/?next=" + UPLOAD)
    page.fill("#id_username", "undp")
    page.fill("#id_password", "a-long-test-password")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == live_server.url + UPLOAD

    with page.expect_download() as download:
        page.click("text=Template: UNDP's lines")
    template = tmp_path / download.value.suggested_filename
    download.value.save_as(template)
    assert template.name == "G11-23-2013Q1-UNDP-template.xlsx"

    data = template.read_bytes()
    row = row_of(data, "Indicators", "1.2.1")
    filled = tmp_path / "filled.xlsx"
    filled.write_bytes(fill(data, {("Indicators", f"F{row}"): 2, ("Finance", "E5"): 5_600_000}))
    page.set_input_files("#workbook", str(filled))
    with page.expect_navigation():
        page.click("form[enctype] button[type=submit]")
    summary = page.locator("[role=status]").inner_text()
    assert "filled.xlsx: saved" in summary
    assert f"Indicators!F{row}" in summary
    assert "5600000" in summary
    page.screenshot(path=str(SCREENSHOTS / "workbook-upload.png"), full_page=True)
    value = m.IndicatorValue.objects.get(period__year=2013, indicator__code="1.2.1")
    assert value.value == 2

    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(fill(data, {("Finance", "D5"): "a lot", ("Finance", "E5"): -1}))
    page.set_input_files("#workbook", str(broken))
    with page.expect_navigation():
        page.click("form[enctype] button[type=submit]")
    problems = page.locator("[role=alert] li").all_inner_texts()
    assert problems == [
        "Finance!D5: 'a lot' is text where a number belongs",
        "Finance!E5: -1 is negative; a number here is 0 or more",
    ]
    context.close()
