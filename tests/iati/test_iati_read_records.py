"""The reader's record builders (``read_records``) make the very records the dataclass
constructors make, and name every field: a field added to a record fails here."""

from __future__ import annotations

import dataclasses
import inspect
from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest

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
from logframe.interchange.iati import read_records
from tests.iati.test_iati_read_same import exact

DAY, LATER = date(2020, 1, 1), date(2020, 12, 31)
VALUE = PublishedValue(value="4", dimensions=(("sex", "female"),), comment="c")
EXAMPLES: list[tuple[Callable[..., object], object]] = [
    (read_records.budget_record, BudgetRecord(DAY, LATER, Decimal("1.50"), BudgetType.REVISED,
                                              BudgetStatus.COMMITTED, "EUR", None)),
    (read_records.transaction_record, TransactionRecord(
        TransactionType.DISBURSEMENT, DAY, Decimal("-2"), "", LATER, "d", "p", "P", "r", "R")),
    (read_records.published_value, VALUE),
    (read_records.published_baseline, PublishedBaseline(2020, None, "3", (), "")),
    (read_records.published_period, PublishedPeriod(DAY, LATER, (VALUE,), ())),
]  # fmt: skip


@pytest.mark.parametrize(("build", "made"), EXAMPLES, ids=lambda e: getattr(e, "__name__", ""))
def test_a_built_record_is_the_constructed_one(build: Callable[..., object], made: object):
    fields = [field.name for field in dataclasses.fields(made)]  # type: ignore[arg-type]
    assert list(inspect.signature(build).parameters) == fields
    built = build(*(getattr(made, name) for name in fields))
    assert type(built) is type(made)
    assert built == made
    assert hash(built) == hash(made)
    assert repr(built) == repr(made)
    assert exact(built) == exact(made)  # every field, in the constructor's order
    assert dataclasses.replace(built) == made  # type: ignore[type-var]
    with pytest.raises(dataclasses.FrozenInstanceError):
        built.value = 0  # type: ignore[attr-defined]
