"""A fund's secretariat opens the consolidated report: the trend chart is drawn, and a
sector's figure leads to its projects, then to a project's overview."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PAINTED = """canvas => {
  const data = canvas.getContext("2d").getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
  return painted;
}"""


def test_the_fund_report_draws_its_trend_and_drills_down(
    live_server, open_page, load_fund, django_user_model
):
    from logframe.accounts.models import Membership

    fund = load_fund("SYN", projects=6, quarters=4, seed=5)
    user = django_user_model.objects.create_user("secretariat", password="a-long-test-password")
    Membership.objects.create(user=user, fund=fund, project=None, role="viewer")
    page = open_page(1280, 900)
    page.goto(live_server.url + "/login/")
    page.fill("#id_username", "secretariat")
    page.fill("#id_password", "a-long-test-password")
    page.keyboard.press("Enter")
    page.wait_for_url("**/funds/SYN/")
    page.click("text=The fund's consolidated report")
    page.wait_for_url("**/funds/SYN/report/")
    assert "Consolidated report, 2012Q4" in page.locator("h1").inner_text()
    canvas = page.locator("#trend-chart")
    canvas.wait_for(state="visible")
    assert canvas.evaluate(PAINTED) > 1000
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "fund-report.png"), full_page=False)

    first_sector = page.locator("#sectors tbody tr").first.locator("td a").first
    sector = first_sector.inner_text()
    first_sector.click()
    page.wait_for_url("**/report/projects/**")
    assert sector in page.locator("h1").inner_text()
    rows = page.locator("#drill tbody tr td.project-cell a")
    assert rows.count() >= 1
    rows.first.click()
    page.wait_for_url("**/funds/SYN/projects/S*/**")
