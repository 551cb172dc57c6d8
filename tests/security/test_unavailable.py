"""A lost database answers 503 with Retry-After (HTML, or the API's error body), never a
traceback; the broken connection is closed so the next request reconnects."""

from __future__ import annotations

import json

import pytest
from django.db import InterfaceError, OperationalError
from django.test import RequestFactory

from logframe.web.unavailable import DatabaseUnavailableMiddleware


@pytest.mark.parametrize("error", [OperationalError("server closed the connection"),
                                   InterfaceError("connection already closed")])  # fmt: skip
def test_a_lost_database_is_a_503_page(error, settings):
    settings.DATABASE_RETRY_AFTER_SECONDS = 7

    def failing(request):
        raise error

    response = DatabaseUnavailableMiddleware(failing)(RequestFactory().post("/funds/X/"))
    assert response.status_code == 503
    assert response["Retry-After"] == "7"
    assert "Nothing you sent was saved" in response.content.decode()


def test_the_api_gets_its_error_body():
    def failing(request):
        raise OperationalError("could not connect to server")

    response = DatabaseUnavailableMiddleware(failing)(RequestFactory().get("/api/projects/"))
    assert response.status_code == 503
    assert json.loads(response.content)["error"]["code"] == "unavailable"


def test_other_errors_are_not_hidden():
    def failing(request):
        raise ValueError("a bug")

    with pytest.raises(ValueError, match="a bug"):
        DatabaseUnavailableMiddleware(failing)(RequestFactory().get("/"))


@pytest.mark.django_db
def test_through_the_whole_stack(client, monkeypatch, django_user_model):
    """A view whose query fails answers 503 through the installed middleware."""
    from logframe.web.dashboards import views

    user = django_user_model.objects.create_user("person", password="a-long-test-password")
    client.force_login(user)

    def lost(*args, **kwargs):
        raise OperationalError("terminating connection due to administrator command")

    monkeypatch.setattr(views, "render", lost)
    response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"]


def test_postgresql_connections_are_health_checked():
    from logframe.settings import database_from_url

    assert database_from_url("postgres://u@h:5432/d")["CONN_HEALTH_CHECKS"] is True


@pytest.mark.django_db
def test_a_lost_database_in_a_middleware_is_a_503_too(monkeypatch, django_user_model):
    """The session is loaded by a middleware, before any view: handler500 answers 503."""
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import Client

    user = django_user_model.objects.create_user("person", password="a-long-test-password")
    client = Client(raise_request_exception=False)
    client.force_login(user)

    def lost(self, *args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(SessionStore, "load", lost)
    response = client.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
