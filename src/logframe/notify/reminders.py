"""Reminder e-mails: to focal points whose lines are still empty, to reviewers on submission.

Run once a day (``logframe send-reminders``, from cron or a systemd timer):

- **Empty lines.** For every open or returned quarter whose report is due within its
  fund's ``reminder_days`` (or is late), each agency focal point of the project whose
  lines are still empty gets one e-mail listing them: the indicators of the outputs
  their organisation leads or partners in that have no value yet (nothing in value,
  male, female, status, estimated % or the actual's text), and their organisation's
  finance line when it has neither committed nor disbursed.
- **Submitted.** For every quarter submitted (up to today) since the last notice, each
  reviewer and fund administrator of the fund gets one e-mail.

A person gets one e-mail per kind and run, covering all their quarters. Each quarter
covered is recorded as a ``Reminder`` (period, user, kind, day) in the same transaction
as the sending, so a second run on the same day sends nothing, and a failed sending is
tried again on the next run. Planning costs a fixed number of queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from logframe.accounts.models import Membership, Preference, Role
from logframe.domain.records import PeriodState
from logframe.notify.deadlines import (
    DeadlineStatus,
    deadline_status,
    due_date,
    reminder_window_opens,
)
from logframe.portfolio import models as m

# A reminder's lines, said in its reader's language when the e-mail is written.
_INDICATOR_LINE = gettext_lazy("Indicator {code}: {text}")
_FINANCE_LINE = gettext_lazy("Finance {code}: committed and disbursed")

LINES_EMPTY = "lines-empty"
SUBMITTED = "submitted"
DEFAULT_BASE_URL = "http://127.0.0.1:8000"
_OPEN = (PeriodState.OPEN.value, PeriodState.RETURNED.value)


@dataclass(frozen=True)
class Item:
    """One quarter in a reminder: what is empty in it (nothing for a submission) and where."""

    period: m.ReportingPeriod
    lines: tuple[str | Promise, ...]  # said in the reader's language when the e-mail is written
    link: str
    status: str  # "due in 5 days", "late by 3 days", "submitted, waiting for review"
    standing: DeadlineStatus | None = None  # the status again, to say in the reader's language

    @property
    def title(self) -> str:
        return f"{self.period.project.number} {self.period.code}"


@dataclass(frozen=True)
class ReminderPlan:
    """One e-mail: its kind, to whom, and the quarters it is about."""

    kind: str  # LINES_EMPTY or SUBMITTED
    user: Any
    items: tuple[Item, ...]

    @property
    def subject(self) -> str:
        quarters = ", ".join(item.title for item in self.items)
        if self.kind == SUBMITTED:
            return _("Logframe: %(quarters)s submitted for review") % {"quarters": quarters}
        count = sum(len(item.lines) for item in self.items)
        return ngettext(
            "Logframe: %(count)s empty line in %(quarters)s",
            "Logframe: %(count)s empty lines in %(quarters)s",
            count,
        ) % {"count": count, "quarters": quarters}

    @property
    def body(self) -> str:
        name = self.user.get_full_name() or self.user.get_username()
        if self.kind == SUBMITTED:
            intro = _("These quarters were submitted and wait for your review:")
        else:
            intro = _("These lines of yours are still empty:")
        parts = [_("Hello %(name)s,") % {"name": name}, "", intro]
        for item in self.items:
            due = due_date(period=item.period).isoformat()
            status = item.standing.label if item.standing is not None else item.status
            parts += [
                "",
                _("%(quarter)s, due %(due)s (%(status)s)")
                % {"quarter": item.title, "due": due, "status": status},
            ]
            parts += [f"  - {line}" for line in item.lines]
            parts.append(f"  {item.link}")
        return "\n".join([*parts, "", "-- ", "Logframe"]) + "\n"

    def message(self, connection: Any = None) -> EmailMessage:
        """The e-mail in its reader's language (their preference; the site's otherwise)."""
        with translation.override(language_of(self.user)):
            subject, body = self.subject, self.body
        return EmailMessage(subject, body, to=[self.user.email], connection=connection)


def language_of(user: Any) -> str:
    """The language ``user`` reads Logframe in: their preference, else the site's."""
    chosen = Preference.objects.filter(user=user).values_list("language", flat=True).first()
    return chosen or settings.LANGUAGE_CODE


@dataclass(frozen=True)
class SendSummary:
    today: date
    dry_run: bool
    sent: tuple[ReminderPlan, ...]  # or, for a dry run, those that would be sent
    skipped: tuple[tuple[ReminderPlan, str], ...]  # and why


def reminders_due(*, today: date) -> list[ReminderPlan]:
    """Every e-mail a run on ``today`` would send, not yet sent today."""
    return [*_empty_lines(today), *_submitted(today)]


def send_reminders(*, today: date, dry_run: bool = False) -> SendSummary:
    """Send what is due on ``today`` and record it; with ``dry_run``, only say what."""
    plans = reminders_due(today=today)
    ready = [plan for plan in plans if plan.user.email]
    skipped = [(plan, "no e-mail address") for plan in plans if not plan.user.email]
    if dry_run:
        return SendSummary(today, True, tuple(ready), tuple(skipped))
    sent = []
    with get_connection() as connection:
        for plan in ready:
            problem = _send(plan, today=today, connection=connection)
            if problem:
                skipped.append((plan, problem))
            else:
                sent.append(plan)
    return SendSummary(today, False, tuple(sent), tuple(skipped))


def _send(plan: ReminderPlan, *, today: date, connection: Any) -> str:
    """Record and send one e-mail in one transaction; the reason it was not sent, or ""."""
    try:
        with transaction.atomic():
            m.Reminder.objects.bulk_create(
                m.Reminder(period=item.period, user=plan.user, kind=plan.kind, sent_on=today)
                for item in plan.items
            )
            plan.message(connection).send()
    except IntegrityError:
        return "already sent today"
    except OSError as exc:
        return f"sending failed: {exc}"
    return ""


def _empty_lines(today: date) -> list[ReminderPlan]:
    periods = [
        p
        for p in m.ReportingPeriod.objects.filter(state__in=_OPEN).select_related("project__fund")
        if today >= reminder_window_opens(due=due_date(period=p),
                                          reminder_days=p.project.fund.reminder_days)
    ]  # fmt: skip
    if not periods:
        return []
    facts = _Entries.read(periods, today)
    items: dict[int, list[Item]] = defaultdict(list)
    users: dict[int, Any] = {}
    for period in periods:
        lines_of: dict[int, list[str | Promise]] = defaultdict(list)
        for ms in facts.focal_points:
            if ms.project_id == period.project_id and (period.pk, ms.user_id) not in facts.reminded:
                lines_of[ms.user_id] += facts.empty_lines(period, ms)
                users[ms.user_id] = ms.user
        standing = deadline_status(period=period, today=today)
        for user_id, lines in lines_of.items():
            if lines:
                link = _link("project-entry", period)
                items[user_id].append(
                    Item(period, tuple(dict.fromkeys(lines)), link, standing.label, standing)
                )
    return [ReminderPlan(LINES_EMPTY, users[u], tuple(i)) for u, i in items.items()]


@dataclass(frozen=True)
class _Entries:
    """What is filled in the quarters to remind about, read in a fixed number of queries."""

    focal_points: list[Membership]
    held: dict[tuple[int, int], list[tuple[int, str, str]]]  # (project, org) → indicators
    filled: set[tuple[int, int]]  # (period, indicator)
    finance_lines: dict[tuple[int, int], int]  # (project, org) → participation
    finance_filled: set[tuple[int, int]]  # (period, participation)
    reminded: set[tuple[int, int]]  # (period, user) reminded today already

    @classmethod
    def read(cls, periods: list[m.ReportingPeriod], today: date) -> _Entries:
        projects = {p.project_id for p in periods}
        focal_points = Membership.objects.filter(
            role=Role.FOCAL_POINT, project_id__in=projects, organisation__isnull=False,
            user__is_active=True,
        ).select_related("user", "organisation")  # fmt: skip
        participations = m.Participation.objects.filter(project_id__in=projects)
        finance = m.FinancialStatus.objects.filter(period__in=periods).filter(
            Q(committed__isnull=False) | Q(disbursed__isnull=False)
        )
        reminded = m.Reminder.objects.filter(period__in=periods, kind=LINES_EMPTY, sent_on=today)
        return cls(
            focal_points=list(focal_points),
            held=_indicators_held(projects),
            filled=_filled_values(periods),
            finance_lines={
                (project, org): pk
                for pk, project, org in participations.values_list(
                    "pk", "project_id", "organisation_id"
                )
            },
            finance_filled=set(finance.values_list("period_id", "participation_id")),
            reminded=set(reminded.values_list("period_id", "user_id")),
        )

    def empty_lines(self, period: m.ReportingPeriod, ms: Membership) -> list[str | Promise]:
        """The focal point's indicators without a value, and its empty finance line."""
        org = ms.organisation
        if org is None:
            return []
        lines: list[str | Promise] = [
            format_lazy(_INDICATOR_LINE, code=code, text=_short(text))
            for indicator, code, text in self.held.get((period.project_id, org.pk), [])
            if (period.pk, indicator) not in self.filled
        ]
        finance = self.finance_lines.get((period.project_id, org.pk))
        if finance is not None and (period.pk, finance) not in self.finance_filled:
            lines.append(format_lazy(_FINANCE_LINE, code=org.code))
        return lines


def _indicators_held(projects: set[int]) -> dict[tuple[int, int], list[tuple[int, str, str]]]:
    """(project, organisation) → the indicators of the outputs it leads or partners in."""
    holders: dict[int, set[int]] = defaultdict(set)
    project_of: dict[int, int] = {}
    for result, project, lead in m.Result.objects.filter(project_id__in=projects).values_list(
        "pk", "project_id", "lead_id"
    ):
        project_of[result] = project
        if lead is not None:
            holders[result].add(lead)
    partners = m.Result.partners.through.objects.filter(result__project_id__in=projects)
    for result, organisation in partners.values_list("result_id", "organisation_id"):
        holders[result].add(organisation)
    held: dict[tuple[int, int], list[tuple[int, str, str]]] = defaultdict(list)
    indicators = m.Indicator.objects.filter(result__project_id__in=projects).order_by(
        "result__position", "position"
    )
    for pk, result, code, text in indicators.values_list("pk", "result_id", "code", "text"):
        for organisation in sorted(holders[result]):
            held[(project_of[result], organisation)].append((pk, code, text))
    return held


def _filled_values(periods: list[m.ReportingPeriod]) -> set[tuple[int, int]]:
    """(period, indicator) of every value that holds an actual."""
    has_parts = Exists(m.IndicatorValuePart.objects.filter(indicator_value=OuterRef("pk")))
    something = (
        Q(value__isnull=False) | Q(male__isnull=False) | Q(female__isnull=False)
        | Q(estimated_pct__isnull=False) | ~Q(status="") | ~Q(actual_text="") | Q(has_parts)
    )  # fmt: skip
    values = m.IndicatorValue.objects.filter(period__in=periods).filter(something)
    return set(values.values_list("period_id", "indicator_id"))


def _submitted(today: date) -> list[ReminderPlan]:
    periods = [
        p
        for p in m.ReportingPeriod.objects.filter(
            state=PeriodState.SUBMITTED.value, submitted_at__isnull=False
        ).select_related("project__fund")
        if p.submitted_at is not None and timezone.localdate(p.submitted_at) <= today
    ]
    if not periods:
        return []
    reviewers = list(
        Membership.objects.filter(
            fund_id__in={p.project.fund_id for p in periods},
            role__in=[Role.REVIEWER, Role.FUND_ADMIN], user__is_active=True,
        ).select_related("user")
    )  # fmt: skip
    notices = m.Reminder.objects.filter(period__in=periods, kind=SUBMITTED)
    last_notice: dict[tuple[int, int], date] = {}
    for period_id, user_id, sent_on in notices.values_list("period_id", "user_id", "sent_on"):
        last_notice[(period_id, user_id)] = max(
            sent_on, last_notice.get((period_id, user_id), sent_on)
        )
    items: dict[int, list[Item]] = defaultdict(list)
    users: dict[int, Any] = {}
    for period in periods:
        assert period.submitted_at is not None
        submitted_on = timezone.localdate(period.submitted_at)
        for user_id, user in _reviewers_of(period, reviewers).items():
            notice = last_notice.get((period.pk, user_id))
            if notice is None or notice < submitted_on:
                standing = deadline_status(period=period, today=today)
                link = _link("project-entry", period)
                items[user_id].append(Item(period, (), link, standing.label, standing))
                users[user_id] = user
    return [ReminderPlan(SUBMITTED, users[u], tuple(i)) for u, i in items.items()]


def _reviewers_of(period: m.ReportingPeriod, memberships: Iterable[Membership]) -> dict[int, Any]:
    return {
        ms.user_id: ms.user
        for ms in memberships
        if ms.fund_id == period.project.fund_id and ms.project_id in (None, period.project_id)
    }


def _link(name: str, period: m.ReportingPeriod) -> str:
    """The quarter's data-entry page (or, without one, the project's page), absolute."""
    base = str(getattr(settings, "LOGFRAME_BASE_URL", DEFAULT_BASE_URL)).rstrip("/")
    fund, number = period.project.fund.code, period.project.number
    try:
        return base + reverse(name, args=[fund, number, period.code])
    except NoReverseMatch:
        return base + reverse("project", args=[fund, number]) + f"?period={period.code}"


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
