"""The Content-Security-Policy header on every response, and nothing in our pages that it
would refuse: no inline <style>, no style= attribute, no inline script."""

from __future__ import annotations

import re

import pytest
from django.db import OperationalError
from django.urls import reverse

from logframe.web.csp import POLICY, RELAXED

pytestmark = pytest.mark.django_db

ARGS = {"fund": "UNDG-ITF", "number": "G11-23"}
PERIOD = {**ARGS, "period": "2013Q1"}
PAGES = [
    ("fund", {"code": "UNDG-ITF"}),
    ("project", ARGS),
    ("project-report", ARGS),
    ("project-history", ARGS),
    ("project-entry", PERIOD),
    ("workbook-upload", PERIOD),
    ("activity-register", PERIOD),
    ("project-translations", ARGS),
    ("preferences", {}),
    ("password_change", {}),
]
# What a policy without 'unsafe-inline' refuses in a page we wrote.
INLINE_STYLE = re.compile(r"<style[\s>]|\sstyle\s*=", re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\ssrc=)(?![^>]*type=\"application/json\")[^>]*>",
                           re.IGNORECASE)  # fmt: skip
HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)


def test_the_policy_has_no_unsafe_source():
    assert "'unsafe-inline'" not in POLICY
    assert "'unsafe-eval'" not in POLICY
    for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'",
                      "object-src 'none'", "frame-ancestors 'none'", "base-uri 'self'",
                      "form-action 'self'", "img-src 'self' data:", "font-src 'self'"):  # fmt: skip
        assert directive in POLICY


@pytest.mark.parametrize(("name", "kwargs"), PAGES, ids=[name for name, _ in PAGES])
def test_pages_carry_the_policy_and_nothing_it_refuses(client, users, name, kwargs):
    client.force_login(users["admin"])
    response = client.get(reverse(name, kwargs=kwargs))
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == POLICY
    html = response.content.decode()
    assert not INLINE_STYLE.findall(html)
    assert not INLINE_SCRIPT.findall(html)
    assert not HANDLER.findall(html)


def test_the_login_page_static_files_and_errors_carry_it(client, users):
    for path in ("/login/", reverse("report-css"), "/no/such/page/"):
        assert client.get(path)["Content-Security-Policy"] == POLICY
    client.force_login(users["admin"])
    assert client.get("/api/projects/")["Content-Security-Policy"] == POLICY


def test_the_503_page_carries_it_and_needs_no_inline_style(client, monkeypatch, django_user_model):
    from logframe.web.dashboards import views

    client.force_login(django_user_model.objects.create_user("person", password="long-pass-1234"))

    def lost(*args, **kwargs):
        raise OperationalError("terminating connection due to administrator command")

    monkeypatch.setattr(views, "render", lost)
    response = client.get("/")
    assert response.status_code == 503
    assert response["Content-Security-Policy"] == POLICY
    assert not INLINE_STYLE.findall(response.content.decode())


def test_only_the_api_docs_allow_inline_script(client):
    response = client.get(reverse("api-docs"))
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == RELAXED["api-docs"]
    assert [name for name, policy in RELAXED.items() if "'unsafe-inline'" in policy] == ["api-docs"]


def test_the_admin_keeps_the_strict_policy(client, users, django_user_model):
    staff = django_user_model.objects.create_superuser("root", password="a-long-test-password")
    client.force_login(staff)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == POLICY
    assert not INLINE_SCRIPT.findall(response.content.decode())


def test_the_report_columns_are_classes_in_the_stylesheet(client, users):
    client.force_login(users["admin"])
    html = client.get(reverse("project-report", kwargs=ARGS)).content.decode()
    widths = set(re.findall(r'<col class="(w\d+)">', html))
    assert widths
    css = client.get(reverse("report-css")).content.decode()
    for width in widths:
        assert f"col.{width} {{ width: {width[1:]}%; }}" in css


def _style_allowed(response) -> None:
    """The response's one <style> is allowed by its hash, and nothing else inline is."""
    import base64
    import hashlib

    html = response.content.decode()
    styles = re.findall(r"<style>(.*?)</style>", html, re.DOTALL)
    assert len(styles) == 1
    digest = base64.b64encode(hashlib.sha256(styles[0].encode()).digest()).decode()
    policy = response["Content-Security-Policy"]
    assert f"'sha256-{digest}'" in policy
    assert "'unsafe-inline'" not in policy
    assert not INLINE_SCRIPT.findall(html)
    assert not HANDLER.findall(html)
    assert not re.findall(r"\sstyle\s*=", html)


def test_a_snapshots_report_is_allowed_its_own_style_only(client, users, loaded_project):
    from urlmap import world_make

    world_make(loaded_project, users["admin"])
    client.force_login(users["admin"])
    response = client.get(reverse("snapshot-report", kwargs={**PERIOD, "n": 1}))
    assert response.status_code == 200
    _style_allowed(response)


def test_the_fund_reports_html_is_allowed_its_own_style_only(client, users):
    client.force_login(users["admin"])
    path = reverse("fund-report-download", kwargs={"code": "UNDG-ITF", "fmt": "html"})
    response = client.get(path + "?period=2013Q1")
    assert response.status_code == 200
    _style_allowed(response)
