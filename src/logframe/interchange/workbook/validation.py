"""Excel's own checks on the input cells (DataValidation).

The reader checks every rule again: Excel's validation is bypassed by a paste.
"""

from __future__ import annotations

from typing import Any

from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from logframe.interchange.workbook import layout as L


def validate_inputs(
    ws: Worksheet,
    columns: tuple[L.Column, ...],
    count: int,
    whole_rows: dict[str, list[tuple[int, bool]]],
) -> None:
    """Excel's own checks on the input cells (the reader checks again: they can be pasted past)."""
    if not count:
        return
    last = L.FIRST_ROW + count - 1
    for column in columns:
        if not column.is_input or column.kind is L.Kind.TEXT:
            continue
        if column.field in whole_rows:
            for whole in (True, False):
                rows = [r for r, is_whole in whole_rows[column.field] if is_whole is whole]
                kind = L.Kind.WHOLE if whole else column.kind
                refs = " ".join(f"{column.letter}{L.FIRST_ROW + r}" for r in rows)
                if refs:
                    rule(ws, kind, refs)
            continue
        rule(ws, column.kind, f"{column.letter}{L.FIRST_ROW}:{column.letter}{last}")


def rule(ws: Worksheet, kind: L.Kind, refs: str) -> None:
    words = '"' + ",".join(L.STATUS_WORDS.values()) + '"'
    rules: dict[L.Kind, dict[str, Any]] = {
        L.Kind.DECIMAL: {"type": "decimal", "operator": "greaterThanOrEqual", "formula1": "0"},
        L.Kind.MONEY: {"type": "decimal", "operator": "greaterThanOrEqual", "formula1": "0"},
        L.Kind.WHOLE: {"type": "whole", "operator": "greaterThanOrEqual", "formula1": "0"},
        L.Kind.PERCENT: {
            "type": "decimal",
            "operator": "between",
            "formula1": "0",
            "formula2": "100",
        },
        L.Kind.STATUS: {"type": "list", "formula1": words},
        L.Kind.DATE: {
            "type": "date",
            "operator": "between",
            "formula1": "DATE(1990,1,1)",
            "formula2": "DATE(2100,12,31)",
        },
    }
    messages = {
        L.Kind.DECIMAL: "a number, 0 or more",
        L.Kind.MONEY: "an amount, 0 or more",
        L.Kind.WHOLE: "a whole number, 0 or more",
        L.Kind.PERCENT: "a % from 0 to 100",
        L.Kind.STATUS: "one of: " + ", ".join(L.STATUS_WORDS.values()),
        L.Kind.DATE: "a date, e.g. 2013-10-17",
    }
    rule = DataValidation(
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Not accepted",
        error=f"Enter {messages[kind]}.",
        **rules[kind],
    )
    for ref in refs.split():
        rule.add(ref)
    ws.add_data_validation(rule)
