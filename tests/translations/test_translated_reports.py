"""Reports in the requested language: translated texts where there are some, the original
marked "[en]" elsewhere, the same in HTML, Word, PDF and Excel."""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import replace

import pytest
from docx import Document
from openpyxl import load_workbook

from logframe.domain.content import FSI, LRI, PDI, localise
from logframe.domain.periods import Quarter
from logframe.domain.records import TextSubject, TranslationRecord
from logframe.portfolio.services import project_import
from logframe.reporting.assemble import render_project, render_project_file
from logframe.reporting.build import build_report

Q1 = Quarter.parse("2013Q1")
TITLE_AR = "دعم المفوضية العليا المستقلة للانتخابات"
INDICATOR_AR = "عدد موظفي المفوضية المدرَّبين"
NARRATIVE_AR = "<p>أحرزت المفوضية تقدماً في الشفافية.</p>"


def arabic(record):
    translations = (
        TranslationRecord(subject=TextSubject.PROJECT, field="title", language="ar", text=TITLE_AR),
        TranslationRecord(
            subject=TextSubject.INDICATOR, field="text", language="ar", text=INDICATOR_AR,
            code="1.1.8",
        ),
        TranslationRecord(
            subject=TextSubject.NARRATIVE, field="narrative", language="ar", text=NARRATIVE_AR,
            code="1.1", quarter=Q1,
        ),
    )  # fmt: skip
    return replace(record, translations=tuple(sorted(translations, key=TranslationRecord.key)))


def indicator_text(record, code):
    return next(i.text for r in record.walk_results() for i in r.indicators if i.code == code)


def test_translated_texts_replace_the_originals_and_the_rest_is_marked(example_record):
    localised = localise(arabic(example_record), "ar")
    project = localised.project
    assert project.title == f"{FSI}{TITLE_AR}{PDI}"  # a first-strong isolate, as dir="auto"
    assert indicator_text(project, "1.1.8") == f"{FSI}{INDICATOR_AR}{PDI}"
    original = indicator_text(example_record, "1.1.9")
    assert indicator_text(project, "1.1.9") == f"{LRI}[en] {original}{PDI}"
    assert project.periods[0].progress[0].narrative == NARRATIVE_AR
    assert localised.fallbacks > 0
    assert "[en]" in localised.note("ar")
    assert "العربية" in localised.note("ar")


def test_rich_text_is_marked_inside_its_first_paragraph(example_record):
    project = localise(example_record, "ar").project
    assert project.description.startswith("<p>[en] ")
    assert project.periods[0].summary.startswith("<p>[en] ") or not project.periods[0].summary


def test_in_its_own_language_the_project_is_unchanged(example_record):
    assert localise(arabic(example_record), "en").project == arabic(example_record)
    report = build_report(project=arabic(example_record), quarter=Q1, lang="en")
    assert report.content_note == ""
    assert report.header.title == example_record.title


def test_an_arabic_project_in_english_marks_its_arabic_texts(example_record):
    written_in_arabic = replace(example_record, title=TITLE_AR, language="ar", translations=())
    project = localise(written_in_arabic, "en").project
    assert project.title == f"\u2067[ar] {TITLE_AR}{PDI}"  # isolated right to left


@pytest.fixture
def translated_project(db, example_record):
    return project_import(record=arabic(example_record), actor=None, reason="t").project


@pytest.mark.django_db
def test_the_arabic_html_report_uses_the_translations(translated_project):
    html = render_project(project=translated_project, quarter=Q1, fmt="html", lang="ar")
    assert TITLE_AR in html
    assert INDICATOR_AR in html
    assert "أحرزت المفوضية" in html
    assert 'class="content-note"' in html
    assert "[en] " in html  # the untranslated texts, marked
    # an English fallback stays left to right inside the Arabic report
    assert re.search('dir="ltr">(\u2068\u2066)?\\[en\\] ', html)


@pytest.mark.django_db
def test_without_translations_every_text_is_marked(loaded_project):
    html = render_project(project=loaded_project, quarter=Q1, fmt="html", lang="ar")
    assert html.count("[en]") > 20
    english = render_project(project=loaded_project, quarter=Q1, fmt="html", lang="en")
    assert "[en]" not in english
    assert 'class="content-note"' not in english


@pytest.mark.django_db
def test_the_word_report_carries_translations_marks_and_legend(translated_project):
    data = render_project_file(project=translated_project, quarter=Q1, fmt="docx", lang="ar")
    doc = Document(io.BytesIO(data))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert TITLE_AR in text + cells
    assert INDICATOR_AR in cells
    assert "أحرزت المفوضية" in text
    assert "[en]" in text + cells
    assert any("لم تُترجم بعد" in p.text for p in doc.paragraphs)


@pytest.mark.django_db
def test_the_pdf_report_carries_translations_and_marks(translated_project, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(
        render_project_file(project=translated_project, quarter=Q1, fmt="pdf", lang="ar")
    )
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    text = done.stdout.decode("utf-8")
    assert "[en]" in text
    assert "موظفي" in text  # the translated indicator (poppler splits some ligatures)


@pytest.mark.django_db
def test_the_excel_report_carries_translations_and_the_legend(translated_project):
    data = render_project_file(project=translated_project, quarter=Q1, fmt="xlsx", lang="ar")
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    values = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert f"{FSI}{INDICATOR_AR}{PDI}" in values
    assert any(v.startswith(f"{LRI}[en] ") for v in values)
    assert any("لم تُترجم بعد" in v for v in values)
