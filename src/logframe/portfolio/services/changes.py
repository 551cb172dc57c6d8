"""Write many rows at once, only those that really change, with who and why for the audit.

Re-importing the same data must change nothing — not even write history rows — and a
whole project must be written in a few dozen queries, not one per row. So every write of
an import goes through :meth:`Changes.sync`: it compares the stored rows of one kind with
the wanted ones, then creates, updates and deletes in bulk, each with its history rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import models
from django.db.models.signals import pre_delete
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

M = TypeVar("M", bound=models.Model)
K = TypeVar("K", bound=Hashable)


@dataclass
class Changes:
    """Counts created, updated, unchanged and deleted rows per model, and stamps the audit."""

    actor: Any = None  # a User, or None for the command line
    reason: str = ""
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)

    def sync(
        self,
        model: type[M],
        *,
        existing: Iterable[M],
        key: Callable[[M], K],
        wanted: Mapping[K, dict[str, Any]],
        prune: bool = True,
    ) -> dict[K, M]:
        """Make the rows of ``existing`` match ``wanted`` (key → field values).

        Rows whose key is not wanted are deleted when ``prune``. Returns key → row,
        every row saved (new rows carry their primary key).
        """
        current = {key(row): row for row in existing}
        rows: dict[K, M] = {}
        new: list[M] = []
        changed: list[M] = []
        changed_fields: set[str] = set()
        for k, values in wanted.items():
            row = current.get(k)
            if row is None:
                row = model(**values)
                new.append(row)
            else:
                differing = [name for name, v in values.items() if _differs(row, name, v)]
                for name in differing:
                    setattr(row, name, values[name])
                if differing:
                    changed.append(row)
                    changed_fields.update(differing)
            rows[k] = row
        self._write(model, new=new, changed=changed, fields=sorted(changed_fields))
        self.unchanged[_name(model)] += len(wanted) - len(new) - len(changed)
        if prune:
            self.delete([row for k, row in current.items() if k not in wanted])
        return rows

    def upsert(self, model: type[M], *, key: dict[str, Any], values: dict[str, Any]) -> M:
        """One row found by ``key`` (plain fields only): created, updated or left be."""
        found = model._default_manager.filter(**key)
        rows = self.sync(
            model, existing=found, key=lambda _: "row", wanted={"row": key | values}, prune=False
        )
        return rows["row"]

    def delete(self, rows: Iterable[models.Model]) -> None:
        """Delete rows one by one, so each deletion is in the history with who and why —
        the rows deleted with them (an indicator's values) too."""
        with stamped_cascade(self):
            for row in rows:
                self.stamp(row)
                row.delete()
                self.deleted[_name(type(row))] += 1

    def _write(self, model: type[M], *, new: list[M], changed: list[M], fields: list[str]) -> None:
        for row in (*new, *changed):
            _validate(row)
        audited = hasattr(model, "history")
        if new:
            if audited:
                bulk_create_with_history(
                    new, model, default_user=self.actor, default_change_reason=self.reason
                )
            else:
                model._default_manager.bulk_create(new)
            self.created[_name(model)] += len(new)
        if changed:
            if audited:
                bulk_update_with_history(
                    changed,
                    model,
                    fields,
                    default_user=self.actor,
                    default_change_reason=self.reason,
                )
            else:
                model._default_manager.bulk_update(changed, fields)
            self.updated[_name(model)] += len(changed)

    def stamp(self, row: models.Model) -> None:
        """Who and why, for the history row the next save or delete of ``row`` writes."""
        row._history_user = self.actor  # type: ignore[attr-defined]
        row._change_reason = self.reason  # type: ignore[attr-defined]

    @property
    def total_changed(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values()) + sum(self.deleted.values())


_CASCADE: ContextVar[Changes | None] = ContextVar("logframe_cascade", default=None)


@contextmanager
def stamped_cascade(changes: Changes) -> Iterator[None]:
    """While deleting: every row Django deletes along (``on_delete=CASCADE``) gets the same
    who and why as the row asked for, so its history row names them too.

    The receiver is connected only for the duration: one connected for good would keep
    Django from ever fast-deleting (without loading) rows of any model.
    """
    token = _CASCADE.set(changes)
    pre_delete.connect(_stamp_cascaded, dispatch_uid="logframe-stamped-cascade", weak=False)
    try:
        yield
    finally:
        pre_delete.disconnect(dispatch_uid="logframe-stamped-cascade")
        _CASCADE.reset(token)


def _stamp_cascaded(sender: type[models.Model], instance: models.Model, **_: Any) -> None:
    changes = _CASCADE.get()
    if changes is not None and not hasattr(instance, "_history_user"):
        changes.stamp(instance)


def _name(model: type[models.Model]) -> str:
    return str(model._meta.verbose_name_plural)


def _differs(row: models.Model, name: str, value: Any) -> bool:
    """Compare a stored field with a wanted value; relations by id, without a query."""
    model_field = row._meta.get_field(name)
    if isinstance(model_field, models.ForeignKey):
        return bool(getattr(row, model_field.attname) != (value.pk if value is not None else None))
    return bool(getattr(row, name) != value)


def _validate(row: models.Model) -> None:
    """The fields' own checks (lengths, digits, choices); relations are checked by the database."""
    relations = [f.name for f in row._meta.fields if f.is_relation]
    row.full_clean(exclude=relations, validate_unique=False, validate_constraints=False)
