"""From a project number and a quarter to a rendered report: selectors, then pure building.

This is the one place where reporting meets the database: it reads the project
as records through the portfolio's selectors; everything after is pure.
"""

from __future__ import annotations

from typing import Literal, get_args

from logframe.activities.selectors import register_of
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
from logframe.reporting.labels import Lang
from logframe.reporting.markdown import render_markdown
from logframe.reporting.model import EvidenceItem, ReportModel

TextFormat = Literal["html", "md", "csv"]
DocumentFormat = Literal["docx", "pdf", "xlsx"]
Format = Literal[TextFormat, DocumentFormat]
FORMATS: tuple[Format, ...] = get_args(TextFormat) + get_args(DocumentFormat)
DOCUMENT_FORMATS: tuple[DocumentFormat, ...] = get_args(DocumentFormat)
# formats whose labels follow --lang; Markdown and CSV are written in English
TRANSLATED_FORMATS: tuple[Format, ...] = ("html", "docx", "pdf", "xlsx")
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "md": "text/markdown; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
REPORT_ERRORS = (NotFound, ReportError)


def project_report(*, project: Project, quarter: Quarter, lang: Lang | None = None) -> ReportModel:
    """The report model of one project's quarter (raises ReportError for an unknown quarter);
    with ``lang``, the project's texts in that language where translated."""
    return build_report(
        project=project_record(project=project),
        quarter=quarter,
        evidence=evidence_items(project=project, quarter=quarter),
        lang=lang,
        register=register_of(project=project),
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


def render_project(
    *, project: Project, quarter: Quarter, fmt: TextFormat, lang: Lang = "en"
) -> str:
    """The report of one project's quarter in ``fmt``; ReportError for an unknown quarter."""
    if fmt == "csv":
        return _csv(project_record(project=project), quarter)
    if fmt == "md":
        return render_markdown(project_report(project=project, quarter=quarter))
    return render_html(project_report(project=project, quarter=quarter, lang=lang), lang)


def render_project_file(
    *, project: Project, quarter: Quarter, fmt: Format, lang: Lang = "en"
) -> bytes:
    """The report as the bytes of a file in any of ``FORMATS`` (text as UTF-8)."""
    if fmt == "docx" or fmt == "pdf" or fmt == "xlsx":
        report = project_report(project=project, quarter=quarter, lang=lang)
        return render_document(report, fmt, lang)
    return render_project(project=project, quarter=quarter, fmt=fmt, lang=lang).encode("utf-8")


def render_document(report: ReportModel, fmt: DocumentFormat, lang: Lang = "en") -> bytes:
    """The report model as a Word, PDF or Excel file (their renderers load on first use)."""
    if fmt == "docx":
        from logframe.reporting.docx import render_docx

        return render_docx(report, lang)
    if fmt == "pdf":
        from logframe.reporting.pdf import render_pdf

        return render_pdf(report, lang)
    from logframe.reporting.xlsx import render_xlsx

    return render_xlsx(report, lang)


def render_report(*, number: str, fund: str | None, quarter: Quarter, fmt: TextFormat) -> str:
    """The rendered report; NotFound or ReportError (one clear line) when it cannot be built."""
    return render_project(project=project_by_number(number=number, fund=fund), quarter=quarter,
                          fmt=fmt)  # fmt: skip


def render_report_file(
    *, number: str, fund: str | None, quarter: Quarter, fmt: Format, lang: Lang = "en"
) -> bytes:
    """The report file's bytes; NotFound or ReportError when it cannot be built."""
    project = project_by_number(number=number, fund=fund)
    return render_project_file(project=project, quarter=quarter, fmt=fmt, lang=lang)


def _csv(record: ProjectRecord, quarter: Quarter) -> str:
    period = report_period(project=record, quarter=quarter)
    return render_indicator_csv(project=record, period=period)
