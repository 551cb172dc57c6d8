"""Template filters that say the domain's values in the person's language.

``{{ period.state|state_word }}``, ``{{ snapshot.event|event_word }}``,
``{{ finding|finding_text }}``, ``{{ finding.severity|severity_word }}``, and
``{{ day|written }}`` ("17 October 2013", with the month in the interface's language).
"""

from __future__ import annotations

from datetime import date, datetime

from django import template
from django.utils import timezone

from logframe.domain.findings import Finding
from logframe.reporting import wording
from logframe.reporting.model import Header
from logframe.web import vocabulary as v

register = template.Library()


@register.filter
def state_word(state: str) -> str:
    return v.state_word(state)


@register.filter
def state_label(state: str) -> str:
    return v.state_label(state)


@register.filter
def event_word(event: str) -> str:
    word = v.SNAPSHOT_EVENTS.get(event)
    return event if word is None else str(word)


@register.filter
def severity_word(severity: str) -> str:
    word = v.SEVERITY_WORDS.get(str(severity))
    return str(severity) if word is None else str(word)


@register.filter
def finding_text(finding: Finding) -> str:
    return v.finding_message(finding)


@register.filter
def written(day: date | datetime | None) -> str:
    """A date (or the local day of a time) as "17 October 2013", in the person's language."""
    if isinstance(day, datetime):
        day = timezone.localtime(day).date() if timezone.is_aware(day) else day.date()
    return v.written_date(day)


@register.filter
def period_text(header: Header) -> str:
    """The report's quarter ("1st Quarter 2013 …") in the interface's language."""
    return wording.period_text(header, v.report_labels())
