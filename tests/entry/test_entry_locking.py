"""No lost updates: of two people editing the same line, the second save is refused with
the first one's values shown, and the stored row keeps the first one's values."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.test import Client
from entry_support import HTMX, finance_data, url, value_of

pytestmark = pytest.mark.django_db


def loaded_form(client: Client, prefix: str) -> dict[str, str]:
    """What a person's browser holds for the row ``prefix`` after opening the page."""
    html = client.get(url("project-entry")).content.decode()
    version = re.search(rf'name="{prefix}-version" value="(\d+)"', html)
    assert version, f"no row {prefix} on the page"
    return {f"{prefix}-version": version[1]}


@pytest.fixture
def two(loaded_project, manager, undp):
    first, second = Client(), Client()
    first.force_login(manager)
    second.force_login(undp)
    return first, second


def test_the_second_save_is_refused_and_shows_the_first(two):
    first, second = two
    prefix = f"v{value_of('1.1.9').indicator.pk}"
    mine, theirs = loaded_form(first, prefix), loaded_form(second, prefix)
    assert mine == theirs

    saved = first.post(
        url("entry-value", code="1.1.9"),
        {**mine, f"{prefix}-value": "12", f"{prefix}-male": "5", f"{prefix}-female": "7"},
        **HTMX,
    )
    assert saved.status_code == 200

    refused = second.post(
        url("entry-value", code="1.1.9"),
        {**theirs, f"{prefix}-value": "15", f"{prefix}-male": "8", f"{prefix}-female": "7"},
        **HTMX,
    )
    assert refused.status_code == 409
    html = refused.content.decode()
    assert re.search(
        r"manager saved 12 \(5 male, 7 female\) at \d\d:\d\d while you were editing; "
        r"nothing was overwritten\.",
        html,
    )
    assert 'value="15"' in html  # what the second person typed is still in the row
    assert "Reload the line as saved" in html
    stored = value_of("1.1.9")
    assert (stored.value, stored.male, stored.female) == (Decimal(12), Decimal(5), Decimal(7))

    # reloading the line gives the stored values and the version to save against
    reloaded = second.get(url("entry-value", code="1.1.9"), **HTMX).content.decode()
    assert f'name="{prefix}-value" value="12"' in reloaded
    assert f'name="{prefix}-version" value="{stored.version}"' in reloaded


def test_without_javascript_the_conflict_shows_the_page(two):
    first, second = two
    prefix = f"v{value_of('1.1.8').indicator.pk}"
    mine, theirs = loaded_form(first, prefix), loaded_form(second, prefix)
    first.post(url("entry-value", code="1.1.8"), {**mine, f"{prefix}-value": "14"})
    refused = second.post(url("entry-value", code="1.1.8"), {**theirs, f"{prefix}-value": "16"})
    assert refused.status_code == 409
    assert "manager saved 14 at" in refused.content.decode()
    assert value_of("1.1.8").value == Decimal(14)


def test_finance_is_locked_the_same_way(two, unops):
    first, _ = two
    other = Client()
    other.force_login(unops)
    data = finance_data("UNOPS", committed="7,000,000", disbursed="6,800,000")
    assert first.post(url("entry-finance", organisation="UNOPS"), data, **HTMX).status_code == 200
    late = {**data, next(k for k in data if k.endswith("-committed")): "1"}
    refused = other.post(url("entry-finance", organisation="UNOPS"), late, **HTMX)
    assert refused.status_code == 409
    assert "committed 7,000,000.00, disbursed 6,800,000.00" in refused.content.decode()


def test_saving_twice_from_the_same_row_needs_the_new_version(as_user, manager):
    client = as_user(manager)
    prefix = f"v{value_of('1.1.7').indicator.pk}"
    form = loaded_form(client, prefix)
    one = client.post(url("entry-value", code="1.1.7"), {**form, f"{prefix}-value": "2"}, **HTMX)
    version = re.search(rf'name="{prefix}-version" value="(\d+)"', one.content.decode())
    assert version
    two = client.post(
        url("entry-value", code="1.1.7"),
        {f"{prefix}-version": version[1], f"{prefix}-value": "3"},
        **HTMX,
    )
    assert two.status_code == 200
    assert value_of("1.1.7").value == Decimal(3)


@pytest.mark.django_db(transaction=True)
def test_a_save_outside_a_test_transaction(as_user, loaded_project, manager):
    """As in production: each request opens its own transactions (the period's row lock
    needs one on PostgreSQL)."""
    client = as_user(manager)
    prefix = f"v{value_of('1.1.11').indicator.pk}"
    form = loaded_form(client, prefix)
    saved = client.post(url("entry-value", code="1.1.11"), {**form, f"{prefix}-value": "4"})
    assert saved.status_code == 302
    assert value_of("1.1.11").value == Decimal(4)
