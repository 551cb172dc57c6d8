"""The project log: every change to a project, one entry per changed field, newest first.

Read from the history tables in bulk: for each audited table one query for its rows
(each carrying the id of its object's previous row, by a correlated subquery) and, when
some rows have a previous row, one more for those; then one query per kind of object
named. The cost does not grow with the number of changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils.translation import gettext as _

from logframe.portfolio import models as m
from logframe.portfolio.audit.field_names import field_name
from logframe.portfolio.audit.names import (
    Names,
    as_text,
    group_name,
    raw,
    user_name,
    want_relations,
)
from logframe.portfolio.audit.tables import BY_KIND, QUIET_ON_CREATE, TABLES, Audited, history

DEFAULT_LIMIT = 500
CHANGE_WORDS = {"+": "created", "~": "changed", "-": "deleted"}
CHANGE_SYMBOLS = {"+": "+", "~": "~", "-": "\u2212"}


@dataclass(frozen=True)
class LogEntry:
    """One changed field of one saved version of an object."""

    when: datetime
    who: str  # a user name, or "command line"
    what: str  # "Indicator 1.1.9 value, 2013Q1"
    object_kind: str  # the table's filter key: "value", "finance", …
    quarter: str  # "2013Q1", or "" for what is not tied to a quarter
    field: str  # the field's name as people say it, in the active language; "" if none
    old: str
    new: str
    reason: str
    change: str  # "+" created, "~" changed, "-" deleted
    history_id: int

    @property
    def kind(self) -> str:
        return CHANGE_WORDS[self.change]

    @property
    def symbol(self) -> str:
        return CHANGE_SYMBOLS[self.change]


def project_log(
    *,
    project: m.Project,
    since: datetime | None = None,
    limit: int = DEFAULT_LIMIT,
    period: m.ReportingPeriod | None = None,
    user_id: int | None = None,
    command_line: bool = False,
    kinds: frozenset[str] | None = None,
) -> list[LogEntry]:
    """The newest ``limit`` entries of the project's log, filtered as asked.

    ``period`` keeps what belongs to that quarter; ``user_id`` one user's changes,
    ``command_line`` those made with no user; ``kinds`` some tables (keys of
    :data:`LOG_KINDS`).
    """
    wanted = []
    for table in TABLES:
        if (kinds is not None and table.kind not in kinds) or (period and not table.in_period):
            continue
        where = table.in_project(project.pk)
        if period is not None and table.in_period is not None:
            where &= table.in_period(period.pk)
        if since is not None:
            where &= Q(history_date__gte=since)
        if user_id is not None:
            where &= Q(history_user_id=user_id)
        if command_line:
            where &= Q(history_user__isnull=True)
        wanted.append((table, where))
    return _log(wanted, limit=limit)


def value_history(
    *, period: m.ReportingPeriod, indicator: m.Indicator, limit: int = DEFAULT_LIMIT
) -> list[LogEntry]:
    """Every change to one indicator's value in one quarter, and to its evidence."""
    of_value = Q(period_id=period.pk, indicator_id=indicator.pk)
    values = history(m.IndicatorValue).objects.filter(of_value).values("id")
    wanted = [(BY_KIND["value"], of_value), (BY_KIND["evidence"], Q(indicator_value_id__in=values))]
    return _log(wanted, limit=limit)


def log_actors(*, project: m.Project) -> list[tuple[int, str]]:
    """(id, user name) of everyone who changed something in the project: one query."""
    who = Q(pk__in=[])
    for table in TABLES:
        rows = table.history_model.objects.filter(table.in_project(project.pk))
        who |= Q(pk__in=rows.filter(history_user__isnull=False).values("history_user_id"))
    users = get_user_model().objects.filter(who).order_by("username")
    return list(users.values_list("pk", "username"))


def _log(wanted: list[tuple[Audited, Q]], *, limit: int) -> list[LogEntry]:
    names = Names()
    fetched = []
    for table, where in wanted:
        rows, previous = _fetch(table, where, limit=limit)
        fields = table.model._meta.concrete_fields
        for row in (*rows, *previous.values()):
            want_relations(names, fields, row)
        fetched.append((table, rows, previous))
    partners = _partners(fetched, names)
    names.resolve()
    entries = [
        entry
        for table, rows, previous in fetched
        for row in rows
        for entry in _row_entries(table, row, previous.get(row.previous_id), names, partners)
    ]
    entries.sort(key=lambda e: (e.when, e.history_id), reverse=True)
    return entries[:limit]


def _fetch(table: Audited, where: Q, *, limit: int) -> tuple[list[Any], dict[int, Any]]:
    """The newest ``limit`` rows, and every row one of them follows (history id → row)."""
    rows_of = table.history_model.objects
    earlier = (
        rows_of.filter(id=OuterRef("id"), history_id__lt=OuterRef("history_id"))
        .order_by("-history_id")
        .values("history_id")[:1]
    )
    rows = list(
        rows_of.filter(where)
        .select_related("history_user")
        .annotate(previous_id=Subquery(earlier))
        .order_by("-history_date", "-history_id")[:limit]
    )
    # Asked whenever some row has a predecessor, even one already in hand, so that the
    # cost depends on what the window holds, not on where the predecessors happen to fall.
    wanted = {row.previous_id for row in rows} - {None}
    previous = {row.history_id: row for row in rows_of.filter(history_id__in=wanted)}
    return rows, previous | {row.history_id: row for row in rows}


def _row_entries(
    table: Audited, row: Any, before: Any, names: Names, partners: dict[int, frozenset[int]]
) -> list[LogEntry]:
    change = row.history_type
    old_row, new_row = {"+": (None, row), "-": (row, None)}.get(change, (before, row))
    pairs = [
        (field_name(field), as_text(field, old, names), as_text(field, new, names))
        for field in table.fields()
        for old, new in [(_raw(field, old_row), _raw(field, new_row))]
        if _shown(field, change, old, new)
    ]
    if table.model is m.Result and change == "~":
        old_set, new_set = (
            partners.get(getattr(before, "history_id", -1)),
            partners.get(row.history_id),
        )
        if old_set is not None and new_set is not None and old_set != new_set:
            pairs.append((_("partners"), _orgs(old_set, names), _orgs(new_set, names)))
    what, quarter = _label(table.kind, row, names)
    return [
        LogEntry(
            when=row.history_date,
            who=user_name(row.history_user),
            what=what,
            object_kind=table.kind,
            quarter=quarter,
            field=field,
            old=old,
            new=new,
            reason=row.history_change_reason or "",
            change=change,
            history_id=row.history_id,
        )
        for field, old, new in pairs or [("", "", "")]
    ]


def _raw(field: models.Field[Any, Any], row: Any) -> Any:
    return None if row is None else raw(field, row)


def _shown(field: models.Field[Any, Any], change: str, old: Any, new: Any) -> bool:
    """Changes: fields that differ. Creations and deletions: fields that hold something."""
    if change == "~":
        return bool(old != new)
    value = new if change == "+" else old
    return field.name not in QUIET_ON_CREATE and value not in (None, "")


def _orgs(ids: frozenset[int], names: Names) -> str:
    return ", ".join(sorted(names.name(m.Organisation, pk) for pk in ids))


def _label(kind: str, row: Any, names: Names) -> tuple[str, str]:
    """What a history row is about, in the active language, and its quarter ("" if none)."""
    quarter = names.name(m.ReportingPeriod, getattr(row, "period_id", None))
    if kind in ("value", "finance", "beneficiaries", "progress"):
        return _quarter_label(kind, row, names, quarter), quarter
    if kind == "quarter":
        code = f"{row.year}Q{row.quarter}"
        return _("Quarter %(code)s") % {"code": code}, code
    if kind == "evidence":
        indicator, quarter = names.value_parts(row.indicator_value_id)
        text = _("Evidence %(name)s of indicator %(code)s, %(quarter)s")
        return text % {"name": row.name, "code": indicator, "quarter": quarter}, quarter
    return _project_label(kind, row, names), ""


def _project_label(kind: str, row: Any, names: Names) -> str:
    if kind == "project":
        return _("Project %(number)s") % {"number": row.number}
    if kind == "participation":
        organisation = names.name(m.Organisation, row.organisation_id)
        return _("Participation %(organisation)s") % {"organisation": organisation}
    if kind == "result" and row.level == "jp_output":
        return _("JP output %(code)s") % {"code": row.code}
    if kind == "result":
        return _("Output %(code)s") % {"code": row.code}
    if kind == "indicator":
        return _("Indicator %(code)s") % {"code": row.code}
    if kind == "activity":
        return _("Activity %(code)s") % {"code": row.code}
    return _("Footnote %(number)s") % {"number": row.number}


def _quarter_label(kind: str, row: Any, names: Names, quarter: str) -> str:
    if kind == "value":
        code = names.name(m.Indicator, row.indicator_id)
        return _("Indicator %(code)s value, %(quarter)s") % {"code": code, "quarter": quarter}
    if kind == "finance":
        organisation = names.name(m.Participation, row.participation_id)
        text = _("Finance %(organisation)s, %(quarter)s")
        return text % {"organisation": organisation, "quarter": quarter}
    if kind == "beneficiaries":
        text = _("Beneficiaries %(group)s, %(quarter)s")
        return text % {"group": group_name(row.group), "quarter": quarter}
    code = names.name(m.Result, row.result_id)
    return _("Output %(code)s progress, %(quarter)s") % {"code": code, "quarter": quarter}


def _partners(
    fetched: list[tuple[Audited, list[Any], dict[int, Any]]], names: Names
) -> dict[int, frozenset[int]]:
    """An output's partners at each of its history rows (history id → organisation ids).

    simple-history records the partners with a row saved one by one, but not with the
    rows of a bulk update; such a row keeps the partners of the row before it. A row
    saved for a change of partners alone (its fields equal its predecessor's) holds
    exactly the partners recorded with it, none if none.
    """
    rows: dict[int, Any] = {}
    for table, window, previous in fetched:
        if table.model is m.Result:
            rows = {row.history_id: row for row in window} | previous
    if not rows:
        return {}
    recorded: dict[int, set[int]] = {}
    through = apps.get_model("portfolio", "HistoricalResult_partners")
    pairs = through.objects.filter(history_id__in=list(rows)).values_list(
        "history_id", "organisation_id"
    )
    for history_id, organisation in pairs:
        recorded.setdefault(history_id, set()).add(organisation)
        names.want(m.Organisation, organisation)
    fields = BY_KIND["result"].fields()
    partners: dict[int, frozenset[int]] = {}
    for history_id in sorted(rows):
        row = rows[history_id]
        before = rows.get(getattr(row, "previous_id", None) or -1)
        carried = partners.get(before.history_id) if before is not None else None
        if history_id in recorded:
            partners[history_id] = frozenset(recorded[history_id])
        elif row.history_type == "~" and before is not None and _same(fields, before, row):
            partners[history_id] = frozenset()
        else:
            partners[history_id] = carried if carried is not None else frozenset()
    return partners


def _same(fields: list[models.Field[Any, Any]], a: Any, b: Any) -> bool:
    return all(raw(field, a) == raw(field, b) for field in fields)
