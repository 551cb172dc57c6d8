"""The report as HTML: a standalone HTML5 file (inline CSS, no external assets, no script),
or the report's body alone for a web page to embed (with ``REPORT_CSS`` in its <head>).
"""

from __future__ import annotations

from logframe.reporting.html import back, front, tables
from logframe.reporting.html.elements import el, esc, join
from logframe.reporting.html.style import PAGE_CSS, REPORT_CSS
from logframe.reporting.model import ReportModel

__all__ = ["REPORT_CSS", "render_html", "render_html_body"]


def render_html(report: ReportModel) -> str:
    """The whole report as one file, in the seed report's section order, findings last."""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(_title(report))}</title>\n"
        f"<style>{PAGE_CSS}{REPORT_CSS}</style>\n</head>\n"
        f'<body>\n<main class="report">\n{_sections(report)}\n</main>\n</body>\n</html>\n'
    )


def render_html_body(report: ReportModel) -> str:
    """The report alone, ``<div class="report">``, styled by ``REPORT_CSS``."""
    return f'<div class="report">\n{_sections(report)}\n</div>\n'


def _sections(report: ReportModel) -> str:
    return join(
        [
            front.masthead(report.header),
            front.key_facts(report),
            front.goal_and_objectives(report),
            front.outputs_and_activities(report.outputs),
            tables.financial_status(report.finance),
            tables.beneficiaries(report.beneficiaries),
            tables.quantitative(report),
            back.qualitative(report.qualitative),
            back.constraints(report.constraints_html),
            back.footnotes(report.footnotes),
            back.evidence(report.evidence),
            back.findings(report.findings),
            _colophon(report),
        ]
    )


def _title(report: ReportModel) -> str:
    h = report.header
    return f"{h.project_number} {h.period_code} progress report: {h.title}"


def _colophon(report: ReportModel) -> str:
    text = (
        f"Project {report.header.project_number}, {report.header.period_code}."
        " Every percentage is computed from the recorded values under the fund's reporting"
        " conventions; figures the report stated are shown beside them where they differ."
    )
    return el("footer", esc(text), class_="colophon")
