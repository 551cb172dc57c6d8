"""From a project number and a quarter to a rendered report: selectors, then pure building.

This is the one place where reporting meets the database: it reads the project
as records through the portfolio's selectors; everything after is pure.
"""

from __future__ import annotations

from typing import Literal

from logframe.domain.periods import Quarter
from logframe.domain.records import ProjectRecord
from logframe.portfolio.models import Project
from logframe.portfolio.selectors import (
    NotFound,
    period_evidence,
    project_by_number,
    project_record,
)
from logframe.reporting.build import ReportError, build_report, report_period
from logframe.reporting.html import render_html
from logframe.reporting.indicator_table import render_indicator_csv
from logframe.reporting.markdown import render_markdown
from logframe.reporting.model import EvidenceItem, ReportModel

Format = Literal["html", "md", "csv"]
FORMATS: tuple[Format, ...] = ("html", "md", "csv")
CONTENT_TYPES = {"html": "text/html", "md": "text/markdown", "csv": "text/csv"}
REPORT_ERRORS = (NotFound, ReportError)


def project_report(*, project: Project, quarter: Quarter) -> ReportModel:
    """The report model of one project's quarter (raises ReportError for an unknown quarter)."""
    return build_report(
        project=project_record(project=project),
        quarter=quarter,
        evidence=evidence_items(project=project, quarter=quarter),
    )


def evidence_items(*, project: Project, quarter: Quarter) -> tuple[EvidenceItem, ...]:
    """The annex of means of verification, from the evidence attached to the quarter's values."""
    return tuple(
        EvidenceItem(
            indicator=e.indicator_value.indicator.code,
            name=e.name,
            description=e.description,
            kind=KINDS.get(e.content_type, e.content_type),
            size=e.size,
        )
        for e in period_evidence(project=project, quarter=quarter)
    )


KINDS = {
    "application/pdf": "PDF",
    "image/png": "PNG",
    "image/jpeg": "JPEG",
    "text/csv": "CSV",
    "text/plain": "Text",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "Word",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "Excel",
}


def render_project(*, project: Project, quarter: Quarter, fmt: Format) -> str:
    """The report of one project's quarter in ``fmt``; ReportError for an unknown quarter."""
    if fmt == "csv":
        return _csv(project_record(project=project), quarter)
    report = project_report(project=project, quarter=quarter)
    return render_html(report) if fmt == "html" else render_markdown(report)


def render_report(*, number: str, fund: str | None, quarter: Quarter, fmt: Format) -> str:
    """The rendered report; NotFound or ReportError (one clear line) when it cannot be built."""
    return render_project(project=project_by_number(number=number, fund=fund), quarter=quarter,
                          fmt=fmt)  # fmt: skip


def _csv(record: ProjectRecord, quarter: Quarter) -> str:
    period = report_period(project=record, quarter=quarter)
    return render_indicator_csv(project=record, period=period)
