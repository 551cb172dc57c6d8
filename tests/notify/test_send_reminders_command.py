"""``logframe send-reminders``, run in this process against the test database."""

from __future__ import annotations

import pytest

from logframe.cli.main import main
from logframe.portfolio import models as m

pytestmark = pytest.mark.django_db


@pytest.fixture
def undp(make_member, loaded_project):
    user = make_member("undp", "focal_point", loaded_project, "UNDP")
    user.email = "undp@example.org"
    user.save()
    return user


def test_it_prints_what_it_sent(undp, mailoutbox, capsys):
    assert main(["send-reminders", "--date", "2013-04-24"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        "2013-04-24: sent 1 e-mail",
        "  lines-empty → undp <undp@example.org>: G11-23 2013Q1",
    ]
    assert len(mailoutbox) == 1
    assert main(["send-reminders", "--date", "2013-04-24"]) == 0
    assert "2013-04-24: sent 0 e-mails" in capsys.readouterr().out


def test_a_dry_run_sends_nothing(undp, mailoutbox, capsys):
    assert main(["send-reminders", "--date", "2013-04-24", "--dry-run"]) == 0
    assert "2013-04-24: would send 1 e-mail" in capsys.readouterr().out
    assert mailoutbox == []
    assert not m.Reminder.objects.exists()


@pytest.mark.parametrize("bad", ["2013-13-01", "24/04/2013", "2013-4-24", "tomorrow"])
def test_a_bad_date_is_one_line_and_exit_2(bad, capsys):
    assert main(["send-reminders", "--date", bad]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"logframe send-reminders: --date '{bad}': not a date")
    assert err.count("\n") == 1


def test_without_a_date_it_runs_for_today(loaded_project, capsys):
    assert main(["send-reminders", "--dry-run"]) == 0
    assert "would send" in capsys.readouterr().out
