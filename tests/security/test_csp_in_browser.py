"""The main pages in Chromium under the Content-Security-Policy: not one violation.

Chromium reports each refused script, style or source twice: a console error, and a
``securitypolicyviolation`` event on the document (listened for before any page script
runs). Pages are loaded by a fund administrator who is also staff (for the admin), and the
scripts' own work is done (the charts drawn, an htmx save on the entry page), since a
script can inject what its page does not carry.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} line ${e.lineNumber}`);
});
"""
PROJECT = "/funds/UNDG-ITF/projects/G11-23/"
PAGES = [
    "/funds/UNDG-ITF/",
    "/funds/UNDG-ITF/report/",
    PROJECT,
    PROJECT + "report/",
    PROJECT + "history/",
    PROJECT + "2013Q1/activities/",
    PROJECT + "translations/",
    PROJECT + "2013Q1/template/",
    "/preferences/",
    "/admin/",
    "/admin/portfolio/project/",
    "/admin/auth/user/add/",
]


@pytest.fixture
def staff_admin(make_member, loaded_project):
    user = make_member("admin", "fund_admin", loaded_project, fund_wide=True)
    user.is_staff = user.is_superuser = True
    user.save()
    return user


@pytest.fixture
def watched(page):
    """The page, and the list its CSP violations and script errors are added to."""
    seen: list[str] = []
    page.add_init_script(LISTEN)
    page.on(
        "console", lambda m: seen.append(m.text) if "Content Security Policy" in m.text else None
    )
    page.on("pageerror", lambda error: seen.append(f"script error: {error}"))
    return page, seen


def _keep(seen: list[str], text: str) -> None:
    if "Content Security Policy" in text:
        seen.append(text)


def _violations(page) -> list[str]:
    return page.evaluate("window.__violations || []")


def _log_in(page, live_server) -> None:
    page.goto(live_server.url + "/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "a-long-test-password")
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/login/" not in url)


def test_the_main_pages_run_under_the_policy(live_server, watched, staff_admin):
    page, seen = watched
    page.goto(live_server.url + "/login/")
    assert page.evaluate("document.querySelector('main') !== null")
    _log_in(page, live_server)
    found = {}
    for path in PAGES:
        response = page.goto(live_server.url + path)
        assert response is not None
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
        found[path] = _violations(page)
    assert not seen, "\n".join(seen)
    assert not any(found.values()), found


def test_the_charts_are_drawn_under_the_policy(live_server, watched, staff_admin):
    page, seen = watched
    _log_in(page, live_server)
    for path in ("/funds/UNDG-ITF/report/?period=2013Q1", PROJECT):
        page.goto(live_server.url + path)
        page.wait_for_load_state("networkidle")
        assert page.locator("canvas").count() >= 1, path
        assert not _violations(page), path
    assert not seen, "\n".join(seen)


def test_an_htmx_save_on_the_entry_page_under_the_policy(live_server, watched, staff_admin):
    page, seen = watched
    _log_in(page, live_server)
    page.goto(live_server.url + PROJECT + "2013Q1/entry/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("typeof htmx") == "object"
    assert page.evaluate("htmx.config.includeIndicatorStyles") is False
    form = page.locator("form[hx-post]:has(textarea)").first
    form.locator("textarea").first.fill("Said under the policy")
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        form.locator("button[type=submit]").first.click()
    assert answer.value.status == 200
    # The answer is swapped in after the response arrives: wait for it, do not count at once
    # (networkidle was already reached before the click, so it does not wait for the swap).
    page.wait_for_selector("text=Said under the policy", state="attached", timeout=15_000)
    assert page.evaluate("document.querySelectorAll('head style').length") == 0
    assert not _violations(page)
    assert not seen, "\n".join(seen)


def test_the_api_docs_load_under_their_own_policy(live_server, watched):
    page, seen = watched
    page.goto(live_server.url + "/api/docs/")
    page.wait_for_selector(".swagger-ui .info", timeout=20_000)
    assert not _violations(page)
    assert not seen, "\n".join(seen)
