"""render_html: one standalone, escaped, well-formed file with the seed's sections in order."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

import pytest

from logframe.domain.periods import Quarter
from logframe.domain.records import ProjectRecord
from logframe.reporting.build import build_report
from logframe.reporting.html import REPORT_CSS, render_html, render_html_body

SECTIONS = [
    "Development Goal and Immediate Objectives",
    "Outputs, Key Activities and Procurement",
    "Financial Status",
    "Beneficiaries",
    "Quantitative Achievements against Objectives and Results",
    "Qualitative Achievements against Objectives and Results",
    "Main Implementation Constraints and Challenges",
    "Notes",
    "Data-Quality Findings",
]
VOID = {"meta", "br", "col", "img", "hr", "link", "input"}


class Page(HTMLParser):
    """Collects h2 headings, rows by class and cells, and checks that every tag is closed."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.errors: list[str] = []
        self.headings: list[str] = []
        self.rows: list[tuple[str, list[tuple[str, str]]]] = []  # (class, [(cell class, text)])
        self.text: list[str] | None = None
        self.cell_class = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = dict(attrs).get("class") or ""
        if tag not in VOID:
            self.open.append(tag)
        if tag == "h2":
            self.text = []
        elif tag == "tr":
            self.rows.append((classes, []))
        elif tag in ("td", "th") and self.rows:
            self.text, self.cell_class = [], classes

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.open[-1:]}")
            return
        self.open.pop()
        if tag == "h2" and self.text is not None:
            self.headings.append("".join(self.text).strip())
        elif tag in ("td", "th") and self.text is not None and self.rows:
            self.rows[-1][1].append((self.cell_class, " ".join("".join(self.text).split())))
        if tag in ("h2", "td", "th"):
            self.text = None

    def handle_data(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


@pytest.fixture
def html(project: ProjectRecord, quarter: Quarter) -> str:
    return render_html(build_report(project=project, quarter=quarter))


def test_the_sections_come_in_the_seed_reports_order(html: str):
    assert parse(html).headings == SECTIONS


def test_the_document_is_well_formed_html5(html: str):
    page = parse(html)
    assert html.startswith("<!DOCTYPE html>\n")
    assert (page.errors, page.open) == ([], [])


def test_the_file_stands_alone(html: str):
    lowered = html.lower()
    for external in ("http://", "https://", "src=", "<link", "@import", "url(", "<script"):
        assert external not in lowered
    assert "<style>" in html
    assert "@page { size: A4" in html
    assert "display: table-header-group" in html  # header rows repeat on every page


def test_user_text_is_escaped(project: ProjectRecord, quarter: Quarter):
    hostile = replace(project, title='<script>alert("x")</script> & Co')
    html = render_html(build_report(project=hostile, quarter=quarter))
    assert "<script" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in html


def test_rich_text_is_inserted_as_it_is(html: str):
    assert "<p>The programme has continued to support <strong>IHEC</strong> capacity.</p>" in html
    assert "<li><strong>Data centre:</strong> cabling rearranged</li>" in html


def test_a_mismatch_shows_the_computed_figure_the_reported_one_and_a_flag(html: str):
    page = parse(html)
    row = next(cells for _, cells in page.rows if cells and cells[0][1].startswith("3.1.4"))
    cell_class, text = row[-1]
    assert "mismatch" in cell_class.split()
    assert text == "≠10 % (reported 5 %)"
    assert 'class="legend"' in html


def test_output_rows_are_shaded_rows_of_their_own(html: str):
    page = parse(html)
    outputs = [cells for cls, cells in page.rows if cls == "output"]
    assert [cells[0][1].split(" ")[:2] for cells in outputs] == [
        ["Output", "1.1"],
        ["Output", "2.1"],
        ["Output", "3.1"],
    ]
    assert [cells[-1][1] for cells in outputs] == [
        "≠59 % (reported 56 %)",
        "75 %",
        "≠55 % (reported 63 %)",
    ]


def test_figures_stand_in_right_aligned_cells(html: str):
    page = parse(html)
    total = next(cells for cls, cells in page.rows if cls == "total")
    assert [text for _, text in total[:6]] == [
        "Total",
        "24,861,991.00",
        "12,824,814.81",
        "51.6 %",
        "12,311,346.93",
        "49.5 %",
    ]
    assert all(cls == "num" for cls, _ in total[1:6])


def test_the_findings_come_last_with_their_severity(html: str):
    page = parse(html)
    last = page.rows[-11:]  # the fixture's eleven findings
    assert [cells[1][1] for _, cells in last][-1] == "footnotes"
    assert {cells[0][1] for _, cells in last} == {"error", "warning", "info"}, last
    assert "11 findings: 5 errors (a reported figure is wrong), 4 warnings (to look at)" in html
    assert "and 2 notes (for information)." in html


def test_no_findings_says_so(project: ProjectRecord, quarter: Quarter):
    report = replace(build_report(project=project, quarter=quarter), findings=())
    assert "No findings: every reported figure agrees" in render_html(report)


def test_the_body_alone_embeds_in_a_page(project: ProjectRecord, quarter: Quarter):
    body = render_html_body(build_report(project=project, quarter=quarter))
    page = parse(body)
    assert body.startswith('<div class="report">')
    assert (page.errors, page.open) == ([], [])
    assert page.headings == SECTIONS
    assert "<style" not in body
    assert "<html" not in body


def test_the_report_css_stays_inside_the_report():
    rules = [line for line in REPORT_CSS.splitlines() if line and line[0] not in " }"]
    assert rules
    assert all(rule.startswith(".report") for rule in rules)
