"""Export projects from the database: build, validate against the XSD, write, check rules.

The XML is serialised once; those very bytes are parsed back and validated, and only a
valid document is written (atomically). Rule and codelist findings do not stop the export:
they are returned for the user to read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lxml import etree

from logframe.atomic_write import write_atomically
from logframe.domain.records import ProjectRecord
from logframe.interchange.iati.codelists import check_codes
from logframe.interchange.iati.export import ExportSettings, activities_document
from logframe.interchange.iati.rules import check_rules
from logframe.interchange.iati.schema import schema_violations
from logframe.interchange.iati.violations import Violation
from logframe.portfolio import models as m
from logframe.portfolio.records import project_records
from logframe.portfolio.selectors import NotFound, project_by_number


@dataclass(frozen=True)
class Publication:
    activities: int
    schema_violations: tuple[Violation, ...]
    rule_violations: tuple[Violation, ...]


def records_to_export(*, project: str | None, fund: str | None) -> list[ProjectRecord]:
    """The named project, or every project of the fund, as records with all their quarters."""
    if project:
        projects = [project_by_number(number=project, fund=fund)]
    else:
        projects = list(m.Project.objects.filter(fund__code__iexact=fund).select_related(
            "fund__administrative_agent", "line_ministry"
        ))  # fmt: skip
        if not projects:
            raise NotFound(f"fund {fund!r} has no projects (or there is no such fund)")
    periods = list(m.ReportingPeriod.objects.filter(project__in=projects))
    found = project_records(projects=projects, periods=periods)
    return [found[p.pk] for p in projects]


def export_bytes(records: list[ProjectRecord], settings: ExportSettings) -> bytes:
    document = activities_document(records, settings)
    return etree.tostring(document, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def check_export(content: bytes, *, today: date) -> Publication:
    """Validate the bytes of an export as they will be written."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    tree = etree.ElementTree(etree.fromstring(content, parser))
    activities = tree.getroot().findall("iati-activity")
    found: list[Violation] = []
    for activity in activities:
        found += check_rules(activity, today=today) + check_codes(activity, export=True)
    return Publication(
        activities=len(activities),
        schema_violations=tuple(schema_violations(tree)),
        rule_violations=tuple(found),
    )


def publish(
    *, project: str | None, fund: str | None, settings: ExportSettings, out: Path
) -> Publication:
    """Export to ``out`` when the XML is valid; the findings either way."""
    records = records_to_export(project=project, fund=fund)
    content = export_bytes(records, settings)
    outcome = check_export(content, today=settings.today or date.today())
    if not outcome.schema_violations:
        write_atomically(out, content)
    return outcome
