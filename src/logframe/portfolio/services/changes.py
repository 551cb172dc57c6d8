"""Save a row only when it really changes, with who and why for the audit trail.

Re-importing the same data must change nothing — not even write history rows —
so every write in an import goes through :meth:`Changes.upsert`, which compares
the stored fields with the new ones first.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.db import models

M = TypeVar("M", bound=models.Model)


@dataclass
class Changes:
    """Counts created, updated, unchanged and deleted rows per model, and stamps the audit."""

    actor: Any = None  # a User, or None for the command line
    reason: str = ""
    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)

    def upsert(self, model: type[M], *, key: dict[str, Any], values: dict[str, Any]) -> M:
        """Find the row by ``key``; create it, update the changed fields, or leave it be.

        ``key`` may use lookups across relations (``result__project``) to find the row;
        such lookups are not fields, so a new row is made from the plain keys and values.
        """
        name = model._meta.verbose_name_plural
        instance = model._default_manager.filter(**key).first()
        if instance is None:
            fields = {k: v for k, v in key.items() if "__" not in k}
            instance = model(**fields, **values)
            self._save(instance)
            self.created[str(name)] += 1
            return instance
        changed = [f for f, v in values.items() if getattr(instance, f) != v]
        if not changed:
            self.unchanged[str(name)] += 1
            return instance
        for f in changed:
            setattr(instance, f, values[f])
        self._save(instance)
        self.updated[str(name)] += 1
        return instance

    def delete_except(self, queryset: models.QuerySet[M], keep: set[int]) -> None:
        """Delete the rows of ``queryset`` whose id is not in ``keep``, one by one (audited)."""
        for instance in queryset.exclude(pk__in=keep):
            self.stamp(instance)
            instance.delete()
            self.deleted[str(instance._meta.verbose_name_plural)] += 1

    def stamp(self, instance: models.Model) -> None:
        instance._history_user = self.actor  # type: ignore[attr-defined]
        instance._change_reason = self.reason  # type: ignore[attr-defined]

    def _save(self, instance: models.Model) -> None:
        instance.full_clean(validate_unique=False, validate_constraints=False)
        self.stamp(instance)
        instance.save()

    @property
    def total_changed(self) -> int:
        return sum(self.created.values()) + sum(self.updated.values()) + sum(self.deleted.values())
