"""One ``<iati-activity>`` element → a ProjectRecord (results, budgets, transactions and all).

What a record cannot hold is dropped and listed in ``docs/iati.md``; what it must hold but
the file lacks or garbles (a date, an amount, a measure) raises IatiFileError with the line.

The activity's children are grouped by tag in one pass; budgets and transactions (most of
a big file) are read by one loop over their own children each, no XPath or ``find``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from lxml import etree

from logframe.domain.records import (
    BudgetRecord,
    FundRecord,
    OrganisationKind,
    OrganisationRecord,
    ParticipationRecord,
    ProjectRecord,
    ProjectStatus,
    Role,
    TransactionRecord,
)
from logframe.interchange.iati import codes
from logframe.interchange.iati.activity_results import read_results
from logframe.interchange.iati.elements import (
    Reader,
    children,
    children_by_tag,
    narrative,
    paragraphs,
)
from logframe.interchange.iati.read_records import budget_record, transaction_record

_KINDS = {"10": OrganisationKind.GOVERNMENT, "11": OrganisationKind.GOVERNMENT,
          "15": OrganisationKind.GOVERNMENT, "21": OrganisationKind.NGO,
          "22": OrganisationKind.NGO, "23": OrganisationKind.NGO, "24": OrganisationKind.NGO,
          "40": OrganisationKind.UN_AGENCY}  # fmt: skip
MAX_NUMBER = 40  # Project.number
_BUDGET_TYPES = codes.BUDGET_TYPE_OF_CODE
_BUDGET_STATUSES = codes.BUDGET_STATUS_OF_CODE
_TRANSACTION_TYPES = codes.TRANSACTION_TYPE_OF_CODE
Children = dict[str, list[etree._Element]]
NONE: list[etree._Element] = []  # what a missing tag's group reads as (never appended to)


def activity_record(
    activity: etree._Element, *, source: str, fund: FundRecord | None
) -> ProjectRecord:
    read = Reader(source)
    parts = children_by_tag(activity)
    identifier = (_first_text(parts, "iati-identifier")).strip()
    if not identifier:
        raise read.fail(activity, "<iati-activity> has no <iati-identifier>")
    number = _number(activity, parts, identifier, read)
    orgs, participations, line_ministry = _organisations(parts.get("participating-org", NONE))
    fund = fund or _fund_of(_first(parts, "reporting-org"), activity, read)
    title = narrative(_first(parts, "title"))
    if not title:
        raise read.fail(activity, f"activity {identifier}: <title> has no text")
    description, objective, goal, undaf = _descriptions(parts.get("description", NONE))
    start, end = _dates(parts.get("activity-date", NONE), read)
    sector_code, sector, thematic_group, country, location = _classification(activity, parts)
    return ProjectRecord(
        fund=fund,
        number=number,
        title=title,
        organisations=orgs,
        participations=participations,
        line_ministry=line_ministry,
        iati_identifier=identifier,
        results=read_results(parts.get("result", NONE), read),
        budgets=tuple([_budget(b, read) for b in parts.get("budget", NONE)]),
        transactions=tuple([_transaction(t, read) for t in parts.get("transaction", NONE)]),
        status=_status(_first(parts, "activity-status"), read),
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


def _first(parts: Children, tag: str) -> etree._Element | None:
    group = parts.get(tag)
    return group[0] if group else None


def _first_text(parts: Children, tag: str) -> str:
    group = parts.get(tag)
    return (group[0].text or "") if group else ""


def _number(activity: etree._Element, parts: Children, identifier: str, read: Reader) -> str:
    """The first A1 other-identifier's ref (blank counts as none), else the identifier."""
    own = next(
        (
            ref
            for other in parts.get("other-identifier", NONE)
            if other.get("type") == codes.INTERNAL_ID and (ref := other.get("ref")) is not None
        ),
        "",
    )
    number = own.strip() or identifier
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
    elements: list[etree._Element],
) -> tuple[tuple[OrganisationRecord, ...], tuple[ParticipationRecord, ...], str]:
    orgs: dict[str, OrganisationRecord] = {}
    roles: dict[str, Role] = {}
    line_ministry = ""
    for element in elements:
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


def _descriptions(elements: list[etree._Element]) -> tuple[str, str, str, str]:
    """General (types 1 and 3), the first and second objectives (2), other (4), as HTML."""
    by_type: dict[str, list[etree._Element]] = {}
    for d in elements:
        by_type.setdefault(d.get("type") or "1", []).append(d)
    objectives = by_type.get(codes.OBJECTIVES, [])
    general = by_type.get("1", []) + by_type.get("3", [])
    return (
        "".join(paragraphs(d) for d in general),
        paragraphs(objectives[0]) if objectives else "",
        paragraphs(objectives[1]) if len(objectives) > 1 else "",
        "".join(paragraphs(d) for d in by_type.get(codes.OTHER, [])),
    )


def _status(status: etree._Element | None, read: Reader) -> ProjectStatus:
    if status is None:
        return ProjectStatus.ONGOING
    return codes.STATUS_OF_CODE[read.code(status, "code", codes.STATUS_OF_CODE)]


def _dates(elements: list[etree._Element], read: Reader) -> tuple[date | None, date | None]:
    """Start: actual, else planned; end: planned, else actual (the last date of a type)."""
    dated = {d.get("type"): d for d in elements}

    def first(*kinds: str) -> date | None:
        for kind in kinds:
            found = read.optional_day(dated.get(kind), "iso-date")
            if found:
                return found
        return None

    return first(codes.ACTUAL_START, codes.PLANNED_START), first(
        codes.PLANNED_END, codes.ACTUAL_END
    )


def _classification(activity: etree._Element, parts: Children) -> tuple[str, str, str, str, str]:
    """DAC code and sector name, thematic group, recipient country and location."""
    sectors = parts.get("sector", NONE)
    dac = next((s for s in sectors if s.get("vocabulary") in (None, codes.DAC_5)), None)
    own = next((s for s in sectors if s.get("vocabulary") in ("99", "98")), None)
    country = _first(parts, "recipient-country")
    place = country
    if "recipient-region" in parts:  # the first country or region, in document order
        place = next(activity.iterchildren("recipient-country", "recipient-region"))
    return (
        _dac_code(dac) if dac is not None else "",
        narrative(dac)[:200],
        (narrative(own) or own.get("code") or "")[:200] if own is not None else "",
        (country.get("code") or "")[:2] if country is not None else "",
        (narrative(place) or place.get("code") or "")[:500] if place is not None else "",
    )


def _dac_code(sector: etree._Element) -> str:
    code = (sector.get("code") or "").strip()
    return code if len(code) == 5 and code.isdigit() else ""


def _budget(element: etree._Element, read: Reader) -> BudgetRecord:
    start = end = value = None
    for child in children(element):  # the first of each
        tag = child.tag
        if tag == "value":
            if value is None:
                value = child
        elif tag == "period-start":
            if start is None:
                start = child
        elif tag == "period-end" and end is None:
            end = child
    kind = _BUDGET_TYPES.get(element.get("type") or "1")
    if kind is None:
        kind = _BUDGET_TYPES[read.code(element, "type", _BUDGET_TYPES)]
    status = _BUDGET_STATUSES.get(element.get("status") or "1")
    if status is None:
        status = _BUDGET_STATUSES[read.code(element, "status", _BUDGET_STATUSES)]
    period_start = read.day(start, "iso-date", "budget period-start", element)
    period_end = read.day(end, "iso-date", "budget period-end", element)
    amount = _amount(value, read, "budget", element)
    assert value is not None  # _amount has said so otherwise
    currency = value.get("currency")
    return budget_record(
        period_start,
        period_end,
        amount,
        kind,
        status,
        currency[:3] if currency else "",
        read.optional_day(value, "value-date"),
    )


def _transaction(element: etree._Element, read: Reader) -> TransactionRecord:
    kind = day = value = description = provider = receiver = None
    for child in children(element):  # the first of each
        tag = child.tag
        if tag == "value":
            if value is None:
                value = child
        elif tag == "transaction-date":
            if day is None:
                day = child
        elif tag == "transaction-type":
            if kind is None:
                kind = child
        elif tag == "provider-org":
            if provider is None:
                provider = child
        elif tag == "receiver-org":
            if receiver is None:
                receiver = child
        elif tag == "description" and description is None:
            description = child
    if kind is None:
        raise read.fail(element, "<transaction> has no <transaction-type>")
    type_ = _TRANSACTION_TYPES.get(kind.get("code") or "")
    if type_ is None:
        type_ = _TRANSACTION_TYPES[read.code(kind, "code", _TRANSACTION_TYPES)]
    transaction_date = read.day(day, "iso-date", "transaction-date", element)
    amount = _amount(value, read, "transaction", element)
    assert value is not None  # _amount has said so otherwise
    currency = value.get("currency")
    return transaction_record(
        type_,
        transaction_date,
        amount,
        currency[:3] if currency else "",
        read.optional_day(value, "value-date"),
        narrative(description) if description is not None else "",
        _org_ref(provider),
        narrative(provider)[:500] if provider is not None else "",
        _org_ref(receiver),
        narrative(receiver)[:500] if receiver is not None else "",
    )


def _org_ref(org: etree._Element | None) -> str:
    ref = org.get("ref") if org is not None else None
    return ref[:200] if ref else ""


def _amount(
    value: etree._Element | None, read: Reader, what: str, parent: etree._Element
) -> Decimal:
    """The value's amount (thousands commas allowed); the reader's message when it is none."""
    if value is not None:
        text = value.text
        if text and "," not in text:
            try:
                amount = Decimal(text)
            except InvalidOperation:
                pass
            else:
                if amount.is_finite():
                    return amount
    return read.amount(value, what, parent)
