"""Who may change what through the API: each role of the demo, each write endpoint.

The same rights as the web (``tests/entry/test_entry_permissions.py``): anonymous → 401;
a stranger to the fund → 404 (the project is as unknown as one that does not exist); a
viewer → 403; a focal point only on its agency's outputs and finance line (UNDP leads
1.1, UNOPS leads 2.2); the manager and the fund administrator everything a project's
lines hold; a reviewer approves and returns; only the fund administrator reopens.
Nobody changes a submitted or approved quarter: 409 for those who otherwise may.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from api_support import PERIOD_URL, ROLES, assert_error, attach_evidence, pdf_upload, set_state

pytestmark = pytest.mark.django_db

PROJECT_URL = "/api/projects/G11-23/"


@dataclass(frozen=True)
class Write:
    route: str  # the URL's name in api/urls.py
    method: str
    path: str  # under the quarter; "/…" from the root; {evidence}: an evidence's id
    body: dict[str, object]
    allowed: frozenset[str]
    state: str = "open"  # the quarter's state the write starts from
    ok: int = 200
    files: bool = False  # a multipart upload (the body gets a fresh file)
    changes_lines: bool = True  # refused with quarter_locked once submitted

    def url(self, evidence: int | None = None) -> str:
        path = self.path.format(evidence=evidence)
        return path if path.startswith("/") else PERIOD_URL + path

    def send(self, client, evidence: int | None = None):
        body = {**self.body, "file": pdf_upload()} if self.files else self.body
        send = getattr(client, self.method)
        return send(self.url(evidence), body, format="multipart" if self.files else "json")


UNDP_LINE = frozenset({"admin", "manager", "undp"})
UNOPS_LINE = frozenset({"admin", "manager", "unops"})
MANAGERS = frozenset({"admin", "manager"})
REVIEWERS = frozenset({"admin", "reviewer"})

WRITES = {
    "value, UNDP's output": Write(
        "api-value", "patch", "values/1.1.9/", {"value": "500", "version": 0}, UNDP_LINE
    ),
    "value, UNOPS's output": Write(
        "api-value", "patch", "values/2.2.1/", {"value": "7", "version": 0}, UNOPS_LINE
    ),
    "value, shared output": Write(
        "api-value", "patch", "values/2.1.3/", {"value": "3", "version": 0}, UNDP_LINE | UNOPS_LINE
    ),
    "finance, UNDP": Write(
        "api-finance-line", "patch", "finance/UNDP/", {"committed": "6000000", "version": 0},
        UNDP_LINE,
    ),
    "finance, UNOPS": Write(
        "api-finance-line", "patch", "finance/UNOPS/", {"disbursed": "6800000.50", "version": 0},
        UNOPS_LINE,
    ),
    "narrative, UNDP's output": Write(
        "api-narrative", "patch", "narratives/1.1/", {"narrative": "<p>Done.</p>", "version": 0},
        UNDP_LINE,
    ),
    "narrative, UNOPS's output": Write(
        "api-narrative", "patch", "narratives/3.1/", {"narrative": "<p>Done.</p>", "version": 0},
        UNOPS_LINE,
    ),
    "beneficiaries": Write(
        "api-group", "patch", "beneficiaries/men/", {"actual": "1500", "version": 0}, MANAGERS
    ),
    "texts": Write("api-texts", "patch", "texts/", {"summary": "<p>On track.</p>", "version": 0},
                   MANAGERS),
    "evidence upload, UNDP's output": Write(
        "api-evidence", "post", "values/1.1.9/evidence/", {"description": "list"}, UNDP_LINE,
        ok=201, files=True,
    ),
    "evidence upload, UNOPS's output": Write(
        "api-evidence", "post", "values/2.2.1/evidence/", {}, UNOPS_LINE, ok=201, files=True
    ),
    "evidence removal": Write(
        "api-evidence-item", "delete", "values/1.1.9/evidence/{evidence}/", {}, UNDP_LINE, ok=204
    ),
    "submit": Write("api-submit", "post", "submit/", {"version": 0}, MANAGERS,
                    changes_lines=False),
    "approve": Write("api-approve", "post", "approve/", {}, REVIEWERS, state="submitted",
                     changes_lines=False),
    "return": Write("api-return", "post", "return/", {"comment": "Add the sources."}, REVIEWERS,
                    state="submitted", changes_lines=False),
    "reopen": Write("api-reopen", "post", "reopen/", {"reason": "A typo in 1.1.9."},
                    frozenset({"admin"}), state="approved", changes_lines=False),
    "project languages": Write("api-project-languages", "put", PROJECT_URL + "languages/",
                               {"original": "en", "languages": ["ar"]}, MANAGERS,
                               changes_lines=False),
    "open the next quarter": Write("api-periods", "post", PROJECT_URL + "periods/", {}, MANAGERS,
                                   state="submitted", ok=201, changes_lines=False),
}  # fmt: skip

WRITE_METHODS = ("post", "put", "patch", "delete")


def test_every_write_endpoint_is_in_the_matrix():
    """A new route that changes anything must come with its lines here."""
    from logframe.api import urls

    writes = {
        (p.name, method)
        for p in urls.urlpatterns
        if getattr(p, "callback", None) is not None and hasattr(p.callback, "cls")
        for method in WRITE_METHODS
        if hasattr(p.callback.cls, method) and p.name != "api-token"
    }
    assert writes == {(w.route, w.method) for w in WRITES.values()}


@pytest.fixture
def evidence_id(users):
    return attach_evidence(users["manager"]).pk


@pytest.mark.parametrize("role", [*ROLES, "stranger", "anonymous"])
@pytest.mark.parametrize("name", sorted(WRITES))
def test_matrix(api, users, name, role, evidence_id):
    write = WRITES[name]
    set_state(write.state)
    response = write.send(api(users.get(role)), evidence_id)
    if role == "anonymous":
        assert_error(response, 401, "not_authenticated")
        assert response["WWW-Authenticate"] == "Token"
    elif role == "stranger":
        assert_error(response, 404, "not_found")
    elif role in write.allowed:
        assert response.status_code == write.ok, response.content
        if write.method == "patch":
            assert response.json()["version"] == 1
    else:
        error = assert_error(response, 403, "permission_denied")
        assert "may not" in error["message"] or error["message"].startswith("Only ")


LOCKED = sorted(
    {"value, UNDP's output", "finance, UNOPS", "narrative, UNDP's output", "beneficiaries",
     "texts", "evidence upload, UNDP's output", "evidence removal"}
)  # fmt: skip


@pytest.mark.parametrize("state", ["submitted", "approved"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", LOCKED)
def test_nobody_changes_a_locked_quarter(api, users, name, role, state, evidence_id):
    """409 for those with the right to the line; 403 still for those without it."""
    set_state(state)
    write = WRITES[name]
    response = write.send(api(users[role]), evidence_id)
    if role in write.allowed:
        error = assert_error(response, 409, "quarter_locked")
        assert error["state"] == state
        assert state in error["message"]
    else:
        assert_error(response, 403, "permission_denied")


def test_every_line_write_is_tried_on_a_locked_quarter():
    kinds = {WRITES[name].route for name in LOCKED}
    assert kinds == {w.route for w in WRITES.values() if w.changes_lines}


@pytest.mark.parametrize("role", [*ROLES, "stranger"])
def test_everyone_in_the_fund_reads_and_nobody_else(api, users, role, evidence_id):
    paths = ["", "values/", "values/1.1.9/", "findings/", "finance/", "finance/UNOPS/",
             "narratives/", "narratives/1.1/", "beneficiaries/", "beneficiaries/men/", "texts/",
             "snapshots/", "values/1.1.9/evidence/", f"values/1.1.9/evidence/{evidence_id}/",
             f"values/1.1.9/evidence/{evidence_id}/file/"]  # fmt: skip
    client = api(users[role])
    statuses = {path: client.get(PERIOD_URL + path).status_code for path in paths}
    assert set(statuses.values()) == ({404} if role == "stranger" else {200}), statuses
    listed = client.get("/api/projects/").json()["results"]
    assert [p["number"] for p in listed] == ([] if role == "stranger" else ["G11-23"])


def test_a_returned_quarter_is_open_again(api, users):
    set_state("returned")
    write = WRITES["value, UNDP's output"]
    assert write.send(api(users["undp"])).status_code == 200
