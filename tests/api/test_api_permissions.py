"""Who may change what through the API: each role of the demo, each write endpoint.

The same rights as the web (``tests/entry/test_entry_permissions.py``): anonymous → 401;
a stranger to the fund → 404 (the project is as unknown as one that does not exist); a
viewer or reviewer → 403; a focal point only on its agency's outputs and finance line
(UNDP leads 1.1, UNOPS leads 2.2); the manager and the fund administrator everything.
Nobody changes a submitted or approved quarter: 409 for those who otherwise may.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from api_support import PERIOD_URL, ROLES, assert_error, set_state

pytestmark = pytest.mark.django_db


@dataclass(frozen=True)
class Write:
    path: str
    body: dict[str, object]
    allowed: frozenset[str]

    def url(self) -> str:
        return PERIOD_URL + self.path


UNDP_LINE = frozenset({"admin", "manager", "undp"})
UNOPS_LINE = frozenset({"admin", "manager", "unops"})

WRITES = {
    "value, UNDP's output": Write("values/1.1.9/", {"value": "500", "version": 0}, UNDP_LINE),
    "value, UNOPS's output": Write("values/2.2.1/", {"value": "7", "version": 0}, UNOPS_LINE),
    "value, shared output": Write(
        "values/2.1.3/", {"value": "3", "version": 0}, UNDP_LINE | UNOPS_LINE
    ),
    "finance, UNDP": Write("finance/UNDP/", {"committed": "6000000", "version": 0}, UNDP_LINE),
    "finance, UNOPS": Write(
        "finance/UNOPS/", {"disbursed": "6800000.50", "version": 0}, UNOPS_LINE
    ),
    "narrative, UNDP's output": Write(
        "narratives/1.1/", {"narrative": "<p>Done.</p>", "version": 0}, UNDP_LINE
    ),
    "narrative, UNOPS's output": Write(
        "narratives/3.1/", {"narrative": "<p>Done.</p>", "version": 0}, UNOPS_LINE
    ),
}


def test_every_write_endpoint_is_in_the_matrix():
    """A new PATCH route must come with its line here."""
    from logframe.api import urls

    writes = {
        p.name
        for p in urls.urlpatterns
        if getattr(p, "callback", None) is not None
        and hasattr(p.callback, "cls")
        and hasattr(p.callback.cls, "patch")
    }
    assert writes == {"api-value", "api-finance-line", "api-narrative"}
    covered = {w.path.split("/")[0] for w in WRITES.values()}
    assert covered == {"values", "finance", "narratives"}


@pytest.mark.parametrize("role", [*ROLES, "stranger", "anonymous"])
@pytest.mark.parametrize("name", sorted(WRITES))
def test_matrix(api, users, name, role):
    write = WRITES[name]
    response = api(users.get(role)).patch(write.url(), write.body, format="json")
    if role == "anonymous":
        assert_error(response, 401, "not_authenticated")
        assert response["WWW-Authenticate"] == "Token"
    elif role == "stranger":
        assert_error(response, 404, "not_found")
    elif role in write.allowed:
        assert response.status_code == 200, response.json()
        assert response.json()["version"] == 1
    else:
        error = assert_error(response, 403, "permission_denied")
        assert "may not" in error["message"]


LOCKED = ["value, UNDP's output", "finance, UNOPS", "narrative, UNDP's output"]


@pytest.mark.parametrize("state", ["submitted", "approved"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", LOCKED)
def test_nobody_changes_a_locked_quarter(api, users, name, role, state):
    """409 for those with the right to the line; 403 still for those without it."""
    set_state(state)
    write = WRITES[name]
    response = api(users[role]).patch(write.url(), write.body, format="json")
    if role in write.allowed:
        error = assert_error(response, 409, "quarter_locked")
        assert error["state"] == state
        assert state in error["message"]
    else:
        assert_error(response, 403, "permission_denied")


@pytest.mark.parametrize("role", [*ROLES, "stranger"])
def test_everyone_in_the_fund_reads_and_nobody_else(api, users, role):
    paths = ["", "values/", "values/1.1.9/", "findings/", "finance/", "finance/UNOPS/",
             "narratives/", "narratives/1.1/"]  # fmt: skip
    client = api(users[role])
    statuses = {client.get(PERIOD_URL + path).status_code for path in paths}
    assert statuses == ({404} if role == "stranger" else {200})
    listed = client.get("/api/projects/").json()["results"]
    assert [p["number"] for p in listed] == ([] if role == "stranger" else ["G11-23"])


def test_a_returned_quarter_is_open_again(api, users):
    set_state("returned")
    write = WRITES["value, UNDP's output"]
    assert api(users["undp"]).patch(write.url(), write.body, format="json").status_code == 200
