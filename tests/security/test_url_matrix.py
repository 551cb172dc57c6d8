"""The global permission matrix: every URL pattern of the project, every role, every
method it answers, generated from the URL conf.

A pattern missing from ``EXPECTED`` fails with its name, so a new view or endpoint cannot
be forgotten. Each cell is the status code (``login``: a redirect to the login page). Each
request runs in a savepoint rolled back afterwards, so one role's write does not change
what the next role meets. The per-screen matrices (tests/entry/test_entry_permissions.py,
tests/api/test_api_permissions.py) try valid bodies and the quarter's states; this one
tries every pattern with an empty body, which is enough to tell "not let in" (login, 401,
403, 404) from "let in" (2xx, 3xx, or a 400/409 about the input or the state).

Set ``H8_MATRIX_DUMP=1`` to print the observed table in this file's format.
"""

from __future__ import annotations

import os

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from urlmap import path_of, patterns, world_make

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "other", "viewer", "unops", "undp", "manager", "reviewer", "admin")
WRITES = ("post", "put", "patch", "delete")


def methods_of(pattern) -> tuple[str, ...]:
    """GET, and the write methods: what an API view defines; POST for a web view."""
    cls = getattr(pattern.callback, "cls", None) or getattr(pattern.callback, "view_class", None)
    if pattern.api and cls is not None:
        return ("get", *(m for m in WRITES if hasattr(cls, m)))
    return ("get", "post")


def outcome(response) -> str:
    if response.status_code == 302 and "/login/" in response.get("Location", ""):
        return "login"
    return str(response.status_code)


FULL = bool(os.environ.get("LOGFRAME_SECURITY_FULL") or os.environ.get("H8_MATRIX_DUMP"))
# In CI a page that reads (its GET, and a method answered exactly as its GET) is tried by
# the roles that must not see it (rendering every page for every member costs minutes;
# the per-screen tests render them); `make security-full` tries every role on every page.
READERS_TRIED = ("anonymous", "other")


def roles_for(name: str, method: str) -> tuple[str, ...]:
    expected = EXPECTED.get(name, {})
    read_like = method == "get" or expected.get(method) == expected.get("get")
    return ROLES if FULL or not read_like or not expected else READERS_TRIED


def observe(users, world) -> dict[str, dict[str, str]]:
    seen: dict[str, dict[str, str]] = {}
    for pattern in patterns():
        path = path_of(pattern, world)
        seen[pattern.name] = {}
        for method in methods_of(pattern):
            cells = []
            for role in ROLES:
                if role not in roles_for(pattern.name, method):
                    cells.append("·")
                    continue
                client = Client()
                if role != "anonymous":
                    client.force_login(users[role])
                cache.clear()  # the API's token-login throttle counts per address
                with transaction.atomic():
                    kwargs = {"content_type": "application/json"} if pattern.api else {}
                    body = {} if method != "get" else None
                    if body is None:
                        response = getattr(client, method)(path)
                    elif pattern.api:
                        response = getattr(client, method)(path, "{}", **kwargs)
                    else:
                        response = getattr(client, method)(path, body)
                    transaction.set_rollback(True)
                cells.append(outcome(response))
            seen[pattern.name][method] = " ".join(cells)
    return seen


# name → method → the outcome per role, in the order of ROLES:
#   anonymous, other (another fund's admin), viewer, unops (focal point of another agency),
#   undp (the focal point), manager, reviewer, admin (the fund's administrator)
EXPECTED: dict[str, dict[str, str]] = {
    "activity": {
        "get": "login 404 200 200 200 200 200 200",
        "post": "login 404 403 403 200 200 403 200",
    },
    "activity-attach": {
        "get": "login 405 405 405 405 405 405 405",
        "post": "login 404 403 403 302 302 403 302",
    },
    "activity-decide": {
        "get": "login 405 405 405 405 405 405 405",
        "post": "login 404 403 403 302 302 403 302",
    },
    "activity-file": {
        "get": "login 404 200 200 200 200 200 200",
        "post": "login 404 200 200 200 200 200 200",
    },
    "activity-register": {
        "get": "login 404 200 200 200 200 200 200",
        "post": "login 404 403 200 200 200 403 200",
    },
    "activity-register-latest": {
        "get": "login 404 302 302 302 302 302 302",
        "post": "login 404 302 302 302 302 302 302",
    },
    "api-activities": {
        "get": "401 404 200 200 200 200 200 200",
        "post": "401 404 400 400 400 400 400 400",
    },
    "api-activity": {
        "get": "401 404 200 200 200 200 200 200",
        "patch": "401 404 403 403 400 400 403 400",
    },
    "api-activity-decision": {
        "get": "401 405 405 405 405 405 405 405",
        "post": "401 404 403 403 400 400 403 400",
    },
    "api-approve": {
        "get": "401 405 405 405 405 405 405 405",
        "post": "401 404 403 403 403 403 409 409",
    },
    "api-beneficiaries": {"get": "401 404 200 200 200 200 200 200"},
    "api-docs": {"get": "200 200 200 200 200 200 200 200"},
    "api-evidence": {
        "get": "401 404 200 200 200 200 200 200",
        "post": "401 404 403 403 415 415 403 415",
    },
    "api-evidence-file": {"get": "401 404 200 200 200 200 200 200"},
    "api-evidence-item": {
        "get": "401 404 200 200 200 200 200 200",
        "delete": "401 404 403 403 204 204 403 204",
    },
    "api-finance": {"get": "401 404 200 200 200 200 200 200"},
    "api-finance-line": {
        "get": "401 404 200 200 200 200 200 200",
        "patch": "401 404 403 403 400 400 403 400",
    },
    "api-findings": {"get": "401 404 200 200 200 200 200 200"},
    "api-group": {
        "get": "401 404 200 200 200 200 200 200",
        "patch": "401 404 403 403 403 400 403 400",
    },
    "api-narrative": {
        "get": "401 404 200 200 200 200 200 200",
        "patch": "401 404 403 403 400 400 403 400",
    },
    "api-narratives": {"get": "401 404 200 200 200 200 200 200"},
    "api-period": {"get": "401 404 200 200 200 200 200 200"},
    "api-periods": {
        "get": "401 404 200 200 200 200 200 200",
        "post": "401 404 403 403 403 409 403 409",
    },
    "api-project": {"get": "401 404 200 200 200 200 200 200"},
    "api-project-languages": {
        "get": "401 404 200 200 200 200 200 200",
        "put": "401 404 403 403 403 400 403 400",
    },
    "api-projects": {"get": "401 200 200 200 200 200 200 200"},
    "api-reopen": {
        "get": "401 405 405 405 405 405 405 405",
        "post": "401 404 403 403 403 403 403 400",
    },
    "api-return": {
        "get": "401 405 405 405 405 405 405 405",
        "post": "401 404 403 403 403 403 400 400",
    },
    "api-schema": {"get": "200 200 200 200 200 200 200 200"},
    "api-snapshot": {"get": "401 404 200 200 200 200 200 200"},
    "api-snapshots": {"get": "401 404 200 200 200 200 200 200"},
    "api-submit": {
        "get": "401 405 405 405 405 405 405 405",
        "post": "401 404 403 403 403 200 403 200",
    },
    "api-texts": {
        "get": "401 404 200 200 200 200 200 200",
        "patch": "401 404 403 403 403 400 403 400",
    },
    "api-token": {
        "get": "405 405 405 405 405 405 405 405",
        "post": "400 400 400 400 400 400 400 400",
    },
    "api-value": {
        "get": "401 404 200 200 200 200 200 200",
        "patch": "401 404 403 403 400 400 403 400",
    },
    "api-values": {"get": "401 404 200 200 200 200 200 200"},
    "computed-figure": {
        "get": "login 404 404 404 404 404 404 404",
        "post": "login 404 404 404 404 404 404 404",
    },
    "entry-beneficiary": {
        "get": "405 405 405 405 405 405 405 405",
        "post": "login 404 403 403 403 422 403 422",
    },
    "entry-evidence": {
        "get": "405 405 405 405 405 405 405 405",
        "post": "login 404 403 403 422 422 403 422",
    },
    "entry-evidence-remove": {
        "get": "405 405 405 405 405 405 405 405",
        "post": "login 404 403 403 302 302 403 302",
    },
    "entry-finance": {
        "get": "405 405 405 405 405 405 405 405",
        "post": "login 404 403 403 422 422 403 422",
    },
    "entry-findings": {
        "get": "login 404 200 200 200 200 200 200",
        "post": "405 405 405 405 405 405 405 405",
    },
    "entry-narrative": {
        "get": "405 405 405 405 405 405 405 405",
        "post": "login 404 403 403 422 422 403 422",
    },
    "entry-texts": {
        "get": "405 405 405 405 405 405 405 405",
        "post": "login 404 403 403 403 422 403 422",
    },
    "entry-value": {
        "get": "login 404 302 302 302 302 302 302",
        "post": "login 404 403 403 422 422 403 422",
    },
    "evidence-file": {
        "get": "login 404 200 200 200 200 200 200",
        "post": "405 405 405 405 405 405 405 405",
    },
    "fund": {
        "get": "login 404 200 200 200 200 200 200",
        "post": "login 404 200 200 200 200 200 200",
    },
    "fund-report": {
        "get": "login 404 200 200 200 200 200 200",
        "post": "login 404 200 200 200 200 200 200",
    },
    "fund-report-download": {
        "get": "login 404 404 404 404 404 404 404",
        "post": "login 404 404 404 404 404 404 404",
    },
    "fund-report-projects": {
        "get": "login 404 200 200 200 200 200 200",
        "post": "login 404 200 200 200 200 200 200",
    },
    "home": {
        "get": "login 302 302 302 302 302 302 302",
        "post": "login 302 302 302 302 302 302 302",
    },
    "language-set": {
        "get": "405 405 405 405 405 405 405 405",
        "post": "302 302 302 302 302 302 302 302",
    },
    "login": {"get": "200 200 200 200 200 200 200 200", "post": "200 200 200 200 200 200 200 200"},
    "logout": {
        "get": "405 405 405 405 405 405 405 405",
        "post": "login login login login login login login login",
    },
    "password_change": {
        "get": "login 200 200 200 200 200 200 200",
        "post": "login 200 200 200 200 200 200 200",
    },
    "password_change_done": {
        "get": "login 200 200 200 200 200 200 200",
        "post": "login 405 405 405 405 405 405 405",
    },
    "period-approve": {
        "get": "405 405 405 405 405 405 405 405",
        "post": "login 404 403 403 403 403 403 403",
    },
    "period-open-next": {
        "get": "405 405 405 405 405 405 405 405",
        "post": "login 404 403 403 403 302 403 302",
    },
    "period-reopen": {
        "get": "405 405 405 405 405 405 405 405",
        "post": "login 404 403 403 403 403 403 302",
    },
    "period-return": {
        "get": "405 405 405 405 405 405 405 405",
        "post": "login 404 403 403 403 403 302 302",
    },
    "period-submit": {
        "get": "405 405 405 405 405 405 405 405",
        "post": "login 404 403 403 403 302 403 302",
    },
    "preferences": {
        "get": "login 200 200 200 200 200 200 200",
        "post": "login 200 200 200 200 200 200 200",
    },
    "project": {
        "get": "login 404 200 200 200 200 200 200",
        "post": "login 404 200 200 200 200 200 200",
    },
    "project-entry": {
        "get": "login 404 200 200 200 200 200 200",
        "post": "405 405 405 405 405 405 405 405",
    },
    "project-entry-latest": {
        "get": "login 404 302 302 302 302 302 302",
        "post": "405 405 405 405 405 405 405 405",
    },
    "project-history": {
        "get": "login 404 200 200 200 200 200 200",
        "post": "login 404 200 200 200 200 200 200",
    },
    "project-history-csv": {
        "get": "login 404 200 200 200 200 200 200",
        "post": "login 404 200 200 200 200 200 200",
    },
    "project-languages": {
        "get": "login 404 200 200 200 200 200 200",
        "post": "login 404 403 403 403 400 403 400",
    },
    "project-report": {
        "get": "login 404 200 200 200 200 200 200",
        "post": "login 404 200 200 200 200 200 200",
    },
    "project-snapshots": {
        "get": "login 404 200 200 200 200 200 200",
        "post": "login 404 200 200 200 200 200 200",
    },
    "project-translations": {
        "get": "login 404 200 200 200 200 200 200",
        "post": "login 404 400 400 400 400 400 400",
    },
    "report-css": {
        "get": "200 200 200 200 200 200 200 200",
        "post": "200 200 200 200 200 200 200 200",
    },
    "report-download": {
        "get": "login 404 200 200 200 200 200 200",
        "post": "login 404 200 200 200 200 200 200",
    },
    "snapshot-diff": {
        "get": "login 404 200 200 200 200 200 200",
        "post": "login 404 200 200 200 200 200 200",
    },
    "snapshot-report": {
        "get": "login 404 200 200 200 200 200 200",
        "post": "login 404 200 200 200 200 200 200",
    },
    "value-history": {
        "get": "login 404 200 200 200 200 200 200",
        "post": "login 404 200 200 200 200 200 200",
    },
    "workbook-template": {
        "get": "login 404 403 200 200 200 403 200",
        "post": "405 405 405 405 405 405 405 405",
    },
    "workbook-upload": {
        "get": "login 404 403 200 200 200 403 200",
        "post": "login 404 403 400 400 400 403 400",
    },
}


def _agrees(expected: str | None, seen: str) -> bool:
    if expected is None:
        return False
    pairs = zip(expected.split(), seen.split(), strict=True)
    return all(s == "·" or e == s for e, s in pairs)


def test_every_pattern_has_its_expectations_and_meets_them(users, loaded_project):
    world = world_make(loaded_project, users["admin"])
    seen = observe(users, world)
    if os.environ.get("H8_MATRIX_DUMP"):
        print("EXPECTED = {")
        for name, by_method in seen.items():
            print(f"    {name!r}: {by_method!r},")
        print("}")
    missing = sorted(set(seen) - set(EXPECTED))
    assert not missing, f"URL patterns with no expectations in {__file__}: {missing}"
    gone = sorted(set(EXPECTED) - set(seen))
    assert not gone, f"expectations for patterns that no longer exist: {gone}"
    wrong = [
        f"{name} {method.upper()}: expected {EXPECTED[name].get(method)!r}, got {cells!r}"
        for name, by_method in seen.items()
        for method, cells in by_method.items()
        if not _agrees(EXPECTED[name].get(method), cells)
    ]
    assert not wrong, "\n".join(wrong)


def admin_paths() -> list[tuple[str, bool]]:
    """The admin's index, and each registered model's list and one row's change page
    (path, whether the page writes on POST)."""
    from django.contrib import admin
    from django.urls import reverse

    paths = [(reverse("admin:index"), False)]
    for model in sorted(admin.site._registry, key=lambda m: m._meta.label):
        info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        paths.append((reverse(f"{info}_changelist"), False))
        row = model._default_manager.order_by("pk").first()
        if row is not None:
            paths.append((reverse(f"{info}_change", args=[row.pk]), True))
    return paths


def test_the_admin_site_answers_staff_only(users, loaded_project, django_user_model):
    """The admin apart from the table above: every role of the matrix (none is staff, the
    fund's administrator included) is sent to the admin's log-in page, reading or posting;
    a staff superuser reads every list and change page (the quarter's lock in the admin:
    tests/security/test_lock_paths.py)."""
    world_make(loaded_project, users["admin"])
    staff = django_user_model.objects.create_superuser("staff", password="a-long-test-password")
    paths = admin_paths()
    assert len(paths) > 40
    wrong = []
    for role in (*ROLES, "staff"):
        client = Client()
        if role != "anonymous":
            client.force_login(staff if role == "staff" else users[role])
        for path, writes in paths:
            methods = ("get", "post") if writes and role != "staff" else ("get",)
            for method in methods:
                with transaction.atomic():
                    seen = outcome(getattr(client, method)(path))
                    transaction.set_rollback(True)
                expected = "200" if role == "staff" else "login"
                if seen != expected:
                    wrong.append(f"{role} {method.upper()} {path}: {seen}, not {expected}")
    assert not wrong, "\n".join(wrong)
