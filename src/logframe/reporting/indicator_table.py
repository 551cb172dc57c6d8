"""The indicator table as CSV: one row per indicator, raw text beside the parsed figures.

Columns (docs/file-formats.md): project, period, output, indicator, indicator_text,
target_raw, target_value, target_kind, actual_raw, actual_value, male, female, status,
reported_pct, computed_pct. Decimals are plain ("12.5"), blanks are empty cells, the
computed % is rounded half-up to the fund's indicator decimals. A text cell that a
spreadsheet would run as a formula (=, +, -, @ first) is prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
from decimal import Decimal

from logframe.domain.measures import Actual, effective_actual
from logframe.domain.percentages import round_half_up
from logframe.domain.progress import indicator_percent
from logframe.domain.records import (
    IndicatorRecord,
    IndicatorValueRecord,
    PeriodRecord,
    ProjectRecord,
)

COLUMNS = (
    "project", "period", "output", "indicator", "indicator_text", "target_raw",
    "target_value", "target_kind", "actual_raw", "actual_value", "male", "female",
    "status", "reported_pct", "computed_pct",
)  # fmt: skip
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render_indicator_csv(*, project: ProjectRecord, period: PeriodRecord) -> str:
    """The CSV text (UTF-8, comma-separated, CRLF line ends as RFC 4180 says)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    for row in indicator_rows(project=project, period=period):
        writer.writerow(row)
    return buffer.getvalue()


def indicator_rows(*, project: ProjectRecord, period: PeriodRecord) -> list[tuple[str, ...]]:
    values = {v.indicator: v for v in period.values}
    return [
        _row(project, period, result.code, indicator, values.get(indicator.code))
        for result in project.walk_results()
        for indicator in result.indicators
    ]


def _row(
    project: ProjectRecord,
    period: PeriodRecord,
    output: str,
    indicator: IndicatorRecord,
    value: IndicatorValueRecord | None,
) -> tuple[str, ...]:
    conventions = project.fund.conventions
    actual = value.actual if value else Actual()
    pct = indicator_percent(
        measure=indicator.measure, target=indicator.target, actual=actual, conventions=conventions
    )
    if pct is not None:
        pct = round_half_up(value=pct, places=conventions.indicator_decimals)
    return (
        _text(project.number),
        period.quarter.code,
        _text(output),
        _text(indicator.code),
        _text(indicator.text),
        _text(indicator.target_text),
        _number(indicator.target.value),
        indicator.target.kind.value,
        _text(value.actual_text if value else ""),
        _number(effective_actual(actual=actual, measure=indicator.measure)),
        _number(actual.male),
        _number(actual.female),
        actual.status.value if actual.status else "",
        _number(value.reported_pct if value else None),
        _number(pct),
    )


def _number(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _text(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text
