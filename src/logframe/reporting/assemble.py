"""From a project number and a quarter to a rendered report: selectors, then pure building.

This is the one place where reporting meets the database: it reads the project
as records through the portfolio's selectors; everything after is pure.
"""

from __future__ import annotations

from typing import Literal

from logframe.domain.periods import Quarter
from logframe.portfolio.models import Project
from logframe.portfolio.selectors import NotFound, project_by_number, project_record
from logframe.reporting.build import ReportError, build_report
from logframe.reporting.html import render_html
from logframe.reporting.markdown import render_markdown
from logframe.reporting.model import ReportModel

Format = Literal["html", "md"]


def project_report(*, project: Project, quarter: Quarter) -> ReportModel:
    """The report model of one project's quarter (raises ReportError for an unknown quarter)."""
    return build_report(project=project_record(project=project), quarter=quarter)


def render_report(*, number: str, fund: str | None, quarter: Quarter, fmt: Format) -> str:
    """The rendered report; NotFound or ReportError (one clear line) when it cannot be built."""
    project = project_by_number(number=number, fund=fund)
    report = project_report(project=project, quarter=quarter)
    return RENDERERS[fmt](report)


RENDERERS = {"html": render_html, "md": render_markdown}
REPORT_ERRORS = (NotFound, ReportError)
