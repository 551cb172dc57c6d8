"""Records → IATI Activity Standard 2.03 XML (one small builder per element, in XSD order).

The mapping is documented in ``docs/iati.md``. ``activities_document`` builds the tree;
``publish`` validates and writes it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from lxml import etree

from logframe.domain.records import (
    OrganisationKind,
    OrganisationRecord,
    ProjectRecord,
    ProjectStatus,
    Role,
    TextSubject,
)
from logframe.interchange.iati import codes
from logframe.interchange.iati.export_finance import add_budgets, add_transactions
from logframe.interchange.iati.export_languages import add_narratives, iati_language
from logframe.interchange.iati.export_results import add_results
from logframe.interchange.iati.text import plain_text

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ORGANISATION_TYPE = {
    OrganisationKind.UN_AGENCY: "40",  # multilateral
    OrganisationKind.GOVERNMENT: "10",
    OrganisationKind.NGO: "21",  # international NGO
    OrganisationKind.DONOR: "10",
    OrganisationKind.FUND: "40",
    OrganisationKind.OTHER: "90",
}


@dataclass(frozen=True)
class ExportSettings:
    """Who publishes, and the defaults for what a project does not say."""

    reporting_org_ref: str  # e.g. "XM-DAC-41114" (UNDP)
    reporting_org_name: str = ""
    reporting_org_type: str = "40"
    country: str = ""  # ISO code used when a project names none, e.g. "IQ"
    public_url: str = ""  # base of the report pages, for document-links; blank: none
    today: date | None = None
    generated: datetime | None = None


def activities_document(
    records: Iterable[ProjectRecord], settings: ExportSettings
) -> etree._ElementTree:
    """The ``<iati-activities>`` document of ``records``."""
    generated = settings.generated or datetime.now().replace(microsecond=0)
    root = etree.Element(
        "iati-activities", {"version": "2.03", "generated-datetime": generated.isoformat()}
    )
    for record in records:
        root.append(activity_element(record, settings, generated=generated))
    return etree.ElementTree(root)


def identifier(record: ProjectRecord, settings: ExportSettings) -> str:
    """The record's own IATI identifier, else the reporting org's ref, '-', the number."""
    return record.iati_identifier or f"{settings.reporting_org_ref}-{record.number}"


def activity_element(
    record: ProjectRecord, settings: ExportSettings, *, generated: datetime
) -> etree._Element:
    activity = etree.Element(
        "iati-activity",
        {
            "last-updated-datetime": generated.isoformat(),
            XML_LANG: iati_language(record.language),
            "default-currency": record.fund.currency,
            "hierarchy": "1",
        },
    )
    text(activity, "iati-identifier", identifier(record, settings))
    reporting = sub(
        activity,
        "reporting-org",
        ref=settings.reporting_org_ref,
        type=settings.reporting_org_type,
    )
    narrative(reporting, settings.reporting_org_name or settings.reporting_org_ref)
    add_narratives(
        sub(activity, "title"), record.title, record, subject=TextSubject.PROJECT, field="title"
    )
    _descriptions(activity, record)
    _participants(activity, record)
    other = sub(activity, "other-identifier", ref=record.number, type=codes.INTERNAL_ID)
    owner = sub(other, "owner-org", ref=settings.reporting_org_ref)
    narrative(owner, settings.reporting_org_name or settings.reporting_org_ref)
    sub(activity, "activity-status", code=codes.ACTIVITY_STATUS[record.status])
    _dates(activity, record, settings.today or generated.date())
    country = record.recipient_country or settings.country
    if country:
        sub(activity, "recipient-country", code=country, percentage="100")
    _sectors(activity, record)
    add_budgets(activity, record)
    add_transactions(activity, record, today=settings.today or generated.date())
    _document_links(activity, record, settings)
    add_results(activity, record)
    return activity


def sub(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    """A child element; attribute names with ``_`` for ``-`` (``iso_date`` → iso-date)."""
    return etree.SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attributes.items()})


def text(parent: etree._Element, tag: str, content: str) -> etree._Element:
    element = sub(parent, tag)
    element.text = content
    return element


def narrative(parent: etree._Element, content: str) -> etree._Element:
    return text(parent, "narrative", content)


def _descriptions(activity: etree._Element, record: ProjectRecord) -> None:
    for kind, name, markup in (
        (codes.GENERAL, "description", record.description),
        (codes.OBJECTIVES, "immediate_objective", record.immediate_objective),
        (codes.OBJECTIVES, "development_goal", record.development_goal),
        (codes.OTHER, "undaf_outcome", record.undaf_outcome),
    ):
        content = plain_text(markup)
        if content:
            element = sub(activity, "description", type=kind)
            add_narratives(element, content, record, subject=TextSubject.PROJECT, field=name)


def _participants(activity: etree._Element, record: ProjectRecord) -> None:
    orgs = {o.code: o for o in record.organisations}
    funding = orgs.get(record.fund.administrative_agent)
    if funding:
        _participant(activity, funding, codes.FUNDING)
    else:
        narrative(sub(activity, "participating-org", role=codes.FUNDING), record.fund.name)
    if record.line_ministry in orgs:
        _participant(activity, orgs[record.line_ministry], codes.ACCOUNTABLE)
    for p in record.participations:
        if p.role is Role.LEAD:
            _participant(activity, orgs[p.organisation], codes.EXTENDING)
    for p in record.participations:
        _participant(activity, orgs[p.organisation], codes.IMPLEMENTING)


def _participant(activity: etree._Element, org: OrganisationRecord, role: str) -> None:
    attributes = {"role": role, "type": ORGANISATION_TYPE[org.kind]}
    if org.iati_ref:
        attributes["ref"] = org.iati_ref
    narrative(sub(activity, "participating-org", **attributes), org.name)


def _dates(activity: etree._Element, record: ProjectRecord, today: date) -> None:
    started = record.status is not ProjectStatus.PIPELINE
    ended = record.status in (ProjectStatus.COMPLETED, ProjectStatus.CLOSED)
    end = record.revised_end_date or record.planned_end_date
    for kind, when in (
        (codes.PLANNED_START, record.start_date),
        (codes.ACTUAL_START, record.start_date if started else None),
        (codes.PLANNED_END, end),
        (codes.ACTUAL_END, end if ended and end and end <= today else None),
    ):
        if when is not None:
            sub(activity, "activity-date", type=kind, iso_date=when.isoformat())
    if record.start_date is None and record.approval_date is not None:
        sub(activity, "activity-date", type=codes.PLANNED_START, iso_date=str(record.approval_date))


def _sectors(activity: etree._Element, record: ProjectRecord) -> None:
    if record.sector_code:
        sector = sub(activity, "sector", vocabulary=codes.DAC_5, code=record.sector_code)
        sector.set("percentage", "100")
        if record.sector:
            narrative(sector, record.sector)
    own = record.thematic_group or ("" if record.sector_code else record.sector)
    if own:
        sector = sub(activity, "sector", vocabulary=codes.REPORTING_ORG_VOCABULARY, code=own)
        sector.set("percentage", "100")
        narrative(sector, own)


def _document_links(
    activity: etree._Element, record: ProjectRecord, settings: ExportSettings
) -> None:
    if not settings.public_url:
        return
    base = settings.public_url.rstrip("/")
    for period in record.periods:
        url = f"{base}/funds/{record.fund.code}/projects/{record.number}/{period.quarter.code}.html"
        link = sub(activity, "document-link", url=url, format="text/html")
        narrative(sub(link, "title"), f"Progress report {period.quarter.code}")
        sub(link, "category", code=codes.PROGRESS_REPORT)
        sub(link, "language", code="en")
        sub(link, "document-date", iso_date=period.quarter.end.isoformat())
