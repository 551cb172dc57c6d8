"""Schemathesis against /api/schema/, in process through the WSGI app: no input gives a 500,
and every documented answer matches its schema.

Each operation is called with what the schema allows and with what it does not (negative
mode: wrong types, missing fields, bad JSON shapes), signed in as the project manager; an
operation on a project's quarter is called again with the names of real rows, so the
bodies reach the services. Bounded: a few dozen examples per operation, deterministic.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

MAX_EXAMPLES = 6
# no 5xx; and every answer the schema documents has the documented shape
CHECKS = [not_a_server_error, response_schema_conformance]
REAL = {"number": "G11-23", "period": "2013Q1", "indicator": "1.1.9", "organisation": "UNDP",
        "output": "1.1", "group": "men", "evidence": 1, "snapshot": 1,
        "id": 1}  # fmt: skip


def _schema():
    """The schema as the running app serves it (no database needed to serve it)."""
    from logframe.wsgi import application

    loaded = schemathesis.openapi.from_wsgi("/api/schema/", application)
    loaded.config.generation.update(
        max_examples=MAX_EXAMPLES,
        modes=["positive", "negative"],
        deterministic=True,
        database="none",
        allow_x00=True,
    )
    return loaded


@pytest.fixture
def _connection_kept():
    """As Django's test client does: the end of a request must not close the connection
    (on PostgreSQL it would, in the middle of the test's transaction)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def manager_token(make_member, loaded_project):
    from rest_framework.authtoken.models import Token

    manager = make_member("manager", "project_manager", loaded_project, "UNDP")
    return Token.objects.create(user=manager).key


schema = _schema()


@schema.parametrize()
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@pytest.mark.django_db
@pytest.mark.usefixtures("_connection_kept")
def test_no_server_errors(case, manager_token):
    headers = {"Authorization": f"Token {manager_token}"}
    case.call_and_validate(headers=headers, checks=CHECKS)
    if case.path_parameters:
        case.path_parameters = {name: REAL[name] for name in case.path_parameters}
        case.call_and_validate(headers=headers, checks=CHECKS)
