"""Who may POST to which data-entry endpoint: the matrix, generated from the URL names.

Every endpoint of ``logframe.web.entry.urls`` that is not a page to read must have a case
here, so a new endpoint cannot be forgotten. Expected: anonymous → the login page; a
stranger → 404; a viewer → 403; a focal point only on its agency's outputs and finance;
the manager on the whole project; a reviewer approves and returns but enters nothing; a
fund administrator everything; nobody changes a submitted or approved quarter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from entry_support import (
    beneficiary_data,
    finance_data,
    narrative_data,
    period_of,
    texts_data,
    url,
    value_data,
    value_of,
)

from logframe.web.entry import urls as entry_urls

pytestmark = pytest.mark.django_db

PAGES = {"project-entry-latest", "project-entry", "entry-findings", "evidence-file"}
ROLES = ("anonymous", "stranger", "viewer", "undp", "unops", "manager", "reviewer", "admin")
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def _evidence(code: str) -> Callable[[], dict[str, object]]:
    return lambda: {f"e{_indicator_pk(code)}-file": SimpleUploadedFile("a.pdf", PDF)}


def _indicator_pk(code: str) -> int:
    return value_of(code).indicator.pk


def _evidence_on(code: str) -> Callable[[], dict[str, object]]:
    """The URL arguments of a file attached to ``code``'s value (attached when called)."""

    def attached() -> dict[str, object]:
        from django.core.files.base import ContentFile

        from logframe.portfolio.models import Evidence

        evidence = Evidence(
            indicator_value=value_of(code), name="a.pdf", content_type="application/pdf",
            size=len(PDF), sha256="0" * 64,
        )  # fmt: skip
        evidence.file.save("evidence", ContentFile(PDF), save=False)
        evidence.save()
        return {"pk": evidence.pk}

    return attached


@dataclass(frozen=True)
class Case:
    """How to call one endpoint, in which state of the quarter, and who gets through."""

    kwargs: dict[str, object] | Callable[[], dict[str, object]]
    data: Callable[[], dict[str, object]]
    allowed: frozenset[str]
    state: str = "open"
    extra: dict[str, str] = field(default_factory=dict)

    def url_kwargs(self) -> dict[str, object]:
        return self.kwargs() if callable(self.kwargs) else self.kwargs


EVERYONE_WHO_ENTERS_UNDP = frozenset({"undp", "manager", "admin"})
MANAGERS = frozenset({"manager", "admin"})
REVIEWERS = frozenset({"reviewer", "admin"})

CASES: dict[str, Case] = {
    "entry-value": Case(
        {"code": "1.1.9"},
        lambda: value_data("1.1.9", value="498", male="470", female="28"),
        EVERYONE_WHO_ENTERS_UNDP,
    ),
    "entry-evidence": Case({"code": "1.1.9"}, _evidence("1.1.9"), EVERYONE_WHO_ENTERS_UNDP),
    "entry-evidence-remove": Case(_evidence_on("1.1.9"), dict, EVERYONE_WHO_ENTERS_UNDP),
    "entry-finance": Case(
        {"organisation": "UNDP"},
        lambda: finance_data(
            "UNDP", committed="5,900,000", disbursed="5,600,000", forecast_final_date="2013-12-31"
        ),
        EVERYONE_WHO_ENTERS_UNDP,
    ),
    "entry-beneficiary": Case(
        {"group": "men"}, lambda: beneficiary_data("men", target="1471", actual="1460"), MANAGERS
    ),
    "entry-narrative": Case(
        {"code": "1.1"}, lambda: narrative_data("1.1", "<p>New text.</p>"), EVERYONE_WHO_ENTERS_UNDP
    ),
    "entry-texts": Case(
        {}, lambda: texts_data(summary="S", constraints="C", procurement="P"), MANAGERS
    ),
    "period-submit": Case({}, dict, MANAGERS),
    "period-approve": Case({}, dict, REVIEWERS, state="submitted"),
    "period-return": Case({}, lambda: {"comment": "Check 1.1.9."}, REVIEWERS, state="submitted"),
    "period-reopen": Case(
        {}, lambda: {"reason": "A typo in 1.1.9."}, frozenset({"admin"}), "approved"
    ),
    "period-open-next": Case({}, dict, MANAGERS, state="submitted"),
}


def _endpoint_names() -> list[str]:
    return sorted(p.name for p in entry_urls.urlpatterns if p.name and p.name not in PAGES)


def test_every_entry_endpoint_is_in_the_matrix():
    assert set(_endpoint_names()) == set(CASES)


@pytest.fixture
def users(stranger, viewer, undp, unops, manager, reviewer, admin):
    return {
        "stranger": stranger,
        "viewer": viewer,
        "undp": undp,
        "unops": unops,
        "manager": manager,
        "reviewer": reviewer,
        "admin": admin,
    }


def outcome(response) -> str:
    """ "login", "ok" (a redirect back to a page), or the status code."""
    if response.status_code == 302:
        return "login" if "/login/" in response["Location"] else "ok"
    return str(response.status_code)


def _post(client, users, role: str, name: str):
    case = CASES[name]
    if case.state != "open":
        type(period_of()).objects.filter(pk=period_of().pk).update(state=case.state)
    if role != "anonymous":
        client.force_login(users[role])
    return client.post(url(name, **case.url_kwargs()), case.data())


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", _endpoint_names())
def test_matrix(client, users, name, role):
    expected = {"anonymous": "login", "stranger": "404"}.get(role)
    if expected is None:
        expected = "ok" if role in CASES[name].allowed else "403"
    assert outcome(_post(client, users, role, name)) == expected


LOCKING = ["entry-value", "entry-evidence", "entry-evidence-remove", "entry-finance",
           "entry-beneficiary", "entry-narrative", "entry-texts", "period-submit"]  # fmt: skip


@pytest.mark.parametrize("state", ["submitted", "approved"])
@pytest.mark.parametrize("role", ["undp", "manager", "admin"])
@pytest.mark.parametrize("name", LOCKING)
def test_nobody_changes_a_submitted_or_approved_quarter(client, users, name, role, state):
    type(period_of()).objects.filter(pk=period_of().pk).update(state=state)
    before = value_of("1.1.9").version
    client.force_login(users[role])
    response = client.post(url(name, **CASES[name].url_kwargs()), CASES[name].data())
    assert response.status_code == 403
    if role in CASES[name].allowed:  # refused for the state, and told so
        assert f"is {state}" in response.content.decode()
    assert value_of("1.1.9").version == before


@pytest.mark.parametrize(
    ("code", "expected"),
    [("2.2.2", 403), ("3.1.4", 403), ("1.3.7", 302), ("1.1.9", 302)],
)
def test_a_focal_point_enters_only_its_agencys_outputs(as_user, undp, code, expected):
    stored = value_of(code)
    response = as_user(undp).post(
        url("entry-value", code=code), value_data(code, value="500", male="400", female="80")
    )
    assert response.status_code == expected
    assert (value_of(code).version == stored.version) == (expected == 403)


@pytest.mark.parametrize(("code", "expected"), [("2.2", 403), ("3.1", 403), ("1.3", 302)])
def test_a_focal_point_writes_only_its_agencys_narratives(as_user, undp, code, expected):
    response = as_user(undp).post(
        url("entry-narrative", code=code), narrative_data(code, "<p>Ours.</p>")
    )
    assert response.status_code == expected


def test_a_focal_point_does_not_enter_another_agencys_finance(as_user, undp, unops):
    data = finance_data("UNOPS", committed="1", disbursed="1", forecast_final_date="")
    assert as_user(undp).post(url("entry-finance", organisation="UNOPS"), data).status_code == 403
    assert as_user(unops).post(url("entry-finance", organisation="UNOPS"), data).status_code == 302


def test_a_refusal_over_htmx_is_a_sentence_and_changes_nothing(as_user, viewer):
    from entry_support import HTMX

    stored = value_of("1.1.9")
    response = as_user(viewer).post(
        url("entry-value", code="1.1.9"), value_data("1.1.9", value="1"), **HTMX
    )
    assert response.status_code == 403
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode() == "You may not enter values for output 1.1."
    assert value_of("1.1.9").version == stored.version


def test_anonymous_htmx_is_sent_to_the_login_page(client, loaded_project):
    from entry_support import HTMX

    response = client.post(url("entry-value", code="1.1.9"), {}, **HTMX)
    assert response.status_code == 200
    assert response["HX-Redirect"].startswith("/login/?next=/")


@pytest.mark.parametrize("name", _endpoint_names())
def test_entry_endpoints_refuse_get(as_user, admin, name):
    response = as_user(admin).get(url(name, **CASES[name].url_kwargs()))
    if name == "entry-value":  # GET gives the row back, to reload it after a conflict
        assert response.status_code == 302
    else:
        assert response.status_code == 405


def test_posts_need_the_csrf_token(loaded_project, manager):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(manager)
    response = client.post(url("entry-value", code="1.1.9"), value_data("1.1.9", value="1"))
    assert response.status_code == 403
    assert response.content.decode().count("CSRF") >= 1
