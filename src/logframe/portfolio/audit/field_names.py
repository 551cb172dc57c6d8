"""The audit trail's field names in the reader's language.

A log entry names the field that changed by the model field's ``verbose_name`` ("approved
budget", "% of planned as reported"). The models keep plain English names (marking them
lazily would change the migrations' state for nothing); the names are listed here for the
catalogs instead, and ``field_name`` says one in the active language — the request's on the
web, so the project log, one value's history and the CSV export all read in the person's
language; a choice's label likewise (``choice_label``). ``tests/i18n`` fails when an
audited field or choice has no Arabic name.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext, gettext_noop

FIELD_NAMES = (
    gettext_noop("number"),
    gettext_noop("title"),
    gettext_noop("description"),
    gettext_noop("sector"),
    gettext_noop("DAC sector code"),
    gettext_noop("thematic group"),
    gettext_noop("line ministry"),
    gettext_noop("location"),
    gettext_noop("approval date"),
    gettext_noop("start date"),
    gettext_noop("planned end date"),
    gettext_noop("revised end date"),
    gettext_noop("status"),
    gettext_noop("development goal"),
    gettext_noop("UNDAF outcome"),
    gettext_noop("immediate objective"),
    gettext_noop("total budget as reported"),
    gettext_noop("reported duration months"),
    gettext_noop("IATI identifier"),
    gettext_noop("recipient country"),
    gettext_noop("role"),
    gettext_noop("approved budget"),
    gettext_noop("position"),
    gettext_noop("parent"),
    gettext_noop("level"),
    gettext_noop("code"),
    gettext_noop("text"),
    gettext_noop("lead"),
    gettext_noop("result"),
    gettext_noop("measure"),
    gettext_noop("unit"),
    gettext_noop("disaggregation"),
    gettext_noop("baseline"),
    gettext_noop("baseline text"),
    gettext_noop("target kind"),
    gettext_noop("target"),
    gettext_noop("target milestone"),
    gettext_noop("target note"),
    gettext_noop("target text"),
    gettext_noop("cumulative"),
    gettext_noop("published"),
    gettext_noop("state"),
    gettext_noop("summary"),
    gettext_noop("constraints"),
    gettext_noop("procurement"),
    gettext_noop("total committed as reported"),
    gettext_noop("total disbursed as reported"),
    # xgettext:no-python-format
    gettext_noop("total committed % as reported"),
    # xgettext:no-python-format
    gettext_noop("total disbursed % as reported"),
    gettext_noop("review comment"),
    gettext_noop("submitted at"),
    gettext_noop("submitted by"),
    gettext_noop("approved at"),
    gettext_noop("approved by"),
    gettext_noop("value"),
    gettext_noop("male"),
    gettext_noop("female"),
    # xgettext:no-python-format
    gettext_noop("estimated % complete"),
    gettext_noop("actual text"),
    gettext_noop("comment"),
    # xgettext:no-python-format
    gettext_noop("% of planned as reported"),
    gettext_noop("reported pct text"),
    gettext_noop("source"),
    gettext_noop("committed (cumulative)"),
    gettext_noop("disbursed (cumulative)"),
    gettext_noop("forecast final date"),
    # xgettext:no-python-format
    gettext_noop("committed % as reported"),
    # xgettext:no-python-format
    gettext_noop("disbursed % as reported"),
    gettext_noop("reported delay months"),
    gettext_noop("actual"),
    gettext_noop("applicable"),
    gettext_noop("note"),
    gettext_noop("narrative"),
    gettext_noop("file"),
    gettext_noop("name"),
    gettext_noop("content type"),
    gettext_noop("size"),
    gettext_noop("sha256"),
    gettext_noop("uploaded at"),
    gettext_noop("uploaded by"),
    gettext_noop("partners"),
)

# The labels of the audited fields' choices that the interface does not already say
# elsewhere ("Submitted", "Completed", … are in the catalogs through web/vocabulary).
CHOICE_LABELS = (
    gettext_noop("Participating"),
    gettext_noop("Implementing partner"),
    gettext_noop("Jp output"),
    gettext_noop("Count"),
    gettext_noop("Percentage"),
    gettext_noop("Milestone"),
    gettext_noop("Qualitative"),
    gettext_noop("Sex"),
    gettext_noop("Number"),
    gettext_noop("Tbd"),
)


def field_name(field: models.Field[Any, Any]) -> str:
    """``field``'s name as people say it, in the active language."""
    return gettext(str(field.verbose_name))


def choice_label(label: object) -> str:
    """A choice's label ("Partially") in the active language."""
    return gettext(str(label))
