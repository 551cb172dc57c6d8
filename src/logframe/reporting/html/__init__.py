"""The report as HTML: a standalone HTML5 file (inline CSS, no external assets, no script),
or the report's body alone for a web page to embed (with ``REPORT_CSS`` in its <head>).
"""

from __future__ import annotations

from logframe.reporting.html import back, front, tables
from logframe.reporting.html.direction import mark_left_to_right_blocks
from logframe.reporting.html.elements import el, esc, join
from logframe.reporting.html.style import PAGE_CSS, REPORT_CSS, RTL_CSS
from logframe.reporting.labels import EN, Labels, Lang, labels
from logframe.reporting.model import ReportModel

__all__ = ["REPORT_CSS", "render_html", "render_html_body", "standalone_styles"]


def render_html(report: ReportModel, lang: Lang = "en") -> str:
    """The whole report as one file, in the seed report's section order, findings last."""
    t = labels(lang)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{t.lang}"{_dir(t)}>\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title(report, t))}</title>\n"
        f"<style>{_standalone_style(t)}</style>\n</head>\n"
        f"<body>\n{_report('main', report, t)}\n</body>\n</html>\n"
    )


def standalone_styles() -> tuple[str, str]:
    """The two texts the standalone file's one <style> can hold (left to right, right to
    left): a Content-Security-Policy allows exactly these by their hashes."""
    return _standalone_style(EN), _standalone_style(labels("ar"))


def _standalone_style(t: Labels) -> str:
    return PAGE_CSS + REPORT_CSS + (RTL_CSS if t.rtl else "")


def render_html_body(report: ReportModel, lang: Lang = "en", *, extra: str = "") -> str:
    """The report alone, ``<div class="report">``, styled by ``REPORT_CSS`` (and ``RTL_CSS``
    for Arabic and Kurdish); ``extra`` HTML goes after the outputs (the PDF's charts)."""
    return _report("div", report, labels(lang), extra) + "\n"


def _report(tag: str, report: ReportModel, t: Labels, extra: str = "") -> str:
    """The report element; right to left, each block set in its own first letter's direction."""
    lang_attr = "" if t is EN else f' lang="{t.lang}"'
    element = f'<{tag} class="report"{lang_attr}{_dir(t)}>\n{_sections(report, t, extra)}\n</{tag}>'
    return mark_left_to_right_blocks(element) if t.rtl else element


def _dir(t: Labels) -> str:
    return ' dir="rtl"' if t.rtl else ""


def _sections(report: ReportModel, t: Labels, extra: str = "") -> str:
    return join(
        [
            front.masthead(report.header, t),
            back.content_note(report.content_note),
            front.key_facts(report, t),
            front.goal_and_objectives(report, t),
            front.outputs_and_activities(report.outputs, t),
            extra,
            tables.financial_status(report.finance, t),
            tables.beneficiaries(report.beneficiaries, t),
            tables.quantitative(report, t),
            back.qualitative(report.qualitative, t),
            back.constraints(report.constraints_html, t),
            back.footnotes(report.footnotes, t),
            back.evidence(report.evidence, t),
            back.findings(report.findings, t),
            _colophon(report, t),
        ]
    )


def title(report: ReportModel, t: Labels = EN) -> str:
    """The document's title: "G11-23 2013Q1 progress report: <the project's title>"."""
    h = report.header
    if t is EN:
        return f"{h.project_number} {h.period_code} progress report: {h.title}"
    return f"{t.report_title} {h.project_number} {h.period_code}: {h.title}"


def _colophon(report: ReportModel, t: Labels) -> str:
    h = report.header
    text = t.colophon.format(number=h.project_number, period=h.period_code)
    return el("footer", esc(text), class_="colophon")
