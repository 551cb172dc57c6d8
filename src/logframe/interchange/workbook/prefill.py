"""What a template shows and prefills: targets and last quarter's values as text, inputs."""

from __future__ import annotations

import json
from collections.abc import Sequence

from logframe.domain.measures import Actual, Measure, TargetKind
from logframe.domain.records import (
    BeneficiaryRecord,
    FinanceRecord,
    IndicatorRecord,
    IndicatorValueRecord,
)
from logframe.interchange.workbook import layout as L
from logframe.interchange.workbook.cells import canonical


def value_inputs(actual: IndicatorValueRecord | None) -> tuple[object, ...]:
    if actual is None:
        return (None, None, None, None, None, None)
    a = actual.actual
    return (a.value, a.male, a.female, a.status, a.estimated_pct, actual.comment.strip() or None)


def finance_inputs(line: FinanceRecord | None) -> tuple[object, ...]:
    if line is None:
        return (None, None, None)
    return (line.committed, line.disbursed, line.forecast_final_date)


def beneficiary_inputs(line: BeneficiaryRecord | None) -> tuple[object, ...]:
    return (None, None) if line is None else (line.target, line.actual)


def kinds(columns: tuple[L.Column, ...], kinds: dict[str, L.Kind]) -> str:
    """The kind of each input cell of a line, so the reader checks what Excel checked."""
    return json.dumps([kinds.get(c.field, c.kind).value for c in columns if c.is_input])


def as_written(inputs: Sequence[object]) -> str:
    """The inputs as written, in canonical text (a status by its stored value)."""
    return json.dumps([canonical(value) for value in inputs])


def target_text(indicator: IndicatorRecord) -> str:
    if indicator.target_text:
        return indicator.target_text
    target = indicator.target
    if target.kind is TargetKind.NUMBER and target.value is not None:
        suffix = "%" if indicator.measure is Measure.PERCENTAGE else ""
        return canonical(target.value) + suffix
    if target.kind is TargetKind.MILESTONE:
        return target.milestone
    if target.kind is TargetKind.TBD:
        return f"tbd {target.note}".strip()
    return ""


def actual_text(value: IndicatorValueRecord | None) -> str:
    """Last quarter's value as one short text."""
    if value is None:
        return ""
    if value.actual_text:
        return value.actual_text
    a: Actual = value.actual
    parts: list[str] = []
    if a.value is not None:
        parts.append(canonical(a.value))
    if a.male is not None or a.female is not None:
        parts.append(f"(m {canonical(a.male) or '-'} / f {canonical(a.female) or '-'})")
    if a.status is not None:
        parts.append(L.STATUS_WORDS[a.status])
    if a.estimated_pct is not None:
        parts.append(f"{canonical(a.estimated_pct)}%")
    return " ".join(parts)
