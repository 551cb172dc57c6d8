"""Optimistic locking: a save names the version it was based on; a newer one refuses it."""

from __future__ import annotations

from typing import Any, TypeVar

from django.db import models
from django.utils.translation import gettext as _

from logframe.workflow.errors import StaleEdit

M = TypeVar("M", bound=models.Model)


def locked_row(model: type[M], *, key: dict[str, Any], expected_version: int) -> M | None:
    """The row (locked for this transaction), or None when there is none yet.

    Raises StaleEdit when the stored version is not the one the edit was based on, with
    who saved it last and the values they saved, so the person can see them.
    """
    row = model._default_manager.select_for_update().filter(**key).first()
    stored = row.version if row is not None else 0  # type: ignore[attr-defined]
    if stored != expected_version:
        raise _stale(row)
    return row


def save_audited(row: models.Model, *, actor: Any, reason: str = "") -> None:
    """Validate, claim the next version, save with who and why for the history.

    The claim is a conditional UPDATE (``WHERE version = the one read``), so of two
    people saving at once exactly one wins, on SQLite as on PostgreSQL.
    """
    relations = [f.name for f in row._meta.fields if f.is_relation]
    row.full_clean(exclude=relations, validate_unique=False, validate_constraints=False)
    version: int = row.version  # type: ignore[attr-defined]
    if row.pk is not None:
        manager = type(row)._default_manager
        claimed = manager.filter(pk=row.pk, version=version).update(version=version + 1)
        if not claimed:
            raise _stale(manager.get(pk=row.pk))
    row.version = version + 1  # type: ignore[attr-defined]
    row._history_user = actor  # type: ignore[attr-defined]
    row._change_reason = reason  # type: ignore[attr-defined]
    row.save()


def stale_edit(row: models.Model | None) -> StaleEdit:
    """The refusal of an edit based on an older version of ``row``, with who saved it."""
    return _stale(row)


def _stale(row: models.Model | None) -> StaleEdit:
    if row is None:
        return StaleEdit(who=_("someone"), when=None, current={_("the line"): _("deleted")})
    last = row.history.first()  # type: ignore[attr-defined]
    who = str(last.history_user) if last is not None and last.history_user else _("someone")
    shown = {
        str(f.verbose_name): _text(getattr(row, f.attname))
        for f in row._meta.concrete_fields
        if f.name in SHOWN_FIELDS
    }
    return StaleEdit(who=who, when=last.history_date if last else None, current=shown)


SHOWN_FIELDS = frozenset(
    {"value", "male", "female", "status", "estimated_pct", "comment", "committed", "disbursed",
     "forecast_final_date", "actual", "target", "narrative", "summary", "constraints"}
)  # fmt: skip


def _text(value: object) -> str:
    if value is None or value == "":
        return ""
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"
