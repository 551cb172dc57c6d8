"""The IATI rules that the XSD does not check (``rulesets/standard.json``, version 2.03).

Each check takes an ``iati-activity`` element and returns violations naming the element's
path and the ruleset id. Implemented: identifiers (1.1.3, 1.1.21), a start date (6.11.1),
a sector (6.2.2), a language (4.1.1) and a currency (7.8.1) for every narrative and value,
dates in order and not in the future (11.1.2 to 11.1.5, 11.2.1, 11.2.2, 8.6.1, 8.6.3), budget
periods of at most a year (7.5.3), percentages per sector vocabulary and of recipient
countries summing to 100 (2.1.2, 3.1.2), the value rules per indicator measure (8.8.x,
8.9.x, 8.10.x) and titles and descriptions with text (4.3.1, 4.4.1).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal, InvalidOperation

from lxml import etree

from logframe.interchange.iati.codes import QUALITATIVE_CODES
from logframe.interchange.iati.violations import (
    Violation,
    element_path,
    line_of,
    strings,
)

_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
Rule = Callable[[etree._Element, date], Iterator[Violation]]


def check_rules(activity: etree._Element, *, today: date) -> list[Violation]:
    """Every rule ``activity`` breaks, in the order of the checks."""
    return [v for rule in RULES for v in rule(activity, today)]


def _violation(
    element: etree._Element, rule: str, message: str, severity: str = "error"
) -> Violation:
    return Violation(
        path=element_path(element),
        rule=rule,
        message=message,
        severity=severity,
        line=line_of(element),
    )


def _identifier(activity: etree._Element, today: date) -> Iterator[Violation]:
    found = activity.find("iati-identifier")
    if found is None:
        return
    identifier = (found.text or "").strip()
    reporting = next(iter(strings(activity, "reporting-org/@ref")), "")
    previous = strings(activity, "other-identifier[@type='B1']/@ref")
    if identifier == reporting:
        yield _violation(found, "1.1.3", "the identifier must differ from reporting-org/@ref")
    if not any(identifier.startswith(f"{p}-") for p in [reporting, *previous] if p):
        yield _violation(
            found,
            "1.1.21",
            f"the identifier {identifier!r} should begin with reporting-org/@ref "
            f"{reporting!r} and '-'",
            "warning",
        )


def _presence(activity: etree._Element, today: date) -> Iterator[Violation]:
    if not any(d.get("type") in ("1", "2") for d in activity.iterfind("activity-date")):
        yield _violation(activity, "6.11.1", "a planned or actual start date is required")
    if activity.find("sector") is None and activity.find("transaction/sector") is None:
        yield _violation(activity, "6.2.2", "a sector is required (activity or transactions)")
    if activity.get(_LANG) is None:
        for narrative in activity.iter("narrative"):
            if narrative.get(_LANG) is None:
                yield _violation(narrative, "4.1.1", "no xml:lang here nor on the activity")
    if activity.get("default-currency") is None:
        for value in activity.iter("value"):
            if value.get("currency") is None:
                yield _violation(value, "7.8.1", "no currency here nor a default-currency")
    for element in activity.iter("title", "description"):
        if not "".join(n.text or "" for n in element.iterfind("narrative")).strip():
            rule = "4.3.1" if element.tag == "title" else "4.4.1"
            yield _violation(element, rule, f"the {element.tag} must have narrative text")


def _date(element: etree._Element | None, attribute: str = "iso-date") -> date | None:
    if element is None:
        return None
    try:
        return date.fromisoformat((element.get(attribute) or "")[:10])
    except ValueError:
        return None


def _dates(activity: etree._Element, today: date) -> Iterator[Violation]:
    dated = {d.get("type"): d for d in activity.iterfind("activity-date")}
    for start, end, rule in (("1", "3", "11.1.2"), ("2", "4", "11.1.3")):
        first, last = _date(dated.get(start)), _date(dated.get(end))
        if first and last and first > last:
            yield _violation(dated[end], rule, f"ends ({last}) before it starts ({first})")
    for kind, rule in (("2", "11.1.4"), ("4", "11.1.5")):
        when = _date(dated.get(kind))
        if when and when > today:
            yield _violation(dated[kind], rule, f"an actual date ({when}) is in the future")
    for transaction in activity.iterfind("transaction"):
        for tag, attribute, rule in (
            ("transaction-date", "iso-date", "11.2.1"),
            ("value", "value-date", "11.2.2"),
        ):
            element = transaction.find(tag)
            when = _date(element, attribute)
            if element is not None and when and when > today:
                yield _violation(element, rule, f"the {tag} ({when}) is in the future")


def _periods(activity: etree._Element, today: date) -> Iterator[Violation]:
    for element in activity.iter("budget", "period"):
        start, end = _date(element.find("period-start")), _date(element.find("period-end"))
        if start is None or end is None:
            continue
        if start > end:
            rule = "8.6.3" if element.tag == "budget" else "8.6.1"
            yield _violation(element, rule, f"the period ends ({end}) before it starts ({start})")
        elif element.tag == "budget" and (end - start).days > 365:
            yield _violation(
                element, "7.5.3", f"the budget period {start} to {end} is longer than a year"
            )


def _percentages(activity: etree._Element, today: date) -> Iterator[Violation]:
    by_vocabulary: dict[str, list[etree._Element]] = defaultdict(list)
    for sector in activity.iterfind("sector"):
        by_vocabulary[sector.get("vocabulary") or "1"].append(sector)
    for vocabulary, sectors in by_vocabulary.items():
        if len(sectors) > 1:
            total = _sum(sectors)
            if total != 100:
                yield _violation(
                    sectors[0],
                    "2.1.2",
                    f"sector percentages of vocabulary {vocabulary} add up to {total}, not 100",
                )
    countries = activity.findall("recipient-country")
    if len(countries) > 1 and activity.find("recipient-region") is None:
        total = _sum(countries)
        if total != 100:
            yield _violation(
                countries[0], "3.1.2", f"recipient-country percentages add up to {total}, not 100"
            )


def _sum(elements: list[etree._Element]) -> Decimal:
    total = Decimal(0)
    for element in elements:
        try:
            total += Decimal(element.get("percentage") or "0")
        except InvalidOperation:
            continue
    return Decimal(format(total.normalize(), "f"))


def _measures(activity: etree._Element, today: date) -> Iterator[Violation]:
    rules = {"baseline": "8.8", "target": "8.9", "actual": "8.10"}
    for indicator in activity.iterfind("result/indicator"):
        qualitative = indicator.get("measure") in QUALITATIVE_CODES
        for element in indicator.iter("baseline", "target", "actual"):
            rule, value = rules[str(element.tag)], element.get("value")
            if qualitative and value is not None:
                yield _violation(
                    element,
                    f"{rule}.3",
                    f"the {element.tag} value should be omitted for a qualitative measure",
                    "warning",
                )
            elif not qualitative and value is None:
                yield _violation(
                    element, f"{rule}.1", f"the {element.tag} needs a value for this measure"
                )
            elif not qualitative and not _is_number(value or ""):
                yield _violation(
                    element,
                    f"{rule}.2",
                    f"the {element.tag} value {value!r} should be a number",
                    "warning",
                )


def _is_number(text: str) -> bool:
    try:
        return Decimal(text).is_finite()
    except InvalidOperation:
        return False


RULES: tuple[Rule, ...] = (_identifier, _presence, _dates, _periods, _percentages, _measures)
