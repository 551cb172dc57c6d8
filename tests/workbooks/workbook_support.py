"""Helpers of the template tests: fill a template as a person would, tamper with one as a
program would, and take a fingerprint of what is stored to prove nothing was saved."""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from openpyxl import Workbook, load_workbook

Edits = dict[tuple[str, str], Any]  # (sheet, cell) → value


def fill(data: bytes, edits: Edits) -> bytes:
    """Type into the template's cells; only unlocked (input) cells, as Excel would allow."""

    def type_in(book: Workbook) -> None:
        for (sheet, ref), value in edits.items():
            cell = book[sheet][ref]
            assert cell.protection.locked is False, f"{sheet}!{ref} is protected"
            cell.value = value

    return tamper(data, type_in)


def tamper(data: bytes, change: Callable[[Workbook], None]) -> bytes:
    """Open the template with openpyxl (which ignores protection), change it, save it."""
    book = load_workbook(io.BytesIO(data))
    change(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def row_of(data: bytes, sheet: str, key: str) -> int:
    """The row of a line: the indicator code, agency code or group label in column A."""
    ws = load_workbook(io.BytesIO(data))[sheet]
    for row in range(5, ws.max_row + 1):
        if ws[f"A{row}"].value == key:
            return row
    raise AssertionError(f"{key} is not in {sheet}")


def stored() -> tuple[object, ...]:
    """What an import could change, and the history: the same before and after = nothing saved."""
    from logframe.portfolio import models as m

    return (
        sorted(m.IndicatorValue.objects.values_list("pk", "value", "male", "female", "status",
                                                    "estimated_pct", "comment", "version")),
        sorted(m.FinancialStatus.objects.values_list("pk", "committed", "disbursed",
                                                     "forecast_final_date", "version")),
        sorted(m.BeneficiaryFigure.objects.values_list("pk", "target", "actual", "version")),
        m.IndicatorValue.history.count(),
        m.FinancialStatus.history.count(),
        m.BeneficiaryFigure.history.count(),
    )  # fmt: skip
