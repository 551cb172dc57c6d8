"""Reminder e-mails on a real database: who gets what, once a day, at a fixed cost.

The example's 2013Q1 is open, due 2013-04-30 (30 days after the quarter), reminders from
2013-04-23 (7 days before). UNDP leads output 1.2, whose indicator 1.2.2 has no value;
UNOPS leads 3.1, whose 3.1.8 has none. Both finance lines are filled.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from logframe.notify.reminders import LINES_EMPTY, SUBMITTED, reminders_due, send_reminders
from logframe.portfolio import models as m

pytestmark = pytest.mark.django_db

IN_WINDOW = date(2013, 4, 24)


@pytest.fixture
def focal(make_member, loaded_project):
    def make(name, organisation):
        user = make_member(name, "focal_point", loaded_project, organisation)
        user.email = f"{name}@example.org"
        user.save()
        return user

    return make


@pytest.fixture
def undp(focal):
    return focal("undp", "UNDP")


def _fill(code: str) -> None:
    period = m.ReportingPeriod.objects.get()
    indicator = m.Indicator.objects.get(code=code)
    m.IndicatorValue.objects.update_or_create(
        period=period, indicator=indicator, defaults={"value": Decimal(1)}
    )


def test_a_focal_point_with_an_empty_line_gets_one_email(undp, mailoutbox):
    summary = send_reminders(today=IN_WINDOW)
    assert [p.user for p in summary.sent] == [undp]
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == ["undp@example.org"]
    assert mail.subject == "Logframe: 1 empty line in G11-23 2013Q1"
    assert "Indicator 1.2.2:" in mail.body
    assert "3.1.8" not in mail.body  # UNOPS's output, not UNDP's
    assert "G11-23 2013Q1, due 2013-04-30 (due in 6 days)" in mail.body
    assert "http://127.0.0.1:8000/funds/UNDG-ITF/projects/G11-23/" in mail.body
    reminder = m.Reminder.objects.get()
    assert (reminder.user, reminder.kind, reminder.sent_on) == (undp, LINES_EMPTY, IN_WINDOW)


def test_a_second_run_the_same_day_sends_nothing(undp, mailoutbox):
    send_reminders(today=IN_WINDOW)
    again = send_reminders(today=IN_WINDOW)
    assert again.sent == ()
    assert len(mailoutbox) == 1
    send_reminders(today=date(2013, 4, 25))  # the next day: again
    assert len(mailoutbox) == 2


def test_a_focal_point_whose_lines_are_all_filled_gets_nothing(undp, focal, mailoutbox):
    unops = focal("unops", "UNOPS")
    _fill("1.2.2")
    send_reminders(today=IN_WINDOW)
    assert [mail.to for mail in mailoutbox] == [["unops@example.org"]]
    assert "Indicator 3.1.8:" in mailoutbox[0].body
    assert m.Reminder.objects.get().user == unops


def test_an_empty_finance_line_is_listed(undp, mailoutbox):
    _fill("1.2.2")
    m.FinancialStatus.objects.filter(participation__organisation__code="UNDP").update(
        committed=None, disbursed=None
    )
    send_reminders(today=IN_WINDOW)
    assert "Finance UNDP: committed and disbursed" in mailoutbox[0].body


@pytest.mark.parametrize(
    ("today", "sent"),
    [
        (date(2013, 4, 22), 0),  # before the window
        (date(2013, 4, 23), 1),  # 7 days before the deadline
        (date(2013, 4, 30), 1),  # the day itself
        (date(2013, 6, 1), 1),  # late
    ],
)
def test_reminders_start_reminder_days_before_the_deadline(undp, mailoutbox, today, sent):
    send_reminders(today=today)
    assert len(mailoutbox) == sent


def test_reviewers_get_the_submitted_notice_once(undp, make_member, loaded_project, mailoutbox):
    reviewer = make_member("reviewer", "reviewer", loaded_project, fund_wide=True)
    admin = make_member("admin", "fund_admin", loaded_project, fund_wide=True)
    make_member("donor", "viewer", loaded_project, fund_wide=True)
    for user in (reviewer, admin):
        user.email = f"{user.username}@example.org"
        user.save()
    m.ReportingPeriod.objects.update(
        state="submitted", submitted_at=datetime(2013, 4, 20, 9, tzinfo=UTC)
    )
    summary = send_reminders(today=IN_WINDOW)
    assert {(p.kind, p.user.username) for p in summary.sent} == {
        (SUBMITTED, "reviewer"),
        (SUBMITTED, "admin"),
    }  # and no reminder to the focal point: the quarter is submitted
    assert {mail.subject for mail in mailoutbox} == {"Logframe: G11-23 2013Q1 submitted for review"}
    assert "submitted, waiting for review" in mailoutbox[0].body
    assert send_reminders(today=date(2013, 4, 25)).sent == ()
    assert len(mailoutbox) == 2


def test_a_quarter_submitted_again_is_notified_again(make_member, loaded_project, mailoutbox):
    reviewer = make_member("reviewer", "reviewer", loaded_project, fund_wide=True)
    reviewer.email = "reviewer@example.org"
    reviewer.save()
    m.ReportingPeriod.objects.update(
        state="submitted", submitted_at=datetime(2013, 4, 20, tzinfo=UTC)
    )
    send_reminders(today=IN_WINDOW)
    m.ReportingPeriod.objects.update(submitted_at=datetime(2013, 4, 27, tzinfo=UTC))
    send_reminders(today=date(2013, 4, 28))
    assert len(mailoutbox) == 2


def test_a_dry_run_sends_and_records_nothing(undp, mailoutbox):
    summary = send_reminders(today=IN_WINDOW, dry_run=True)
    assert [p.user for p in summary.sent] == [undp]
    assert mailoutbox == []
    assert not m.Reminder.objects.exists()


def test_a_user_without_an_email_address_is_skipped(make_member, loaded_project, mailoutbox):
    make_member("nomail", "focal_point", loaded_project, "UNDP")
    summary = send_reminders(today=IN_WINDOW)
    assert summary.sent == ()
    assert [(p.user.username, why) for p, why in summary.skipped] == [
        ("nomail", "no e-mail address")
    ]
    assert mailoutbox == []


def test_planning_costs_the_same_for_one_or_many_focal_points(focal, make_member, loaded_project):
    focal("undp", "UNDP")
    with CaptureQueriesContext(connection) as one:
        assert len(reminders_due(today=IN_WINDOW)) == 1
    focal("unops", "UNOPS")
    focal("undp2", "UNDP")
    reviewer = make_member("reviewer", "reviewer", loaded_project, fund_wide=True)
    assert reviewer
    with CaptureQueriesContext(connection) as three:
        assert len(reminders_due(today=IN_WINDOW)) == 3
    assert len(three.captured_queries) == len(one.captured_queries)
    assert len(one.captured_queries) <= 12


def test_the_e_mail_is_in_its_reader_s_language_from_end_to_end(undp, mailoutbox):
    """Subject, greeting, lines and the quarter's standing in Kurdish; the figures and the
    link as they are. The sender's own language (English here) does not leak in."""
    from logframe.accounts.models import Preference

    Preference.objects.create(user=undp, language="ckb")
    send_reminders(today=IN_WINDOW)
    mail = mailoutbox[0]
    assert mail.subject.startswith("Logframe: ")
    assert "G11-23 2013Q1" in mail.subject
    assert "empty" not in mail.subject
    for english in ("Hello", "Indicator 1.2.2", "due in", "These lines"):
        assert english not in mail.body, english
    assert "1.2.2" in mail.body
    assert "2013-04-30" in mail.body
    assert "http://127.0.0.1:8000/funds/UNDG-ITF/projects/G11-23/" in mail.body
    assert any("\u0600" <= c <= "\u06ff" for c in mail.subject)
