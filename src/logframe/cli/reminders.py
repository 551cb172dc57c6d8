"""``logframe send-reminders``: the day's reminder e-mails, run daily by cron or a timer."""

from __future__ import annotations

import argparse
import re
from datetime import date
from typing import Any

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def add_parser(sub: Any) -> None:
    """The subcommand and its options (called by ``logframe.cli.main.build_parser``)."""
    parser = sub.add_parser(
        "send-reminders",
        help="e-mail focal points with empty lines and reviewers of submitted quarters",
    )
    parser.add_argument("--date", help="act as on this day, YYYY-MM-DD (default: today)")
    parser.add_argument(
        "--dry-run", action="store_true", help="say what would be sent; send nothing"
    )


def send_reminders(args: argparse.Namespace) -> int:
    from django.utils import timezone

    from logframe.cli.commands import database
    from logframe.notify.reminders import send_reminders as send

    today = parse_date(args.date) if args.date else timezone.localdate()
    with database():
        summary = send(today=today, dry_run=args.dry_run)
    verb = "would send" if summary.dry_run else "sent"
    count = len(summary.sent)
    print(f"{today.isoformat()}: {verb} {count} e-mail{'' if count == 1 else 's'}")
    for plan in summary.sent:
        quarters = ", ".join(item.title for item in plan.items)
        print(f"  {plan.kind} → {plan.user.get_username()} <{plan.user.email}>: {quarters}")
    for plan, why in summary.skipped:
        print(f"  not sent to {plan.user.get_username()} ({plan.kind}): {why}")
    return 0


COMMANDS = {"send-reminders": send_reminders}


def parse_date(text: str) -> date:
    from logframe.cli.main import CommandError

    try:
        if not _DATE.match(text):
            raise ValueError("expected YYYY-MM-DD")
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(
            f"--date {text!r}: not a date ({exc}); write it like 2013-04-24"
        ) from exc
