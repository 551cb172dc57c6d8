"""Authentication, the one error body for every refusal, and the schema and its docs page."""

from __future__ import annotations

import re

import pytest
from api_support import PERIOD_URL, assert_error

pytestmark = pytest.mark.django_db

VALUE_URL = PERIOD_URL + "values/1.1.9/"


def test_a_token_for_a_username_and_password(api, users):
    users["undp"].set_password("the-right-one")
    users["undp"].save()
    client = api()
    response = client.post("/api/token/", {"username": "undp", "password": "the-right-one"},
                           format="json")  # fmt: skip
    assert response.status_code == 200
    token = response.json()["token"]
    again = client.post("/api/token/", {"username": "undp", "password": "the-right-one"})
    assert again.json()["token"] == token  # a form post works too; the same key
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.get(PERIOD_URL).status_code == 200


def test_a_wrong_password_gets_no_token(api, users):
    response = api().post("/api/token/", {"username": "undp", "password": "guess"}, format="json")
    error = assert_error(response, 400, "invalid")
    assert "Unable to log in" in error["message"]
    missing = api().post("/api/token/", {"username": "undp"}, format="json")
    assert assert_error(missing, 400, "invalid")["fields"] == {
        "password": "This field is required."
    }


def test_login_attempts_are_throttled(api, users, settings):
    from django.conf import settings as live

    limit = int(live.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["token"].split("/")[0])
    client = api()
    statuses = [
        client.post("/api/token/", {"username": "undp", "password": "guess"}).status_code
        for _ in range(limit + 1)
    ]
    assert statuses == [400] * limit + [429]
    response = client.post("/api/token/", {"username": "undp", "password": "guess"})
    assert "throttled" in assert_error(response, 429, "throttled")["message"]
    assert int(response["Retry-After"]) > 0


def test_token_login_attempts_are_counted_in_the_shared_throttle_cache(api, users):
    """The count is in the workers' shared cache: it survives emptying the default cache
    (a process's own memory when no Redis is configured)."""
    from django.conf import settings as live
    from django.core.cache import cache, caches

    from logframe.accounts import throttle

    limit = int(live.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["token"].split("/")[0])
    client = api()
    for _ in range(limit):
        client.post("/api/token/", {"username": "undp", "password": "guess"})
    cache.clear()
    assert client.post("/api/token/", {"username": "undp", "password": "g"}).status_code == 429
    caches[throttle.CACHE].clear()
    assert client.post("/api/token/", {"username": "undp", "password": "g"}).status_code == 400


def test_a_bad_token_is_401(api, users):
    client = api()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-key")
    assert_error(client.get("/api/projects/"), 401, "authentication_failed")
    assert_error(api().get("/api/projects/"), 401, "not_authenticated")


def test_the_browser_session_works_with_csrf(client, users):
    """Signed in on the web, the API answers; a change without the CSRF token is refused."""
    from django.test import Client

    client.force_login(users["manager"])
    assert client.get("/api/projects/").status_code == 200
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(users["manager"])
    response = strict.patch(VALUE_URL, '{"version": 0}', content_type="application/json")
    assert "CSRF" in assert_error(response, 403, "permission_denied")["message"]


def test_bad_json_is_400(api, users):
    response = api(users["manager"]).patch(
        VALUE_URL, '{"version": 0, "value": ', content_type="application/json"
    )
    assert "JSON parse error" in assert_error(response, 400, "parse_error")["message"]
    not_an_object = api(users["manager"]).patch(VALUE_URL, [1, 2], format="json")
    assert "Expected a dictionary" in assert_error(not_an_object, 400, "invalid")["message"]


def test_other_media_types_are_415(api, users):
    response = api(users["manager"]).patch(VALUE_URL, "version=0", content_type="text/plain")
    assert_error(response, 415, "unsupported_media_type")


def test_other_methods_are_405(api, users):
    client = api(users["manager"])
    assert_error(client.delete(VALUE_URL), 405, "method_not_allowed")
    assert_error(client.post(PERIOD_URL + "values/", {}, format="json"), 405,
                 "method_not_allowed")  # fmt: skip
    assert_error(client.put(VALUE_URL, {"version": 0}, format="json"), 405, "method_not_allowed")


def test_unknown_addresses_are_404_in_the_same_shape(api, users):
    client = api(users["manager"])
    error = assert_error(client.get("/api/nothing/here/"), 404, "not_found")
    assert "/api/docs/" in error["message"]
    error = assert_error(client.get("/api/projects"), 404, "not_found")
    assert "trailing slash" in error["message"]


def test_the_schema_lists_every_endpoint(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    paths = set(schema["paths"])
    period = "/api/projects/{number}/periods/{period}/"
    assert {
        "/api/token/",
        "/api/projects/",
        "/api/projects/{number}/",
        "/api/projects/{number}/languages/",
        "/api/projects/{number}/periods/",
        period,
        period + "values/",
        period + "values/{indicator}/",
        period + "findings/",
        period + "finance/",
        period + "finance/{organisation}/",
        period + "narratives/",
        period + "narratives/{output}/",
        period + "values/{indicator}/evidence/",
        period + "values/{indicator}/evidence/{evidence}/",
        period + "values/{indicator}/evidence/{evidence}/file/",
        period + "beneficiaries/",
        period + "beneficiaries/{group}/",
        period + "texts/",
        period + "submit/",
        period + "approve/",
        period + "return/",
        period + "reopen/",
        period + "snapshots/",
        period + "snapshots/{snapshot}/",
        # the activity register's routes (their own tests: tests/activities)
        period + "activities/",
        period + "activities/{id}/",
        period + "activities/{id}/decision/",
    } == paths
    patch = schema["paths"][period + "values/{indicator}/"]["patch"]
    assert {"200", "400", "401", "403", "404", "409"} <= set(patch["responses"])
    assert set(schema["components"]["securitySchemes"]) == {"tokenAuth", "cookieAuth"}
    assert "post" in schema["paths"]["/api/projects/{number}/periods/"]  # open the next quarter
    lists = ["values/", "findings/", "finance/", "narratives/", "beneficiaries/", "snapshots/",
             "values/{indicator}/evidence/"]  # fmt: skip
    for name in ["/api/projects/{number}/periods/", *(period + path for path in lists)]:
        parameters = {p["name"] for p in schema["paths"][name]["get"]["parameters"]}
        assert {"page", "page_size"} <= parameters, name
        answer = schema["paths"][name]["get"]["responses"]["200"]["content"]["application/json"]
        shape = schema["components"]["schemas"][answer["schema"]["$ref"].split("/")[-1]]
        assert {"count", "next", "previous", "results"} <= set(shape["properties"]), name


def test_the_docs_page_needs_no_network(client):
    """Swagger UI comes from our own static files (drf-spectacular-sidecar), not a CDN."""
    from django.contrib.staticfiles import finders

    page = client.get("/api/docs/").content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert assets, page
    assert not [a for a in assets if a.startswith(("http:", "https:", "//"))]
    scripts = [a for a in assets if a.endswith(".js")]
    assert any("swagger-ui-bundle.js" in a for a in scripts)
    for asset in scripts:
        assert finders.find(asset.removeprefix("/static/")), asset
    assert "/api/schema/" in page
