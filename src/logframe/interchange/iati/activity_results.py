"""The results of an ``<iati-activity>``: indicators with their baselines and periods as
published, and the indicator's target as our records hold it.

Each result, indicator, period and value is read by one loop over its children (no XPath or
``find``): the streaming reader spends its time here on a results-heavy file.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from lxml import etree

from logframe.domain.measures import Measure, Target, TargetKind
from logframe.domain.records import (
    IndicatorRecord,
    PublishedBaseline,
    PublishedPeriod,
    PublishedValue,
    ResultLevel,
    ResultRecord,
)
from logframe.interchange.iati import codes
from logframe.interchange.iati.elements import Reader, children, children_by_tag, narrative
from logframe.interchange.iati.read_records import (
    published_baseline,
    published_period,
    published_value,
)

MAX_CODE = 20  # Indicator.code
NONE: list[etree._Element] = []  # what a missing tag's group reads as (never appended to)


def read_results(elements: list[etree._Element], read: Reader) -> tuple[ResultRecord, ...]:
    """The activity's ``<result>`` elements, coded 1, 2, … in order."""
    results: list[ResultRecord] = []
    used: set[str] = set()
    for n, element in enumerate(elements, start=1):
        code = str(n)
        parts = children_by_tag(element)
        indicators = [
            _indicator(i, _indicator_code(i, f"{code}.{k}", used), read)
            for k, i in enumerate(parts.get("indicator", NONE), start=1)
        ]
        title = parts.get("title")
        results.append(
            ResultRecord(
                code=code,
                text=(narrative(title[0]) if title else "") or f"Result {n}",
                level=codes.LEVEL_OF_RESULT_TYPE.get(
                    element.get("type") or "", ResultLevel.JP_OUTPUT
                ),
                indicators=tuple(indicators),
            )
        )
    return tuple(results)


def _indicator_code(element: etree._Element, fallback: str, used: set[str]) -> str:
    """The first vocabulary-99 reference's code when short and unused, else ``fallback``."""
    own = next(
        (
            code.strip()
            for reference in element.iterchildren("reference")
            if reference.get("vocabulary") == codes.REPORTING_ORG_VOCABULARY
            and (code := reference.get("code")) is not None
        ),
        "",
    )
    code = own if own and len(own) <= MAX_CODE and own not in used else fallback
    while code in used:
        code += "'"
    used.add(code)
    return code


def _indicator(element: etree._Element, code: str, read: Reader) -> IndicatorRecord:
    measure = codes.MEASURE_OF_CODE[read.code(element, "measure", codes.MEASURE_OF_CODE)]
    parts = children_by_tag(element)
    baselines = tuple([_baseline(b, read) for b in parts.get("baseline", NONE)])
    periods = tuple([_period(p, read) for p in parts.get("period", NONE)])
    numeric = measure in (Measure.COUNT, Measure.PERCENTAGE)
    first = baselines[0].value if baselines else ""
    baseline = _decimal(first) if numeric else None
    last_target = _last_target(periods)
    title = parts.get("title")
    return IndicatorRecord(
        code=code,
        text=(narrative(title[0]) if title else "") or code,
        measure=measure,
        target=_target(last_target, numeric),
        target_text=last_target if len(last_target) <= 300 else "",
        baseline=baseline,
        baseline_text=first if baseline is None and len(first) <= 200 else "",
        published_baselines=baselines,
        published_periods=periods,
    )


def _last_target(periods: tuple[PublishedPeriod, ...]) -> str:
    for period in reversed(periods):
        for target in period.targets:
            if not target.dimensions:
                return target.value or target.comment
    return ""


def _target(text: str, numeric: bool) -> Target:
    number = _decimal(text) if numeric else None
    if number is not None:
        return Target(kind=TargetKind.NUMBER, value=number)
    if text and not numeric and len(text) <= 60:
        return Target(kind=TargetKind.MILESTONE, milestone=text)
    return Target(kind=TargetKind.NONE)


def _decimal(text: str) -> Decimal | None:
    """A number that fits an indicator value column (14 digits, 4 decimals), else None."""
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return None
    if not value.is_finite() or abs(value) >= 10**14:
        return None
    return value if value == value.quantize(Decimal("0.0001")) else None


def _baseline(element: etree._Element, read: Reader) -> PublishedBaseline:
    year = (element.get("year") or "").strip()
    if not year.isdigit():
        raise read.fail(element, f"<baseline> @year {year!r} is not a year")
    dimensions, comment = _dimensions_and_comment(element)
    value = element.get("value")
    return published_baseline(
        int(year),
        read.optional_day(element, "iso-date"),
        value.strip() if value else "",
        dimensions,
        comment,
    )


def _period(element: etree._Element, read: Reader) -> PublishedPeriod:
    start = end = None
    targets: list[PublishedValue] = []
    actuals: list[PublishedValue] = []
    for child in children(element):
        tag = child.tag
        if tag == "target":
            targets.append(_value(child))
        elif tag == "actual":
            actuals.append(_value(child))
        elif tag == "period-start":
            if start is None:
                start = child
        elif tag == "period-end" and end is None:
            end = child
    return published_period(
        read.day(start, "iso-date", "period-start", element),
        read.day(end, "iso-date", "period-end", element),
        tuple(targets),
        tuple(actuals),
    )


def _value(element: etree._Element) -> PublishedValue:
    dimensions, comment = _dimensions_and_comment(element)
    value = element.get("value")
    return published_value(value.strip() if value else "", dimensions, comment)


def _dimensions_and_comment(element: etree._Element) -> tuple[tuple[tuple[str, str], ...], str]:
    """Every ``<dimension>`` as (name, value), and the first ``<comment>``'s narrative."""
    dimensions: list[tuple[str, str]] = []
    comment: etree._Element | None = None
    for child in children(element):
        tag = child.tag
        if tag == "dimension":
            name, value = child.get("name"), child.get("value")
            dimensions.append(((name or "").strip(), (value or "").strip()))
        elif tag == "comment" and comment is None:
            comment = child
    return tuple(dimensions), narrative(comment) if comment is not None else ""
