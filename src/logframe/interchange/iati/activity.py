"""One ``<iati-activity>`` element → a ProjectRecord (results, budgets, transactions and all).

What a record cannot hold is dropped and listed in ``docs/iati.md``; what it must hold but
the file lacks or garbles (a date, an amount, a measure) raises IatiFileError with the line.
"""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from lxml import etree

from logframe.domain.measures import Measure, Target, TargetKind
from logframe.domain.records import (
    BudgetRecord,
    FundRecord,
    IndicatorRecord,
    OrganisationKind,
    OrganisationRecord,
    ParticipationRecord,
    ProjectRecord,
    ProjectStatus,
    PublishedBaseline,
    PublishedPeriod,
    PublishedValue,
    ResultLevel,
    ResultRecord,
    Role,
    TransactionRecord,
)
from logframe.interchange.iati import codes
from logframe.interchange.iati.errors import IatiFileError
from logframe.interchange.iati.violations import elements, line_of, strings

_KINDS = {"10": OrganisationKind.GOVERNMENT, "11": OrganisationKind.GOVERNMENT,
          "15": OrganisationKind.GOVERNMENT, "21": OrganisationKind.NGO,
          "22": OrganisationKind.NGO, "23": OrganisationKind.NGO, "24": OrganisationKind.NGO,
          "40": OrganisationKind.UN_AGENCY}  # fmt: skip
MAX_NUMBER = 40  # Project.number
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MAX_CODE = 20  # Indicator.code


@dataclass(frozen=True)
class Reader:
    """Reads the parts of one activity; ``source`` names the file in errors."""

    source: str

    def fail(self, element: etree._Element, message: str) -> IatiFileError:
        return IatiFileError(self.source, line_of(element), message)

    def day(self, element: etree._Element | None, attribute: str, what: str) -> date:
        if element is None:
            raise IatiFileError(self.source, None, f"{what}: missing")
        text = (element.get(attribute) or "").strip()
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            raise self.fail(element, f"{what}: {text!r} is not a date (YYYY-MM-DD)") from None

    def optional_day(self, element: etree._Element | None, attribute: str) -> date | None:
        if element is None or not element.get(attribute):
            return None
        return self.day(element, attribute, f"<{element.tag}> @{attribute}")

    def amount(self, element: etree._Element | None, what: str, parent: etree._Element) -> Decimal:
        if element is None:
            raise self.fail(parent, f"{what}: no <value>")
        text = (element.text or "").strip().replace(",", "")
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = Decimal("NaN")
        if not value.is_finite():
            raise self.fail(element, f"{what}: {text!r} is not an amount")
        return value

    def code(self, element: etree._Element, attribute: str, table: Mapping[str, object]) -> str:
        found = (element.get(attribute) or "").strip()
        if found not in table:
            known = ", ".join(sorted(table))
            raise self.fail(
                element, f"<{element.tag}> @{attribute} {found!r} is not one of {known}"
            )
        return found


def narrative(element: etree._Element | None) -> str:
    """The first narrative's text, whitespace collapsed (English preferred)."""
    if element is None:
        return ""
    found = element.findall("narrative")
    preferred = [n for n in found if n.get(XML_LANG) in (None, "en")] or found
    return " ".join((preferred[0].text or "").split()) if preferred else ""


def paragraphs(element: etree._Element | None) -> str:
    """A narrative as HTML paragraphs, one per line of text."""
    if element is None:
        return ""
    found = element.findall("narrative")
    text = (found[0].text or "") if found else ""
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "".join(f"<p>{html.escape(line, quote=False)}</p>" for line in lines if line)


def activity_record(
    activity: etree._Element, *, source: str, fund: FundRecord | None
) -> ProjectRecord:
    read = Reader(source)
    identifier = (activity.findtext("iati-identifier") or "").strip()
    if not identifier:
        raise read.fail(activity, "<iati-activity> has no <iati-identifier>")
    number = _number(activity, identifier, read)
    orgs, participations, line_ministry = _organisations(activity)
    reporting = activity.find("reporting-org")
    fund = fund or _fund_of(reporting, activity, read)
    title = narrative(activity.find("title"))
    if not title:
        raise read.fail(activity, f"activity {identifier}: <title> has no text")
    description, objective, goal, undaf = _descriptions(activity)
    start, end = _dates(activity, read)
    sector_code, sector, thematic_group, country, location = _classification(activity)
    record = ProjectRecord(
        fund=fund,
        number=number,
        title=title,
        organisations=orgs,
        participations=participations,
        line_ministry=line_ministry,
        iati_identifier=identifier,
        results=_results(activity, read),
        budgets=tuple(_budget(b, read) for b in activity.iterfind("budget")),
        transactions=tuple(_transaction(t, read) for t in activity.iterfind("transaction")),
        status=_status(activity, read),
        description=description,
        immediate_objective=objective,
        development_goal=goal,
        undaf_outcome=undaf,
        start_date=start,
        planned_end_date=end,
        sector_code=sector_code,
        sector=sector,
        thematic_group=thematic_group,
        recipient_country=country,
        location=location,
    )
    return record


def _number(activity: etree._Element, identifier: str, read: Reader) -> str:
    own = strings(activity, "other-identifier[@type='A1']/@ref")
    number = (own[0] if own else "") or identifier
    if len(number) > MAX_NUMBER:
        raise read.fail(
            activity,
            f"activity {identifier}: the project number {number!r} is longer than "
            f"{MAX_NUMBER} characters (give a shorter other-identifier of type A1)",
        )
    return number


def _fund_of(
    reporting: etree._Element | None, activity: etree._Element, read: Reader
) -> FundRecord:
    ref = (reporting.get("ref") or "").strip() if reporting is not None else ""
    if not ref or len(ref) > MAX_NUMBER:
        raise read.fail(
            activity, f"reporting-org @ref {ref!r} cannot name a fund: give --fund CODE"
        )
    return FundRecord(
        code=ref,
        name=narrative(reporting) or ref,
        currency=(activity.get("default-currency") or "USD")[:3],
    )


def _organisations(
    activity: etree._Element,
) -> tuple[tuple[OrganisationRecord, ...], tuple[ParticipationRecord, ...], str]:
    orgs: dict[str, OrganisationRecord] = {}
    roles: dict[str, Role] = {}
    line_ministry = ""
    for element in activity.iterfind("participating-org"):
        org = _organisation(element)
        if org is None:
            continue
        orgs.setdefault(org.code, org)
        role = element.get("role")
        if role == codes.EXTENDING:
            roles[org.code] = Role.LEAD
        elif role == codes.IMPLEMENTING and org.code not in roles:
            un = org.kind is OrganisationKind.UN_AGENCY
            roles[org.code] = Role.PARTICIPATING if un else Role.IMPLEMENTING_PARTNER
        elif role == codes.ACCOUNTABLE and not line_ministry:
            line_ministry = org.code
    participations = tuple(
        ParticipationRecord(organisation=code, role=role) for code, role in roles.items()
    )
    return tuple(orgs.values()), participations, line_ministry


def _organisation(element: etree._Element) -> OrganisationRecord | None:
    ref = " ".join((element.get("ref") or "").split())
    name = narrative(element)
    code = (ref if len(ref) <= 40 else "") or name[:40].strip()
    if not code:
        return None
    return OrganisationRecord(
        code=code,
        name=(name or ref)[:300],
        kind=_KINDS.get(element.get("type") or "", OrganisationKind.OTHER),
        iati_ref=ref[:100],
    )


def _descriptions(activity: etree._Element) -> tuple[str, str, str, str]:
    """General (types 1 and 3), the first and second objectives (2), other (4), as HTML."""
    by_type: dict[str, list[etree._Element]] = {}
    for d in activity.iterfind("description"):
        by_type.setdefault(d.get("type") or "1", []).append(d)
    objectives = by_type.get(codes.OBJECTIVES, [])
    general = by_type.get("1", []) + by_type.get("3", [])
    return (
        "".join(paragraphs(d) for d in general),
        paragraphs(objectives[0]) if objectives else "",
        paragraphs(objectives[1]) if len(objectives) > 1 else "",
        "".join(paragraphs(d) for d in by_type.get(codes.OTHER, [])),
    )


def _status(activity: etree._Element, read: Reader) -> ProjectStatus:
    status = activity.find("activity-status")
    if status is None:
        return ProjectStatus.ONGOING
    return codes.STATUS_OF_CODE[read.code(status, "code", codes.STATUS_OF_CODE)]


def _dates(activity: etree._Element, read: Reader) -> tuple[date | None, date | None]:
    """Start: actual, else planned; end: planned, else actual."""
    dated = {d.get("type"): d for d in activity.iterfind("activity-date")}

    def first(*kinds: str) -> date | None:
        for kind in kinds:
            found = read.optional_day(dated.get(kind), "iso-date")
            if found:
                return found
        return None

    return first(codes.ACTUAL_START, codes.PLANNED_START), first(
        codes.PLANNED_END, codes.ACTUAL_END
    )


def _classification(activity: etree._Element) -> tuple[str, str, str, str, str]:
    """DAC code and sector name, thematic group, recipient country and location."""
    dac = elements(activity, "sector[not(@vocabulary) or @vocabulary='1']")
    own = elements(activity, "sector[@vocabulary='99' or @vocabulary='98']")
    places = elements(activity, "recipient-country | recipient-region")
    country = activity.find("recipient-country")
    return (
        _dac_code(dac[0]) if dac else "",
        narrative(dac[0])[:200] if dac else "",
        (narrative(own[0]) or own[0].get("code") or "")[:200] if own else "",
        (country.get("code") or "")[:2] if country is not None else "",
        (narrative(places[0]) or places[0].get("code") or "")[:500] if places else "",
    )


def _dac_code(sector: etree._Element) -> str:
    code = (sector.get("code") or "").strip()
    return code if len(code) == 5 and code.isdigit() else ""


def _budget(element: etree._Element, read: Reader) -> BudgetRecord:
    value = element.find("value")
    return BudgetRecord(
        period_start=read.day(element.find("period-start"), "iso-date", "budget period-start"),
        period_end=read.day(element.find("period-end"), "iso-date", "budget period-end"),
        value=read.amount(value, "budget", element),
        type=codes.BUDGET_TYPE_OF_CODE[read.code(element, "type", codes.BUDGET_TYPE_OF_CODE)]
        if element.get("type")
        else codes.BUDGET_TYPE_OF_CODE["1"],
        status=codes.BUDGET_STATUS_OF_CODE[
            read.code(element, "status", codes.BUDGET_STATUS_OF_CODE)
        ]
        if element.get("status")
        else codes.BUDGET_STATUS_OF_CODE["1"],
        currency=((value.get("currency") or "") if value is not None else "")[:3],
        value_date=read.optional_day(value, "value-date"),
    )


def _transaction(element: etree._Element, read: Reader) -> TransactionRecord:
    kind = element.find("transaction-type")
    if kind is None:
        raise read.fail(element, "<transaction> has no <transaction-type>")
    value = element.find("value")
    provider, receiver = element.find("provider-org"), element.find("receiver-org")
    return TransactionRecord(
        type=codes.TRANSACTION_TYPE_OF_CODE[
            read.code(kind, "code", codes.TRANSACTION_TYPE_OF_CODE)
        ],
        transaction_date=read.day(
            element.find("transaction-date"),
            "iso-date",
            f"transaction on line {element.sourceline}",
        ),
        value=read.amount(value, "transaction", element),
        currency=((value.get("currency") or "") if value is not None else "")[:3],
        value_date=read.optional_day(value, "value-date"),
        description=narrative(element.find("description")),
        provider_ref=(provider.get("ref") or "")[:200] if provider is not None else "",
        provider_name=narrative(provider)[:500],
        receiver_ref=(receiver.get("ref") or "")[:200] if receiver is not None else "",
        receiver_name=narrative(receiver)[:500],
    )


def _results(activity: etree._Element, read: Reader) -> tuple[ResultRecord, ...]:
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
        start=read.day(
            element.find("period-start"),
            "iso-date",
            f"period on line {element.sourceline}: period-start",
        ),
        end=read.day(
            element.find("period-end"),
            "iso-date",
            f"period on line {element.sourceline}: period-end",
        ),
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
