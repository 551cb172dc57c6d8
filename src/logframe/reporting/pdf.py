"""The report as PDF: the HTML report's body laid out by WeasyPrint on A4 pages.

The same sections as the HTML report, with the charts (PNG data URIs, nothing fetched) after
the outputs, "Page 3 of 9" at the foot of every page, table headers repeated on every page,
long words wrapped rather than clipped. Arabic and Kurdish run right to left, set in the
vendored Vazirmatn; the fonts are loaded from files, never from the network.
"""

from __future__ import annotations

import base64
from datetime import UTC, datetime
from html import escape

from logframe import fonts
from logframe.reporting.charts import Chart, report_charts
from logframe.reporting.html import REPORT_CSS, render_html_body, title
from logframe.reporting.html.style import RTL_CSS
from logframe.reporting.labels import Labels, Lang, labels
from logframe.reporting.model import ReportModel

__all__ = ["render_pdf"]


def render_pdf(report: ReportModel, lang: Lang = "en", *, created: datetime | None = None) -> bytes:
    """The report as the bytes of a PDF file; ``created`` (default: now) in its properties."""
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    t = labels(lang)
    body = render_html_body(report, lang, extra=charts_html(report_charts(report, t), t))
    document = _document(report, t, body, created or datetime.now(UTC).replace(microsecond=0))
    font_config = FontConfiguration()
    css = CSS(string=print_css(report, t), font_config=font_config)
    pdf: bytes = HTML(string=document, base_url=str(fonts.VAZIRMATN)).write_pdf(
        stylesheets=[css], font_config=font_config
    )
    return pdf


def _document(report: ReportModel, t: Labels, body: str, created: datetime) -> str:
    h = report.header
    meta = {
        "author": h.fund_name,
        "description": f"{t.report_title} {h.project_number} {h.period_code}",
        "keywords": f"{h.project_number}, {h.period_code}",
        "generator": "Logframe",
        "dcterms.created": created.isoformat(),
    }
    tags = "".join(
        f'<meta name="{name}" content="{escape(value)}">\n' for name, value in meta.items()
    )
    direction = ' dir="rtl"' if t.rtl else ""
    return (
        f'<!DOCTYPE html>\n<html lang="{t.lang}"{direction}>\n<head>\n<meta charset="utf-8">\n'
        f"<title>{escape(title(report, t))}</title>\n{tags}</head>\n"
        f"<body>\n{body}</body>\n</html>\n"
    )


def charts_html(charts: tuple[Chart, ...], t: Labels) -> str:
    """The charts as a section of figures whose images are PNG data URIs."""
    if not charts:
        return ""
    figures = "\n".join(
        '<figure class="chart">'
        f'<figcaption>{escape(chart.title)}</figcaption><img alt="{escape(chart.title)}" '
        f'src="data:image/png;base64,{base64.b64encode(chart.png).decode("ascii")}" '
        f'style="width:{chart.width_in:.2f}in">'
        "</figure>"
        for chart in charts
    )
    return f'<section id="charts"><h2>{escape(t.charts_section)}</h2>\n{figures}\n</section>'


def print_css(report: ReportModel, t: Labels) -> str:
    """A4 pages, running header and "Page 3 of 9" footer, the report's styles, the fonts."""
    h = report.header
    running = _css_string(f"{h.project_number} · {h.period_code}")
    page = (
        f"{_css_string(t.page + ' ')} counter(page) {_css_string(' ' + t.page_of + ' ')}"
        " counter(pages)"
    )
    start, end = ("right", "left") if t.rtl else ("left", "right")
    faces = "".join(
        f'@font-face {{ font-family: "{fonts.FAMILY}"; src: url("{path.as_uri()}");'
        f" font-weight: {weight}; }}\n"
        for path, weight in ((fonts.REGULAR, 400), (fonts.BOLD, 700))
    )
    return f"""{faces}
@page {{ size: A4; margin: 16mm 15mm 18mm;
  @top-{start} {{ content: {running}; font: 7.5pt "{fonts.FAMILY}", sans-serif;
    color: #5b6b7a; }}
  @bottom-{end} {{ content: {page}; font: 7.5pt "{fonts.FAMILY}", sans-serif;
    color: #5b6b7a; }} }}
html, body {{ margin: 0; }}
{REPORT_CSS}
{RTL_CSS if t.rtl else ""}
.report {{ font-family: "Noto Sans", "Liberation Sans", "{fonts.FAMILY}", sans-serif; }}
.report[dir="rtl"] {{ font-family: "{fonts.FAMILY}", sans-serif; }}
.report table {{ table-layout: fixed; }}
.report th, .report td {{ overflow-wrap: break-word; }}
.report .num .reported, .report thead th.num {{ white-space: normal; }}
.report table.finance {{ font-size: 8pt; }}
.report a {{ color: inherit; text-decoration: none; }}
.report figure.chart {{ margin: 0 0 5mm; break-inside: avoid; page-break-inside: avoid; }}
.report figure.chart figcaption {{ margin-bottom: 1.5mm; color: #0b4f8a; font-weight: 700;
  font-size: 9pt; }}
.report figure.chart img {{ max-width: 100%; }}
"""


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
