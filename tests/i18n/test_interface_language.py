"""The interface in Arabic and Kurdish: the switcher, the person's preference, right to
left, Arabic-Indic digits, findings and e-mails in the reader's language."""

# ruff: noqa: RUF001 - Arabic-Indic digits are what these tests are about
from __future__ import annotations

from datetime import date

import pytest
from django.core import mail
from django.utils import translation

from logframe.accounts.models import Preference
from logframe.domain.checks.dates import duration
from logframe.web.language import arabic_indic
from logframe.web.vocabulary import finding_message

pytestmark = pytest.mark.django_db
PROJECT = "/funds/UNDG-ITF/projects/G11-23/"
ENTRY = PROJECT + "2013Q1/entry/"


@pytest.fixture
def manager(make_member, loaded_project):  # type: ignore[no-untyped-def]
    return make_member("manager", "project_manager", loaded_project, "UNDP")


def _login(client, user):  # type: ignore[no-untyped-def]
    """Through the login form, as a person does: the preference comes with the session."""
    response = client.post(
        "/login/", {"username": user.username, "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    return client


def test_anonymous_choice_is_a_cookie_and_the_page_turns_right_to_left(client) -> None:
    response = client.post("/language/", {"language": "ar", "next": "/login/"})
    assert response.status_code == 302
    assert response["Location"] == "/login/"
    assert response.cookies["logframe_language"].value == "ar"
    page = client.get("/login/").content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "تسجيل الدخول" in page
    assert "Log in" not in page


def test_the_browser_language_is_used_until_one_is_chosen(client) -> None:
    page = client.get("/login/", HTTP_ACCEPT_LANGUAGE="ckb").content.decode()
    assert '<html lang="ckb" dir="rtl">' in page
    assert "چوونەژوورەوە" in page
    page = client.get("/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en" dir="ltr">' in page


def test_a_signed_in_person_keeps_their_language_in_every_browser(client, manager) -> None:
    _login(client, manager).post("/language/", {"language": "ckb", "next": PROJECT})
    assert Preference.objects.get(user=manager).language == "ckb"
    from django.test import Client

    elsewhere = _login(Client(HTTP_ACCEPT_LANGUAGE="en"), manager)  # no cookie there
    page = elsewhere.get(ENTRY).content.decode()
    assert '<html lang="ckb" dir="rtl">' in page
    assert "پاشەکەوتکردن" in page  # Save


def test_a_bad_language_or_next_is_not_followed(client) -> None:
    response = client.post("/language/", {"language": "xx", "next": "https://evil.example/"})
    assert response["Location"] == "/"
    assert response.cookies["logframe_language"].value == "en"
    assert client.get("/language/").status_code == 405


def test_arabic_indic_digits_are_a_personal_option(client, manager) -> None:
    client = _login(client, manager)
    client.post(
        "/language/",
        {"language": "ar", "arabic_indic_digits": "on", "digits_field": "1", "next": ENTRY},
    )
    page = client.get(ENTRY).content.decode()
    assert "٢٠١٣" in page  # 2013Q1 in the text
    assert 'value="2013Q1"' in page  # what the forms send stays ASCII
    assert "<bdi" in page
    assert 'dir="rtl"' in page
    client.post("/language/", {"language": "ar", "digits_field": "1", "next": ENTRY})
    assert "٢٠١٣" not in client.get(ENTRY).content.decode()


def test_digits_change_in_text_only() -> None:
    html = '<p title="1.1.8">1.1.8 of 2013</p><script>var x = 12;</script><input value="45">'
    assert arabic_indic(html) == (
        '<p title="1.1.8">١.١.٨ of ٢٠١٣</p><script>var x = 12;</script><input value="45">'
    )


def test_pages_of_a_project_speak_the_language(client, manager) -> None:
    client = _login(client, manager)
    client.post("/language/", {"language": "ar", "next": "/"})
    overview = client.get(PROJECT).content.decode()
    assert "نظرة عامة" in overview
    assert "المال مقابل الوقت" in overview
    report = client.get(PROJECT + "report/").content.decode()
    assert 'dir="rtl"' in report
    assert "ملاحظات جودة البيانات" in report
    entry = client.get(ENTRY).content.decode()
    assert "المؤشرات" in entry
    assert "الوكالة" in entry


def test_a_refusal_is_said_in_the_language(client, make_member, loaded_project) -> None:
    viewer = make_member("viewer", "viewer", loaded_project, fund_wide=True)
    client = _login(client, viewer)
    client.post("/language/", {"language": "ar", "next": "/"})
    response = client.post(ENTRY + "submit/")
    assert response.status_code == 403
    assert "مدير المشروع وحده يقدِّم الربع" in response.content.decode()


def test_findings_are_translated_with_their_figures_and_dates() -> None:
    finding = duration(
        start=date(2010, 10, 18), planned_end=date(2013, 10, 17), reported=24, source=""
    )
    assert finding is not None
    assert finding.message == (
        "A duration of 24 months is reported, but 18 October 2010 to 17 October 2013 is 36 months."
    )
    with translation.override("ar"):
        arabic = finding_message(finding)
    with translation.override("ckb"):
        kurdish = finding_message(finding)
    assert "تشرين الأول" in arabic
    assert "24" in arabic
    assert "36" in arabic
    assert "تشرینی یەکەم" in kurdish
    assert "مانگ" in kurdish
    with translation.override("en"):
        assert finding_message(finding) == finding.message


def test_reminders_are_written_in_the_reader_s_language(client, manager, loaded_project) -> None:
    from logframe.notify.reminders import LINES_EMPTY, Item, ReminderPlan

    manager.email = "manager@example.org"
    manager.save()
    Preference.objects.create(user=manager, language="ar")
    period = loaded_project.periods.get(year=2013, quarter=1)
    plan = ReminderPlan(LINES_EMPTY, manager, (Item(period, ("x",), "http://t/", "due today"),))
    plan.message().send()
    sent = mail.outbox[-1]
    assert "مرحبًا" in sent.body
    assert "بند فارغ" in sent.subject
    Preference.objects.filter(user=manager).update(language="en")
    plan.message().send()
    assert mail.outbox[-1].body.startswith("Hello")
