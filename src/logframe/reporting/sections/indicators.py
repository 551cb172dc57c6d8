"""One indicator's row in the quantitative table: target, actual, % of planned."""

from __future__ import annotations

from decimal import Decimal

from logframe.domain.checks.milestones import STATUS_WORDS
from logframe.domain.conventions import Conventions
from logframe.domain.formatting import NOT_AVAILABLE, format_count
from logframe.domain.measures import Actual, Measure, Status, TargetKind, effective_actual
from logframe.domain.progress import indicator_percent
from logframe.domain.records import IndicatorRecord, IndicatorValueRecord, MarkPlace
from logframe.reporting.figures import percent_figure
from logframe.reporting.model import IndicatorFigures, IndicatorRow, Marks

NO_VALUE = IndicatorValueRecord(indicator="", actual=Actual())


def build_indicator_row(
    *, indicator: IndicatorRecord, value: IndicatorValueRecord | None, conventions: Conventions
) -> IndicatorRow:
    """The row, its % computed by ``indicator_percent`` (unrounded in ``percent.computed``).

    A % that cannot be computed reads "n/a" when the target is yet to be determined, and
    is left blank otherwise (a percentage indicator, a milestone not yet initiated).
    """
    value = value or NO_VALUE
    computed = indicator_percent(
        measure=indicator.measure,
        target=indicator.target,
        actual=value.actual,
        conventions=conventions,
    )
    missing = NOT_AVAILABLE if indicator.target.kind is TargetKind.TBD else ""
    return IndicatorRow(
        code=indicator.code,
        text=indicator.text,
        target=target_text(indicator),
        actual=actual_text(indicator=indicator, value=value),
        percent=percent_figure(
            computed=computed,
            reported=value.reported_pct,
            places=conventions.indicator_decimals,
            missing=missing,
        ),
        marks=_marks(indicator),
        comment=value.comment,
        figures=_figures(indicator=indicator, actual=value.actual),
    )


def _figures(*, indicator: IndicatorRecord, actual: Actual) -> IndicatorFigures:
    target = indicator.target
    return IndicatorFigures(
        target=target.value if target.kind is TargetKind.NUMBER else None,
        value=effective_actual(actual=actual, measure=indicator.measure),
        male=actual.male,
        female=actual.female,
        status="" if actual.status is None else status_word(actual.status),
        main=_main_actual(actual=actual, measure=indicator.measure),
    )


def target_text(indicator: IndicatorRecord) -> str:
    """The target as shown: "19", "80 %", "Yes"; one to be determined as the report wrote it."""
    target = indicator.target
    if target.kind is TargetKind.NUMBER and target.value is not None:
        return _number(target.value, indicator.measure)
    if target.kind is TargetKind.MILESTONE:
        return target.milestone or indicator.target_text or "Yes"
    if target.kind is TargetKind.TBD and not indicator.target_text:
        return f"To be determined ({target.note})" if target.note else "To be determined"
    return indicator.target_text


def actual_text(*, indicator: IndicatorRecord, value: IndicatorValueRecord) -> str:
    """The actual as shown: "Initiated", "498 (468 male / 28 female)", "95 % (Test 1) / 98 %
    (Test 2)".

    Written from the recorded figures; the text the legacy report printed is used only
    when no figure was recorded.
    """
    actual = value.actual
    main = _main_actual(actual=actual, measure=indicator.measure)
    split = _sex_split(actual)
    text = f"{main} ({split})" if main and split else main or split
    return text or value.actual_text


def status_word(status: Status) -> str:
    """A status as a word: "Not yet initiated", "Initiated", "Partially", "Completed"."""
    return STATUS_WORDS[status]


def _main_actual(*, actual: Actual, measure: Measure) -> str:
    if actual.status is not None:
        return status_word(actual.status)
    if actual.value is None and actual.parts:
        return " / ".join(f"{_number(p.value, measure)} ({p.label})" for p in actual.parts)
    achieved = effective_actual(actual=actual, measure=measure)
    return "" if achieved is None else _number(achieved, measure)


def _sex_split(actual: Actual) -> str:
    sexes = (("male", actual.male), ("female", actual.female))
    return " / ".join(f"{format_count(n)} {sex}" for sex, n in sexes if n is not None)


def _number(value: Decimal, measure: Measure) -> str:
    count = format_count(value)
    return f"{count} %" if measure is Measure.PERCENTAGE else count


def _marks(indicator: IndicatorRecord) -> Marks:
    def at(place: MarkPlace) -> tuple[int, ...]:
        return tuple(mark.number for mark in indicator.footnotes if mark.place is place)

    return Marks(text=at(MarkPlace.TEXT), target=at(MarkPlace.TARGET), actual=at(MarkPlace.ACTUAL))
