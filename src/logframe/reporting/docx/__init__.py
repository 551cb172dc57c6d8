"""The report as a Word document (.docx): real headings, lists and tables, editable afterwards.

The same sections as the HTML report, in the seed report's order, with the charts after the
outputs; in Arabic or Kurdish the paragraphs, tables and page run right to left, in Vazirmatn.
"""

from __future__ import annotations

from datetime import UTC, datetime

from logframe.reporting.charts import report_charts
from logframe.reporting.docx import sections
from logframe.reporting.docx.document import Properties, Writer
from logframe.reporting.html import title
from logframe.reporting.labels import Lang, labels
from logframe.reporting.model import ReportModel

__all__ = ["render_docx"]


def render_docx(
    report: ReportModel, lang: Lang = "en", *, created: datetime | None = None
) -> bytes:
    """The report as the bytes of a .docx file; ``created`` (default: now) in its properties."""
    t = labels(lang)
    w = Writer(t)
    h = report.header
    w.properties(
        Properties(
            title=title(report, t),
            subject=f"{t.report_title} {h.period_code}",
            author=h.fund_name,
            keywords=f"{h.project_number}, {h.period_code}",
            created=created or datetime.now(UTC).replace(microsecond=0),
        )
    )
    sections.masthead(w, report)
    sections.content_note(w, report)
    sections.key_facts(w, report)
    sections.goal(w, report)
    sections.outputs(w, report)
    sections.charts(w, report_charts(report, t))
    sections.finance(w, report.finance)
    sections.beneficiaries(w, report)
    sections.quantitative(w, report)
    sections.qualitative(w, report)
    sections.constraints(w, report)
    sections.footnotes(w, report)
    sections.evidence(w, report)
    sections.findings(w, report.findings)
    sections.colophon(w, report)
    return w.save()
