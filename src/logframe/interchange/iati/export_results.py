"""Results, indicators, baselines and periods of an activity.

Results are written flat, parents before children (JP outputs as outcomes, type 2; outputs
as outputs, type 1); a result without indicators is left out (IATI requires one). Each
indicator carries its code as a reference (vocabulary 99), the baselines and periods an
imported file published, then one period per reported quarter: the target, the actual,
and the actual of each sex as an actual with a ``sex`` dimension. Qualitative values
(measure 5) go in the comment, never in ``@value``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from lxml import etree

from logframe.domain.measures import Actual, TargetKind, effective_actual
from logframe.domain.records import (
    IndicatorRecord,
    IndicatorValueRecord,
    PeriodRecord,
    ProjectRecord,
    PublishedValue,
    TextSubject,
)
from logframe.interchange.iati import codes
from logframe.interchange.iati.export_languages import add_narratives
from logframe.interchange.iati.text import number


def add_results(activity: etree._Element, record: ProjectRecord) -> None:
    first_year = _first_year(record)
    for result in record.walk_results():
        if not result.indicators:
            continue
        element = etree.SubElement(activity, "result", type=codes.RESULT_TYPE[result.level])
        title = etree.SubElement(element, "title")
        add_narratives(title, result.text, record, subject=TextSubject.RESULT, field="text",
                       code=result.code)  # fmt: skip
        for indicator in result.indicators:
            _indicator(element, indicator, record, first_year)


def _first_year(record: ProjectRecord) -> int | None:
    for day in (record.start_date, record.approval_date):
        if day is not None:
            return day.year
    return min((p.quarter.year for p in record.periods), default=None)


def _narrative(parent: etree._Element, text: str) -> None:
    etree.SubElement(parent, "narrative").text = text


def _indicator(
    result: etree._Element,
    indicator: IndicatorRecord,
    record: ProjectRecord,
    first_year: int | None,
) -> None:
    periods = record.periods
    measure = codes.MEASURE[indicator.measure]
    qualitative = measure in codes.QUALITATIVE_CODES
    element = etree.SubElement(result, "indicator", measure=measure, ascending="1")
    title = etree.SubElement(element, "title")
    add_narratives(title, indicator.text, record, subject=TextSubject.INDICATOR, field="text",
                   code=indicator.code)  # fmt: skip
    etree.SubElement(element, "reference", vocabulary="99", code=indicator.code)
    _baselines(element, indicator, qualitative, first_year)
    for published in indicator.published_periods:
        period = _period(element, published.start, published.end)
        for target in published.targets:
            _figure(period, "target", target, qualitative)
        for actual in published.actuals:
            _figure(period, "actual", actual, qualitative)
    for reported in periods:
        value = next((v for v in reported.values if v.indicator == indicator.code), None)
        if value is not None:
            _quarter(element, indicator, reported, value, qualitative)


def _baselines(
    element: etree._Element, indicator: IndicatorRecord, qualitative: bool, year: int | None
) -> None:
    for b in indicator.published_baselines:
        baseline = etree.SubElement(element, "baseline", year=str(b.year))
        if b.iso_date:
            baseline.set("iso-date", b.iso_date.isoformat())
        _contents(baseline, PublishedValue(b.value, b.dimensions, b.comment), qualitative)
    if indicator.published_baselines or year is None:
        return
    if indicator.baseline is not None and not qualitative:
        baseline = etree.SubElement(
            element, "baseline", year=str(year), value=number(indicator.baseline)
        )
        _comment(baseline, indicator.baseline_text)
    elif qualitative and (indicator.baseline_text or indicator.baseline is not None):
        baseline = etree.SubElement(element, "baseline", year=str(year))
        shown = indicator.baseline_text
        _comment(baseline, shown or number(indicator.baseline or Decimal(0)))


def _period(element: etree._Element, start: date, end: date) -> etree._Element:
    period = etree.SubElement(element, "period")
    etree.SubElement(period, "period-start", {"iso-date": start.isoformat()})
    etree.SubElement(period, "period-end", {"iso-date": end.isoformat()})
    return period


def _figure(period: etree._Element, tag: str, figure: PublishedValue, qualitative: bool) -> None:
    _contents(etree.SubElement(period, tag), figure, qualitative)


def _contents(element: etree._Element, figure: PublishedValue, qualitative: bool) -> None:
    """Value, dimensions and comment; a qualitative value goes first in the comment."""
    if figure.value and not qualitative:
        element.set("value", figure.value)
    for name, value in figure.dimensions:
        etree.SubElement(element, "dimension", name=name, value=value)
    words = [figure.value] if qualitative and figure.value else []
    _comment(element, " — ".join([*words, figure.comment] if figure.comment else words))


def _comment(element: etree._Element, text: str) -> None:
    if text:
        _narrative(etree.SubElement(element, "comment"), text)


def _quarter(
    element: etree._Element,
    indicator: IndicatorRecord,
    reported: PeriodRecord,
    value: IndicatorValueRecord,
    qualitative: bool,
) -> None:
    period = _period(element, reported.quarter.start, reported.quarter.end)
    target = indicator.target
    if target.kind is TargetKind.NUMBER and target.value is not None and not qualitative:
        etree.SubElement(period, "target", value=number(target.value))
    elif qualitative and (target.milestone or indicator.target_text):
        _comment(etree.SubElement(period, "target"), target.milestone or indicator.target_text)
    if qualitative:
        _qualitative_actual(period, value)
    else:
        _numeric_actuals(period, indicator, value)


def _qualitative_actual(period: etree._Element, value: IndicatorValueRecord) -> None:
    status = value.actual.status.value.replace("_", " ") if value.actual.status else ""
    words = [w for w in (value.actual_text or status, value.comment) if w]
    if words:
        _comment(etree.SubElement(period, "actual"), " — ".join(words))


def _numeric_actuals(
    period: etree._Element, indicator: IndicatorRecord, value: IndicatorValueRecord
) -> None:
    actual: Actual = value.actual
    total = effective_actual(actual=actual, measure=indicator.measure)
    if total is not None:
        element = etree.SubElement(period, "actual", value=number(total))
        _comment(element, value.comment)
    for sex, figure in (("male", actual.male), ("female", actual.female)):
        if figure is not None:
            element = etree.SubElement(period, "actual", value=number(figure))
            etree.SubElement(element, "dimension", name="sex", value=sex)
