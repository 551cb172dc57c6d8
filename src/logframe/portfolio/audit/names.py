"""Readable names for the ids that history rows hold, and readable text for their values.

History rows refer to other objects by id, and those objects may since have been
deleted. Names are looked up in bulk — one query per kind of object named, whatever the
number of rows — from the history tables, so a deleted indicator keeps its code.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext

from logframe.domain.beneficiaries import GROUP_LABELS, BeneficiaryGroup
from logframe.domain.checks.narrative_text import plain_text as html_text
from logframe.domain.records import RICH_TEXT_FIELDS
from logframe.portfolio import models as m
from logframe.portfolio.audit.field_names import choice_label
from logframe.portfolio.audit.tables import history

COMMAND_LINE = "command line"


class Names:
    """Collect the ids to name with :meth:`want`, look them all up with :meth:`resolve`."""

    def __init__(self) -> None:
        self._wanted: dict[type[models.Model], set[int]] = defaultdict(set)
        self._names: dict[type[models.Model], dict[int, str]] = defaultdict(dict)
        self._values: dict[int, tuple[int, int]] = {}  # indicator value → (indicator, period)

    def want(self, model: type[models.Model], pk: int | None) -> None:
        if pk is not None:
            self._wanted[model].add(pk)

    def name(self, model: type[models.Model], pk: int | None) -> str:
        if pk is None:
            return ""
        return self._names[model].get(pk) or f"#{pk}"

    def value_parts(self, pk: int) -> tuple[str, str]:
        """An indicator value's indicator code and quarter."""
        indicator, period = self._values.get(pk, (None, None))
        return self.name(m.Indicator, indicator), self.name(m.ReportingPeriod, period)

    def resolve(self) -> None:
        """One query per kind of object wanted; those naming others first."""
        values = self._take(m.IndicatorValue)
        for pk, indicator, period in _latest(m.IndicatorValue, values, "indicator_id", "period_id"):
            self._values[pk] = (indicator, period)
            self.want(m.Indicator, indicator)
            self.want(m.ReportingPeriod, period)
        participations = dict(
            _latest(m.Participation, self._take(m.Participation), "organisation_id")
        )
        for organisation in participations.values():
            self.want(m.Organisation, organisation)
        for model, fields, label in _HISTORY_NAMES:
            for row in _latest(model, self._take(model), *fields):
                self._names[model][row[0]] = label(*row[1:])
        for model, field in _LIVE_NAMES:
            ids = self._take(model)
            if ids:
                manager = model._default_manager
                self._names[model].update(manager.filter(pk__in=ids).values_list("pk", field))
        for pk in values:
            self._names[m.IndicatorValue][pk] = ", ".join(self.value_parts(pk))
        for pk, organisation in participations.items():
            self._names[m.Participation][pk] = self.name(m.Organisation, organisation)

    def _take(self, model: type[models.Model]) -> set[int]:
        return self._wanted.pop(model, set())


def _latest(model: type[models.Model], ids: set[int], *fields: str) -> Iterable[tuple[Any, ...]]:
    """(id, *fields) of each id's newest history row; nothing (and no query) for no ids."""
    if not ids:
        return []
    rows = history(model).objects.filter(id__in=ids).order_by("history_id")
    newest = {row[0]: row for row in rows.values_list("id", *fields)}
    return list(newest.values())


def _quarter(year: int, quarter: int) -> str:
    return f"{year}Q{quarter}"


_HISTORY_NAMES: tuple[tuple[type[models.Model], tuple[str, ...], Any], ...] = (
    (m.Result, ("code",), str),
    (m.Indicator, ("code",), str),
    (m.Activity, ("code",), str),
    (m.Footnote, ("number",), str),
    (m.ReportingPeriod, ("year", "quarter"), _quarter),
    (m.Project, ("number",), str),
)
_LIVE_NAMES: tuple[tuple[type[models.Model], str], ...] = (
    (m.Organisation, "code"),
    (m.Fund, "code"),
    (get_user_model(), "username"),
)


def want_relations(names: Names, fields: Iterable[models.Field[Any, Any]], row: Any) -> None:
    """Ask ``names`` for every object a history row's foreign keys name."""
    for field in fields:
        if field.is_relation and field.related_model is not None:
            related = field.related_model
            if isinstance(related, type) and issubclass(related, models.Model):
                names.want(related, getattr(row, field.attname))


def raw(field: models.Field[Any, Any], row: Any) -> Any:
    """The stored value of ``field`` in a history row (a foreign key's id)."""
    return getattr(row, field.attname)


def as_text(field: models.Field[Any, Any], value: Any, names: Names) -> str:
    """A stored value as the log shows it: names for relations, labels for choices."""
    if value is None:
        return ""
    if field.is_relation and isinstance(field.related_model, type):
        return names.name(field.related_model, value)
    if field.choices:
        label = dict(field.flatchoices).get(value)
        return choice_label(label) if label is not None else str(value)
    if field.name in RICH_TEXT_FIELDS and isinstance(value, str):
        return html_text(value)  # the words, not the markup ("<p>During…" read as text)
    return plain_text(value)


def plain_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, Decimal):
        return decimal_text(value)
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, models.fields.files.FieldFile):
        return value.name or ""
    return str(value)


def group_name(key: str) -> str:
    """A beneficiary group's name ("men" → "Men") in the active language; an unknown key as is."""
    try:
        return gettext(GROUP_LABELS[BeneficiaryGroup(key)])
    except ValueError:
        return key


def decimal_text(number: Decimal) -> str:
    """``498.0000`` → ``498``; ``0.5000`` → ``0.5``; never an exponent."""
    text = format(number.normalize(), "f")
    return "0" if text in {"-0", "0"} else text


def user_name(user: Any) -> str:
    return str(user.get_username()) if user is not None else gettext(COMMAND_LINE)
