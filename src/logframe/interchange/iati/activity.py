"""One ``<iati-activity>`` element → a ProjectRecord (results, budgets, transactions and all).

What a record cannot hold is dropped and listed in ``docs/iati.md``; what it must hold but
the file lacks or garbles (a date, an amount, a measure) raises IatiFileError with the line.
"""

from __future__ import annotations

from datetime import date

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
from logframe.interchange.iati.elements import Reader, narrative, paragraphs
from logframe.interchange.iati.violations import elements, strings

_KINDS = {"10": OrganisationKind.GOVERNMENT, "11": OrganisationKind.GOVERNMENT,
          "15": OrganisationKind.GOVERNMENT, "21": OrganisationKind.NGO,
          "22": OrganisationKind.NGO, "23": OrganisationKind.NGO, "24": OrganisationKind.NGO,
          "40": OrganisationKind.UN_AGENCY}  # fmt: skip
MAX_NUMBER = 40  # Project.number


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
        results=read_results(activity, read),
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


def _children(element: etree._Element) -> dict[str, etree._Element]:
    """The first child of each tag: one pass instead of a find per tag."""
    found: dict[str, etree._Element] = {}
    for child in element:
        tag = child.tag
        if isinstance(tag, str) and tag not in found:
            found[tag] = child
    return found


def _budget(element: etree._Element, read: Reader) -> BudgetRecord:
    parts = _children(element)
    value = parts.get("value")
    kind, status = element.get("type") or "1", element.get("status") or "1"
    if kind not in codes.BUDGET_TYPE_OF_CODE:
        read.code(element, "type", codes.BUDGET_TYPE_OF_CODE)
    if status not in codes.BUDGET_STATUS_OF_CODE:
        read.code(element, "status", codes.BUDGET_STATUS_OF_CODE)
    return BudgetRecord(
        period_start=read.day(
            parts.get("period-start"), "iso-date", "budget period-start", element
        ),
        period_end=read.day(parts.get("period-end"), "iso-date", "budget period-end", element),
        value=read.amount(value, "budget", element),
        type=codes.BUDGET_TYPE_OF_CODE[kind],
        status=codes.BUDGET_STATUS_OF_CODE[status],
        currency=(value.get("currency") or "")[:3] if value is not None else "",
        value_date=read.optional_day(value, "value-date"),
    )


def _transaction(element: etree._Element, read: Reader) -> TransactionRecord:
    parts = _children(element)
    kind = parts.get("transaction-type")
    if kind is None:
        raise read.fail(element, "<transaction> has no <transaction-type>")
    code = kind.get("code") or ""
    if code not in codes.TRANSACTION_TYPE_OF_CODE:
        read.code(kind, "code", codes.TRANSACTION_TYPE_OF_CODE)
    value = parts.get("value")
    provider, receiver = parts.get("provider-org"), parts.get("receiver-org")
    return TransactionRecord(
        type=codes.TRANSACTION_TYPE_OF_CODE[code],
        transaction_date=read.day(
            parts.get("transaction-date"), "iso-date", "transaction-date", element
        ),
        value=read.amount(value, "transaction", element),
        currency=(value.get("currency") or "")[:3] if value is not None else "",
        value_date=read.optional_day(value, "value-date"),
        description=narrative(parts.get("description")),
        provider_ref=(provider.get("ref") or "")[:200] if provider is not None else "",
        provider_name=narrative(provider)[:500],
        receiver_ref=(receiver.get("ref") or "")[:200] if receiver is not None else "",
        receiver_name=narrative(receiver)[:500],
    )
