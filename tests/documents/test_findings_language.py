"""The data-quality findings inside an Arabic or Kurdish document are in its language: the
same sentences the web shows (``web/vocabulary.finding_message``), in the HTML, Word, Excel
and PDF reports alike. An English report keeps the English messages."""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from django.utils import translation
from docx import Document
from openpyxl import load_workbook

from logframe.domain.findings import Finding, Severity, _
from logframe.reporting.docx import render_docx
from logframe.reporting.finding_text import finding_text
from logframe.reporting.html import render_html_body
from logframe.reporting.html.elements import esc
from logframe.reporting.labels import AR, CKB, EN, Labels
from logframe.reporting.model import ReportModel
from logframe.reporting.xlsx import render_xlsx
from logframe.web.vocabulary import finding_message
from tests.documents.pdf_reading import pdf_text

_BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_HARAKAT = re.compile("[\u064b-\u0652\u0670]")  # pdftotext moves the short vowels about


@pytest.mark.parametrize("t", [AR, CKB], ids=lambda t: t.lang)
def test_the_documents_say_what_the_web_says(seed: ReportModel, t: Labels):
    assert seed.findings
    for finding in seed.findings:
        with translation.override(t.lang):
            web = finding_message(finding)
        assert finding_text(finding, t) == web
        assert web != finding.message, finding.rule


def test_the_words_are_arabic_and_kurdish(seed: ReportModel):
    footnote = next(f for f in seed.findings if f.rule == "footnote-empty")
    assert (
        finding_text(footnote, AR)
        == "الحاشية 7 مُشار إليها بعد المؤشر 2.2.1 والنشاط 2.2.1، لكن نصها فارغ."
    )
    assert finding_text(footnote, CKB) == (
        "پەراوێزی 7 لە دوای پێوەری 2.2.1 و چالاکیی 2.2.1 نیشانکراوە، بەڵام دەقەکەی بەتاڵە."
    )
    assert finding_text(footnote, EN) == footnote.message
    uneven = next(f for f in seed.findings if f.rule == "cap-uneven")
    assert " and " not in finding_text(uneven, AR)  # the list of codes is Arabic too


def test_a_finding_without_words_keeps_its_message():
    plain = Finding(rule="x", severity=Severity.INFO, where="1.1", message="As it was written.")
    assert finding_text(plain, AR) == "As it was written."


def test_a_date_is_written_with_the_documents_months():
    words = _("Footnote %(number)s is marked after %(at)s, but its text is empty.", number=3,
              at=date(2013, 10, 17))  # fmt: skip
    found = Finding.said(words, rule="footnote-empty", severity=Severity.WARNING, where="x")
    assert f"17 {AR.months[9]} 2013" in finding_text(found, AR)


def _findings_table(doc) -> list[list[str]]:  # type: ignore[no-untyped-def]
    for table in doc.tables:
        rows = [[c.text for c in row.cells] for row in table.rows]
        if rows[0] == [AR.severity, AR.where, AR.finding]:
            return rows[1:]
    raise AssertionError("no findings table")


def test_arabic_word_report(seed: ReportModel, created: datetime):
    doc = Document(io.BytesIO(render_docx(seed, "ar", created=created)))
    rows = _findings_table(doc)
    assert [row[2].split("\n")[0] for row in rows] == [finding_text(f, AR) for f in seed.findings]
    assert "لكن نصها فارغ" in rows[-1][2]
    xml = doc.element.xml
    assert "but its text is empty" not in xml
    assert "read as" not in xml


def test_arabic_html_and_excel_reports(seed: ReportModel, created: datetime):
    body = render_html_body(seed, "ar")
    assert "لكن نصها فارغ" in body
    assert "but its text is empty" not in body
    book = load_workbook(io.BytesIO(render_xlsx(seed, "ar", created=created)))
    cells = [str(c.value) for row in book[AR.sheet_indicators].iter_rows() for c in row]
    assert any("كُتبت الحالة «Yes» وقُرئت «مكتمل»." in c for c in cells)
    assert not any("read as" in c for c in cells)


def test_english_documents_keep_the_english_messages(seed: ReportModel, created: datetime):
    body = render_html_body(seed, "en")
    assert all(esc(f.message) in body for f in seed.findings)


def test_arabic_pdf_report(pdf_files: dict[str, Path]):
    text = _HARAKAT.sub("", _BIDI_MARKS.sub("", pdf_text(pdf_files["ar"])))
    flat = " ".join(text.split())
    for phrase in ("نصها فارغ", "وقرئت", "متوسط نسب"):
        assert phrase in flat, phrase
    for english in ("but its text is empty", "read as", "the mean of"):
        assert english not in flat, english
