"""The records the streaming reader makes by the tens of thousands, made without the frozen
dataclass ``__init__``.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__`` (its own
``__setattr__`` refuses), a call per field: building a ``BudgetRecord`` that way costs
several times the lxml calls that read the budget. Here the instance gets its ``__dict__``
in one call, as ``pickle`` and ``copy`` restore one, holding every field in the dataclass's
order — the same object ``==``, ``hash``, ``repr``, ``replace`` and ``vars`` see. Each
function names every field of its record (tests/iati/test_iati_read_records.py checks
them against ``dataclasses.fields``, so a field added to a record fails a test, not an
import), and is typed, so mypy checks the reader's calls as it checked the constructors'.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from logframe.domain.records import (
    BudgetRecord,
    BudgetStatus,
    BudgetType,
    PublishedBaseline,
    PublishedPeriod,
    PublishedValue,
    TransactionRecord,
    TransactionType,
)

_new = object.__new__
_set = object.__setattr__
Dimensions = tuple[tuple[str, str], ...]


def budget_record(
    period_start: date,
    period_end: date,
    value: Decimal,
    type: BudgetType,
    status: BudgetStatus,
    currency: str,
    value_date: date | None,
) -> BudgetRecord:
    record: BudgetRecord = _new(BudgetRecord)
    _set(record, "__dict__", {"period_start": period_start, "period_end": period_end,
         "value": value, "type": type, "status": status, "currency": currency,
         "value_date": value_date})  # fmt: skip
    return record


def transaction_record(
    type: TransactionType,
    transaction_date: date,
    value: Decimal,
    currency: str,
    value_date: date | None,
    description: str,
    provider_ref: str,
    provider_name: str,
    receiver_ref: str,
    receiver_name: str,
) -> TransactionRecord:
    record: TransactionRecord = _new(TransactionRecord)
    _set(record, "__dict__", {"type": type, "transaction_date": transaction_date,
         "value": value, "currency": currency, "value_date": value_date,
         "description": description, "provider_ref": provider_ref,
         "provider_name": provider_name, "receiver_ref": receiver_ref,
         "receiver_name": receiver_name})  # fmt: skip
    return record


def published_value(value: str, dimensions: Dimensions, comment: str) -> PublishedValue:
    record: PublishedValue = _new(PublishedValue)
    _set(record, "__dict__", {"value": value, "dimensions": dimensions, "comment": comment})
    return record


def published_baseline(
    year: int, iso_date: date | None, value: str, dimensions: Dimensions, comment: str
) -> PublishedBaseline:
    record: PublishedBaseline = _new(PublishedBaseline)
    _set(record, "__dict__", {"year": year, "iso_date": iso_date, "value": value,
         "dimensions": dimensions, "comment": comment})  # fmt: skip
    return record


def published_period(
    start: date,
    end: date,
    targets: tuple[PublishedValue, ...],
    actuals: tuple[PublishedValue, ...],
) -> PublishedPeriod:
    record: PublishedPeriod = _new(PublishedPeriod)
    _set(record, "__dict__", {"start": start, "end": end, "targets": targets,
         "actuals": actuals})  # fmt: skip
    return record
