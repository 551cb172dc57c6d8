"""Bad input: a clear message at the field, or sanitised content; nothing saved from a form
that failed (the stored row and its version are unchanged)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from entry_support import (
    HTMX,
    finance_data,
    narrative_data,
    period_of,
    texts_data,
    url,
    value_data,
    value_of,
)

from logframe.portfolio.models import FinancialStatus, ResultProgress

pytestmark = pytest.mark.django_db


def field_message(html: str, field_id: str) -> str:
    """The message shown at the input ``field_id``; the input must be marked invalid."""
    tag = re.search(rf'<input[^>]*id="{field_id}"[^>]*>', html) or re.search(
        rf'<(?:input|select)[^>]*id="{field_id}"[^>]*>', html
    )
    assert tag, f"no input {field_id}"
    assert 'aria-invalid="true"' in tag[0]
    assert f'aria-describedby="{field_id}_error"' in tag[0]
    message = re.search(rf'<span class="field-error" id="{field_id}_error">([^<]*)</span>', html)
    assert message, f"no message at {field_id}"
    return message[1]


@pytest.fixture
def manager_client(as_user, manager):
    return as_user(manager)


def _post_value(client, code: str, htmx: bool = True, **fields: str):
    extra = HTMX if htmx else {}
    return client.post(url("entry-value", code=code), value_data(code, **fields), **extra)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"value": "abc"}, "value", "Enter a number."),
        ({"value": "12 apples"}, "value", "Enter a number."),
        ({"value": "1,45"}, "value", "Enter a number."),
        ({"value": "-5"}, "value", "A count cannot be negative."),
        ({"value": "498", "male": "-1", "female": "28"}, "male", "A count cannot be negative."),
        (
            {"value": "498", "male": "400", "female": "150"},
            "male",
            "Male + female = 550 is more than the total 498: correct the total or the split.",
        ),
    ],
)
def test_bad_numbers_are_told_at_the_field_and_nothing_is_saved(
    manager_client, fields, field, message
):
    before = value_of("1.1.9")
    response = _post_value(manager_client, "1.1.9", **fields)
    assert response.status_code == 422
    html = response.content.decode()
    pk = before.indicator.pk
    assert field_message(html, f"id_v{pk}-{field}") == message
    assert "Not saved: correct the fields marked below." in html
    after = value_of("1.1.9")
    assert (after.value, after.male, after.female, after.version) == (
        before.value,
        before.male,
        before.female,
        before.version,
    )


def test_a_milestone_over_100_percent_is_told_at_the_field(manager_client):
    before = value_of("1.1.1")
    response = _post_value(manager_client, "1.1.1", status="initiated", estimated_pct="150")
    assert response.status_code == 422
    message = field_message(response.content.decode(), f"id_v{before.indicator.pk}-estimated_pct")
    assert message == "A % complete lies between 0 and 100."
    assert value_of("1.1.1").version == before.version


@pytest.mark.parametrize("typed", ["1,459", "1 459", "1\u00a0459", " 1459 "])
def test_thousands_separators_are_understood(manager_client, typed):
    response = _post_value(manager_client, "1.1.9", value=typed, male="1,400", female="59")
    assert response.status_code == 200
    saved = value_of("1.1.9")
    assert (saved.value, saved.male, saved.female) == (Decimal(1459), Decimal(1400), Decimal(59))
    assert response["HX-Trigger"] == "entry-saved"


def test_without_javascript_a_bad_number_shows_the_page_with_the_message(manager_client):
    before = value_of("1.1.9")
    response = _post_value(manager_client, "1.1.9", htmx=False, value="lots")
    assert response.status_code == 422
    html = response.content.decode()
    assert '<h2 id="indicators-title">' in html  # the whole page, not a fragment
    assert field_message(html, f"id_v{before.indicator.pk}-value") == "Enter a number."
    assert 'value="lots"' in html  # what was typed is kept
    assert value_of("1.1.9").version == before.version


def test_without_javascript_a_save_goes_back_to_the_page_with_a_message(manager_client):
    response = _post_value(
        manager_client, "1.1.9", htmx=False, value="500", male="470", female="30"
    )
    assert response.status_code == 302
    assert response["Location"].endswith(
        f"/2013Q1/entry/#indicator-{value_of('1.1.9').indicator.pk}"
    )
    page = manager_client.get(response["Location"]).content.decode()
    assert "Saved 1.1.9: 500 (470 male, 30 female)." in page


@pytest.mark.parametrize(
    ("date", "message"),
    [
        ("2013-02-30", "Enter a date as YYYY-MM-DD."),
        ("17 October", "Enter a date as YYYY-MM-DD."),
        ("1890-01-01", "The date is out of range."),
    ],
)
def test_bad_dates_are_told_at_the_field(manager_client, date, message):
    before = FinancialStatus.objects.get(
        period=period_of(), participation__organisation__code="UNDP"
    )
    data = finance_data("UNDP", committed="1", disbursed="1", forecast_final_date=date)
    response = manager_client.post(url("entry-finance", organisation="UNDP"), data, **HTMX)
    assert response.status_code == 422
    field_id = f"id_f{before.participation_id}-forecast_final_date"
    assert field_message(response.content.decode(), field_id) == message
    after = FinancialStatus.objects.get(pk=before.pk)
    assert (after.committed, after.version) == (before.committed, before.version)


def test_a_negative_amount_is_told_at_the_field(manager_client):
    data = finance_data("UNOPS", committed="-10", disbursed="5", forecast_final_date="2013-10-17")
    response = manager_client.post(url("entry-finance", organisation="UNOPS"), data, **HTMX)
    assert response.status_code == 422
    assert "An amount cannot be negative." in response.content.decode()


def test_script_in_a_comment_is_kept_as_text_and_shown_escaped(manager_client):
    script = '<script>alert("x")</script>'
    response = _post_value(manager_client, "1.1.8", value="13", comment=script)
    assert response.status_code == 200
    assert value_of("1.1.8").comment == script  # plain text: stored as typed
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    page = manager_client.get(url("project-entry")).content.decode()
    assert "<script>alert" not in page


def test_script_in_a_narrative_is_removed(manager_client):
    text = (
        '<p>Trained <strong>40</strong> staff.</p><script>alert("x")</script>'
        "<img src=x onerror=alert(1)>"
    )
    response = manager_client.post(
        url("entry-narrative", code="1.1"), narrative_data("1.1", text), **HTMX
    )
    assert response.status_code == 200
    stored = ResultProgress.objects.get(period=period_of(), result__code="1.1").narrative
    assert stored == "<p>Trained <strong>40</strong> staff.</p>"
    assert "alert" not in response.content.decode()


def test_plain_paragraphs_become_paragraphs(manager_client):
    response = manager_client.post(
        url("entry-narrative", code="1.2"),
        narrative_data("1.2", "First & foremost.\n\nSecond, 3 < 4."),
        **HTMX,
    )
    assert response.status_code == 200
    stored = ResultProgress.objects.get(period=period_of(), result__code="1.2").narrative
    assert stored == "<p>First &amp; foremost.</p><p>Second, 3 &lt; 4.</p>"


def test_the_quarters_texts_are_sanitised(manager_client):
    response = manager_client.post(
        url("entry-texts"),
        texts_data(
            summary="<p onclick=alert(1)>Done.</p><script>x()</script>",
            constraints="<em>Security</em> <iframe src=//evil></iframe>",
            procurement="",
        ),
        **HTMX,
    )
    assert response.status_code == 200
    period = period_of()
    assert period.summary == "<p>Done.</p>"
    assert period.constraints == "<em>Security</em> "


def test_a_form_without_its_version_is_refused_and_says_reload(manager_client):
    data = value_data("1.1.9", value="1")
    del data[next(k for k in data if k.endswith("-version"))]
    response = manager_client.post(url("entry-value", code="1.1.9"), data, **HTMX)
    assert response.status_code == 422
    assert "This line is out of date: reload the page." in response.content.decode()
