"""The results of an ``<iati-activity>``: indicators with their baselines and periods as
published, and the indicator's target as our records hold it."""

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
from logframe.interchange.iati.elements import Reader, narrative
from logframe.interchange.iati.violations import strings

MAX_CODE = 20  # Indicator.code


def read_results(activity: etree._Element, read: Reader) -> tuple[ResultRecord, ...]:
    results: list[ResultRecord] = []
    used: set[str] = set()
    for n, element in enumerate(activity.iterfind("result"), start=1):
        code = str(n)
        indicators = []
        for k, i in enumerate(element.iterfind("indicator"), start=1):
            indicators.append(_indicator(i, _indicator_code(i, f"{code}.{k}", used), read))
        results.append(
            ResultRecord(
                code=code,
                text=narrative(element.find("title")) or f"Result {n}",
                level=codes.LEVEL_OF_RESULT_TYPE.get(
                    element.get("type") or "", ResultLevel.JP_OUTPUT
                ),
                indicators=tuple(indicators),
            )
        )
    return tuple(results)


def _indicator_code(element: etree._Element, fallback: str, used: set[str]) -> str:
    own = next(iter(strings(element, "reference[@vocabulary='99']/@code")), "")
    code = own if own and len(own) <= MAX_CODE and own not in used else fallback
    while code in used:
        code += "'"
    used.add(code)
    return code


def _indicator(element: etree._Element, code: str, read: Reader) -> IndicatorRecord:
    measure = codes.MEASURE_OF_CODE[read.code(element, "measure", codes.MEASURE_OF_CODE)]
    baselines = tuple(_baseline(b, read) for b in element.iterfind("baseline"))
    periods = tuple(_period(p, read) for p in element.iterfind("period"))
    numeric = measure in (Measure.COUNT, Measure.PERCENTAGE)
    first = baselines[0].value if baselines else ""
    baseline = _decimal(first) if numeric else None
    return IndicatorRecord(
        code=code,
        text=narrative(element.find("title")) or code,
        measure=measure,
        target=_target(periods, numeric),
        target_text=_last_target(periods)[:300] if len(_last_target(periods)) <= 300 else "",
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


def _target(periods: tuple[PublishedPeriod, ...], numeric: bool) -> Target:
    text = _last_target(periods)
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
    return PublishedBaseline(
        year=int(year),
        iso_date=read.optional_day(element, "iso-date"),
        value=(element.get("value") or "").strip(),
        dimensions=_dimensions(element),
        comment=narrative(element.find("comment")),
    )


def _period(element: etree._Element, read: Reader) -> PublishedPeriod:
    return PublishedPeriod(
        start=read.day(element.find("period-start"), "iso-date", "period-start", element),
        end=read.day(element.find("period-end"), "iso-date", "period-end", element),
        targets=tuple(_value(t) for t in element.iterfind("target")),
        actuals=tuple(_value(a) for a in element.iterfind("actual")),
    )


def _value(element: etree._Element) -> PublishedValue:
    return PublishedValue(
        value=(element.get("value") or "").strip(),
        dimensions=_dimensions(element),
        comment=narrative(element.find("comment")),
    )


def _dimensions(element: etree._Element) -> tuple[tuple[str, str], ...]:
    return tuple(
        ((d.get("name") or "").strip(), (d.get("value") or "").strip())
        for d in element.iterfind("dimension")
    )
