"""The register in a real browser (Debian's Chromium through Playwright): a UNDP focal
point opens the project's Activities tab, confirms a workshop the narrative proposed, and
sees the bound indicator 1.3.6 go from 0 to 1. Saves docs/screenshots/activity-register.png.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from logframe.activities import models as a
from logframe.activities import services as s
from logframe.domain.register.figures import RuleKind, RuleScope
from logframe.portfolio import models as m

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def test_a_focal_point_confirms_and_the_indicator_follows(
    live_server, open_page, seed, manager, undp
) -> None:
    indicator = m.Indicator.objects.get(result__project=seed, code="1.3.6")
    s.rule_bind(
        indicator=indicator, kind=RuleKind.ACTIVITIES, scope=RuleScope.PERIOD,
        group=a.ActivityGroup.objects.get(code="capacity-building"), actor=manager,
    )  # fmt: skip
    page = open_page(1280, 900)
    page.goto(live_server.url + "/login/")
    page.fill("#id_username", "undp")
    page.fill("#id_password", "a-long-test-password")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto(live_server.url + "/funds/UNDG-ITF/projects/G11-23/")
    page.click("nav.tabs >> text=Activities")
    page.wait_for_url("**/2013Q1/activities/")
    figure = page.locator("#figure-136 [data-value]")
    assert figure.inner_text() == "0"
    row = page.locator("#register tbody tr", has_text="Workshop on means of expediting")
    assert row.locator(".status").inner_text() == "Proposed"
    with page.expect_navigation():
        row.locator("button[value=confirmed]").click()
    assert page.locator("#figure-136 [data-value]").inner_text() == "1"
    row = page.locator("#register tbody tr", has_text="Workshop on means of expediting")
    assert row.locator(".status").inner_text() == "Confirmed"
    assert "confirmed." in page.locator(".messages").inner_text()
    assert m.IndicatorValue.objects.get(period__project=seed, indicator=indicator).value == 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "activity-register.png"), full_page=True)
    page.click("#figure-136 a")
    page.wait_for_url("**/computed/1.3.6/")
    assert "Workshop on means of expediting" in page.locator("#behind").inner_text()
