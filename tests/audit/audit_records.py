"""Small edits of the example record, to make changes through the import service."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Any

from logframe.domain.records import ProjectRecord


def with_values(record: ProjectRecord, changes: dict[str, dict[str, Any]]) -> ProjectRecord:
    """``record`` with some indicator values changed: code → {"value": …, "comment": …}."""
    period = record.periods[0]
    values = []
    for v in period.values:
        wanted = dict(changes.get(v.indicator, {}))
        actual = {k: Decimal(wanted.pop(k)) for k in ("value", "male", "female") if k in wanted}
        values.append(replace(v, actual=replace(v.actual, **actual), **wanted) if actual or
                      wanted else v)  # fmt: skip
    return replace(record, periods=(replace(period, values=tuple(values)),))


def bump(record: ProjectRecord, count: int, *, by: int = 1) -> ProjectRecord:
    """The first ``count`` values with a plain number raised by ``by``."""
    numbered = [v for v in record.periods[0].values if v.actual.value is not None][:count]
    assert len(numbered) == count
    return with_values(
        record, {v.indicator: {"value": (v.actual.value or Decimal(0)) + by} for v in numbered}
    )
